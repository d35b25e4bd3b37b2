#pragma once

#include "model/topology.h"

#include <QHash>
#include <QVector>

namespace td {

// Lookup tables over a Topology: id -> position, and the relations the rules
// walk (guests on a host, groups of a guest, hosts in a rack or cluster, ...).
// Positions are indexes into the Topology's lists. The Document keeps an index
// in step with its Topology; replacing a guest, host or group updates it in
// place, anything else rebuilds it.
class TopologyIndex final
{
public:
    struct Ref
    {
        ObjectKind kind;
        int pos;
    };

    TopologyIndex() = default;
    explicit TopologyIndex(const Topology &topology) { rebuild(topology); }

    void rebuild(const Topology &topology);
    void replaceGuest(int pos, const Guest &before, const Guest &after);
    void replaceHost(int pos, const Host &before, const Host &after);
    void replaceGroup(int pos, const Group &before, const Group &after);

    const Ref *find(const QString &id) const;
    // The name of the object with this id ("" when there is none).
    QString nameOf(const Topology &topology, const QString &id) const;
    int indexOf(ObjectKind kind, const QString &id) const;
    int circuit(const CircuitId &id) const { return indexOf(ObjectKind::Circuit, id.str()); }
    int rack(const RackId &id) const { return indexOf(ObjectKind::Rack, id.str()); }
    int cluster(const ClusterId &id) const { return indexOf(ObjectKind::Cluster, id.str()); }
    int host(const HostId &id) const { return indexOf(ObjectKind::Host, id.str()); }
    int guest(const GuestId &id) const { return indexOf(ObjectKind::Guest, id.str()); }
    int group(const GroupId &id) const { return indexOf(ObjectKind::Group, id.str()); }

    // Relations, by position. Lists are in no particular order.
    const QVector<int> &guestsOnHost(int hostPos) const { return mGuestsOnHost.at(hostPos); }
    const QVector<int> &groupsOfGuest(int guestPos) const { return mGroupsOfGuest.at(guestPos); }
    const QVector<int> &hostsInRack(int rackPos) const { return mHostsInRack.at(rackPos); }
    const QVector<int> &hostsInCluster(int clusterPos) const { return mHostsInCluster.at(clusterPos); }
    const QVector<int> &hostsPoweredBy(int circuitPos) const { return mHostsPoweredBy.at(circuitPos); }
    const QVector<int> &racksFedBy(int circuitPos) const { return mRacksFedBy.at(circuitPos); }

private:
    void addGuestRelations(int pos, const Guest &guest);
    void removeGuestRelations(int pos, const Guest &guest);
    void addHostRelations(int pos, const Host &host);
    void removeHostRelations(int pos, const Host &host);
    void addGroupRelations(int pos, const Group &group);
    void removeGroupRelations(int pos, const Group &group);

    QHash<QString, Ref> mById;
    QVector<QVector<int>> mGuestsOnHost;
    QVector<QVector<int>> mGroupsOfGuest;
    QVector<QVector<int>> mHostsInRack;
    QVector<QVector<int>> mHostsInCluster;
    QVector<QVector<int>> mHostsPoweredBy;
    QVector<QVector<int>> mRacksFedBy;
};

} // namespace td
