#pragma once

#include "model/topology.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace td {

// Lookup tables over a Topology: id -> position, and the relations the rules
// walk (guests on a host, groups of a guest, hosts in a rack or cluster, ...).
// Positions are indexes into the Topology's lists. The Document keeps an index
// in step with its Topology: replacements, and runs of additions or removals
// of one kind, update it in place (only what they touch; positions after them
// shift without hashing an id); a change of an object's id rebuilds it.
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
    void replaceRack(int pos, const Rack &before, const Rack &after);
    // The objects of this kind at these positions (ascending, each once) are
    // about to be removed: the topology still holds them. Call it, then take
    // them out of the list.
    void removing(const Topology &topology, ObjectKind kind, const QVector<int> &positions);
    // Objects of this kind were inserted at these positions (ascending, as
    // the list now is); the other objects of the list kept their order.
    void inserted(const Topology &topology, ObjectKind kind, const QVector<int> &positions);

    const Ref *find(const QString &id) const;
    // The name of the object with this id ("" when there is none).
    QString nameOf(const Topology &topology, const QString &id) const;
    int indexOf(ObjectKind kind, const QString &id) const;
    // How many ids it knows (every object's, once).
    qsizetype idCount() const { return mById.size(); }
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
    void addRackRelations(int pos, const Rack &rack);
    void removeRackRelations(int pos, const Rack &rack);
    // A reference to an id that is not (or not yet) there: noted, so that
    // adding an object of that id finds who refers to it.
    void dangling(const QString &id);
    // Moves every position of this kind through map (old -> new).
    void remap(ObjectKind kind, const QVector<int> &map, int from);
    // Whether some object refers to the object of this kind at pos.
    bool referred(ObjectKind kind, int pos) const;
    // The relations of objects that referred to the added ones (by id) before
    // they were there: one pass over the referring objects.
    void resolve(const Topology &topology, ObjectKind kind, const QHash<QString, int> &added);

    QHash<QString, Ref> mById;
    QVector<QVector<int>> mGuestsOnHost;
    QVector<QVector<int>> mGroupsOfGuest;
    QVector<QVector<int>> mHostsInRack;
    QVector<QVector<int>> mHostsInCluster;
    QVector<QVector<int>> mHostsPoweredBy;
    QVector<QVector<int>> mRacksFedBy;
    // Ids some object may refer to while no object of the referred kind has
    // them (a member of a group whose guest was deleted in the same change,
    // ...). A superset: it only costs a pass when such an id comes back.
    QSet<QString> mMissing;
};

} // namespace td
