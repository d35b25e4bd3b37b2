#pragma once

#include "model/topology.h"
#include "model/topologyindex.h"

#include <QVector>

namespace td {

// One single failure: a host, a rack or a circuit (RULES.md, failure domains).
struct Failure
{
    enum class Kind { Host, Rack, Circuit };
    Kind kind = Kind::Host;
    int pos = -1; // position in the topology's hosts, racks or circuits
};

// The failed elements of a scenario, as flags by position.
struct FailedSet
{
    QVector<bool> hosts, racks, circuits;
};

// Where a host sits in the failure domains: its rack and its feeds, as positions.
struct HostDomain
{
    int rack = -1;      // -1: not racked
    QVector<int> feeds; // empty: unknown power domain
};

// Failure-domain semantics shared by the redundancy rules and the failure
// analysis (RULES.md "Failure domains"): one notion of "down" for both.
class FailureDomains final
{
public:
    FailureDomains(const Topology &topology, const TopologyIndex &index) : mTopology(topology), mIndex(index) {}

    // A host's feeds: its power list, else its rack's circuits; empty = unknown.
    const QVector<CircuitId> &feeds(int hostPos) const;
    // True when the failure takes the host down. A circuit takes down only the
    // hosts whose feeds are exactly that one circuit.
    bool hostDown(const Failure &failure, int hostPos) const;
    // True when every one of the hosts is down (false for no hosts).
    bool allDown(const Failure &failure, const QVector<int> &hostPositions) const;

    // The host's rack and feeds as positions.
    HostDomain domain(int hostPos) const;
    // True when the failed set takes the host down: the host or its rack
    // failed, or it has known feeds and every one of them failed.
    static bool down(int hostPos, const HostDomain &domain, const FailedSet &failed);
    // The same for one failure, with the host's domain already resolved.
    static bool down(int hostPos, const HostDomain &domain, const Failure &failure);

private:
    const Topology &mTopology;
    const TopologyIndex &mIndex;
};

} // namespace td
