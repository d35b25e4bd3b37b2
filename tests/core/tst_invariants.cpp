#include "changebuilder.h"
#include "document.h"
#include "invariants.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "topologygenerator.h"

#include <QSignalSpy>
#include <QTest>

using namespace td;
using td::test::Random;

namespace {

Topology sample()
{
    return LayoutReader::read(Samples::contoso(), QStringLiteral("sample")).topology;
}

// Applies a change to a copy of a topology by ids alone, without any of the
// Document's checks: what the layout would be if the change were taken.
Topology naiveApply(Topology t, const Change &change)
{
    auto apply = [](auto &list, const ObjectEdit &e) {
        using T = typename std::decay_t<decltype(list)>::value_type;
        const QString id = e.id();
        auto it = std::find_if(list.begin(), list.end(), [&](const T &o) { return o.id.str() == id; });
        if (e.before && e.after) {
            if (it != list.end())
                *it = std::get<T>(*e.after);
        } else if (e.after) {
            list.append(std::get<T>(*e.after));
        } else if (it != list.end()) {
            list.erase(it);
        }
    };
    for (const ObjectEdit &e : change.edits) {
        switch (e.kind()) {
        case ObjectKind::Circuit: apply(t.circuits, e); break;
        case ObjectKind::Rack: apply(t.racks, e); break;
        case ObjectKind::Cluster: apply(t.clusters, e); break;
        case ObjectKind::Host: apply(t.hosts, e); break;
        case ObjectKind::Guest: apply(t.guests, e); break;
        case ObjectKind::Group: apply(t.groups, e); break;
        }
    }
    if (change.headerAfter)
        t.header = *change.headerAfter;
    return t;
}

// A random, often hostile, edit of one object or of the header: values out
// of range, references to what does not exist or is of another kind,
// duplicate list items, group sizes the format forbids, bad texts.
Change hostileEdit(const Topology &t, const TopologyIndex &index, Random &rnd)
{
    ChangeBuilder build(t, index);
    auto anyId = [&]() -> QString {
        switch (rnd.below(8)) {
        case 0: return t.racks.isEmpty() ? QString() : t.racks.at(rnd.below(int(t.racks.size()))).id.str();
        case 1: return t.circuits.isEmpty() ? QString() : t.circuits.at(rnd.below(int(t.circuits.size()))).id.str();
        case 2: return t.hosts.isEmpty() ? QString() : t.hosts.at(rnd.below(int(t.hosts.size()))).id.str();
        case 3: return t.guests.isEmpty() ? QString() : t.guests.at(rnd.below(int(t.guests.size()))).id.str();
        case 4: return t.clusters.isEmpty() ? QString() : t.clusters.at(rnd.below(int(t.clusters.size()))).id.str();
        case 5: return QStringLiteral("nowhere");
        case 6: return QString();
        default: return t.groups.isEmpty() ? QString() : t.groups.at(rnd.below(int(t.groups.size()))).id.str();
        }
    };
    auto text = [&](const QString &good) -> QString {
        switch (rnd.below(6)) {
        case 0: return QString();
        case 1: return QString(300, QLatin1Char('x'));
        case 2: return QStringLiteral("tab\there");
        case 3: return QStringLiteral("  spaced  ");
        default: return good + QStringLiteral(" 2");
        }
    };
    const int what = rnd.below(7);
    if (what == 0 && !t.hosts.isEmpty()) {
        Host h = t.hosts.at(rnd.below(int(t.hosts.size())));
        switch (rnd.below(9)) {
        case 0: h.heightU = rnd.below(25) - 1; break;
        case 1: h.unit = rnd.below(106) - 1; break;
        case 2: h.rack = RackId(anyId()); break;
        case 3: h.cluster = ClusterId(anyId()); break;
        case 4: h.power.append(CircuitId(anyId())); break;
        case 5: h.cores = rnd.below(5000) - 5; break;
        case 6: h.name = text(h.name); break;
        case 7:
            if (!h.nics.isEmpty())
                h.nics.append(h.nics.at(rnd.below(int(h.nics.size()))));
            break;
        default:
            if (!h.nics.isEmpty()) {
                Nic &n = h.nics[rnd.below(int(h.nics.size()))];
                if (rnd.chance(50))
                    n.gbps = rnd.below(200001) - 1;
                else
                    n.name = text(n.name);
            }
            break;
        }
        return build.replace(h, QStringLiteral("Edit Host"));
    }
    if (what == 1 && !t.guests.isEmpty()) {
        Guest g = t.guests.at(rnd.below(int(t.guests.size())));
        switch (rnd.below(5)) {
        case 0: g.vcpu = rnd.below(800) - 1; break;
        case 1: g.memoryGb = rnd.below(30000) - 1; break;
        case 2: g.host = HostId(anyId()); break;
        case 3: g.product = rnd.chance(50) ? QStringLiteral("no-such-product") : QStringLiteral("database"); break;
        default: g.name = text(g.name); break;
        }
        return build.replace(g, QStringLiteral("Edit Guest"));
    }
    if (what == 2 && !t.groups.isEmpty()) {
        Group g = t.groups.at(rnd.below(int(t.groups.size())));
        switch (rnd.below(4)) {
        case 0: g.members.append(GuestId(anyId())); break;
        case 1: g.members.removeLast(); break;
        case 2: g.kind = g.kind == GroupKind::Pool ? GroupKind::Switchover : GroupKind::Pool; break;
        default:
            if (!t.guests.isEmpty())
                g.members.append(t.guests.at(rnd.below(int(t.guests.size()))).id);
            break;
        }
        return build.replace(g, QStringLiteral("Edit Group"));
    }
    if (what == 3 && !t.racks.isEmpty()) {
        Rack r = t.racks.at(rnd.below(int(t.racks.size())));
        if (rnd.chance(60))
            r.units = rnd.below(50);
        else
            r.circuits.append(CircuitId(anyId()));
        return build.replace(r, QStringLiteral("Edit Rack"));
    }
    if (what == 4) {
        Header h = t.header;
        const PlatformLimits &l = Catalog::builtin().limits();
        if (rnd.chance(40))
            h.platform.hypervisor = h.platform.hypervisor == Hypervisor::VSphere ? Hypervisor::HyperV
                                                                                 : Hypervisor::VSphere;
        else if (rnd.chance(70))
            h.platform.version = rnd.chance(50) ? l.vsphereVersions.at(rnd.below(int(l.vsphereVersions.size())))
                                                : l.hypervVersions.at(rnd.below(int(l.hypervVersions.size())));
        else
            h.name = text(h.name);
        return build.setHeader(h, QStringLiteral("Edit Layout"));
    }
    if (what == 5) {
        Circuit c;
        c.id = CircuitId(rnd.chance(50) ? anyId() : QStringLiteral("Bad Id"));
        c.name = QStringLiteral("C");
        return build.add(c, QStringLiteral("Add Circuit"));
    }
    const QString id = anyId();
    return id.isEmpty() ? Change() : build.remove({id}, ChangeBuilder::GuestPolicy::Unplace, QStringLiteral("Delete"));
}

} // namespace

class TestInvariants : public QObject
{
    Q_OBJECT

private slots:
    void sampleHasNone()
    {
        const Topology t = sample();
        QVERIFY(Invariants::check(t, TopologyIndex(t)).isEmpty());
    }

    void eachBrokenInvariantIsNamed_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("words");
        QTest::newRow("host above rack top") << 0 << "unit"
                                             << "reaches above the top";
        QTest::newRow("unit without rack") << 1 << "unit"
                                           << "has a 'unit' but no 'rack'";
        QTest::newRow("pair of three") << 2 << "members"
                                       << "exactly 2 members";
        QTest::newRow("guest on missing host") << 3 << "host"
                                               << "does not exist";
        QTest::newRow("rack as cluster") << 4 << "cluster"
                                         << "not a cluster";
        QTest::newRow("NIC twice") << 5 << "nics"
                                   << "listed twice";
        QTest::newRow("vcpu 0") << 6 << "vcpu"
                                << "from 1 to 768";
        QTest::newRow("vSphere version on Hyper-V") << 7 << "version"
                                                    << "Hyper-V version";
        QTest::newRow("duplicate id") << 8 << "id"
                                      << "duplicate id";
        QTest::newRow("empty name") << 9 << "name"
                                    << "has no name";
    }

    void eachBrokenInvariantIsNamed()
    {
        QFETCH(int, which);
        QFETCH(QString, key);
        QFETCH(QString, words);
        Topology t = sample();
        Host &h = t.hosts[0]; // esx01: rack-1 (42U), unit 20
        switch (which) {
        case 0:
            h.unit = 30;
            h.heightU = 20;
            break; // 30..49 in a 42U rack
        case 1: h.rack = RackId(); break;
        case 2: t.groups[0].members.append(t.guests.last().id); break;
        case 3: t.guests[0].host = HostId(QStringLiteral("ghost")); break;
        case 4: h.cluster = ClusterId(t.racks.first().id.str()); break;
        case 5: h.nics.append(h.nics.first()); break;
        case 6: t.guests[0].vcpu = 0; break;
        case 7: t.header.platform.hypervisor = Hypervisor::HyperV; break;
        case 8: t.guests[1].id = t.guests[0].id; break;
        case 9: t.racks[0].name = QStringLiteral("  "); break;
        }
        const QVector<Violation> v = Invariants::check(t, TopologyIndex(t));
        QVERIFY2(!v.isEmpty(), qPrintable(words));
        QCOMPARE(v.first().key, key);
        QVERIFY2(v.first().message.contains(words), qPrintable(v.first().message));
        // The loader refuses the same layout.
        QVERIFY(!LayoutReader::read(LayoutWriter::write(t), QStringLiteral("x")).ok());
    }

    void documentRefusesWholeAndSaysWhy()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        QSignalSpy refused(&doc, &Document::refused);
        QSignalSpy changed(&doc, &Document::changed);
        // The reported bug: a 20U host at unit 24 of a 42U rack.
        Host h = before.hosts.first();
        h.unit = 24;
        h.heightU = 20;
        QString error;
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).replace(h, QStringLiteral("Change Host Height")), &error);
        QVERIFY2(error.contains(QLatin1String("reaches above the top of rack")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("20U at unit 24")) || error.contains(QLatin1String("20U")));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(changed.count(), 0);
        QVERIFY(doc.topology() == before);
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
    }

    void documentRefusesAStaleChange()
    {
        Document doc(sample());
        Guest g = doc.topology().guests.first();
        const Change first = ChangeBuilder(doc.topology(), doc.index())
                                 .replace(
                                     [&] {
                                         Guest x = g;
                                         x.vcpu = 12;
                                         return x;
                                     }(),
                                     QStringLiteral("vCPU"));
        // Built against the same state as `first`, applied after it.
        g.memoryGb = 48;
        const Change stale = ChangeBuilder(doc.topology(), doc.index()).replace(g, QStringLiteral("Memory"));
        QString error;
        doc.apply(first, &error);
        QVERIFY(error.isEmpty());
        doc.apply(stale, &error);
        QVERIFY2(error.contains(QLatin1String("older state")), qPrintable(error));
        QCOMPARE(doc.topology().guests.first().vcpu, 12); // the first edit is not reverted
    }

    void documentRefusesADuplicateId()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        Circuit c;
        c.id = CircuitId(before.guests.first().id.str());
        c.name = QStringLiteral("dup");
        QString error;
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).add(c, QStringLiteral("Add Circuit")), &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(doc.topology() == before);
    }

    // Whatever edit is attempted, the document takes it exactly when the
    // loader would take the layout it makes: an accepted edit always saves a
    // file that loads, a refused one leaves the document as it was.
    void documentAcceptsExactlyWhatTheLoaderAccepts_data()
    {
        QTest::addColumn<int>("layout");
        QTest::newRow("sample") << 0;
        QTest::newRow("generated") << 1;
    }

    void documentAcceptsExactlyWhatTheLoaderAccepts()
    {
        QFETCH(int, layout);
        Document doc(layout == 0 ? sample() : td::test::generateTopology(td::test::GeneratorParams::small(), 7));
        Random rnd(layout == 0 ? 11 : 23);
        int accepted = 0;
        int refused = 0;
        const int edits = layout == 0 ? 900 : 200;
        for (int i = 0; i < edits; ++i) {
            const Change change = hostileEdit(doc.topology(), doc.index(), rnd);
            if (change.isEmpty())
                continue;
            const Topology before = doc.topology();
            const bool loads = LayoutReader::read(LayoutWriter::write(naiveApply(before, change)), QStringLiteral("x"))
                                   .ok();
            QString error;
            doc.apply(change, &error);
            if (error.isEmpty()) {
                ++accepted;
                QVERIFY2(loads, qPrintable(QStringLiteral("edit %1 (%2) was taken but saves a file the loader refuses")
                                               .arg(i)
                                               .arg(change.text)));
                const LoadResult r = LayoutReader::read(LayoutWriter::write(doc.topology()), QStringLiteral("x"));
                QVERIFY(r.ok());
            } else {
                ++refused;
                QVERIFY2(!loads, qPrintable(QStringLiteral("edit %1 (%2) was refused (%3) but the loader takes it")
                                                .arg(i)
                                                .arg(change.text, error)));
                QVERIFY2(doc.topology() == before, qPrintable(change.text + QLatin1Char(' ') + error));
            }
        }
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
        // Both ways were exercised.
        QVERIFY2(accepted > 30 && refused > 30, qPrintable(QStringLiteral("%1/%2").arg(accepted).arg(refused)));
    }
};

QTEST_GUILESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
