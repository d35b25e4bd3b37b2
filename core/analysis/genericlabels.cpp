#include "analysis/genericlabels.h"

#include <QCoreApplication>

#include <algorithm>

namespace td {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("td::GenericLabels", text);
}
} // namespace

QString GenericLabels::letters(int index)
{
    QString s;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        s.prepend(QChar(u'A' + (n - 1) % 26));
    return s;
}

GenericLabels::GenericLabels(const Topology &topology, const Catalog &catalog)
{
    auto add = [this](const QString &id, const QString &name, const QString &label) {
        mLabels.insert(id, label);
        mReplace.insert(id, label);
        if (!name.isEmpty())
            mReplace.insert(name, label);
    };
    for (int i = 0; i < topology.hosts.size(); ++i)
        add(topology.hosts.at(i).id.str(), topology.hosts.at(i).name, tr("Host %1").arg(i + 1));
    QHash<QString, int> perProduct;
    for (const Guest &g : topology.guests) {
        const Product *product = catalog.product(g.product);
        const QString productName = product ? product->name : tr("VM");
        const QString letter = letters(perProduct[productName]++);
        add(g.id.str(), g.name, QStringLiteral("%1 %2").arg(productName, letter));
        if (product && !product->namePrefix.isEmpty())
            mShort.insert(g.id.str(), QStringLiteral("%1 %2").arg(product->namePrefix, letter));
    }
    for (int i = 0; i < topology.racks.size(); ++i)
        add(topology.racks.at(i).id.str(), topology.racks.at(i).name, tr("Rack %1").arg(i + 1));
    for (int i = 0; i < topology.circuits.size(); ++i)
        add(topology.circuits.at(i).id.str(), topology.circuits.at(i).name, tr("Circuit %1").arg(i + 1));
    for (int i = 0; i < topology.clusters.size(); ++i)
        add(topology.clusters.at(i).id.str(), topology.clusters.at(i).name, tr("Cluster %1").arg(i + 1));
    int pairs = 0;
    int pools = 0;
    for (const Group &g : topology.groups) {
        add(g.id.str(), g.name,
            g.kind == GroupKind::Switchover ? tr("Switchover pair %1").arg(++pairs) : tr("Pool %1").arg(++pools));
    }
    // One pattern for every name and id, longest first so that a name that
    // contains another ("esx01.contoso.local", "esx01") is replaced whole.
    QStringList keys = mReplace.keys();
    std::sort(keys.begin(), keys.end(),
              [](const QString &a, const QString &b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    QStringList alternatives;
    alternatives.reserve(keys.size());
    for (const QString &key : std::as_const(keys))
        alternatives << QRegularExpression::escape(key);
    if (!alternatives.isEmpty()) {
        mPattern.setPattern(QStringLiteral("(?<![\\w.-])(?:%1)(?![\\w-])").arg(alternatives.join(QLatin1Char('|'))));
        mPattern.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption);
    }
}

QString GenericLabels::apply(const QString &text) const
{
    if (mReplace.isEmpty() || text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = mPattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += mReplace.value(m.captured());
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace td
