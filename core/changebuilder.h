#pragma once

#include "change.h"
#include "model/topology.h"
#include "model/topologyindex.h"

#include <QStringList>

namespace td {

// Builds Changes against a topology, keeping it consistent: removing a host
// unplaces or deletes its guests, removing a guest takes it out of its groups
// (and dissolves a group left too small), removing a rack, cluster or circuit
// clears the references to it.
class ChangeBuilder final
{
public:
    enum class GuestPolicy { Unplace, Delete };

    ChangeBuilder(const Topology &topology, const TopologyIndex &index)
        : mTopology(topology), mIndex(index)
    {
    }

    // Moves a guest to a host (null host = unplace).
    Change moveGuest(const GuestId &guest, const HostId &host) const;
    // Replaces the object with the same id (same kind) by this one.
    Change replace(const Object &after, const QString &text) const;
    // Adds an object at the end of its list (ids must be new).
    Change add(const Object &object, const QString &text) const;
    // Removes objects by id, with the cascade described above.
    Change remove(const QStringList &ids, GuestPolicy policy, const QString &text) const;
    // Sets the canvas position of an object.
    Change setPosition(const QString &id, double x, double y) const;
    // Changes name/platform.
    Change setHeader(const Header &header, const QString &text) const;
    // A self-contained piece of the topology for copy/paste: the chosen
    // objects, a rack's hosts and a host's guests with them, and every group
    // all of whose members are in the piece (a chosen group brings its
    // members).
    Topology extract(const QStringList &ids) const;
    // Adds a piece with fresh ids and names, keeping its internal references
    // (a pasted pair stays a pair). A reference outside the piece is kept when
    // it exists here, except a host's rack place (it would overlap): such a
    // host lands unracked. newIds receives the ids of the added objects.
    Change paste(const Topology &piece, const QString &text, QStringList *newIds = nullptr) const;

    // The change that turns `from` into `to` (objects matched by id; the
    // relative order of kept objects must be the same in both).
    static Change diff(const Topology &from, const Topology &to, const QString &text);

private:
    const Topology &mTopology;
    const TopologyIndex &mIndex;
};

} // namespace td
