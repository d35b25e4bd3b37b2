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

// Failure-domain semantics shared by the redundancy rules and the N-1 analysis.
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

private:
    const Topology &mTopology;
    const TopologyIndex &mIndex;
};

} // namespace td
