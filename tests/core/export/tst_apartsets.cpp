// The apart-sets, rack pins, overrides, notes and derived names of
// RULES.md "Exports", on the sample and on small layouts built here.
#include "export/apartsets.h"
#include "io/layoutreader.h"
#include "io/samples.h"

#include <QTest>

using namespace td;

namespace {

QStringList names(const QVector<NamedRef> &refs)
{
    QStringList out;
    for (const NamedRef &r : refs)
        out << r.name;
    return out;
}

Topology load(const QByteArray &yaml)
{
    const LoadResult r = LayoutReader::read(yaml, QStringLiteral("test.topo.yaml"));
    if (!r.ok())
        qFatal("%s", qPrintable(r.error->toString()));
    return r.topology;
}

// Two clusters; a pool of four split 3 + 1, a pair in two racks of c1, a
// database and a generic VM, c1 fully automated.
const QByteArray kTwoClusters = R"(format: 1
name: t
platform: {hypervisor: vsphere, version: "8.0"}
racks:
  - {id: ra, name: RA}
  - {id: rb, name: RB}
clusters:
  - {id: c1, name: ONE, drs: fully-automated}
  - {id: c2, name: TWO, drs: fully-automated}
hosts:
  - {id: h1, name: H1, rack: ra, cluster: c1}
  - {id: h2, name: H2, rack: rb, cluster: c1}
  - {id: h3, name: H3, rack: rb, cluster: c1}
  - {id: h4, name: H4, rack: ra, cluster: c2}
guests:
  - {id: m1, name: M1, product: media-server, host: h1}
  - {id: m2, name: M2, product: media-server, host: h2}
  - {id: m3, name: M3, product: media-server, host: h3}
  - {id: m4, name: M4, product: media-server, host: h4}
  - {id: ic1, name: IC1, product: cic-server, host: h2}
  - {id: ic2, name: IC2, product: cic-server, host: h1}
  - {id: db, name: DB, product: database, host: h1}
  - {id: web, name: WEB, product: generic, host: h2}
groups:
  - {id: pool, name: Pool, kind: pool, members: [m1, m2, m3, m4]}
  - {id: pair, name: Pair, kind: switchover, members: [ic1, ic2]}
)";

} // namespace

class TestApartSets : public QObject
{
    Q_OBJECT

private slots:
    void sample()
    {
        const LoadResult r = LayoutReader::read(Samples::contoso(), Samples::displayName());
        QVERIFY(r.ok());
        const ApartSets sets = ApartSets::derive(r.topology);
        QCOMPARE(sets.clusters().size(), 1);
        const ClusterRules &c = sets.clusters().first();
        QCOMPARE(c.cluster.name, QStringLiteral("PROD-CL01"));
        QCOMPARE(c.apart.size(), 6);
        QCOMPARE(names(c.apart.at(0).members), (QStringList{QStringLiteral("IC1"), QStringLiteral("IC2")}));
        QCOMPARE(c.apart.at(0).ruleName, QStringLiteral("td-apart-cic-pair"));
        QCOMPARE(names(c.apart.at(2).members),
                 (QStringList{QStringLiteral("MEDIA1"), QStringLiteral("MEDIA2"), QStringLiteral("MEDIA3")}));
        // Both pairs span racks: cic (rack-1, rack-2), ccs (rack-1, rack-3).
        QCOMPARE(c.pairs.size(), 2);
        QCOMPARE(c.pairs.at(0).pins.at(0).rack.id, QStringLiteral("rack-1"));
        QCOMPARE(c.pairs.at(0).pins.at(1).rack.id, QStringLiteral("rack-2"));
        QCOMPARE(c.pairs.at(1).pins.at(1).rack.id, QStringLiteral("rack-3"));
        QCOMPARE(c.pairs.at(0).pins.at(0).ruleName, QStringLiteral("td-pin-ic1"));
        QCOMPARE(c.pairs.at(0).pins.at(0).vmGroupName, QStringLiteral("td-vm-ic1"));
        QCOMPARE(c.pairs.at(0).pins.at(0).hostGroupName, QStringLiteral("td-rack-rack-1"));
        QCOMPARE(c.rackGroups.size(), 3);
        QCOMPARE(names(c.rackGroups.at(0).hosts),
                 (QStringList{QStringLiteral("esx01.contoso.local"), QStringLiteral("esx02.contoso.local")}));
        QCOMPARE(names(c.rackGroups.at(2).hosts), QStringList{QStringLiteral("esx05.contoso.local")});
        QVERIFY(c.overrides.isEmpty()); // partially automated
        QVERIFY(sets.allNotes().isEmpty());
    }

    void splitPoolPinsAndOverrides()
    {
        const ApartSets sets = ApartSets::derive(load(kTwoClusters));
        QCOMPARE(sets.clusters().size(), 2);
        const ClusterRules &one = sets.clusters().at(0);
        const ClusterRules &two = sets.clusters().at(1);
        QCOMPARE(one.apart.size(), 2);
        QCOMPARE(names(one.apart.at(0).members),
                 (QStringList{QStringLiteral("M1"), QStringLiteral("M2"), QStringLiteral("M3")}));
        QVERIFY(two.apart.isEmpty()); // one member only
        QCOMPARE(one.notes.size(), 1);
        QVERIFY(one.notes.first().contains(QStringLiteral("'M4' in 'TWO'")));
        QVERIFY(two.notes.isEmpty());
        // The pair: IC1 on H2 (rack rb), IC2 on H1 (rack ra): rb's group first.
        QCOMPARE(one.pairs.size(), 1);
        QCOMPARE(one.rackGroups.size(), 2);
        QCOMPARE(one.rackGroups.at(0).groupName, QStringLiteral("td-rack-rb"));
        QCOMPARE(names(one.rackGroups.at(0).hosts), (QStringList{QStringLiteral("H2"), QStringLiteral("H3")}));
        QCOMPARE(names(one.rackGroups.at(1).hosts), QStringList{QStringLiteral("H1")}); // not H4: other cluster
        // Overrides: PureConnect guests only (not the database or the generic VM).
        QStringList overridden;
        for (const DrsOverride &o : one.overrides)
            overridden << o.guest.name;
        QCOMPARE(overridden, (QStringList{QStringLiteral("M1"), QStringLiteral("M2"), QStringLiteral("M3"),
                                          QStringLiteral("IC1"), QStringLiteral("IC2")}));
        QCOMPARE(two.overrides.size(), 1);
        QCOMPARE(one.ruleNames(), (QStringList{QStringLiteral("td-apart-pool"), QStringLiteral("td-apart-pair"),
                                               QStringLiteral("td-pin-ic1"), QStringLiteral("td-pin-ic2")}));
        QCOMPARE(one.groupNames(), (QStringList{QStringLiteral("td-rack-rb"), QStringLiteral("td-rack-ra"),
                                                QStringLiteral("td-vm-ic1"), QStringLiteral("td-vm-ic2")}));
    }

    void namesStayWhenRenamed()
    {
        Topology t = load(kTwoClusters);
        const ApartSets before = ApartSets::derive(t);
        for (Group &g : t.groups)
            g.name += QStringLiteral(" renamed");
        for (Rack &r : t.racks)
            r.name += QStringLiteral(" renamed");
        for (Guest &g : t.guests)
            g.name += QStringLiteral("x");
        const ApartSets after = ApartSets::derive(t);
        QCOMPARE(after.clusters().at(0).ruleNames(), before.clusters().at(0).ruleNames());
        QCOMPARE(after.clusters().at(0).groupNames(), before.clusters().at(0).groupNames());
    }

    void longIdsAreShortenedAndStayUnique()
    {
        const QString a = QString(200, QLatin1Char('a'));
        const QString b = a.left(199) + QLatin1Char('b');
        const QString na = ApartSets::derivedName(QStringLiteral("apart"), a);
        const QString nb = ApartSets::derivedName(QStringLiteral("apart"), b);
        QCOMPARE(na.size(), ApartSets::kMaxNameLength);
        QCOMPARE(nb.size(), ApartSets::kMaxNameLength);
        QVERIFY(na.startsWith(QStringLiteral("td-apart-aaaa")));
        QVERIFY(na != nb);
        QCOMPARE(ApartSets::derivedName(QStringLiteral("apart"), a), na); // stable
        // Short ones are kept whole.
        QCOMPARE(ApartSets::derivedName(QStringLiteral("pin"), QStringLiteral("ic1")), QStringLiteral("td-pin-ic1"));
        const QString exact = QString(80 - 9, QLatin1Char('x'));
        QCOMPARE(ApartSets::derivedName(QStringLiteral("apart"), exact).size(), 80);
        QCOMPARE(ApartSets::derivedName(QStringLiteral("apart"), exact), QStringLiteral("td-apart-") + exact);
    }

    void longIdsInALayout()
    {
        const QString g1 = QString(120, QLatin1Char('g')) + QStringLiteral("1");
        const QString g2 = QString(120, QLatin1Char('g')) + QStringLiteral("2");
        QByteArray yaml = R"(format: 1
name: t
platform: {hypervisor: vsphere, version: "8.0"}
clusters:
  - {id: c1, name: ONE}
hosts:
  - {id: h1, name: H1, cluster: c1}
  - {id: h2, name: H2, cluster: c1}
guests:
  - {id: a1, name: A1, product: generic, host: h1}
  - {id: a2, name: A2, product: generic, host: h2}
  - {id: b1, name: B1, product: generic, host: h1}
  - {id: b2, name: B2, product: generic, host: h2}
groups:
  - {id: G1, name: G1, kind: pool, members: [a1, a2]}
  - {id: G2, name: G2, kind: pool, members: [b1, b2]}
)";
        yaml.replace("G1", g1.toUtf8()).replace("G2", g2.toUtf8());
        const ApartSets sets = ApartSets::derive(load(yaml));
        const QStringList rules = sets.clusters().at(0).ruleNames();
        QCOMPARE(rules.size(), 2);
        QVERIFY(rules.at(0) != rules.at(1));
        for (const QString &r : rules) {
            QVERIFY(r.size() <= ApartSets::kMaxNameLength);
            QVERIFY(r.startsWith(QStringLiteral("td-apart-ggg")));
        }
    }

    void hyperVVersions()
    {
        QByteArray yaml = kTwoClusters;
        yaml.replace("hypervisor: vsphere, version: \"8.0\"", "hypervisor: hyperv, version: \"2019\"");
        ApartSets sets = ApartSets::derive(load(yaml));
        QVERIFY(!sets.isVSphere());
        QVERIFY(!sets.hasAffinityRules());
        QVERIFY(sets.clusters().at(0).overrides.isEmpty()); // no DRS on Hyper-V
        QCOMPARE(sets.clusters().at(0).pairs.size(), 1);
        yaml.replace("\"2019\"", "\"2022\"");
        sets = ApartSets::derive(load(yaml));
        QVERIFY(sets.hasAffinityRules());
        QCOMPARE(sets.clusters().at(0).pairs.at(0).faultDomainRuleName, QStringLiteral("td-racks-pair"));
    }

    void notesForUnplacedUnclusteredAndOneRack()
    {
        const QByteArray yaml = R"(format: 1
name: t
platform: {hypervisor: vsphere, version: "8.0"}
racks:
  - {id: ra, name: RA}
clusters:
  - {id: c1, name: ONE, drs: manual}
hosts:
  - {id: h1, name: H1, rack: ra, cluster: c1}
  - {id: h2, name: H2, rack: ra, cluster: c1}
  - {id: h3, name: "H\n3"}
guests:
  - {id: a1, name: A1, product: cic-server, host: h1}
  - {id: a2, name: A2, product: cic-server, host: h2}
  - {id: b1, name: B1, product: media-server, host: h3}
  - {id: b2, name: B2, product: media-server}
groups:
  - {id: pair, name: Pair, kind: switchover, members: [a1, a2]}
  - {id: pool, name: Pool, kind: pool, members: [b1, b2]}
)";
        const ApartSets sets = ApartSets::derive(load(yaml));
        const ClusterRules &c = sets.clusters().at(0);
        QCOMPARE(c.apart.size(), 1);
        QVERIFY(c.pairs.isEmpty());
        QCOMPARE(c.notes.size(), 1);
        QVERIFY(c.notes.first().contains(QStringLiteral("rack 'RA'")));
        // The pool has no member in a cluster: its notes are the layout's.
        QCOMPARE(sets.notes().size(), 2);
        QVERIFY(sets.notes().at(0).contains(QStringLiteral("'B2' not placed")));
        QVERIFY(sets.notes().at(1).contains(QStringLiteral("'H\\n3'"))); // one line
        QVERIFY(sets.hasRules());
    }
};

QTEST_GUILESS_MAIN(TestApartSets)
#include "tst_apartsets.moc"
