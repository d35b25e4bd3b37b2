#include "rules/allrules.h"

namespace td {

namespace {

// RULES.md waiver-unused: a waiver whose rule and subject set equal no
// finding's. The validator runs it after every other rule, with
// RuleContext::waiverUsed telling which waivers matched.
class WaiverUnused final : public Rule
{
public:
    WaiverUnused()
        : Rule({"waiver-unused", Severity::Info, Scope::Waiver, QT_TRANSLATE_NOOP("td::Rule", "Waiver unused"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "This waiver matches no finding: no finding of its rule has exactly its subjects "
                                  "(the problem was fixed, a subject was deleted, or the rule id is unknown). "
                                  "Remove the waiver, so that it cannot hide a problem that comes back later."),
                QT_TRANSLATE_NOOP("td::Rule", "Topology Designer (FORMAT.md, Waivers).")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.waiverUsed || pos >= c.waiverUsed->size() || c.waiverUsed->at(pos))
            return;
        const Waiver &w = c.topology.waivers.at(pos);
        QStringList names;
        for (const QString &id : w.subjects) {
            const QString name = c.index.nameOf(c.topology, id);
            names << (name.isEmpty() ? id : name);
        }
        out.append(make(tr("The waiver of %1 for %2 matches no finding (reason: %3).")
                            .arg(w.rule, RuleContext::nameList(names), w.reason),
                        w.subjects));
    }
};

} // namespace

std::unique_ptr<Rule> makeWaiverUnused()
{
    return std::make_unique<WaiverUnused>();
}

} // namespace td
