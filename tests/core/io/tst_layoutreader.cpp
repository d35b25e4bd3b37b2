#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"

#include <QTemporaryDir>
#include <QTest>

using namespace td;

class TestLayoutReader : public QObject
{
    Q_OBJECT

private:
    static QByteArray minimal(const QByteArray &extra = {})
    {
        return QByteArrayLiteral("format: 1\nname: Test\nplatform:\n  hypervisor: vsphere\n  version: \"8.0\"\n")
             + extra;
    }

private slots:
    void sampleLoads()
    {
        const LoadResult r = LayoutReader::read(Samples::contoso(), Samples::displayName());
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QVERIFY(r.warnings.isEmpty());
        QCOMPARE(r.topology.header.platform.hypervisor, Hypervisor::VSphere);
        QVERIFY(r.topology.racks.size() >= 2);
        QVERIFY(r.topology.hosts.size() >= 4);
        QVERIFY(!r.topology.groups.isEmpty());
        QVERIFY(r.lineOfId.value(r.topology.guests.first().id.str()) > 1);
    }

    void defaultsFromCatalogAndFormat()
    {
        const LoadResult r = LayoutReader::read(
            minimal("guests:\n  - id: ic1\n    name: IC1\n    product: cic-server\n"), QStringLiteral("t"));
        QVERIFY(r.ok());
        const Guest &g = r.topology.guests.first();
        QCOMPARE(g.vcpu, 8); // catalog starting point
        QCOMPARE(g.memoryGb, 32);
        QCOMPARE(g.mac, MacMode::Dynamic);
        QCOMPARE(g.ft, false);
        QCOMPARE(r.topology.header.platform.edition, Edition::EnterprisePlus);
        QCOMPARE(r.topology.header.platform.licensing, Licensing::LegacyHostId);
    }

    void platformDefaults()
    {
        LoadResult r = LayoutReader::read("format: 1\nname: x\nplatform: {hypervisor: hyperv, version: \"2022\"}\n",
                                          QStringLiteral("h"));
        QVERIFY(r.ok());
        QVERIFY(r.warnings.isEmpty()); // no edition: no warning about it
        r = LayoutReader::read("format: 1\nname: x\nplatform: {hypervisor: vsphere}\n", QStringLiteral("v"));
        QVERIFY(r.ok());
        QCOMPARE(r.topology.header.platform.version, QStringLiteral("8.0"));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().text.contains(QLatin1String("assuming 8.0")));
        r = LayoutReader::read("format: 1\nname: x\nplatform: {hypervisor: hyperv, version: \"2019\", edition: "
                               "standard}\n",
                               QStringLiteral("e"));
        QVERIFY(r.ok());
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().text.contains(QLatin1String("vSphere only")));
    }

    void unknownKeysWarnAndAreKept()
    {
        const QByteArray data = minimal("owner: {team: voice, tags: [a, \"b c\"]}\n"
                                        "circuits:\n  - id: ups-a\n    name: UPS A\n    phase: 3\n");
        const LoadResult r = LayoutReader::read(data, QStringLiteral("x.topo.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r.warnings.size(), 2);
        QCOMPARE(r.warnings.at(0).line, 6);
        QCOMPARE(r.warnings.at(0).column, 1);
        QVERIFY(r.warnings.at(0).text.contains(QLatin1String("owner")));
        QCOMPARE(r.warnings.at(1).line, 10);
        const QByteArray saved = LayoutWriter::write(r.topology);
        QVERIFY2(saved.contains("owner: {team: voice, tags: [a, b c]}"), saved.constData());
        QVERIFY(saved.contains("    phase: 3\n"));
        const LoadResult again = LayoutReader::read(saved, QStringLiteral("x"));
        QVERIFY(again.ok());
        QVERIFY(again.topology == r.topology);
    }

    void errorsNameLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("syntax") << QByteArray("format: 1\nname: [a\n") << 3 << 1 << QString("yaml syntax");
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << 1 << 1 << QString("must be a mapping");
        QTest::newRow("missing name") << QByteArray("format: 1\nplatform: {hypervisor: vsphere}\n") << 1 << 1
                                      << QString("has no 'name'");
        QTest::newRow("newer format") << QByteArray("format: 2\nname: x\n") << 1 << 9 << QString("newer");
        QTest::newRow("bad hypervisor") << QByteArray("format: 1\nname: x\nplatform:\n  hypervisor: xen\n") << 4 << 15
                                        << QString("unknown value 'xen'");
        QTest::newRow("bad version") << minimal().replace("\"8.0\"", "\"9.0\"") << 5 << 12
                                     << QString("unknown vsphere version");
        QTest::newRow("duplicate id") << minimal("circuits:\n  - id: a\n    name: A\nracks:\n  - id: a\n    name: R\n")
                                      << 10 << 9 << QString("duplicate id 'a'");
        QTest::newRow("missing ref") << minimal("hosts:\n  - id: h1\n    name: H\n    rack: r9\n") << 9 << 11
                                     << QString("does not exist");
        QTest::newRow("wrong kind") << minimal("racks:\n  - id: r1\n    name: R\n"
                                               "guests:\n  - id: g1\n    name: G\n    product: generic\n    host: r1\n")
                                    << 13 << 11 << QString("is a rack, not a host");
        QTest::newRow("vcpu type") << minimal(
            "guests:\n  - id: g1\n    name: G\n    product: generic\n    vcpu: many\n")
                                   << 10 << 11 << QString("whole number");
        QTest::newRow("switchover size") << minimal(
            "guests:\n  - {id: a, name: A, product: cic-server}\n"
            "groups:\n  - id: p\n    name: P\n    kind: switchover\n    members: [a]\n")
                                         << 12 << 14 << QString("exactly 2 members");
        QTest::newRow("two switchover groups")
            << minimal("guests:\n  - {id: a, name: A, product: cic-server}\n  - {id: b, name: B, product: cic-server}\n"
                       "  - {id: c, name: C, product: cic-server}\n"
                       "groups:\n  - {id: p, name: P, kind: switchover, members: [a, b]}\n"
                       "  - {id: q, name: Q, kind: switchover, members: [a, c]}\n")
            << 12 << 50 << QString("two switchover groups");
        QTest::newRow("unknown product") << minimal("guests:\n  - {id: a, name: A, product: pbx}\n") << 7 << 31
                                         << QString("unknown product 'pbx'");
        QTest::newRow("duplicate key") << QByteArray("format: 1\nname: a\nname: b\n") << 3 << 1
                                       << QString("duplicate key");
        QTest::newRow("bad id") << minimal("circuits:\n  - {id: UPS-A, name: A}\n") << 7 << 10
                                << QString("not a valid id");
        QTest::newRow("empty") << QByteArray("") << 1 << 1 << QString("empty");
        QTest::newRow("nul byte") << QByteArray("format: 1\nna\0me: x\n", 19) << 2 << 3 << QString("nul byte");
        QTest::newRow("bad utf8") << QByteArray("format: 1\nname: \xff\xfe\n") << 2 << 7 << QString("utf-8");
        QTest::newRow("deep nesting") << QByteArray(5000, '[') << 1 << 0 << QString("");
    }

    void errorsNameLineAndColumn()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        const LoadResult r = LayoutReader::read(data, QStringLiteral("bad.topo.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->file, QStringLiteral("bad.topo.yaml"));
        QVERIFY2(r.error->text.contains(text, Qt::CaseInsensitive), qPrintable(r.error->toString()));
        QCOMPARE(r.error->line, line);
        if (column > 0)
            QCOMPARE(r.error->column, column);
        QVERIFY(r.error->toString().startsWith(QStringLiteral("bad.topo.yaml:%1").arg(line)));
        QVERIFY(r.topology == Topology()); // nothing half-loaded
    }

    // A mapping of more keys than the reader keeps in its short list: every
    // key is still seen (required keys after the 16th, a duplicate of the
    // 3rd, a missing required key).
    void mappingsOfManyKeys()
    {
        const int extra = 20;
        QByteArray keys;
        for (int i = 1; i <= extra; ++i)
            keys += "    x" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
        const QByteArray guest = "guests:\n  - note: first\n" + keys;

        const LoadResult ok = LayoutReader::read(minimal(guest + "    id: g1\n    name: G\n    product: generic\n"),
                                                 QStringLiteral("many.topo.yaml"));
        QVERIFY2(ok.ok(), qPrintable(ok.error ? ok.error->toString() : QString()));
        QCOMPARE(ok.topology.guests.size(), 1);
        QCOMPARE(ok.topology.guests.first().extras.size(), extra + 1);
        QCOMPARE(ok.warnings.size(), extra + 1); // each unknown key, once

        // minimal() is 5 lines, "guests:" the 6th, "- note" the 7th, x1 the 8th.
        const LoadResult dup = LayoutReader::read(minimal(guest + "    x3: again\n"), QStringLiteral("dup.topo.yaml"));
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error->text.contains(QStringLiteral("duplicate key 'x3'")), qPrintable(dup.error->toString()));
        QCOMPARE(dup.error->line, 8 + extra);
        QCOMPARE(dup.error->column, 5);

        const LoadResult missing = LayoutReader::read(minimal(guest + "    id: g1\n    name: G\n"),
                                                      QStringLiteral("missing.topo.yaml"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error->text.contains(QStringLiteral("no 'product'")), qPrintable(missing.error->toString()));
        QCOMPARE(missing.error->line, 7);
    }

    void aliasBombUnderUnknownKeyIsRefused()
    {
        QByteArray data = minimal();
        data += "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 9; ++i) {
            data += QStringLiteral("a%1: &a%1 [").arg(i).toUtf8();
            for (int k = 0; k < 10; ++k)
                data += QStringLiteral("*a%1%2").arg(i - 1).arg(k < 9 ? QStringLiteral(", ") : QString()).toUtf8();
            data += "]\n";
        }
        const LoadResult r = LayoutReader::read(data, QStringLiteral("bomb"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("cannot be kept")), qPrintable(r.error->toString()));
    }

    void hugeFileIsRefusedUpFront()
    {
        QByteArray data = minimal();
        data += "x: \"" + QByteArray(LayoutReader::kMaxFileBytes, 'a') + "\"\n";
        const LoadResult r = LayoutReader::read(data, QStringLiteral("big"));
        QVERIFY(!r.ok());
        QVERIFY(r.error->text.contains(QLatin1String("MiB")));
    }

    void fileErrors()
    {
        QTemporaryDir dir;
        LoadResult r = LayoutReader::readFile(dir.filePath(QStringLiteral("missing.topo.yaml")));
        QVERIFY(!r.ok());
        QVERIFY(r.error->toString().contains(QLatin1String("missing.topo.yaml")));
        r = LayoutReader::readFile(dir.path());
        QVERIFY(!r.ok());
        QVERIFY(r.error->text.contains(QLatin1String("folder")));
    }
};

QTEST_GUILESS_MAIN(TestLayoutReader)
#include "tst_layoutreader.moc"
