#include "model/topologyindex.h"

namespace td {

namespace {

void removeOne(QVector<int> &list, int value)
{
    const int at = list.indexOf(value);
    if (at >= 0) {
        list[at] = list.last();
        list.removeLast();
    }
}

template <typename List>
void indexIds(QHash<QString, TopologyIndex::Ref> &byId, const List &list, ObjectKind kind)
{
    for (int i = 0; i < list.size(); ++i)
        byId.insert(list.at(i).id.str(), TopologyIndex::Ref{kind, i});
}

} // namespace

void TopologyIndex::rebuild(const Topology &t)
{
    mById.clear();
    mById.reserve(t.circuits.size() + t.racks.size() + t.clusters.size() + t.hosts.size() + t.guests.size()
                  + t.groups.size());
    indexIds(mById, t.circuits, ObjectKind::Circuit);
    indexIds(mById, t.racks, ObjectKind::Rack);
    indexIds(mById, t.clusters, ObjectKind::Cluster);
    indexIds(mById, t.hosts, ObjectKind::Host);
    indexIds(mById, t.guests, ObjectKind::Guest);
    indexIds(mById, t.groups, ObjectKind::Group);

    mGuestsOnHost = QVector<QVector<int>>(t.hosts.size());
    mGroupsOfGuest = QVector<QVector<int>>(t.guests.size());
    mHostsInRack = QVector<QVector<int>>(t.racks.size());
    mHostsInCluster = QVector<QVector<int>>(t.clusters.size());
    mHostsPoweredBy = QVector<QVector<int>>(t.circuits.size());
    mRacksFedBy = QVector<QVector<int>>(t.circuits.size());

    for (int i = 0; i < t.racks.size(); ++i) {
        for (const CircuitId &c : t.racks.at(i).circuits) {
            const int pos = circuit(c);
            if (pos >= 0 && !mRacksFedBy[pos].contains(i))
                mRacksFedBy[pos].append(i);
        }
    }
    for (int i = 0; i < t.hosts.size(); ++i)
        addHostRelations(i, t.hosts.at(i));
    for (int i = 0; i < t.guests.size(); ++i)
        addGuestRelations(i, t.guests.at(i));
    for (int i = 0; i < t.groups.size(); ++i)
        addGroupRelations(i, t.groups.at(i));
}

void TopologyIndex::replaceGuest(int pos, const Guest &before, const Guest &after)
{
    if (before.id != after.id) {
        mById.remove(before.id.str());
        mById.insert(after.id.str(), Ref{ObjectKind::Guest, pos});
    }
    removeGuestRelations(pos, before);
    addGuestRelations(pos, after);
}

void TopologyIndex::replaceHost(int pos, const Host &before, const Host &after)
{
    if (before.id != after.id) {
        mById.remove(before.id.str());
        mById.insert(after.id.str(), Ref{ObjectKind::Host, pos});
    }
    removeHostRelations(pos, before);
    addHostRelations(pos, after);
}

void TopologyIndex::replaceGroup(int pos, const Group &before, const Group &after)
{
    if (before.id != after.id) {
        mById.remove(before.id.str());
        mById.insert(after.id.str(), Ref{ObjectKind::Group, pos});
    }
    removeGroupRelations(pos, before);
    addGroupRelations(pos, after);
}

const TopologyIndex::Ref *TopologyIndex::find(const QString &id) const
{
    const auto it = mById.constFind(id);
    return it == mById.constEnd() ? nullptr : &it.value();
}

QString TopologyIndex::nameOf(const Topology &t, const QString &id) const
{
    const Ref *ref = find(id);
    if (!ref)
        return {};
    switch (ref->kind) {
    case ObjectKind::Circuit: return t.circuits.at(ref->pos).name;
    case ObjectKind::Rack: return t.racks.at(ref->pos).name;
    case ObjectKind::Cluster: return t.clusters.at(ref->pos).name;
    case ObjectKind::Host: return t.hosts.at(ref->pos).name;
    case ObjectKind::Guest: return t.guests.at(ref->pos).name;
    case ObjectKind::Group: return t.groups.at(ref->pos).name;
    }
    return {};
}

int TopologyIndex::indexOf(ObjectKind kind, const QString &id) const
{
    if (id.isEmpty())
        return -1;
    const Ref *ref = find(id);
    return ref && ref->kind == kind ? ref->pos : -1;
}

void TopologyIndex::addGuestRelations(int pos, const Guest &guest)
{
    const int h = host(guest.host);
    if (h >= 0)
        mGuestsOnHost[h].append(pos);
}

void TopologyIndex::removeGuestRelations(int pos, const Guest &guest)
{
    const int h = host(guest.host);
    if (h >= 0)
        removeOne(mGuestsOnHost[h], pos);
}

void TopologyIndex::addHostRelations(int pos, const Host &h)
{
    const int r = rack(h.rack);
    if (r >= 0)
        mHostsInRack[r].append(pos);
    const int c = cluster(h.cluster);
    if (c >= 0)
        mHostsInCluster[c].append(pos);
    for (const CircuitId &id : h.power) {
        const int p = circuit(id);
        if (p >= 0 && !mHostsPoweredBy[p].contains(pos))
            mHostsPoweredBy[p].append(pos);
    }
}

void TopologyIndex::removeHostRelations(int pos, const Host &h)
{
    const int r = rack(h.rack);
    if (r >= 0)
        removeOne(mHostsInRack[r], pos);
    const int c = cluster(h.cluster);
    if (c >= 0)
        removeOne(mHostsInCluster[c], pos);
    for (const CircuitId &id : h.power) {
        const int p = circuit(id);
        if (p >= 0)
            removeOne(mHostsPoweredBy[p], pos);
    }
}

void TopologyIndex::addGroupRelations(int pos, const Group &group)
{
    for (const GuestId &m : group.members) {
        const int g = guest(m);
        if (g >= 0 && !mGroupsOfGuest[g].contains(pos))
            mGroupsOfGuest[g].append(pos);
    }
}

void TopologyIndex::removeGroupRelations(int pos, const Group &group)
{
    for (const GuestId &m : group.members) {
        const int g = guest(m);
        if (g >= 0)
            removeOne(mGroupsOfGuest[g], pos);
    }
}

} // namespace td
