#pragma once

#include "model/topology.h"
#include "model/topologyindex.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace td {

struct ScenarioResult;

// Per host, what is used against what is there, for one cluster.
struct CapacitySeries
{
    QString cluster;
    QStringList hosts;
    QStringList products;                     // stack order
    QVector<QVector<double>> vcpuByProduct;   // [product][host]
    QVector<QVector<double>> memoryByProduct; // [product][host]
    QVector<double> cores;                    // capacity per host (0 = unknown)
    QVector<double> memoryGb;
};

// A simple count per label ("guests per rack").
struct CountSeries
{
    QString title;
    QStringList labels;
    QVector<double> values;
};

// The impact of each single failure (every host, rack and circuit, in the
// failure analysis's order): guests down, restarted by HA, staying down.
struct ImpactSeries
{
    QStringList labels; // the failed element's name
    QVector<double> down;
    QVector<double> restarted;
    QVector<double> stayDown;
};
ImpactSeries singleFailureImpact(const Topology &topology, const TopologyIndex &index);
// The same from single failures already analysed (FailureAnalysis::singleFailures).
ImpactSeries
singleFailureImpact(const Topology &topology, const TopologyIndex &index, const QVector<ScenarioResult> &singles);
// A readable chart of many failures: the max elements whose loss hurts most
// (most guests staying down, then most guests down; ties in the analysis's
// order), kept in the analysis's order. All of them when there are no more than max.
ImpactSeries worstImpacts(const ImpactSeries &all, int max);
// How many failures a report or the charts dock shows at most.
constexpr int kImpactChartMax = 40;

// Per host vCPU and memory used (stacked by product) against cores and RAM,
// one series per cluster in document order, then the hosts in no cluster.
QVector<CapacitySeries> capacityByCluster(const Topology &topology, const TopologyIndex &index);
// Placed guests per rack (then "Unracked hosts" when some run on one).
CountSeries guestsPerRack(const Topology &topology, const TopologyIndex &index);
// Placed guests per circuit: a guest counts for every circuit feeding its host
// (its power list, else its rack's circuits).
CountSeries guestsPerCircuit(const Topology &topology, const TopologyIndex &index);

} // namespace td
