#pragma once

#include "model/topology.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace td {

// A guest or host as the exporters name it: its id and its name in the
// layout (emitted verbatim, as a literal).
struct NamedRef
{
    QString id;
    QString name;
    bool operator==(const NamedRef &o) const { return id == o.id && name == o.name; }
};

// Members of one redundancy group placed in one cluster, to be kept on
// different hosts (RULES.md Exports 1).
struct ApartSet
{
    NamedRef group;
    GroupKind kind = GroupKind::Pool;
    QVector<NamedRef> members; // group order (a pair: primary first)
    QString ruleName;          // VM-VM anti-affinity rule / DifferentNode rule / anti-affinity class
};

// One rack used by a pinned switchover pair in a cluster: the cluster's hosts
// in that rack (RULES.md Exports 2).
struct RackHostGroup
{
    NamedRef rack;
    QVector<NamedRef> hosts; // document order
    QString groupName;       // VMware host group, Hyper-V rack fault domain
};

// One member of a pinned pair: it should run on its own rack's hosts.
struct RackPin
{
    NamedRef guest;
    NamedRef rack;
    QString vmGroupName;   // VMware VM group holding just this member
    QString hostGroupName; // its rack's RackHostGroup::groupName
    QString ruleName;      // VMware should-run-on VM-Host rule
};

// A switchover pair placed in one cluster on hosts in two different racks.
struct PinnedPair
{
    NamedRef group;
    QVector<RackPin> pins;       // primary, backup
    QString faultDomainRuleName; // Hyper-V 2022+: DifferentFaultDomain affinity rule
};

// A per-VM DRS override (RULES.md Exports 3).
struct DrsOverride
{
    NamedRef guest;
    DrsLevel level = DrsLevel::PartiallyAutomated;
};

// Everything to export for one cluster.
struct ClusterRules
{
    NamedRef cluster;
    QVector<ApartSet> apart;
    QVector<RackHostGroup> rackGroups; // racks in order of first use by a pair
    QVector<PinnedPair> pairs;
    QVector<DrsOverride> overrides;
    QStringList notes; // what cannot be expressed, tied to this cluster

    bool hasRules() const { return !apart.isEmpty() || !pairs.isEmpty() || !overrides.isEmpty(); }
    // Every name the exporters create here, by namespace (for pruning).
    QStringList ruleNames() const;  // VMware rules / Hyper-V affinity rules
    QStringList groupNames() const; // VMware VM and host groups
};

// What must be kept apart and where, derived from the model once for every
// exporter, report and (later) the auto-placement (RULES.md "Exports"):
// per cluster in document order, the apart-sets, the rack pins of switchover
// pairs, the DRS overrides and the notes.
//
// Names of the rules and groups are derived from ids, never from names, so
// that they stay when objects are renamed:
//   td-apart-<group id>   VM-VM anti-affinity rule, DifferentNode rule, anti-affinity class
//   td-rack-<rack id>     host group of a rack (VMware), rack fault domain (Hyper-V)
//   td-vm-<guest id>      VM group of one pinned member
//   td-pin-<guest id>     should-run-on VM-Host rule of one pinned member
//   td-racks-<group id>   DifferentFaultDomain rule of a pinned pair (Hyper-V 2022+)
// Ids are unique across the layout, so these are unique per namespace. A name
// longer than kMaxNameLength keeps its first characters and ends in "-" and 8
// hex digits of the SHA-1 of the whole name; should two shortened names still
// meet in one namespace of one cluster, the later gets "-2", "-3", ... in
// place of its last characters.
class ApartSets final
{
public:
    static constexpr int kMaxNameLength = 80;

    static ApartSets derive(const Topology &topology);

    const QVector<ClusterRules> &clusters() const { return mClusters; }
    // Notes tied to no cluster (groups with no member in any cluster).
    const QStringList &notes() const { return mNotes; }
    // Every note: the clusters' in order, then the others.
    QStringList allNotes() const;
    bool hasRules() const;
    bool isVSphere() const { return mHypervisor == Hypervisor::VSphere; }
    Hypervisor hypervisor() const { return mHypervisor; }
    // Hyper-V: Windows Server 2022 or later (affinity rules instead of anti-affinity classes).
    bool hasAffinityRules() const { return mAffinityRules; }

    // "td-" + kind + "-" + id, shortened to kMaxNameLength as described above.
    static QString derivedName(const QString &kind, const QString &id);

private:
    QVector<ClusterRules> mClusters;
    QStringList mNotes;
    Hypervisor mHypervisor = Hypervisor::VSphere;
    bool mAffinityRules = true;
};

} // namespace td
