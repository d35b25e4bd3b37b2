#pragma once

#include "model/ids.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace td {

enum class Hypervisor { VSphere, HyperV };
enum class Edition { Standard, Enterprise, EnterprisePlus };
enum class Licensing { LegacyHostId, Cloud };
enum class DrsLevel { Off, Manual, PartiallyAutomated, FullyAutomated };
enum class MacMode { Dynamic, Static };
enum class GroupKind { Switchover, Pool };

// Traffic types a NIC carries, as bits (the file lists them by name).
enum class Traffic : unsigned {
    None = 0,
    Management = 1u << 0,
    VMotion = 1u << 1,
    LiveMigration = 1u << 2,
    Vm = 1u << 3,
    Storage = 1u << 4,
    FtLogging = 1u << 5,
    Backup = 1u << 6,
};
using TrafficSet = unsigned;
constexpr TrafficSet bit(Traffic t)
{
    return static_cast<TrafficSet>(t);
}
constexpr Traffic kAllTraffic[] = {Traffic::Management, Traffic::VMotion,   Traffic::LiveMigration, Traffic::Vm,
                                   Traffic::Storage,    Traffic::FtLogging, Traffic::Backup};

// A key the loader did not know, kept so that saving loses nothing.
// The value is kept as one line of flow-style YAML.
struct Extra
{
    QString key;
    QString yaml;
    bool operator==(const Extra &o) const { return key == o.key && yaml == o.yaml; }
};
using Extras = QVector<Extra>;

// What a person wrote around one key (or around the object itself, key "")
// in the file: comment lines and blank lines, kept so that saving loses
// nothing. Each line of `before` and `end` is "" (a blank line) or a comment
// starting with '#'; `after` is an end-of-line comment with the spaces before
// its '#'. `end` closes the key's block value (a list or mapping), or for key
// "" the object's own block (or, in Header, the file).
struct CommentNote
{
    QString key;
    QStringList before;
    QString after;
    QStringList end;
    bool operator==(const CommentNote &o) const
    {
        return key == o.key && before == o.before && after == o.after && end == o.end;
    }
};

// The comments of one object, by the key they annotate (see CommentNote).
struct Comments
{
    QVector<CommentNote> notes;

    bool isEmpty() const { return notes.isEmpty(); }
    const CommentNote *find(QStringView key) const
    {
        for (const CommentNote &n : notes) {
            if (n.key == key)
                return &n;
        }
        return nullptr;
    }
    CommentNote &note(const QString &key)
    {
        for (CommentNote &n : notes) {
            if (n.key == key)
                return n;
        }
        notes.append(CommentNote{key, {}, {}, {}});
        return notes.last();
    }
    bool operator==(const Comments &o) const { return notes == o.notes; }
};

// The hypervisor platform of the whole layout.
struct Platform
{
    Hypervisor hypervisor = Hypervisor::VSphere;
    QString version = QStringLiteral("8.0");
    Edition edition = Edition::EnterprisePlus;
    Licensing licensing = Licensing::LegacyHostId;
    Extras extras;
    Comments comments;
    bool operator==(const Platform &o) const;
};

// A power circuit or feed (UPS, PDU, panel breaker).
struct Circuit
{
    CircuitId id;
    QString name;
    Extras extras;
    Comments comments;
    bool operator==(const Circuit &o) const;
};

// A rack, with the circuits present in it.
struct Rack
{
    RackId id;
    QString name;
    QVector<CircuitId> circuits;
    int units = 0; // rack height in U; 0 = not given
    Extras extras;
    Comments comments;
    bool operator==(const Rack &o) const;
};

// A vSphere or failover cluster.
struct Cluster
{
    ClusterId id;
    QString name;
    DrsLevel drs = DrsLevel::FullyAutomated;
    bool ha = true;
    Extras extras;
    Comments comments;
    bool operator==(const Cluster &o) const;
};

// One physical NIC of a host.
struct Nic
{
    QString name;
    int gbps = 0; // 0 = not given
    TrafficSet traffic = 0;
    Extras extras;
    Comments comments;
    bool carries(Traffic t) const { return (traffic & bit(t)) != 0; }
    bool operator==(const Nic &o) const;
};

// A physical hypervisor host.
struct Host
{
    HostId id;
    QString name;
    RackId rack;       // null = not racked
    int unit = 0;      // lowest rack unit occupied; 0 = not given
    int heightU = 1;   // rack units the host occupies (project key `height_u`)
    ClusterId cluster; // null = in no cluster
    QVector<CircuitId> power;
    QString cpuModel;
    int cores = 0;    // 0 = unknown
    int memoryGb = 0; // 0 = unknown
    QVector<Nic> nics;
    Extras extras;
    Comments comments;
    bool operator==(const Host &o) const;
};

// A guest VM running one catalog product.
struct Guest
{
    GuestId id;
    QString name;
    QString product;
    HostId host; // null = not placed
    int vcpu = 1;
    int memoryGb = 1;
    bool ft = false;
    MacMode mac = MacMode::Dynamic;
    Extras extras;
    Comments comments;
    bool operator==(const Guest &o) const;
};

// A redundancy group: a switchover pair (primary first) or a pool.
struct Group
{
    GroupId id;
    QString name;
    GroupKind kind = GroupKind::Pool;
    QVector<GuestId> members;
    Extras extras;
    Comments comments;
    bool operator==(const Group &o) const;
};

// A failure scenario prepared for a walkthrough (FORMAT.md "scenarios:"): a
// name and the ids of the hosts, racks and circuits it fails together.
// Scenarios have no id: their position in the list names them.
struct Scenario
{
    QString name;
    QStringList fail;
    Extras extras;
    Comments comments;
    bool operator==(const Scenario &o) const;
    bool operator!=(const Scenario &o) const { return !(*this == o); }
};

// A canvas position, kept only for the designer.
struct LayoutEntry
{
    QString id;
    double x = 0;
    double y = 0;
    Extras extras;
    Comments comments;
    bool operator==(const LayoutEntry &o) const;
};

// A finding accepted on purpose (FORMAT.md "Waivers"): it waives the finding
// of `rule` whose set of subjects equals `subjects`. Both are kept as written,
// even when the rule is unknown or a subject no longer exists (the waiver
// then matches nothing and is reported as unused).
struct Waiver
{
    QString rule;
    QStringList subjects; // ids; order and repeats do not matter
    QString reason;       // required, non-empty
    Extras extras;
    Comments comments;
    bool operator==(const Waiver &o) const;
    // What a waiver and a finding match on: the rule and the set of subjects.
    static QString key(const QString &rule, const QStringList &subjects);
    QString key() const { return key(rule, subjects); }
};

enum class ObjectKind { Circuit, Rack, Cluster, Host, Guest, Group };

// Any one object of a topology; the order of alternatives matches ObjectKind.
using Object = std::variant<Circuit, Rack, Cluster, Host, Guest, Group>;
ObjectKind kindOf(const Object &object);
QString idOf(const Object &object);
QString kindName(ObjectKind kind);

// The name and platform of a layout: what is not in a list.
struct Header
{
    QString name;
    Platform platform;
    Extras extras;     // unknown top-level keys
    Comments comments; // key "": the file's first and last lines
    bool operator==(const Header &o) const;
};

// A whole layout: the document's data, plain values only.
struct Topology
{
    Header header;
    QVector<Circuit> circuits;
    QVector<Rack> racks;
    QVector<Cluster> clusters;
    QVector<Host> hosts;
    QVector<Guest> guests;
    QVector<Group> groups;
    QVector<Scenario> scenarios; // in document order, written after groups
    QVector<Waiver> waivers;     // in document order
    QVector<LayoutEntry> layout;

    bool operator==(const Topology &o) const;
    bool operator!=(const Topology &o) const { return !(*this == o); }
};

// The list that holds objects of type T.
template <typename T>
const QVector<T> &listOf(const Topology &t)
{
    if constexpr (std::is_same_v<T, Circuit>)
        return t.circuits;
    else if constexpr (std::is_same_v<T, Rack>)
        return t.racks;
    else if constexpr (std::is_same_v<T, Cluster>)
        return t.clusters;
    else if constexpr (std::is_same_v<T, Host>)
        return t.hosts;
    else if constexpr (std::is_same_v<T, Guest>)
        return t.guests;
    else
        return t.groups;
}
template <typename T>
QVector<T> &listOf(Topology &t)
{
    return const_cast<QVector<T> &>(listOf<T>(std::as_const(t)));
}

// Calls f with the list that holds objects of this kind.
template <typename F>
void withList(const Topology &t, ObjectKind kind, F &&f)
{
    switch (kind) {
    case ObjectKind::Circuit: f(t.circuits); break;
    case ObjectKind::Rack: f(t.racks); break;
    case ObjectKind::Cluster: f(t.clusters); break;
    case ObjectKind::Host: f(t.hosts); break;
    case ObjectKind::Guest: f(t.guests); break;
    case ObjectKind::Group: f(t.groups); break;
    }
}

} // namespace td

// The model's values hold only Qt containers, strings and plain values, none
// of which points into itself: QList may move them with memmove. Inserting
// or removing one of 10,000 guests then shifts bytes instead of calling
// 10,000 move-assignments.
Q_DECLARE_TYPEINFO(td::Extra, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::CommentNote, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Comments, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Circuit, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Rack, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Cluster, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Nic, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Host, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Guest, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Group, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Scenario, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::LayoutEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(td::Waiver, Q_RELOCATABLE_TYPE);
