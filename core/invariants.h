#pragma once

#include "change.h"
#include "io/limits.h"
#include "model/topology.h"
#include "model/topologyindex.h"

#include <QString>
#include <QVector>

#include <optional>

namespace td {

// The ranges a layout's numbers may take (texts and sizes: io/limits.h). The
// loader refuses a file outside them, the document refuses an edit that would
// leave them, and the inspector bounds its inputs by them: one table for all.
namespace Limits {
constexpr int kDefaultRackUnits = 42; // a rack whose height is not given
constexpr int kMaxRackUnits = 100;
constexpr int kMaxHostUnit = 100;
constexpr int kMaxHeightU = 20;
constexpr int kMaxCores = 4096;
constexpr int kMaxHostMemoryGb = 1048576;
constexpr int kMaxNicGbps = 100000;
constexpr int kMaxGuestVcpu = 768;
constexpr int kMaxGuestMemoryGb = 24576;
} // namespace Limits

// One broken invariant: the object (kind, position in its list, id), the key
// that is wrong ("" = the object as a whole), the item of a list key (-1 =
// the key itself), and what is wrong, for a person.
struct Violation
{
    ObjectKind kind = ObjectKind::Circuit;
    int pos = -1;
    QString id;
    QString key;
    int item = -1;
    QString message;
    bool header = false; // the violation is in the layout's name or platform
};

// The structural rules every layout satisfies beyond its syntax: ids valid and
// unique, references to existing objects of the right kind, hosts within
// their rack's units, group sizes, a guest in one switchover pair at most,
// NIC names unique per host, numbers and texts within Limits, a platform
// version the hypervisor has, waivers with a rule, subjects and a reason. The loader refuses a file that breaks one;
// the Document refuses, whole, a change that would break one. Rules (findings) are different: they judge a valid
// layout.
class Invariants final
{
public:
    // Every violation of a whole topology, in document order.
    static QVector<Violation> check(const Topology &topology, const TopologyIndex &index);
    // The first violation a change leaves in `after` (the topology with the
    // change applied and its index in step). Only the objects the change adds
    // or replaces are looked at, and `referrers`: the ids of the objects that
    // referred to what it removes (referrersOf() before applying it).
    static std::optional<Violation>
    checkChange(const Topology &after, const TopologyIndex &index, const Change &change, const QStringList &referrers);
    // What is wrong with a waiver, if anything: a rule, at least one subject
    // and a non-empty reason, texts within Limits. Its rule and subjects need
    // not exist (a waiver outlives what it names: it becomes unused).
    static std::optional<QString> checkWaiver(const Waiver &waiver);
    // The objects that refer to the ones the change removes, in `before`.
    static QStringList referrersOf(const Topology &before, const TopologyIndex &index, const Change &change);
};

} // namespace td
