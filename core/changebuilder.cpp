#include "changebuilder.h"

#include "catalog/catalog.h"
#include "invariants.h"
#include "nameallocator.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>

#include <algorithm>

namespace td {

namespace {

template <typename T>
void diffList(const QVector<T> &from,
              const QVector<T> &to,
              QVector<ObjectEdit> &removals,
              QVector<ObjectEdit> &replacements,
              QVector<ObjectEdit> &additions)
{
    // Most edits keep most of a list in its order: walk both lists in step,
    // and where the ids part, look a few places ahead for where they meet
    // again (a few removed, or a few added). Only what that cannot align is
    // matched by id through hashes: hashing 10,000 ids was most of a
    // delete or a paste at L. Any alignment gives a correct change: an object
    // that moved becomes a removal and an addition.
    const qsizetype n = from.size();
    const qsizetype m = to.size();
    QVector<qsizetype> removed; // positions in from
    auto keep = [&](qsizetype a, qsizetype b) {
        if (!(from.at(a) == to.at(b)))
            replacements.append(ObjectEdit{Object(from.at(a)), Object(to.at(b)), -1});
    };
    auto add = [&](qsizetype b) { additions.append(ObjectEdit{std::nullopt, Object(to.at(b)), static_cast<int>(b)}); };
    constexpr qsizetype kLookAhead = 16;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (from.at(i).id == to.at(j).id) {
            keep(i++, j++);
            continue;
        }
        qsizetype k = 1;
        while (k <= kLookAhead && i + k < n && from.at(i + k).id != to.at(j).id)
            ++k;
        if (k <= kLookAhead && i + k < n) {
            for (qsizetype q = 0; q < k; ++q)
                removed.append(i++);
            continue;
        }
        k = 1;
        while (k <= kLookAhead && j + k < m && to.at(j + k).id != from.at(i).id)
            ++k;
        if (k <= kLookAhead && j + k < m) {
            for (qsizetype q = 0; q < k; ++q)
                add(j++);
            continue;
        }
        break;
    }
    // The rest, by id. What is kept stays in the same order in both lists
    // (then the additions land where `to` has them): an object found
    // before the last one kept moved, and is removed and added back.
    QHash<QString, qsizetype> fromPos;
    for (qsizetype a = i; a < n; ++a)
        fromPos.insert(from.at(a).id.str(), a);
    QVector<bool> kept(n - i, false);
    qsizetype last = i - 1;
    for (qsizetype b = j; b < m; ++b) {
        const auto it = fromPos.constFind(to.at(b).id.str());
        if (it == fromPos.constEnd() || it.value() < last) {
            add(b);
            continue;
        }
        keep(it.value(), b);
        kept[it.value() - i] = true;
        last = it.value();
    }
    for (qsizetype a = i; a < n; ++a) {
        if (!kept.at(a - i))
            removed.append(a);
    }
    // Removals from the back, so that each recorded index is the position
    // at the time of removal.
    std::sort(removed.begin(), removed.end());
    for (auto it = removed.crbegin(); it != removed.crend(); ++it)
        removals.append(ObjectEdit{Object(from.at(*it)), std::nullopt, static_cast<int>(*it)});
}

} // namespace

Change ChangeBuilder::moveGuest(const GuestId &guest, const HostId &host) const
{
    Change c;
    c.text = QObject::tr("Move Guest");
    const int pos = mIndex.guest(guest);
    if (pos < 0)
        return c;
    Guest after = mTopology.guests.at(pos);
    if (after.host == host)
        return c;
    after.host = host;
    c.edits.append(ObjectEdit{Object(mTopology.guests.at(pos)), Object(after), -1});
    return c;
}

Change ChangeBuilder::replace(const Object &after, const QString &text) const
{
    // One edit, built directly: this runs on every drag move over a target,
    // so it must not copy or diff the whole topology.
    Change c;
    c.text = text;
    const int pos = mIndex.indexOf(kindOf(after), idOf(after));
    if (pos < 0)
        return c;
    std::visit(
        [&](const auto &object) {
            using T = std::decay_t<decltype(object)>;
            const T *before = &listOf<T>(mTopology).at(pos);
            if (!(*before == object))
                c.edits.append(ObjectEdit{Object(*before), after, -1});
        },
        after);
    return c;
}

Change ChangeBuilder::add(const Object &object, const QString &text) const
{
    Change c;
    c.text = text;
    c.edits.append(ObjectEdit{std::nullopt, object, -1});
    return c;
}

Change ChangeBuilder::remove(const QStringList &ids, GuestPolicy policy, const QString &text) const
{
    // Driven by the index: what goes is marked by position, and only the
    // objects that refer to it (guests on a host, groups of a guest, hosts
    // in a rack, ...) are copied and edited. The change is the one diff()
    // would give for the topology without them (same edits, same order),
    // without copying the topology or looking at every object.
    const Topology &t = mTopology;
    Change c;
    c.text = text;
    QVector<bool> goneCircuits(t.circuits.size(), false);
    QVector<bool> goneRacks(t.racks.size(), false);
    QVector<bool> goneClusters(t.clusters.size(), false);
    QVector<bool> goneHosts(t.hosts.size(), false);
    QVector<bool> goneGuests(t.guests.size(), false);
    QVector<bool> goneGroups(t.groups.size(), false);
    QSet<QString> gone(ids.cbegin(), ids.cend()); // by id, for positions and scenarios
    for (const QString &id : ids) {
        const TopologyIndex::Ref *ref = mIndex.find(id);
        if (!ref)
            continue;
        switch (ref->kind) {
        case ObjectKind::Circuit: goneCircuits[ref->pos] = true; break;
        case ObjectKind::Rack: goneRacks[ref->pos] = true; break;
        case ObjectKind::Cluster: goneClusters[ref->pos] = true; break;
        case ObjectKind::Host: goneHosts[ref->pos] = true; break;
        case ObjectKind::Guest: goneGuests[ref->pos] = true; break;
        case ObjectKind::Group: goneGroups[ref->pos] = true; break;
        }
    }
    if (policy == GuestPolicy::Delete) {
        for (int h = 0; h < t.hosts.size(); ++h) {
            if (!goneHosts.at(h))
                continue;
            for (int g : mIndex.guestsOnHost(h)) {
                goneGuests[g] = true;
                gone.insert(t.guests.at(g).id.str());
            }
        }
    }
    // The objects that keep a reference to what goes, edited (by position).
    QMap<int, Rack> racks;
    QMap<int, Host> hosts;
    QMap<int, Guest> guests;
    QMap<int, Group> groups;
    auto edited = [](auto &map, const auto &list, int pos) -> auto &
    {
        auto it = map.find(pos);
        if (it == map.end())
            it = map.insert(pos, list.at(pos));
        return it.value();
    };
    for (int p = 0; p < t.circuits.size(); ++p) {
        if (!goneCircuits.at(p))
            continue;
        const CircuitId &id = t.circuits.at(p).id;
        for (int r : mIndex.racksFedBy(p)) {
            if (!goneRacks.at(r))
                edited(racks, t.racks, r).circuits.removeAll(id);
        }
        for (int h : mIndex.hostsPoweredBy(p)) {
            if (!goneHosts.at(h))
                edited(hosts, t.hosts, h).power.removeAll(id);
        }
    }
    for (int r = 0; r < t.racks.size(); ++r) {
        if (!goneRacks.at(r))
            continue;
        for (int h : mIndex.hostsInRack(r)) {
            if (goneHosts.at(h))
                continue;
            Host &host = edited(hosts, t.hosts, h);
            host.rack = RackId();
            host.unit = 0;
        }
    }
    for (int p = 0; p < t.clusters.size(); ++p) {
        if (!goneClusters.at(p))
            continue;
        for (int h : mIndex.hostsInCluster(p)) {
            if (!goneHosts.at(h))
                edited(hosts, t.hosts, h).cluster = ClusterId();
        }
    }
    for (int h = 0; h < t.hosts.size(); ++h) {
        if (!goneHosts.at(h))
            continue;
        for (int g : mIndex.guestsOnHost(h)) {
            if (!goneGuests.at(g))
                edited(guests, t.guests, g).host = HostId();
        }
    }
    for (int g = 0; g < t.guests.size(); ++g) {
        if (!goneGuests.at(g))
            continue;
        for (int p : mIndex.groupsOfGuest(g)) {
            if (!goneGroups.at(p))
                edited(groups, t.groups, p).members.removeAll(t.guests.at(g).id);
        }
    }
    // A group left too small is dissolved.
    for (auto it = groups.begin(); it != groups.end();) {
        const Group &g = it.value();
        if (g.members.size() < 2 || (g.kind == GroupKind::Switchover && g.members.size() != 2)) {
            goneGroups[it.key()] = true;
            gone.insert(g.id.str());
            it = groups.erase(it);
        } else {
            ++it;
        }
    }
    // Removals (dependants first, each list from the back), then replacements.
    auto removals = [&c](const auto &list, const QVector<bool> &marks) {
        for (int p = static_cast<int>(list.size()) - 1; p >= 0; --p) {
            if (marks.at(p))
                c.edits.append(ObjectEdit{Object(list.at(p)), std::nullopt, p});
        }
    };
    removals(t.groups, goneGroups);
    removals(t.guests, goneGuests);
    removals(t.hosts, goneHosts);
    removals(t.clusters, goneClusters);
    removals(t.racks, goneRacks);
    removals(t.circuits, goneCircuits);
    auto replacements = [&c](const auto &list, const auto &map) {
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!(list.at(it.key()) == it.value()))
                c.edits.append(ObjectEdit{Object(list.at(it.key())), Object(it.value()), -1});
        }
    };
    replacements(t.groups, groups);
    replacements(t.guests, guests);
    replacements(t.hosts, hosts);
    replacements(t.racks, racks);
    for (int i = static_cast<int>(t.layout.size()) - 1; i >= 0; --i) {
        if (gone.contains(t.layout.at(i).id))
            c.layout.append(LayoutEdit{t.layout.at(i).id, t.layout.at(i), std::nullopt, i});
    }
    // A scenario no longer fails what is gone; one left failing nothing goes too.
    QVector<Scenario> scenarios = t.scenarios;
    scenarios.erase(std::remove_if(scenarios.begin(), scenarios.end(),
                                   [&](Scenario &sc) {
                                       const qsizetype before = sc.fail.size();
                                       sc.fail.erase(std::remove_if(sc.fail.begin(), sc.fail.end(),
                                                                    [&](const QString &id) {
                                                                        return gone.contains(id);
                                                                    }),
                                                     sc.fail.end());
                                       return before > 0 && sc.fail.isEmpty();
                                   }),
                    scenarios.end());
    if (scenarios != t.scenarios) {
        c.scenariosBefore = t.scenarios;
        c.scenariosAfter = scenarios;
    }
    return c;
}

Topology ChangeBuilder::extract(const QStringList &ids) const
{
    QSet<QString> chosen(ids.cbegin(), ids.cend());
    const Topology &t = mTopology;
    for (const Group &g : t.groups) {
        if (chosen.contains(g.id.str())) {
            for (const GuestId &m : g.members)
                chosen.insert(m.str());
        }
    }
    for (const Host &h : t.hosts) {
        if (chosen.contains(h.rack.str()))
            chosen.insert(h.id.str());
    }
    for (const Guest &g : t.guests) {
        if (chosen.contains(g.host.str()))
            chosen.insert(g.id.str());
    }
    Topology piece;
    piece.header = t.header;
    auto take = [&](const auto &from, auto &to) {
        for (const auto &o : from) {
            if (chosen.contains(o.id.str()))
                to.append(o);
        }
    };
    take(t.circuits, piece.circuits);
    take(t.racks, piece.racks);
    take(t.clusters, piece.clusters);
    take(t.hosts, piece.hosts);
    take(t.guests, piece.guests);
    for (const Group &g : t.groups) {
        bool all = true;
        for (const GuestId &m : g.members)
            all = all && chosen.contains(m.str());
        if (all)
            piece.groups.append(g);
    }
    for (const LayoutEntry &e : t.layout) {
        if (chosen.contains(e.id))
            piece.layout.append(e);
    }
    return piece;
}

Change ChangeBuilder::paste(const Topology &piece, const QString &text, QStringList *newIds) const
{
    NameAllocator names(mTopology, mIndex);
    QHash<QString, QString> renamed; // old id -> new id
    auto freshId = [&](const QString &id) {
        const QString candidate = names.copyId(id);
        renamed.insert(id, candidate);
        if (newIds)
            newIds->append(candidate);
        return candidate;
    };
    auto map = [&](const QString &id) -> QString {
        if (renamed.contains(id))
            return renamed.value(id);
        return mIndex.find(id) ? id : QString();
    };
    // Only additions, at the end of each list (in the order diff() gives
    // them: what others refer to first): built as such, without a copy of
    // the whole layout to diff against it (10,000 guests at L).
    Change change;
    change.text = text;
    auto added = [&change](const auto &object, qsizetype index) {
        change.edits.append(ObjectEdit{std::nullopt, Object(object), static_cast<int>(index)});
    };
    auto renameAll = [&](const auto &list) {
        for (const auto &o : list)
            freshId(o.id.str());
    };
    renameAll(piece.circuits);
    renameAll(piece.racks);
    renameAll(piece.clusters);
    renameAll(piece.hosts);
    renameAll(piece.guests);
    renameAll(piece.groups);
    auto mapCircuits = [&](const QVector<CircuitId> &in) {
        QVector<CircuitId> out;
        for (const CircuitId &c : in) {
            const QString m = map(c.str());
            if (!m.isEmpty())
                out.append(CircuitId(m));
        }
        return out;
    };
    qsizetype circuits = 0;
    qsizetype racks = 0;
    qsizetype clusters = 0;
    qsizetype hosts = 0;
    qsizetype guests = 0;
    qsizetype groups = 0;
    qsizetype entries = 0;
    for (Circuit c : piece.circuits) {
        c.id = CircuitId(renamed.value(c.id.str()));
        c.name = names.copyName(ObjectKind::Circuit, c.name);
        c.comments = Comments(); // a note a person wrote is about the original
        added(c, mTopology.circuits.size() + circuits++);
    }
    for (Rack r : piece.racks) {
        r.id = RackId(renamed.value(r.id.str()));
        r.name = names.copyName(ObjectKind::Rack, r.name);
        r.comments = Comments(); // a note a person wrote is about the original
        r.circuits = mapCircuits(r.circuits);
        added(r, mTopology.racks.size() + racks++);
    }
    for (Cluster c : piece.clusters) {
        c.id = ClusterId(renamed.value(c.id.str()));
        c.name = names.copyName(ObjectKind::Cluster, c.name);
        c.comments = Comments(); // a note a person wrote is about the original
        added(c, mTopology.clusters.size() + clusters++);
    }
    for (Host h : piece.hosts) {
        const bool rackCopied = renamed.contains(h.rack.str());
        h.id = HostId(renamed.value(h.id.str()));
        h.name = names.copyName(ObjectKind::Host, h.name);
        h.comments = Comments(); // a note a person wrote is about the original
        h.rack = rackCopied ? RackId(renamed.value(h.rack.str())) : RackId();
        if (!rackCopied)
            h.unit = 0;
        h.cluster = ClusterId(map(h.cluster.str()));
        h.power = mapCircuits(h.power);
        added(h, mTopology.hosts.size() + hosts++);
    }
    for (Guest g : piece.guests) {
        g.id = GuestId(renamed.value(g.id.str()));
        g.name = names.copyName(ObjectKind::Guest, g.name);
        g.comments = Comments(); // a note a person wrote is about the original
        g.host = HostId(map(g.host.str()));
        added(g, mTopology.guests.size() + guests++);
    }
    for (Group g : piece.groups) {
        g.id = GroupId(renamed.value(g.id.str()));
        g.name = names.copyName(ObjectKind::Group, g.name);
        g.comments = Comments(); // a note a person wrote is about the original
        for (GuestId &m : g.members)
            m = GuestId(renamed.value(m.str()));
        added(g, mTopology.groups.size() + groups++);
    }
    for (LayoutEntry e : piece.layout) {
        if (!renamed.contains(e.id))
            continue;
        e.id = renamed.value(e.id);
        e.comments = Comments();
        e.x += 40;
        e.y += 40;
        change.layout.append(LayoutEdit{e.id, std::nullopt, e, static_cast<int>(mTopology.layout.size() + entries++)});
    }
    return change;
}

Change ChangeBuilder::setPosition(const QString &id, double x, double y) const
{
    Change c;
    c.text = QObject::tr("Move");
    LayoutEntry after;
    after.id = id;
    after.x = x;
    after.y = y;
    for (const LayoutEntry &e : mTopology.layout) {
        if (e.id == id) {
            after.extras = e.extras;
            after.comments = e.comments;
            if (e == after)
                return c;
            c.layout.append(LayoutEdit{id, e, after, -1});
            return c;
        }
    }
    c.layout.append(LayoutEdit{id, std::nullopt, after, -1});
    return c;
}

Change ChangeBuilder::setHeader(const Header &header, const QString &text) const
{
    Change c;
    c.text = text;
    if (header == mTopology.header)
        return c;
    c.headerBefore = mTopology.header;
    c.headerAfter = header;
    return c;
}

// ---------------------------------------------------------------- new objects

Circuit ChangeBuilder::newCircuit(NameAllocator &names) const
{
    Circuit c;
    c.id = CircuitId(names.id(QStringLiteral("circuit")));
    c.name = names.name(ObjectKind::Circuit, QObject::tr("Circuit "));
    return c;
}

Rack ChangeBuilder::newRack(NameAllocator &names) const
{
    Rack r;
    r.id = RackId(names.id(QStringLiteral("rack")));
    r.name = names.name(ObjectKind::Rack, QObject::tr("Rack "));
    r.units = Limits::kDefaultRackUnits;
    return r;
}

Cluster ChangeBuilder::newCluster(NameAllocator &names) const
{
    Cluster c;
    c.id = ClusterId(names.id(QStringLiteral("cluster")));
    c.name = names.name(ObjectKind::Cluster, QObject::tr("Cluster "));
    return c;
}

Host ChangeBuilder::newHost(NameAllocator &names) const
{
    const bool vsphere = mTopology.header.platform.hypervisor == Hypervisor::VSphere;
    Host h;
    h.id = HostId(names.id(QStringLiteral("host")));
    h.name = names.name(ObjectKind::Host, vsphere ? QStringLiteral("esx") : QStringLiteral("hv"), 2,
                        names.hostDomain());
    h.heightU = 2;
    if (mTopology.clusters.size() == 1)
        h.cluster = mTopology.clusters.first().id; // the obvious choice; the inspector changes it
    h.cores = 32;
    h.memoryGb = 512;
    const QString nic = vsphere ? QStringLiteral("vmnic%1") : QStringLiteral("nic%1");
    h.nics = {Nic{nic.arg(0), 10, bit(Traffic::Management), {}},
              Nic{nic.arg(1), 10, bit(vsphere ? Traffic::VMotion : Traffic::LiveMigration), {}},
              Nic{nic.arg(2), 25, bit(Traffic::Vm), {}}};
    return h;
}

Guest ChangeBuilder::newGuest(const Product &product, NameAllocator &names) const
{
    Guest g;
    g.id = GuestId(names.id(product.id));
    g.name = names.name(ObjectKind::Guest, product.namePrefix);
    g.product = product.id;
    g.vcpu = product.vcpu;
    g.memoryGb = product.memoryGb;
    if (product.licensed)
        g.mac = MacMode::Static;
    return g;
}

Nic ChangeBuilder::newNic(const Host &host) const
{
    const QString pattern = mTopology.header.platform.hypervisor == Hypervisor::VSphere ? QStringLiteral("vmnic%1")
                                                                                        : QStringLiteral("nic%1");
    QString name;
    for (int n = 0;; ++n) {
        name = pattern.arg(n);
        if (std::none_of(host.nics.cbegin(), host.nics.cend(), [&](const Nic &x) { return x.name == name; }))
            break;
    }
    return Nic{name, 10, bit(Traffic::Vm), {}};
}

// ---------------------------------------------------------------- rack space

namespace {

QString moveHostsText(qsizetype hosts)
{
    return hosts == 1 ? QObject::tr("Move Host") : QObject::tr("Move %1 Hosts").arg(hosts);
}

} // namespace

bool ChangeBuilder::unitsFree(const RackId &rack,
                              int lowest,
                              int height,
                              const QStringList &ignoreHosts,
                              QString *why) const
{
    const int rackPos = mIndex.rack(rack);
    if (rackPos < 0) {
        *why = QObject::tr("there is no rack %1").arg(rack.str());
        return false;
    }
    const Rack &r = mTopology.racks.at(rackPos);
    const int units = r.units > 0 ? r.units : Limits::kDefaultRackUnits;
    if (lowest < 1 || lowest + height - 1 > units) {
        *why = QObject::tr("the host does not fit between unit 1 and %1").arg(units);
        return false;
    }
    for (int h : mIndex.hostsInRack(rackPos)) {
        const Host &other = mTopology.hosts.at(h);
        if (ignoreHosts.contains(other.id.str()) || other.unit <= 0)
            continue;
        const int otherTop = other.unit + other.heightU - 1;
        if (lowest <= otherTop && other.unit <= lowest + height - 1) {
            *why = QObject::tr("units %1-%2 are taken by %3").arg(other.unit).arg(otherTop).arg(other.name);
            return false;
        }
    }
    return true;
}

Change ChangeBuilder::placeHosts(const QStringList &hostIds,
                                 const RackId &rack,
                                 int topUnit,
                                 QString *why,
                                 int *lowestUnit,
                                 int *units) const
{
    Change c;
    c.text = moveHostsText(hostIds.size());
    int top = topUnit;
    int lowest = 0;
    int span = 0;
    for (const QString &id : hostIds) {
        const int pos = mIndex.host(HostId(id));
        if (pos < 0)
            continue;
        Host h = mTopology.hosts.at(pos);
        if (!unitsFree(rack, top - h.heightU + 1, h.heightU, hostIds, why))
            return Change();
        h.rack = rack;
        h.unit = top - h.heightU + 1;
        lowest = h.unit;
        span += h.heightU;
        top = h.unit - 1;
        c.edits += replace(h, QString()).edits;
    }
    if (lowestUnit)
        *lowestUnit = lowest;
    if (units)
        *units = span;
    return c;
}

Change ChangeBuilder::unrackHosts(const QStringList &hostIds) const
{
    Change c;
    c.text = moveHostsText(hostIds.size());
    for (const QString &id : hostIds) {
        const int pos = mIndex.host(HostId(id));
        if (pos < 0)
            continue;
        Host h = mTopology.hosts.at(pos);
        h.rack = RackId();
        h.unit = 0;
        c.edits += replace(h, QString()).edits;
    }
    return c;
}

Change ChangeBuilder::nudgeHosts(const QStringList &hostIds, int deltaUnits, QString *why) const
{
    Change c;
    c.text = moveHostsText(hostIds.size());
    for (const QString &id : hostIds) {
        const int pos = mIndex.host(HostId(id));
        if (pos < 0)
            continue;
        Host h = mTopology.hosts.at(pos);
        if (mIndex.rack(h.rack) < 0 || h.unit <= 0)
            continue;
        h.unit += deltaUnits;
        if (!unitsFree(h.rack, h.unit, h.heightU, hostIds, why))
            return Change();
        c.edits += replace(h, QString()).edits;
    }
    return c;
}

// ---------------------------------------------------------------- other edits

Change ChangeBuilder::addNic(const HostId &host) const
{
    const int pos = mIndex.host(host);
    if (pos < 0)
        return Change();
    Host h = mTopology.hosts.at(pos);
    h.nics.append(newNic(h));
    return replace(h, QObject::tr("Add NIC"));
}

Change ChangeBuilder::feed(const CircuitId &circuit, const QString &rackOrHost, QString *why) const
{
    const TopologyIndex::Ref *ref = mIndex.find(rackOrHost);
    if (ref && ref->kind == ObjectKind::Rack) {
        Rack r = mTopology.racks.at(ref->pos);
        if (r.circuits.contains(circuit)) {
            *why = QObject::tr("%1 already feeds this rack").arg(mIndex.nameOf(mTopology, circuit.str()));
            return Change();
        }
        r.circuits.append(circuit);
        return replace(r, QObject::tr("Feed Rack"));
    }
    if (ref && ref->kind == ObjectKind::Host) {
        Host h = mTopology.hosts.at(ref->pos);
        if (h.power.contains(circuit)) {
            *why = QObject::tr("%1 already feeds this host").arg(mIndex.nameOf(mTopology, circuit.str()));
            return Change();
        }
        h.power.append(circuit);
        return replace(h, QObject::tr("Feed Host"));
    }
    *why = QObject::tr("a circuit feeds a rack or a host");
    return Change();
}

Change ChangeBuilder::makeGroup(GroupKind kind, const QStringList &guestIds, QString *why, QString *groupId) const
{
    const bool pair = kind == GroupKind::Switchover;
    if (pair && guestIds.size() != 2) {
        *why = QObject::tr("Select exactly two guests to make a switchover pair.");
        return Change();
    }
    if (!pair && guestIds.size() < 2) {
        *why = QObject::tr("Select two or more guests to make a pool.");
        return Change();
    }
    Group g;
    g.kind = kind;
    for (const QString &id : guestIds) {
        const int pos = mIndex.guest(GuestId(id));
        if (pos < 0) {
            *why = QObject::tr("there is no guest %1").arg(id);
            return Change();
        }
        if (g.members.contains(GuestId(id)))
            continue;
        if (pair) {
            for (int other : mIndex.groupsOfGuest(pos)) {
                if (mTopology.groups.at(other).kind == GroupKind::Switchover) {
                    *why = QObject::tr("%1 is already in a switchover pair.").arg(mTopology.guests.at(pos).name);
                    return Change();
                }
            }
        }
        g.members.append(GuestId(id));
    }
    NameAllocator names(mTopology, mIndex);
    g.id = GroupId(names.id(pair ? QStringLiteral("pair") : QStringLiteral("pool")));
    if (pair) {
        const QString primary = mTopology.guests.at(mIndex.guest(g.members.first())).name;
        g.name = names.unique(ObjectKind::Group, QObject::tr("%1 switchover pair").arg(primary));
    } else {
        g.name = names.name(ObjectKind::Group, QObject::tr("Pool "));
    }
    if (groupId)
        *groupId = g.id.str();
    return add(g, pair ? QObject::tr("Make Switchover Pair") : QObject::tr("Make Pool"));
}

Change ChangeBuilder::ungroup(const QStringList &guestIds) const
{
    QStringList groups;
    for (const QString &id : guestIds) {
        const int pos = mIndex.guest(GuestId(id));
        if (pos < 0)
            continue;
        for (int g : mIndex.groupsOfGuest(pos)) {
            const QString gid = mTopology.groups.at(g).id.str();
            if (!groups.contains(gid))
                groups << gid;
        }
    }
    if (groups.isEmpty())
        return Change();
    return remove(groups, GuestPolicy::Unplace, QObject::tr("Ungroup"));
}

Change ChangeBuilder::swapPrimaryBackup(const QStringList &guestIds) const
{
    Change c;
    c.text = QObject::tr("Swap Primary/Backup");
    QSet<int> done;
    for (const QString &id : guestIds) {
        const int pos = mIndex.guest(GuestId(id));
        if (pos < 0)
            continue;
        for (int g : mIndex.groupsOfGuest(pos)) {
            Group group = mTopology.groups.at(g);
            if (group.kind != GroupKind::Switchover || group.members.size() != 2 || done.contains(g))
                continue;
            done.insert(g);
            std::swap(group.members[0], group.members[1]);
            c.edits += replace(group, QString()).edits;
        }
    }
    return c;
}

Change ChangeBuilder::diff(const Topology &from, const Topology &to, const QString &text)
{
    Change c;
    c.text = text;
    QVector<ObjectEdit> removals;
    QVector<ObjectEdit> replacements;
    QVector<ObjectEdit> additions;
    // Removals of dependants first (groups before guests before hosts ...),
    // additions of what others refer to first.
    diffList(from.groups, to.groups, removals, replacements, additions);
    diffList(from.guests, to.guests, removals, replacements, additions);
    diffList(from.hosts, to.hosts, removals, replacements, additions);
    diffList(from.clusters, to.clusters, removals, replacements, additions);
    diffList(from.racks, to.racks, removals, replacements, additions);
    diffList(from.circuits, to.circuits, removals, replacements, additions);
    std::sort(additions.begin(), additions.end(), [](const ObjectEdit &a, const ObjectEdit &b) {
        if (a.kind() != b.kind())
            return a.kind() < b.kind();
        return a.index < b.index;
    });
    c.edits = removals + replacements + additions;

    // Layout: removed, changed, added.
    QHash<QString, int> fromPos;
    for (int i = 0; i < from.layout.size(); ++i)
        fromPos.insert(from.layout.at(i).id, i);
    QSet<QString> toIds;
    for (const LayoutEntry &e : to.layout)
        toIds.insert(e.id);
    for (int i = static_cast<int>(from.layout.size()) - 1; i >= 0; --i) {
        if (!toIds.contains(from.layout.at(i).id))
            c.layout.append(LayoutEdit{from.layout.at(i).id, from.layout.at(i), std::nullopt, i});
    }
    for (int i = 0; i < to.layout.size(); ++i) {
        const LayoutEntry &e = to.layout.at(i);
        const auto it = fromPos.constFind(e.id);
        if (it == fromPos.constEnd())
            c.layout.append(LayoutEdit{e.id, std::nullopt, e, i});
        else if (!(from.layout.at(it.value()) == e))
            c.layout.append(LayoutEdit{e.id, from.layout.at(it.value()), e, -1});
    }
    // Waivers have no id: when the lists differ, the old ones go (last first)
    // and the new ones come.
    if (from.waivers != to.waivers) {
        for (int i = static_cast<int>(from.waivers.size()) - 1; i >= 0; --i)
            c.waivers.append(WaiverEdit{from.waivers.at(i), std::nullopt, i});
        for (int i = 0; i < to.waivers.size(); ++i)
            c.waivers.append(WaiverEdit{std::nullopt, to.waivers.at(i), i});
    }
    if (!(from.header == to.header)) {
        c.headerBefore = from.header;
        c.headerAfter = to.header;
    }
    if (from.scenarios != to.scenarios) {
        c.scenariosBefore = from.scenarios;
        c.scenariosAfter = to.scenarios;
    }
    return c;
}

int ChangeBuilder::findWaiver(const QString &rule, const QStringList &subjects) const
{
    const QString key = Waiver::key(rule, subjects);
    for (int i = 0; i < mTopology.waivers.size(); ++i) {
        if (mTopology.waivers.at(i).key() == key)
            return i;
    }
    return -1;
}

Change ChangeBuilder::addWaiver(const QString &rule, const QStringList &subjects, const QString &reason) const
{
    Change c;
    c.text = QObject::tr("Waive Finding");
    Waiver w;
    w.rule = rule;
    w.subjects = subjects;
    w.reason = reason.trimmed();
    c.waivers.append(WaiverEdit{std::nullopt, w, static_cast<int>(mTopology.waivers.size())});
    return c;
}

Change ChangeBuilder::removeWaiver(int index) const
{
    Change c;
    if (index < 0 || index >= mTopology.waivers.size())
        return c;
    c.text = QObject::tr("Remove Waiver");
    c.waivers.append(WaiverEdit{mTopology.waivers.at(index), std::nullopt, index});
    return c;
}

Change ChangeBuilder::unwaive(const QString &rule, const QStringList &subjects) const
{
    Change c;
    c.text = QObject::tr("Unwaive Finding");
    const QString key = Waiver::key(rule, subjects);
    for (int i = static_cast<int>(mTopology.waivers.size()) - 1; i >= 0; --i) {
        if (mTopology.waivers.at(i).key() == key)
            c.waivers.append(WaiverEdit{mTopology.waivers.at(i), std::nullopt, i});
    }
    return c;
}

Change ChangeBuilder::removeUnusedWaiver(const Finding &unused, const QVector<Finding> &findings) const
{
    QSet<QString> matched;
    for (const Finding &f : findings) {
        if (f.isWaived())
            matched.insert(Waiver::key(f.rule, f.subjects));
    }
    for (int i = 0; i < mTopology.waivers.size(); ++i) {
        const Waiver &w = mTopology.waivers.at(i);
        if (w.subjects == unused.subjects && !matched.contains(w.key())) {
            Change c = removeWaiver(i);
            c.text = QObject::tr("Remove Unused Waiver");
            return c;
        }
    }
    return Change();
}

Change ChangeBuilder::editWaiver(int index, const QString &reason) const
{
    Change c;
    if (index < 0 || index >= mTopology.waivers.size())
        return c;
    Waiver after = mTopology.waivers.at(index);
    after.reason = reason.trimmed();
    if (after == mTopology.waivers.at(index))
        return c;
    c.text = QObject::tr("Edit Waiver");
    c.waivers.append(WaiverEdit{mTopology.waivers.at(index), after, index});
    return c;
}

} // namespace td
