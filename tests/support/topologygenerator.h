#pragma once

#include "model/topology.h"

#include <QtGlobal>

namespace td::test {

// A small deterministic random number source (same numbers on every
// platform, unlike std:: distributions).
class Random final
{
public:
    explicit Random(quint64 seed) : mState(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
    quint32 next();
    // Uniform in [0, n); n > 0.
    int below(int n) { return static_cast<int>(next() % static_cast<quint32>(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    quint64 mState;
};

// Sizes of a generated layout.
struct GeneratorParams
{
    int circuits = 80;
    int racks = 40;
    int clusters = 20;
    int hosts = 500;
    int guests = 10000;
    int groups = 2000;
    Hypervisor hypervisor = Hypervisor::VSphere;

    // The reference scale "L" of DESIGN.md.
    static GeneratorParams large() { return GeneratorParams(); }
    static GeneratorParams small() { return GeneratorParams{8, 6, 3, 24, 200, 40, Hypervisor::VSphere}; }
};

// Generates a realistic, loadable layout deterministically from a seed: A/B
// fed racks, clusters spanning racks, hosts with NICs, switchover pairs and
// pools of PureConnect servers, and enough imperfections (shared NICs,
// single-fed hosts, co-located members, FT guests, unplaced guests) that
// every rule family has work to do.
Topology generateTopology(const GeneratorParams &params, quint64 seed);

// A copy of model under another id and name, not placed, without comments:
// a guest no host or group refers to, for tests that add and remove many.
Guest unplacedCopy(const Guest &model, const QString &id, const QString &name);
// Appends count such copies of the first guest: ids extra-0, extra-1, ...
void addUnplacedGuests(Topology &topology, int count);

// The ids of 1 to most objects picked at random, repeats possible: each a
// guest half the time, else a host, group, rack, cluster or circuit (none
// when the kind picked has none), for tests that delete mixed selections.
QStringList randomObjectIds(const Topology &topology, Random &rnd, int most);

} // namespace td::test
