#include "catalog/catalog.h"
#include "changebuilder.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "nameallocator.h"
#include "topologygenerator.h"

#include <QSet>
#include <QTest>

#include <memory>
#include <random>

using namespace td;

namespace {

Topology sample()
{
    return LayoutReader::read(Samples::contoso(), QStringLiteral("sample")).topology;
}

Topology blank(Hypervisor hypervisor)
{
    Topology t;
    t.header.name = QStringLiteral("blank");
    t.header.platform.hypervisor = hypervisor;
    t.header.platform.version = hypervisor == Hypervisor::VSphere ? QStringLiteral("8.0") : QStringLiteral("2025");
    return t;
}

// Applies a change that must be taken.
void take(Document &doc, const Change &change)
{
    QString error;
    QVERIFY2(!change.isEmpty(), "empty change");
    doc.apply(change, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

const Host &hostNamed(const Document &doc, const QString &name)
{
    for (const Host &h : doc.topology().hosts) {
        if (h.name == name)
            return h;
    }
    static Host none;
    return none;
}

// remove() as it was first written, for reference: the whole topology
// copied, every object tested against the set of what goes, then diff().
// The index-driven remove() must give exactly this change.
Change removeByDiff(const Topology &from, const QStringList &ids, ChangeBuilder::GuestPolicy policy)
{
    Topology to = from;
    QSet<QString> gone(ids.cbegin(), ids.cend());
    if (policy == ChangeBuilder::GuestPolicy::Delete) {
        for (const Guest &g : to.guests) {
            if (gone.contains(g.host.str()))
                gone.insert(g.id.str());
        }
    }
    auto keep = [&](auto &list) {
        list.erase(std::remove_if(list.begin(), list.end(), [&](const auto &o) { return gone.contains(o.id.str()); }),
                   list.end());
    };
    keep(to.circuits);
    keep(to.racks);
    keep(to.clusters);
    keep(to.hosts);
    keep(to.guests);
    auto dropCircuits = [&](QVector<CircuitId> &list) {
        list.erase(std::remove_if(list.begin(), list.end(), [&](const CircuitId &c) { return gone.contains(c.str()); }),
                   list.end());
    };
    for (Rack &r : to.racks)
        dropCircuits(r.circuits);
    for (Host &h : to.hosts) {
        if (gone.contains(h.rack.str())) {
            h.rack = RackId();
            h.unit = 0;
        }
        if (gone.contains(h.cluster.str()))
            h.cluster = ClusterId();
        dropCircuits(h.power);
    }
    for (Guest &g : to.guests) {
        if (gone.contains(g.host.str()))
            g.host = HostId();
    }
    for (Group &g : to.groups) {
        g.members.erase(std::remove_if(g.members.begin(), g.members.end(),
                                       [&](const GuestId &m) { return gone.contains(m.str()); }),
                        g.members.end());
        if (g.members.size() < 2 || (g.kind == GroupKind::Switchover && g.members.size() != 2))
            gone.insert(g.id.str());
    }
    keep(to.groups);
    to.layout.erase(std::remove_if(to.layout.begin(), to.layout.end(),
                                   [&](const LayoutEntry &e) { return gone.contains(e.id); }),
                    to.layout.end());
    to.scenarios.erase(std::remove_if(to.scenarios.begin(), to.scenarios.end(),
                                      [&](Scenario &sc) {
                                          const qsizetype before = sc.fail.size();
                                          sc.fail.erase(std::remove_if(sc.fail.begin(), sc.fail.end(),
                                                                       [&](const QString &id) {
                                                                           return gone.contains(id);
                                                                       }),
                                                        sc.fail.end());
                                          return before > 0 && sc.fail.isEmpty();
                                      }),
                       to.scenarios.end());
    return ChangeBuilder::diff(from, to, QStringLiteral("Delete"));
}

// Where two changes differ ("" when they are the same edits in the same order).
QString changeDifference(const Change &a, const Change &b)
{
    if (a.edits.size() != b.edits.size())
        return QStringLiteral("%1 edits, expected %2").arg(a.edits.size()).arg(b.edits.size());
    for (qsizetype i = 0; i < a.edits.size(); ++i) {
        const ObjectEdit &x = a.edits.at(i);
        const ObjectEdit &y = b.edits.at(i);
        if (!(x.before == y.before) || !(x.after == y.after) || x.index != y.index)
            return QStringLiteral("edit %1: %2 %3 (index %4), expected %5 %6 (index %7)")
                .arg(i)
                .arg(kindName(x.kind()), x.id())
                .arg(x.index)
                .arg(kindName(y.kind()), y.id())
                .arg(y.index);
    }
    if (a.layout.size() != b.layout.size())
        return QStringLiteral("%1 position edits, expected %2").arg(a.layout.size()).arg(b.layout.size());
    for (qsizetype i = 0; i < a.layout.size(); ++i) {
        const LayoutEdit &x = a.layout.at(i);
        const LayoutEdit &y = b.layout.at(i);
        if (x.id != y.id || !(x.before == y.before) || !(x.after == y.after) || x.index != y.index)
            return QStringLiteral("position edit %1: %2, expected %3").arg(i).arg(x.id, y.id);
    }
    if (!(a.scenariosBefore == b.scenariosBefore) || !(a.scenariosAfter == b.scenariosAfter))
        return QStringLiteral("the scenarios differ");
    if (!(a.headerAfter == b.headerAfter) || !a.waivers.isEmpty() || !b.waivers.isEmpty())
        return QStringLiteral("the header or waivers differ");
    return {};
}

} // namespace

class TestChangeBuilder : public QObject
{
    Q_OBJECT

private slots:
    // diff() aligns the lists in step where it can and by id where it
    // cannot: whatever it does, applying its change to `from` must give `to`
    // exactly, and where the lists only lost, gained or changed objects in
    // place, the change names just those (no object removed and added back).
    void diffAppliesToExactlyTheTarget()
    {
        Topology start = sample();
        const Guest model = start.guests.first();
        test::addUnplacedGuests(start, 400);
        std::mt19937 random(3);
        const auto below = [&](qsizetype n) { return static_cast<qsizetype>(random() % static_cast<unsigned>(n)); };
        int fresh = 0;
        for (int round = 0; round < 60; ++round) {
            Topology to = start;
            const bool moves = round % 4 == 3;
            int changed = 0;
            const qsizetype edits = 1 + below(round < 30 ? 6 : 60);
            for (qsizetype e = 0; e < edits; ++e) {
                // Only the extra guests (no group or host refers to them).
                QVector<qsizetype> extras;
                for (qsizetype i = 0; i < to.guests.size(); ++i) {
                    if (to.guests.at(i).id.str().startsWith(QLatin1String("extra-")))
                        extras.append(i);
                }
                const qsizetype pick = extras.at(below(extras.size()));
                switch (below(moves ? 4 : 3)) {
                case 0: to.guests.removeAt(pick); break;
                case 1: {
                    const Guest g = test::unplacedCopy(model, QStringLiteral("extra-new-%1").arg(fresh),
                                                       QStringLiteral("new%1").arg(fresh));
                    ++fresh;
                    to.guests.insert(below(to.guests.size() + 1), g);
                    break;
                }
                case 2: to.guests[pick].name += QStringLiteral("-r"); break;
                default: {
                    const Guest g = to.guests.takeAt(pick);
                    to.guests.insert(below(to.guests.size() + 1), g);
                }
                }
                ++changed;
            }
            const Change change = ChangeBuilder::diff(start, to, QStringLiteral("round"));
            Document doc(start);
            QString error;
            doc.apply(change, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(doc.topology() == to, qPrintable(QStringLiteral("round %1").arg(round)));
            if (!moves) {
                // Each removal, addition or rename is one edit (a rename of
                // an added guest, or a removal of a renamed one, is fewer).
                QVERIFY2(change.edits.size() <= changed,
                         qPrintable(QStringLiteral("%1 edits for %2 changes").arg(change.edits.size()).arg(changed)));
            }
            doc.apply(change.inverted(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(doc.topology() == start);
        }
    }

    // remove() finds what goes and what refers to it through the index; its
    // change must be exactly the one of the whole-topology way (removeByDiff)
    // for any mix of objects, with either guest policy: random deletes on a
    // generated layout (scenarios added that fail racks, circuits and hosts)
    // and on the sample, each applied and undone.
    void removeIsTheDiffOfTheCascade()
    {
        for (int layout = 0; layout < 2; ++layout) {
            Topology start = layout == 0 ? test::generateTopology(test::GeneratorParams::small(), 9) : sample();
            if (start.scenarios.isEmpty()) {
                for (int i = 0; i < 4 && i < start.racks.size(); ++i) {
                    Scenario sc;
                    sc.name = QStringLiteral("Lose %1").arg(i);
                    sc.fail << start.racks.at(i).id.str();
                    if (i < start.circuits.size())
                        sc.fail << start.circuits.at(i).id.str();
                    if (i % 2 == 0 && i < start.hosts.size())
                        sc.fail << start.hosts.at(i).id.str();
                    start.scenarios.append(sc);
                }
            }
            auto doc = std::make_unique<Document>(start);
            test::Random rnd(31 + layout);
            int changes = 0;
            for (int round = 0; round < 120; ++round) {
                if (doc->topology().guests.size() < 4)
                    doc = std::make_unique<Document>(start); // deleted nearly all: again
                const Topology &t = doc->topology();
                QStringList ids = test::randomObjectIds(t, rnd, 12);
                if (rnd.chance(10))
                    ids << QStringLiteral("no-such-object");
                const auto policy = rnd.chance(50) ? ChangeBuilder::GuestPolicy::Unplace
                                                   : ChangeBuilder::GuestPolicy::Delete;
                const Change change = ChangeBuilder(t, doc->index()).remove(ids, policy, QStringLiteral("Delete"));
                const QString diff = changeDifference(change, removeByDiff(t, ids, policy));
                QVERIFY2(diff.isEmpty(),
                         qPrintable(
                             QStringLiteral("round %1, %2: %3").arg(round).arg(ids.join(QLatin1Char(',')), diff)));
                if (change.isEmpty())
                    continue;
                const Topology before = t;
                take(*doc, change);
                ++changes;
                if (round % 3 == 0) {
                    take(*doc, change.inverted());
                    QVERIFY(doc->topology() == before);
                }
            }
            QVERIFY2(changes > 60, qPrintable(QString::number(changes)));
        }
    }

    // The reported bug: every new host was named esx1.
    void newHostsCountUpWithTheSharedDomain()
    {
        Document doc(sample());
        // The sample names its five hosts esx01.contoso.local ... esx05.contoso.local.
        QCOMPARE(doc.topology().hosts.size(), 5);
        for (int n = 6; n <= 8; ++n) {
            NameAllocator names(doc.topology(), doc.index());
            const Host h = ChangeBuilder(doc.topology(), doc.index()).newHost(names);
            QCOMPARE(h.name, QStringLiteral("esx0%1.contoso.local").arg(n));
            take(doc, ChangeBuilder(doc.topology(), doc.index()).add(h, QStringLiteral("Add Host")));
        }
        QCOMPARE(hostNamed(doc, QStringLiteral("esx08.contoso.local")).nics.size(), 3);
    }

    void newHostsOnHyperV()
    {
        Document doc(blank(Hypervisor::HyperV));
        QStringList names;
        for (int i = 0; i < 3; ++i) {
            NameAllocator alloc(doc.topology(), doc.index());
            const Host h = ChangeBuilder(doc.topology(), doc.index()).newHost(alloc);
            names << h.name;
            take(doc, ChangeBuilder(doc.topology(), doc.index()).add(h, QStringLiteral("Add Host")));
        }
        QCOMPARE(names, QStringList({QStringLiteral("hv01"), QStringLiteral("hv02"), QStringLiteral("hv03")}));
        const Host &h = doc.topology().hosts.first();
        QCOMPARE(h.nics.at(0).name, QStringLiteral("nic0"));
        QVERIFY(h.nics.at(1).carries(Traffic::LiveMigration));
        // A NIC added later continues the host's own numbering.
        take(doc, ChangeBuilder(doc.topology(), doc.index()).addNic(h.id));
        QCOMPARE(doc.topology().hosts.first().nics.last().name, QStringLiteral("nic3"));
    }

    // The reported bug: new hosts had nic0-2 but a NIC from the palette was vmnic3.
    void nicNamesFollowTheHypervisor()
    {
        Document doc(blank(Hypervisor::VSphere));
        NameAllocator alloc(doc.topology(), doc.index());
        const Host h = ChangeBuilder(doc.topology(), doc.index()).newHost(alloc);
        QCOMPARE(h.nics.at(0).name, QStringLiteral("vmnic0"));
        QCOMPARE(h.nics.at(2).name, QStringLiteral("vmnic2"));
        take(doc, ChangeBuilder(doc.topology(), doc.index()).add(h, QStringLiteral("Add Host")));
        take(doc, ChangeBuilder(doc.topology(), doc.index()).addNic(h.id));
        QCOMPARE(doc.topology().hosts.first().nics.last().name, QStringLiteral("vmnic3"));
        // A gap is filled first.
        Host gap = doc.topology().hosts.first();
        gap.nics.removeAt(1);
        take(doc, ChangeBuilder(doc.topology(), doc.index()).replace(gap, QStringLiteral("Remove NIC")));
        take(doc, ChangeBuilder(doc.topology(), doc.index()).addNic(h.id));
        QCOMPARE(doc.topology().hosts.first().nics.last().name, QStringLiteral("vmnic1"));
    }

    void newGuestsUseTheProductPrefix()
    {
        Document doc(sample());
        const Product *cic = Catalog::builtin().product(QStringLiteral("cic-server"));
        QVERIFY(cic);
        int existing = 0; // the sample's IC1, IC2
        for (const Guest &g : doc.topology().guests)
            existing += g.product == QLatin1String("cic-server") ? 1 : 0;
        NameAllocator names(doc.topology(), doc.index());
        ChangeBuilder build(doc.topology(), doc.index());
        const Guest a = build.newGuest(*cic, names);
        const Guest b = build.newGuest(*cic, names);
        QCOMPARE(a.name, QStringLiteral("IC%1").arg(existing + 1));
        QCOMPARE(b.name, QStringLiteral("IC%1").arg(existing + 2));
        QVERIFY(a.id != b.id);
        QCOMPARE(a.vcpu, cic->vcpu);
        QCOMPARE(a.mac, MacMode::Static); // bound to the host-id licence
    }

    void rackSpace()
    {
        Document doc(sample());
        const Topology &t = doc.topology();
        // esx01 (2U? no: the sample's hosts are 1U) sits at unit 20 of rack-1, esx02 at 24.
        const Host esx01 = t.hosts.at(0);
        const Host esx02 = t.hosts.at(1);
        QCOMPARE(esx01.rack, esx02.rack);
        ChangeBuilder build(t, doc.index());
        QString why;
        QVERIFY(!build.unitsFree(esx01.rack, esx02.unit, 1, {}, &why));
        QVERIFY2(why.contains(esx02.name), qPrintable(why));
        QVERIFY(build.unitsFree(esx01.rack, esx02.unit, 1, {esx02.id.str()}, &why));
        QVERIFY(!build.unitsFree(esx01.rack, 42, 2, {}, &why)); // 42..43 leaves a 42U rack
        QVERIFY(why.contains(QLatin1String("42")));

        // Nudging up stops at the next host.
        const int gap = esx02.unit - (esx01.unit + esx01.heightU); // free units between them
        take(doc, ChangeBuilder(doc.topology(), doc.index()).nudgeHosts({esx01.id.str()}, gap, &why));
        QCOMPARE(doc.topology().hosts.at(0).unit, esx01.unit + gap);
        QVERIFY(ChangeBuilder(doc.topology(), doc.index()).nudgeHosts({esx01.id.str()}, 1, &why).isEmpty());
        QVERIFY(why.contains(esx02.name));

        // Two hosts placed at a top unit stack downwards.
        int lowest = 0;
        int units = 0;
        const RackId rack3 = t.racks.at(2).id;
        take(doc, ChangeBuilder(doc.topology(), doc.index())
                      .placeHosts({esx01.id.str(), esx02.id.str()}, rack3, 10, &why, &lowest, &units));
        QCOMPARE(doc.topology().hosts.at(0).unit, 10 - esx01.heightU + 1);
        QCOMPARE(doc.topology().hosts.at(1).unit, 10 - esx01.heightU - esx02.heightU + 1);
        QCOMPARE(lowest, doc.topology().hosts.at(1).unit);
        QCOMPARE(units, esx01.heightU + esx02.heightU);
        take(doc, ChangeBuilder(doc.topology(), doc.index()).unrackHosts({esx01.id.str()}));
        QVERIFY(doc.topology().hosts.at(0).rack.isNull());
        QCOMPARE(doc.topology().hosts.at(0).unit, 0);
    }

    void groups()
    {
        Document doc(sample());
        // Two unpaired guests: the last two in the sample that are in no switchover group.
        QStringList free;
        for (int i = static_cast<int>(doc.topology().guests.size()) - 1; i >= 0 && free.size() < 3; --i) {
            bool paired = false;
            for (int g : doc.index().groupsOfGuest(i))
                paired = paired || doc.topology().groups.at(g).kind == GroupKind::Switchover;
            if (!paired)
                free.prepend(doc.topology().guests.at(i).id.str());
        }
        QCOMPARE(free.size(), 3);
        QString why;
        QVERIFY(ChangeBuilder(doc.topology(), doc.index()).makeGroup(GroupKind::Switchover, free, &why).isEmpty());
        QVERIFY(why.contains(QLatin1String("two")));

        const QString inPair = doc.topology().groups.first().members.first().str();
        QVERIFY(ChangeBuilder(doc.topology(), doc.index())
                    .makeGroup(GroupKind::Switchover, {inPair, free.first()}, &why)
                    .isEmpty());
        QVERIFY(why.contains(QLatin1String("already")));

        int groupsOfFirst = 0; // groups free.first() is in before (the sample's pools)
        for (const Group &g : doc.topology().groups)
            groupsOfFirst += g.members.contains(GuestId(free.first())) ? 1 : 0;
        QString poolId;
        const int groupsBefore = static_cast<int>(doc.topology().groups.size());
        take(doc, ChangeBuilder(doc.topology(), doc.index()).makeGroup(GroupKind::Pool, free, &why, &poolId));
        QCOMPARE(doc.topology().groups.size(), groupsBefore + 1);
        const Group pool = doc.topology().groups.at(doc.index().group(GroupId(poolId)));
        QCOMPARE(pool.kind, GroupKind::Pool);
        QCOMPARE(pool.members.size(), 3);
        QCOMPARE(pool.members.first().str(), free.first());

        QString pairId;
        take(doc, ChangeBuilder(doc.topology(), doc.index())
                      .makeGroup(GroupKind::Switchover, {free.at(1), free.at(0)}, &why, &pairId));
        Group pair = doc.topology().groups.at(doc.index().group(GroupId(pairId)));
        QCOMPARE(pair.members.first().str(), free.at(1)); // first selected = primary
        QVERIFY(pair.name.contains(QLatin1String("switchover pair")));
        take(doc, ChangeBuilder(doc.topology(), doc.index()).swapPrimaryBackup({free.at(0)}));
        pair = doc.topology().groups.at(doc.index().group(GroupId(pairId)));
        QCOMPARE(pair.members.first().str(), free.at(0));

        take(doc, ChangeBuilder(doc.topology(), doc.index()).ungroup({free.at(0)}));
        QVERIFY(!doc.index().find(pairId));
        QVERIFY(!doc.index().find(poolId)); // free.at(0) was in both
        QCOMPARE(doc.topology().groups.size(), groupsBefore - groupsOfFirst);
    }

    void extractAndPasteKeepAPair()
    {
        Document doc(sample());
        const Group pair = doc.topology().groups.first();
        QCOMPARE(pair.kind, GroupKind::Switchover);
        // A note a person wrote on the primary stays with the original only.
        Guest annotated = doc.topology().guests.at(doc.index().guest(pair.members.at(0)));
        annotated.comments.note(QString()).before = QStringList{
            QStringLiteral("# stays on esx01 during the migration")};
        take(doc, ChangeBuilder(doc.topology(), doc.index()).replace(annotated, QStringLiteral("Annotate")));
        ChangeBuilder build(doc.topology(), doc.index());
        const Topology piece = build.extract({pair.id.str()});
        QCOMPARE(piece.guests.size(), 2);
        QCOMPARE(piece.groups.size(), 1);
        // It keeps its references to the hosts outside it.
        QCOMPARE(piece.guests.first().host, doc.topology().guests.at(doc.index().guest(pair.members.first())).host);

        QStringList ids;
        take(doc, build.paste(piece, QStringLiteral("Paste"), &ids));
        QCOMPARE(ids.size(), 3);
        const int copyPos = doc.index().group(GroupId(pair.id.str() + QStringLiteral("-copy")));
        QVERIFY(copyPos >= 0);
        const Group copy = doc.topology().groups.at(copyPos);
        QCOMPARE(copy.kind, GroupKind::Switchover);
        QCOMPARE(copy.members.at(0).str(), pair.members.at(0).str() + QStringLiteral("-copy"));
        const Guest &primaryCopy = doc.topology().guests.at(doc.index().guest(copy.members.at(0)));
        const Guest &primary = doc.topology().guests.at(doc.index().guest(pair.members.at(0)));
        QCOMPARE(primaryCopy.name, primary.name + QStringLiteral(" copy"));
        QCOMPARE(primaryCopy.host, primary.host); // the host exists here: kept
        QVERIFY(!primary.comments.isEmpty());
        QVERIFY(primaryCopy.comments.isEmpty());

        // A second paste gets the next free ids and names.
        QStringList again;
        take(doc, ChangeBuilder(doc.topology(), doc.index()).paste(piece, QStringLiteral("Paste"), &again));
        QVERIFY(again.contains(pair.id.str() + QStringLiteral("-copy2")));
        const Guest &second = doc.topology().guests.at(
            doc.index().guest(GuestId(pair.members.at(0).str() + QStringLiteral("-copy2"))));
        QCOMPARE(second.name, primary.name + QStringLiteral(" copy 2"));
    }

    // A paste only adds: each copied object at the end of its list, what
    // others refer to first (circuits, racks, clusters, hosts, guests,
    // groups), canvas positions at the end of the layout; undone, the layout
    // is what it was.
    void pasteOnlyAppends()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        const Rack &rack = before.racks.first();
        QStringList ids{rack.id.str(), before.circuits.first().id.str()};
        for (const Host &h : before.hosts) {
            if (h.rack == rack.id)
                ids << h.id.str();
        }
        for (const Group &g : before.groups)
            ids << g.id.str();
        ChangeBuilder build(doc.topology(), doc.index());
        const Topology piece = build.extract(ids);
        QVERIFY(!piece.racks.isEmpty() && !piece.hosts.isEmpty() && !piece.guests.isEmpty() && !piece.groups.isEmpty()
                && !piece.circuits.isEmpty() && !piece.layout.isEmpty());
        QStringList newIds;
        const Change change = build.paste(piece, QStringLiteral("Paste"), &newIds);
        const qsizetype objects = piece.circuits.size() + piece.racks.size() + piece.clusters.size()
                                + piece.hosts.size() + piece.guests.size() + piece.groups.size();
        QCOMPARE(change.edits.size(), objects);
        QCOMPARE(newIds.size(), objects);
        const QVector<qsizetype> sizes{before.circuits.size(), before.racks.size(),  before.clusters.size(),
                                       before.hosts.size(),    before.guests.size(), before.groups.size()};
        QVector<int> next(sizes.begin(), sizes.end());
        int lastKind = -1;
        for (const ObjectEdit &e : change.edits) {
            QVERIFY(!e.before && e.after);
            const int kind = static_cast<int>(e.kind());
            QVERIFY(kind >= lastKind);
            lastKind = kind;
            QCOMPARE(e.index, next[kind]++);
            QVERIFY(newIds.contains(e.id()));
            QVERIFY(!doc.index().find(e.id()));
        }
        QCOMPARE(change.layout.size(), piece.layout.size());
        for (int i = 0; i < change.layout.size(); ++i) {
            QVERIFY(!change.layout.at(i).before && change.layout.at(i).after);
            QCOMPARE(change.layout.at(i).index, static_cast<int>(before.layout.size()) + i);
        }
        take(doc, change);
        for (const QString &id : std::as_const(newIds))
            QVERIFY(doc.index().find(id));
        QCOMPARE(doc.topology().guests.size(), before.guests.size() + piece.guests.size());
        take(doc, change.inverted());
        QVERIFY(doc.topology() == before);
    }
};

QTEST_GUILESS_MAIN(TestChangeBuilder)
#include "tst_changebuilder.moc"
