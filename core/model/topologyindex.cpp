#include "model/topologyindex.h"

#include "model/erase.h"

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
    mMissing.clear();
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

    for (int i = 0; i < t.racks.size(); ++i)
        addRackRelations(i, t.racks.at(i));
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

void TopologyIndex::replaceRack(int pos, const Rack &before, const Rack &after)
{
    if (before.id != after.id) {
        mById.remove(before.id.str());
        mById.insert(after.id.str(), Ref{ObjectKind::Rack, pos});
    }
    removeRackRelations(pos, before);
    addRackRelations(pos, after);
}

namespace {

template <typename List>
void insertEmptyAt(List &list, const QVector<int> &positions)
{
    const int size = static_cast<int>(list.size() + positions.size());
    List merged(size);
    int old = 0;
    int next = 0;
    for (int f = 0; f < size; ++f) {
        if (next < positions.size() && positions.at(next) == f)
            ++next;
        else
            merged[f] = std::move(list[old++]);
    }
    list = std::move(merged);
}

void remapLists(QVector<QVector<int>> &lists, const QVector<int> &map, int from)
{
    for (QVector<int> &list : lists) {
        for (int &v : list) {
            if (v >= from)
                v = map.at(v);
        }
    }
}

} // namespace

void TopologyIndex::removing(const Topology &t, ObjectKind kind, const QVector<int> &positions)
{
    if (positions.isEmpty())
        return;
    int oldSize = 0;
    for (int p : positions) {
        QString id;
        switch (kind) {
        case ObjectKind::Circuit: id = t.circuits.at(p).id.str(); break;
        case ObjectKind::Rack:
            id = t.racks.at(p).id.str();
            removeRackRelations(p, t.racks.at(p));
            break;
        case ObjectKind::Cluster: id = t.clusters.at(p).id.str(); break;
        case ObjectKind::Host:
            id = t.hosts.at(p).id.str();
            removeHostRelations(p, t.hosts.at(p));
            break;
        case ObjectKind::Guest:
            id = t.guests.at(p).id.str();
            removeGuestRelations(p, t.guests.at(p));
            break;
        case ObjectKind::Group:
            id = t.groups.at(p).id.str();
            removeGroupRelations(p, t.groups.at(p));
            break;
        }
        // Who still refers to it now refers to nothing.
        if (referred(kind, p))
            dangling(id);
        mById.remove(id);
    }
    switch (kind) {
    case ObjectKind::Circuit: oldSize = static_cast<int>(t.circuits.size()); break;
    case ObjectKind::Rack: oldSize = static_cast<int>(t.racks.size()); break;
    case ObjectKind::Cluster: oldSize = static_cast<int>(t.clusters.size()); break;
    case ObjectKind::Host: oldSize = static_cast<int>(t.hosts.size()); break;
    case ObjectKind::Guest: oldSize = static_cast<int>(t.guests.size()); break;
    case ObjectKind::Group: oldSize = static_cast<int>(t.groups.size()); break;
    }
    // Old position -> new one, from the first removed on (-1: removed).
    const int first = positions.first();
    QVector<int> map(oldSize, -1);
    int next = 0;
    int write = first;
    for (int p = first; p < oldSize; ++p) {
        if (next < positions.size() && positions.at(next) == p)
            ++next;
        else
            map[p] = write++;
    }
    remap(kind, map, first);
    switch (kind) {
    case ObjectKind::Circuit:
        eraseAt(mHostsPoweredBy, positions);
        eraseAt(mRacksFedBy, positions);
        break;
    case ObjectKind::Rack: eraseAt(mHostsInRack, positions); break;
    case ObjectKind::Cluster: eraseAt(mHostsInCluster, positions); break;
    case ObjectKind::Host: eraseAt(mGuestsOnHost, positions); break;
    case ObjectKind::Guest: eraseAt(mGroupsOfGuest, positions); break;
    case ObjectKind::Group: break;
    }
}

void TopologyIndex::inserted(const Topology &t, ObjectKind kind, const QVector<int> &positions)
{
    if (positions.isEmpty())
        return;
    int newSize = 0;
    switch (kind) {
    case ObjectKind::Circuit: newSize = static_cast<int>(t.circuits.size()); break;
    case ObjectKind::Rack: newSize = static_cast<int>(t.racks.size()); break;
    case ObjectKind::Cluster: newSize = static_cast<int>(t.clusters.size()); break;
    case ObjectKind::Host: newSize = static_cast<int>(t.hosts.size()); break;
    case ObjectKind::Guest: newSize = static_cast<int>(t.guests.size()); break;
    case ObjectKind::Group: newSize = static_cast<int>(t.groups.size()); break;
    }
    const int oldSize = newSize - static_cast<int>(positions.size());
    const int first = positions.first();
    if (first < oldSize) {
        // Old position -> new one, from the first inserted on.
        QVector<int> map(oldSize, -1);
        int next = 0;
        int old = first;
        for (int f = first; f < newSize; ++f) {
            if (next < positions.size() && positions.at(next) == f)
                ++next;
            else
                map[old++] = f;
        }
        remap(kind, map, first);
    }
    switch (kind) {
    case ObjectKind::Circuit:
        insertEmptyAt(mHostsPoweredBy, positions);
        insertEmptyAt(mRacksFedBy, positions);
        break;
    case ObjectKind::Rack: insertEmptyAt(mHostsInRack, positions); break;
    case ObjectKind::Cluster: insertEmptyAt(mHostsInCluster, positions); break;
    case ObjectKind::Host: insertEmptyAt(mGuestsOnHost, positions); break;
    case ObjectKind::Guest: insertEmptyAt(mGroupsOfGuest, positions); break;
    case ObjectKind::Group: break;
    }
    QHash<QString, int> comeBack; // ids something referred to while they were missing
    for (int p : positions) {
        QString id;
        switch (kind) {
        case ObjectKind::Circuit: id = t.circuits.at(p).id.str(); break;
        case ObjectKind::Rack: id = t.racks.at(p).id.str(); break;
        case ObjectKind::Cluster: id = t.clusters.at(p).id.str(); break;
        case ObjectKind::Host: id = t.hosts.at(p).id.str(); break;
        case ObjectKind::Guest: id = t.guests.at(p).id.str(); break;
        case ObjectKind::Group: id = t.groups.at(p).id.str(); break;
        }
        mById.insert(id, Ref{kind, p});
        if (!mMissing.isEmpty() && mMissing.remove(id))
            comeBack.insert(id, p);
    }
    // Their own references, once all of them are known (none refers to
    // another of its kind).
    for (int p : positions) {
        switch (kind) {
        case ObjectKind::Rack: addRackRelations(p, t.racks.at(p)); break;
        case ObjectKind::Host: addHostRelations(p, t.hosts.at(p)); break;
        case ObjectKind::Guest: addGuestRelations(p, t.guests.at(p)); break;
        case ObjectKind::Group: addGroupRelations(p, t.groups.at(p)); break;
        case ObjectKind::Circuit:
        case ObjectKind::Cluster: break;
        }
    }
    if (!comeBack.isEmpty())
        resolve(t, kind, comeBack);
}

void TopologyIndex::remap(ObjectKind kind, const QVector<int> &map, int from)
{
    for (auto it = mById.begin(); it != mById.end(); ++it) {
        if (it->kind == kind && it->pos >= from)
            it->pos = map.at(it->pos);
    }
    switch (kind) {
    case ObjectKind::Rack: remapLists(mRacksFedBy, map, from); break;
    case ObjectKind::Host:
        remapLists(mHostsInRack, map, from);
        remapLists(mHostsInCluster, map, from);
        remapLists(mHostsPoweredBy, map, from);
        break;
    case ObjectKind::Guest: remapLists(mGuestsOnHost, map, from); break;
    case ObjectKind::Group: remapLists(mGroupsOfGuest, map, from); break;
    case ObjectKind::Circuit:
    case ObjectKind::Cluster: break;
    }
}

bool TopologyIndex::referred(ObjectKind kind, int pos) const
{
    switch (kind) {
    case ObjectKind::Circuit: return !mHostsPoweredBy.at(pos).isEmpty() || !mRacksFedBy.at(pos).isEmpty();
    case ObjectKind::Rack: return !mHostsInRack.at(pos).isEmpty();
    case ObjectKind::Cluster: return !mHostsInCluster.at(pos).isEmpty();
    case ObjectKind::Host: return !mGuestsOnHost.at(pos).isEmpty();
    case ObjectKind::Guest: return !mGroupsOfGuest.at(pos).isEmpty();
    case ObjectKind::Group: break;
    }
    return false;
}

void TopologyIndex::resolve(const Topology &t, ObjectKind kind, const QHash<QString, int> &added)
{
    auto addOnce = [](QVector<int> &list, int value) {
        if (!list.contains(value))
            list.append(value);
    };
    switch (kind) {
    case ObjectKind::Circuit:
        for (int h = 0; h < t.hosts.size(); ++h) {
            for (const CircuitId &c : t.hosts.at(h).power) {
                const auto it = added.constFind(c.str());
                if (it != added.constEnd())
                    addOnce(mHostsPoweredBy[it.value()], h);
            }
        }
        for (int r = 0; r < t.racks.size(); ++r) {
            for (const CircuitId &c : t.racks.at(r).circuits) {
                const auto it = added.constFind(c.str());
                if (it != added.constEnd())
                    addOnce(mRacksFedBy[it.value()], r);
            }
        }
        break;
    case ObjectKind::Rack:
    case ObjectKind::Cluster:
        for (int h = 0; h < t.hosts.size(); ++h) {
            const Host &host = t.hosts.at(h);
            const QString &ref = kind == ObjectKind::Rack ? host.rack.str() : host.cluster.str();
            if (ref.isEmpty())
                continue;
            const auto it = added.constFind(ref);
            if (it != added.constEnd())
                (kind == ObjectKind::Rack ? mHostsInRack : mHostsInCluster)[it.value()].append(h);
        }
        break;
    case ObjectKind::Host:
        for (int g = 0; g < t.guests.size(); ++g) {
            const QString &ref = t.guests.at(g).host.str();
            if (ref.isEmpty())
                continue;
            const auto it = added.constFind(ref);
            if (it != added.constEnd())
                mGuestsOnHost[it.value()].append(g);
        }
        break;
    case ObjectKind::Guest:
        for (int gp = 0; gp < t.groups.size(); ++gp) {
            for (const GuestId &m : t.groups.at(gp).members) {
                const auto it = added.constFind(m.str());
                if (it != added.constEnd())
                    addOnce(mGroupsOfGuest[it.value()], gp);
            }
        }
        break;
    case ObjectKind::Group: break;
    }
}

void TopologyIndex::dangling(const QString &id)
{
    if (!id.isEmpty())
        mMissing.insert(id);
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
    else
        dangling(guest.host.str());
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
    else
        dangling(h.rack.str());
    const int c = cluster(h.cluster);
    if (c >= 0)
        mHostsInCluster[c].append(pos);
    else
        dangling(h.cluster.str());
    for (const CircuitId &id : h.power) {
        const int p = circuit(id);
        if (p < 0)
            dangling(id.str());
        else if (!mHostsPoweredBy[p].contains(pos))
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
        if (g < 0)
            dangling(m.str());
        else if (!mGroupsOfGuest[g].contains(pos))
            mGroupsOfGuest[g].append(pos);
    }
}

void TopologyIndex::addRackRelations(int pos, const Rack &rack)
{
    for (const CircuitId &c : rack.circuits) {
        const int p = circuit(c);
        if (p < 0)
            dangling(c.str());
        else if (!mRacksFedBy[p].contains(pos))
            mRacksFedBy[p].append(pos);
    }
}

void TopologyIndex::removeRackRelations(int pos, const Rack &rack)
{
    for (const CircuitId &c : rack.circuits) {
        const int p = circuit(c);
        if (p >= 0)
            removeOne(mRacksFedBy[p], pos);
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
