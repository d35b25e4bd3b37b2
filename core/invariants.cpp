#include "invariants.h"

#include "catalog/catalog.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::Invariants", text);
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + (s.size() > 60 ? s.left(57) + QStringLiteral("...") : s) + QLatin1Char('\'');
}

// Collects violations for one object; stops at the first when asked to.
class Checker
{
public:
    Checker(const Topology &t, const TopologyIndex &index, QVector<Violation> &out, bool whole)
        : mT(t), mIndex(index), mOut(out), mWhole(whole)
    {}

    void one(const Circuit &c, int pos)
    {
        begin(ObjectKind::Circuit, pos, c.id.str());
        common(c.id.str(), c.name);
    }

    void one(const Rack &r, int pos)
    {
        begin(ObjectKind::Rack, pos, r.id.str());
        common(r.id.str(), r.name);
        range(QStringLiteral("units"), r.units, 0, Limits::kMaxRackUnits);
        refs(QStringLiteral("circuits"), r.circuits, ObjectKind::Circuit);
        // Hosts already in the rack must still fit when its height changes
        // (a whole check finds them through the hosts).
        const int at = mIndex.rack(r.id);
        if (!mWhole && at >= 0 && r.units > 0) {
            for (int h : mIndex.hostsInRack(at)) {
                const Host &host = mT.hosts.at(h);
                if (host.rack == r.id && host.unit > 0 && host.unit + host.heightU - 1 > r.units) {
                    add(QStringLiteral("units"), -1,
                        tr("rack %1 of %2 units is too low for host %3 at units %4-%5")
                            .arg(quoted(r.id.str()))
                            .arg(r.units)
                            .arg(quoted(host.name))
                            .arg(host.unit)
                            .arg(host.unit + host.heightU - 1));
                    return;
                }
            }
        }
    }

    void one(const Cluster &c, int pos)
    {
        begin(ObjectKind::Cluster, pos, c.id.str());
        common(c.id.str(), c.name);
    }

    void one(const Host &h, int pos)
    {
        begin(ObjectKind::Host, pos, h.id.str());
        common(h.id.str(), h.name);
        text(QStringLiteral("cpu_model"), h.cpuModel);
        ref(QStringLiteral("rack"), h.rack.str(), ObjectKind::Rack);
        ref(QStringLiteral("cluster"), h.cluster.str(), ObjectKind::Cluster);
        refs(QStringLiteral("power"), h.power, ObjectKind::Circuit);
        range(QStringLiteral("unit"), h.unit, 0, Limits::kMaxHostUnit);
        range(QStringLiteral("height_u"), h.heightU, 1, Limits::kMaxHeightU);
        range(QStringLiteral("cores"), h.cores, 0, Limits::kMaxCores);
        range(QStringLiteral("memory_gb"), h.memoryGb, 0, Limits::kMaxHostMemoryGb);
        if (h.unit > 0 && h.rack.isNull())
            add(QStringLiteral("unit"), -1, tr("host %1 has a 'unit' but no 'rack'").arg(quoted(h.id.str())));
        const int rackPos = mIndex.rack(h.rack);
        if (h.unit > 0 && rackPos >= 0) {
            const int units = mT.racks.at(rackPos).units;
            if (units > 0 && h.unit + h.heightU - 1 > units)
                add(QStringLiteral("unit"), -1,
                    tr("a host of %1U at unit %2 reaches above the top of rack %3 (%4 units)")
                        .arg(h.heightU)
                        .arg(h.unit)
                        .arg(quoted(h.rack.str()))
                        .arg(units));
        }
        QSet<QString> names;
        for (int i = 0; i < h.nics.size(); ++i) {
            const Nic &n = h.nics.at(i);
            if (n.name.trimmed().isEmpty())
                add(QStringLiteral("nics"), i, tr("NIC %1 of host %2 has no name").arg(i + 1).arg(quoted(h.name)));
            else if (names.contains(n.name))
                add(QStringLiteral("nics"), i,
                    tr("NIC %1 is listed twice on host %2").arg(quoted(n.name), quoted(h.name)));
            names.insert(n.name);
            if (n.name.size() > Limits::kMaxTextLength)
                add(QStringLiteral("nics"), i,
                    tr("a NIC name is longer than %1 characters").arg(Limits::kMaxTextLength));
            if (n.gbps < 0 || n.gbps > Limits::kMaxNicGbps)
                add(QStringLiteral("nics"), i,
                    tr("NIC %1 has %2 Gbps; a NIC has 1 to %3")
                        .arg(quoted(n.name))
                        .arg(n.gbps)
                        .arg(Limits::kMaxNicGbps));
        }
    }

    void one(const Guest &g, int pos)
    {
        begin(ObjectKind::Guest, pos, g.id.str());
        common(g.id.str(), g.name);
        if (!Catalog::builtin().product(g.product))
            add(QStringLiteral("product"), -1, tr("unknown product %1").arg(quoted(g.product)));
        ref(QStringLiteral("host"), g.host.str(), ObjectKind::Host);
        range(QStringLiteral("vcpu"), g.vcpu, 1, Limits::kMaxGuestVcpu);
        range(QStringLiteral("memory_gb"), g.memoryGb, 1, Limits::kMaxGuestMemoryGb);
    }

    void one(const Group &g, int pos)
    {
        begin(ObjectKind::Group, pos, g.id.str());
        common(g.id.str(), g.name);
        refs(QStringLiteral("members"), g.members, ObjectKind::Guest);
        if (g.kind == GroupKind::Switchover && g.members.size() != 2)
            add(QStringLiteral("members"), -1,
                tr("switchover group %1 must have exactly 2 members (primary first), it has %2")
                    .arg(quoted(g.id.str()))
                    .arg(g.members.size()));
        if (g.kind == GroupKind::Pool && g.members.size() < 2)
            add(QStringLiteral("members"), -1,
                tr("pool %1 must have at least 2 members, it has %2").arg(quoted(g.id.str())).arg(g.members.size()));
        if (g.kind != GroupKind::Switchover)
            return;
        for (int k = 0; k < g.members.size(); ++k) {
            const int guestPos = mIndex.guest(g.members.at(k));
            if (guestPos < 0)
                continue;
            for (int other : mIndex.groupsOfGuest(guestPos)) {
                const Group &o = mT.groups.at(other);
                // A whole check names the pair that lists the guest second.
                if (o.id != g.id && o.kind == GroupKind::Switchover && o.members.contains(g.members.at(k))
                    && (!mWhole || other < pos)) {
                    add(QStringLiteral("members"), k,
                        tr("guest %1 is in two switchover groups (%2 and %3)")
                            .arg(quoted(g.members.at(k).str()), quoted(o.id.str()), quoted(g.id.str())));
                    break;
                }
            }
        }
    }

    void header(const Header &h)
    {
        mKind = ObjectKind::Circuit;
        mPos = -1;
        mId.clear();
        mHeader = true;
        if (h.name.trimmed().isEmpty())
            add(QStringLiteral("name"), -1, tr("the layout needs a name"));
        text(QStringLiteral("name"), h.name);
        const PlatformLimits &limits = Catalog::builtin().limits();
        const QStringList &versions = h.platform.hypervisor == Hypervisor::VSphere ? limits.vsphereVersions
                                                                                   : limits.hypervVersions;
        if (!versions.contains(h.platform.version))
            add(QStringLiteral("version"), -1,
                tr("unknown %1 version %2 (expected one of: %3)")
                    .arg(h.platform.hypervisor == Hypervisor::VSphere ? tr("vSphere") : tr("Hyper-V"),
                         quoted(h.platform.version), versions.join(QStringLiteral(", "))));
        mHeader = false;
    }

    void layout(const LayoutEntry &e)
    {
        mKind = ObjectKind::Circuit;
        mPos = -1;
        mId = e.id;
        if (!isValidId(e.id))
            add(QStringLiteral("layout"), -1, tr("layout position for %1, which is not a valid id").arg(quoted(e.id)));
        if (!std::isfinite(e.x) || !std::isfinite(e.y))
            add(QStringLiteral("layout"), -1, tr("layout position for %1 is not a number").arg(quoted(e.id)));
    }

private:
    void begin(ObjectKind kind, int pos, const QString &id)
    {
        mKind = kind;
        mPos = pos;
        mId = id;
    }

    void add(const QString &key, int item, const QString &message)
    {
        Violation v;
        v.kind = mKind;
        v.pos = mPos;
        v.id = mId;
        v.key = key;
        v.item = item;
        v.message = message;
        v.header = mHeader;
        mOut.append(v);
    }

    void common(const QString &id, const QString &name)
    {
        if (!isValidId(id))
            add(QStringLiteral("id"), -1,
                tr("%1 is not a valid id (use lowercase letters, digits, '.', '_' and '-', starting with a "
                   "letter or digit)")
                    .arg(quoted(id)));
        else if (id.size() > Limits::kMaxTextLength)
            add(QStringLiteral("id"), -1, tr("the id is longer than %1 characters").arg(Limits::kMaxTextLength));
        if (name.trimmed().isEmpty())
            add(QStringLiteral("name"), -1, tr("%1 %2 has no name").arg(kindName(mKind), quoted(id)));
        text(QStringLiteral("name"), name);
    }

    void text(const QString &key, const QString &value)
    {
        if (value.size() > Limits::kMaxTextLength) {
            add(key, -1,
                tr("'%1' is %2 characters long; a layout's texts have %3 at most")
                    .arg(key)
                    .arg(value.size())
                    .arg(Limits::kMaxTextLength));
        }
    }

    void range(const QString &key, int value, int min, int max)
    {
        if (value < min || value > max)
            add(key, -1,
                tr("'%1' must be a whole number from %2 to %3, found %4").arg(key).arg(min).arg(max).arg(value));
    }

    void ref(const QString &key, const QString &id, ObjectKind expected, int item = -1)
    {
        if (id.isEmpty())
            return;
        const TopologyIndex::Ref *r = mIndex.find(id);
        if (!r)
            add(key, item, tr("refers to %1 %2, which does not exist").arg(kindName(expected), quoted(id)));
        else if (r->kind != expected)
            add(key, item, tr("%1 is a %2, not a %3").arg(quoted(id), kindName(r->kind), kindName(expected)));
    }

    template <typename IdT>
    void refs(const QString &key, const QVector<IdT> &ids, ObjectKind expected)
    {
        QSet<QString> seen;
        for (int i = 0; i < ids.size(); ++i) {
            const QString &id = ids.at(i).str();
            if (id.isEmpty())
                add(key, i, tr("an empty id in '%1'").arg(key));
            else if (seen.contains(id))
                add(key, i, tr("%1 is listed twice in '%2'").arg(quoted(id), key));
            seen.insert(id);
            ref(key, id, expected, i);
        }
    }

    const Topology &mT;
    const TopologyIndex &mIndex;
    QVector<Violation> &mOut;
    ObjectKind mKind = ObjectKind::Circuit;
    int mPos = -1;
    QString mId;
    bool mHeader = false;
    // Checking a whole topology: each problem is reported once, at the object
    // a file states it in last.
    const bool mWhole;
};

template <typename T>
void checkList(Checker &checker, const QVector<T> &list)
{
    for (int i = 0; i < list.size(); ++i)
        checker.one(list.at(i), i);
}

} // namespace

namespace {

// Scenarios (FORMAT.md "scenarios:"): a name, and ids of existing hosts,
// racks and circuits, each once.
void checkScenarios(const Topology &t, const TopologyIndex &index, QVector<Violation> &out)
{
    for (int i = 0; i < t.scenarios.size(); ++i) {
        const Scenario &sc = t.scenarios.at(i);
        auto add = [&](int item, const QString &message) {
            Violation v;
            v.pos = i;
            v.key = QStringLiteral("scenarios");
            v.item = item;
            v.message = message;
            out.append(v);
        };
        if (sc.name.trimmed().isEmpty())
            add(-1, tr("a scenario has no name"));
        else if (sc.name.size() > Limits::kMaxTextLength)
            add(-1, tr("the scenario's name is longer than %1 characters").arg(Limits::kMaxTextLength));
        for (int k = 0; k < sc.fail.size(); ++k) {
            const QString &id = sc.fail.at(k);
            const TopologyIndex::Ref *ref = index.find(id);
            if (!ref)
                add(k, tr("scenario %1 fails %2, which does not exist").arg(quoted(sc.name), quoted(id)));
            else if (ref->kind != ObjectKind::Host && ref->kind != ObjectKind::Rack && ref->kind != ObjectKind::Circuit)
                add(k, tr("scenario %1 fails %2, a %3: a scenario fails hosts, racks and circuits")
                           .arg(quoted(sc.name), quoted(id), kindName(ref->kind)));
            else if (sc.fail.indexOf(id) != k)
                add(k, tr("scenario %1 lists %2 twice").arg(quoted(sc.name), quoted(id)));
        }
    }
}

} // namespace

QVector<Violation> Invariants::check(const Topology &t, const TopologyIndex &index)
{
    QVector<Violation> out;
    Checker checker(t, index, out, true);
    checker.header(t.header);
    // Ids unique across every kind.
    QSet<QString> ids;
    auto unique = [&](const auto &list, ObjectKind kind) {
        for (int i = 0; i < list.size(); ++i) {
            const QString &id = list.at(i).id.str();
            if (ids.contains(id)) {
                Violation v;
                v.kind = kind;
                v.pos = i;
                v.id = id;
                v.key = QStringLiteral("id");
                v.message = tr("duplicate id %1; ids must be unique across the whole layout").arg(quoted(id));
                out.append(v);
            }
            ids.insert(id);
        }
    };
    unique(t.circuits, ObjectKind::Circuit);
    unique(t.racks, ObjectKind::Rack);
    unique(t.clusters, ObjectKind::Cluster);
    unique(t.hosts, ObjectKind::Host);
    unique(t.guests, ObjectKind::Guest);
    unique(t.groups, ObjectKind::Group);
    checkList(checker, t.circuits);
    checkList(checker, t.racks);
    checkList(checker, t.clusters);
    checkList(checker, t.hosts);
    checkList(checker, t.guests);
    checkList(checker, t.groups);
    QSet<QString> positions;
    for (const LayoutEntry &e : t.layout) {
        checker.layout(e);
        if (positions.contains(e.id)) {
            Violation v;
            v.id = e.id;
            v.key = QStringLiteral("layout");
            v.message = tr("two layout positions for %1").arg(quoted(e.id));
            out.append(v);
        }
        positions.insert(e.id);
    }
    for (int i = 0; i < t.waivers.size(); ++i) {
        if (const auto why = checkWaiver(t.waivers.at(i))) {
            Violation v;
            v.key = QStringLiteral("waivers");
            v.item = i;
            v.message = *why;
            out.append(v);
        }
    }
    checkScenarios(t, index, out);
    return out;
}

std::optional<QString> Invariants::checkWaiver(const Waiver &w)
{
    if (w.rule.trimmed().isEmpty())
        return tr("a waiver needs the rule it waives");
    if (w.subjects.isEmpty())
        return tr("a waiver of %1 needs the subjects of the finding it waives").arg(quoted(w.rule));
    if (w.reason.trimmed().isEmpty())
        return tr("a waiver of %1 needs a reason").arg(quoted(w.rule));
    QStringList texts = w.subjects;
    texts << w.rule << w.reason;
    for (const QString &text : std::as_const(texts)) {
        if (text.size() > Limits::kMaxTextLength)
            return tr("a waiver's texts have %1 characters at most").arg(Limits::kMaxTextLength);
    }
    return std::nullopt;
}

QStringList Invariants::referrersOf(const Topology &t, const TopologyIndex &index, const Change &change)
{
    QStringList out;
    auto hosts = [&](const QVector<int> &positions) {
        for (int h : positions)
            out << t.hosts.at(h).id.str();
    };
    for (const ObjectEdit &e : change.edits) {
        if (e.after)
            continue;
        const int pos = index.indexOf(e.kind(), e.id());
        if (pos < 0)
            continue;
        switch (e.kind()) {
        case ObjectKind::Circuit:
            hosts(index.hostsPoweredBy(pos));
            for (int r : index.racksFedBy(pos))
                out << t.racks.at(r).id.str();
            break;
        case ObjectKind::Rack: hosts(index.hostsInRack(pos)); break;
        case ObjectKind::Cluster: hosts(index.hostsInCluster(pos)); break;
        case ObjectKind::Host:
            for (int g : index.guestsOnHost(pos))
                out << t.guests.at(g).id.str();
            break;
        case ObjectKind::Guest:
            for (int g : index.groupsOfGuest(pos))
                out << t.groups.at(g).id.str();
            break;
        case ObjectKind::Group: break;
        }
    }
    return out;
}

std::optional<Violation> Invariants::checkChange(const Topology &after,
                                                 const TopologyIndex &index,
                                                 const Change &change,
                                                 const QStringList &referrers)
{
    QVector<Violation> out;
    Checker checker(after, index, out, false);
    if (change.headerAfter)
        checker.header(after.header);
    auto checkId = [&](ObjectKind kind, const QString &id) {
        const int pos = index.indexOf(kind, id);
        if (pos < 0)
            return;
        withList(after, kind, [&](const auto &list) { checker.one(list.at(pos), pos); });
    };
    for (const ObjectEdit &e : change.edits) {
        if (e.after)
            checkId(e.kind(), e.id());
        if (!out.isEmpty())
            return out.first();
    }
    for (const QString &id : referrers) {
        if (const TopologyIndex::Ref *ref = index.find(id))
            checkId(ref->kind, id);
        if (!out.isEmpty())
            return out.first();
    }
    QSet<QString> positions;
    for (const LayoutEdit &e : change.layout) {
        if (!e.after)
            continue;
        checker.layout(*e.after);
        if (positions.contains(e.id)) {
            Violation v;
            v.id = e.id;
            v.key = QStringLiteral("layout");
            v.message = tr("two layout positions for %1").arg(quoted(e.id));
            out.append(v);
        }
        positions.insert(e.id);
    }
    // Scenarios name hosts, racks and circuits: recheck them when they change
    // or one of those goes.
    bool scenarios = change.scenariosAfter.has_value();
    for (const ObjectEdit &e : change.edits)
        scenarios = scenarios || (!e.after && e.kind() != ObjectKind::Guest && e.kind() != ObjectKind::Group);
    if (scenarios && out.isEmpty())
        checkScenarios(after, index, out);
    if (out.isEmpty())
        return std::nullopt;
    return out.first();
}

} // namespace td
