// ChangeBuilder's scenario edits (FORMAT.md "scenarios:"), apart from the
// object edits: the what-if panel adds, renames, edits and removes saved
// scenarios through these, each one undoable change.
#include "changebuilder.h"
#include "rules/rulecontext.h"

#include <QCoreApplication>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ChangeBuilder", text);
}

Change scenariosChange(const Topology &t, QVector<Scenario> after, const QString &text)
{
    Change c;
    if (after == t.scenarios)
        return c;
    c.text = text;
    c.scenariosBefore = t.scenarios;
    c.scenariosAfter = std::move(after);
    return c;
}

} // namespace

Scenario ChangeBuilder::newScenario(const QStringList &fail) const
{
    Scenario sc;
    sc.fail = fail;
    QStringList names;
    for (const QString &id : fail) {
        const QString name = mIndex.nameOf(mTopology, id);
        names << (name.isEmpty() ? id : name);
    }
    const QString base = names.isEmpty() ? tr("New scenario") : tr("Lose %1").arg(RuleContext::nameList(names));
    auto taken = [&](const QString &name) {
        for (const Scenario &other : mTopology.scenarios) {
            if (other.name == name)
                return true;
        }
        return false;
    };
    sc.name = base;
    for (int n = 2; taken(sc.name); ++n)
        sc.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return sc;
}

Change ChangeBuilder::addScenario(const Scenario &scenario) const
{
    QVector<Scenario> after = mTopology.scenarios;
    after.append(scenario);
    return scenariosChange(mTopology, after, tr("Add Scenario"));
}

Change ChangeBuilder::renameScenario(int index, const QString &name) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QVector<Scenario> after = mTopology.scenarios;
    after[index].name = name;
    return scenariosChange(mTopology, after, tr("Rename Scenario"));
}

Change ChangeBuilder::setScenarioFail(int index, const QStringList &fail) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QVector<Scenario> after = mTopology.scenarios;
    after[index].fail = fail;
    return scenariosChange(mTopology, after, tr("Edit Scenario"));
}

Change ChangeBuilder::addToScenario(int index, const QStringList &ids) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QStringList fail = mTopology.scenarios.at(index).fail;
    for (const QString &id : ids) {
        if (!fail.contains(id))
            fail << id;
    }
    return setScenarioFail(index, fail);
}

Change ChangeBuilder::removeFromScenario(int index, const QStringList &ids) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QStringList fail = mTopology.scenarios.at(index).fail;
    for (const QString &id : ids)
        fail.removeAll(id);
    return setScenarioFail(index, fail);
}

Change ChangeBuilder::replaceScenario(int index, const Scenario &scenario) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QVector<Scenario> after = mTopology.scenarios;
    after[index] = scenario;
    return scenariosChange(mTopology, after, tr("Edit Scenario"));
}

Change ChangeBuilder::removeScenario(int index) const
{
    if (index < 0 || index >= mTopology.scenarios.size())
        return {};
    QVector<Scenario> after = mTopology.scenarios;
    after.removeAt(index);
    return scenariosChange(mTopology, after, tr("Remove Scenario"));
}

Change ChangeBuilder::moveScenario(int index, int newIndex) const
{
    const int size = static_cast<int>(mTopology.scenarios.size());
    if (index < 0 || index >= size || newIndex < 0 || newIndex >= size)
        return {};
    QVector<Scenario> after = mTopology.scenarios;
    after.move(index, newIndex);
    return scenariosChange(mTopology, after, tr("Move Scenario"));
}

} // namespace td
