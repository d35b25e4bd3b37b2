#pragma once

#include "analysis/failuredomains.h"
#include "model/topology.h"
#include "model/topologyindex.h"

#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace td {

// One HA restart: a guest down and the surviving host it restarts on.
struct Restart
{
    GuestId guest;
    HostId host;
    bool operator==(const Restart &o) const { return guest == o.guest && host == o.host; }
};

// What one scenario does (RULES.md "Failure analysis"). Id lists are in
// document order; restarts in the order they were placed.
struct ScenarioResult
{
    QStringList fail; // the failed element ids as given
    QVector<HostId> hostsDown;
    QVector<GuestId> guestsDown;
    QVector<GroupId> groupsDown;     // every placed member down: an outage
    QVector<GroupId> groupsDegraded; // some placed members down, still served
    QVector<Restart> restarts;
    QVector<GuestId> stayDown;
    bool operator==(const ScenarioResult &o) const;
};

// Used and available capacity of one host, before or after a scenario.
struct HostLoad
{
    HostId host;
    bool down = false; // failed in the scenario: nothing runs on it
    int vcpu = 0;      // vCPUs of the guests running on it
    int cores = 0;     // 0 = unknown
    double memoryGb = 0;
    double ramGb = 0; // 0 = unknown
};

// The same, summed over the hosts of a cluster that are up.
struct ClusterLoad
{
    ClusterId cluster;
    int hostsUp = 0;
    int hostsDown = 0;
    int vcpu = 0;
    int cores = 0; // of the hosts up with a known core count
    double memoryGb = 0;
    double ramGb = 0; // of the hosts up with a known memory size
};

// Failure analysis of a topology (RULES.md "Failure analysis"): which hosts,
// guests and groups a set of failed hosts, racks and circuits takes down,
// where HA restarts the guests, and the worst single and double failures.
// Built once per topology state (cost: one pass over the model); every query
// is const and thread-safe to call from one worker thread at a time. The
// topology and index must outlive it and stay unchanged while it is used.
class FailureAnalysis final
{
public:
    FailureAnalysis(const Topology &topology, const TopologyIndex &index);
    ~FailureAnalysis();
    FailureAnalysis(const FailureAnalysis &) = delete;
    FailureAnalysis &operator=(const FailureAnalysis &) = delete;

    // The scenario failing all of failIds together; nullopt with *error set
    // for an unknown id or one that is not a host, rack or circuit.
    std::optional<ScenarioResult> run(const QStringList &failIds, QString *error = nullptr) const;
    // One scenario per host, then per rack, then per circuit (document order).
    QVector<ScenarioResult> singleFailures() const;
    // The k worst of every set of 1..depth (1 or 2) elements (hosts, racks and
    // circuits together), worst first: most groups down, then most guests
    // staying down, then most guests down; ties in document order of the
    // failed elements (hosts, racks, circuits; a set before its supersets). A
    // pair that takes down no more hosts than one of its elements alone is
    // left out (that element's single failure says the same). progress(done,
    // total) is called now and then; when it returns false the search stops
    // and returns nothing.
    QVector<ScenarioResult>
    worst(int k, int depth, const std::function<bool(qint64 done, qint64 total)> &progress = {}) const;
    // How many scenarios worst(k, depth) looks at.
    qint64 scenarioCount(int depth) const;

    // Per host (document order): used against available, before the scenario
    // (nullptr: the layout as it is) or after it (its hosts down empty, its
    // restarts added).
    QVector<HostLoad> capacity(const ScenarioResult *scenario = nullptr) const;
    // Per cluster (document order), from capacity(scenario).
    QVector<ClusterLoad> clusterCapacity(const ScenarioResult *scenario = nullptr) const;

    // One sentence saying what the scenario does, with names ("Losing Rack 1
    // takes esx01 and esx02 down: CIC pair degraded (IC2 takes over), MEDIA1
    // stays down, IC1 restarts on esx03."). nameOf maps an id to the name to
    // show (default: the object's name), e.g. to hide real names.
    QString sentence(const ScenarioResult &scenario,
                     const std::function<QString(const QString &id)> &nameOf = {}) const;

    // The failure domains shared with the redundancy-same-* rules.
    const FailureDomains &domains() const;
    const Topology &topology() const { return mTopology; }
    const TopologyIndex &index() const { return mIndex; }

private:
    class Data;
    struct Workspace;
    const Topology &mTopology;
    const TopologyIndex &mIndex;
    std::unique_ptr<const Data> mData;
};

// The layout as it runs after the scenario: every guest down is on the host
// HA restarted it on, or unplaced when it stays down; the hosts down keep no
// guest. What the charts show while a what-if scenario is on.
Topology afterScenario(const Topology &topology, const ScenarioResult &scenario);

} // namespace td
