#include "indexcheck.h"

#include <algorithm>

namespace td::test {

namespace {

QVector<int> sorted(QVector<int> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QString ints(const QVector<int> &list)
{
    QStringList parts;
    for (int v : list)
        parts << QString::number(v);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Compares one relation over every position of a list.
template <typename Get>
QString compareRelation(const char *what, int count, const Get &get)
{
    for (int i = 0; i < count; ++i) {
        const auto [kept, fresh] = get(i);
        if (sorted(kept) != sorted(fresh))
            return QStringLiteral("%1 of %2: %3, rebuilt %4")
                .arg(QLatin1String(what))
                .arg(i)
                .arg(ints(sorted(kept)), ints(sorted(fresh)));
    }
    return {};
}

template <typename List>
QString compareIds(const List &list, ObjectKind kind, const TopologyIndex &index)
{
    for (int i = 0; i < list.size(); ++i) {
        const QString &id = list.at(i).id.str();
        const TopologyIndex::Ref *ref = index.find(id);
        if (!ref || ref->kind != kind || ref->pos != i)
            return QStringLiteral("%1 is at %2 of %3, the index says %4")
                .arg(id)
                .arg(i)
                .arg(kindName(kind), ref ? QString::number(ref->pos) : QStringLiteral("nowhere"));
    }
    return {};
}

} // namespace

QString indexDifference(const Topology &t, const TopologyIndex &index)
{
    const TopologyIndex fresh(t);
    QString why;
    auto first = [&why](const QString &difference) {
        if (why.isEmpty())
            why = difference;
    };
    first(compareIds(t.circuits, ObjectKind::Circuit, index));
    first(compareIds(t.racks, ObjectKind::Rack, index));
    first(compareIds(t.clusters, ObjectKind::Cluster, index));
    first(compareIds(t.hosts, ObjectKind::Host, index));
    first(compareIds(t.guests, ObjectKind::Guest, index));
    first(compareIds(t.groups, ObjectKind::Group, index));
    // Nothing else: no id of an object that is gone.
    const qsizetype objects = t.circuits.size() + t.racks.size() + t.clusters.size() + t.hosts.size() + t.guests.size()
                            + t.groups.size();
    if (index.idCount() != objects)
        first(QStringLiteral("the index knows %1 ids, the topology has %2 objects").arg(index.idCount()).arg(objects));
    first(compareRelation("guests on host", static_cast<int>(t.hosts.size()),
                          [&](int i) { return std::pair(index.guestsOnHost(i), fresh.guestsOnHost(i)); }));
    first(compareRelation("groups of guest", static_cast<int>(t.guests.size()),
                          [&](int i) { return std::pair(index.groupsOfGuest(i), fresh.groupsOfGuest(i)); }));
    first(compareRelation("hosts in rack", static_cast<int>(t.racks.size()),
                          [&](int i) { return std::pair(index.hostsInRack(i), fresh.hostsInRack(i)); }));
    first(compareRelation("hosts in cluster", static_cast<int>(t.clusters.size()),
                          [&](int i) { return std::pair(index.hostsInCluster(i), fresh.hostsInCluster(i)); }));
    first(compareRelation("hosts powered by", static_cast<int>(t.circuits.size()),
                          [&](int i) { return std::pair(index.hostsPoweredBy(i), fresh.hostsPoweredBy(i)); }));
    first(compareRelation("racks fed by", static_cast<int>(t.circuits.size()),
                          [&](int i) { return std::pair(index.racksFedBy(i), fresh.racksFedBy(i)); }));
    return why;
}

} // namespace td::test
