#include "catalog/catalog.h"

#include <QTest>

using namespace td;

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void contractProducts_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("redundancy");
        QTest::addColumn<bool>("pureConnect");
        QTest::addColumn<bool>("licensed");
        QTest::newRow("cic-server") << QString("cic-server") << int(Redundancy::Switchover) << true << true;
        QTest::newRow("dialer-ccs") << QString("dialer-ccs") << int(Redundancy::SwitchoverOrSingle) << true << true;
        QTest::newRow("media-server") << QString("media-server") << int(Redundancy::Pool) << true << false;
        QTest::newRow("session-manager") << QString("session-manager") << int(Redundancy::Pool) << true << false;
        QTest::newRow("remote-content-service")
            << QString("remote-content-service") << int(Redundancy::Pool) << true << false;
        QTest::newRow("media-streaming-server")
            << QString("media-streaming-server") << int(Redundancy::Pool) << true << false;
        QTest::newRow("director") << QString("director") << int(Redundancy::Single) << true << false;
        QTest::newRow("database") << QString("database") << int(Redundancy::None) << false << false;
        QTest::newRow("generic") << QString("generic") << int(Redundancy::None) << false << false;
    }

    void contractProducts()
    {
        QFETCH(QString, id);
        QFETCH(int, redundancy);
        QFETCH(bool, pureConnect);
        QFETCH(bool, licensed);
        const Product *p = Catalog::builtin().product(id);
        QVERIFY(p);
        QCOMPARE(int(p->redundancy), redundancy);
        QCOMPARE(p->pureConnect, pureConnect);
        QCOMPARE(p->licensed, licensed);
        QVERIFY(!p->name.isEmpty());
        QVERIFY(p->vcpu >= 1 && p->vcpu <= 768);
        QVERIFY(p->memoryGb >= 1);
    }

    void ftTableMatchesRules_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("standard");
        QTest::addColumn<int>("enterprisePlus");
        for (const char *v : {"4.0", "4.1", "5.0", "5.1", "5.5"})
            QTest::newRow(v) << QString(v) << 1 << 1;
        QTest::newRow("6.0") << QString("6.0") << 2 << 4;
        QTest::newRow("6.5") << QString("6.5") << 4 << 4;
        for (const char *v : {"6.7", "7.0", "8.0"})
            QTest::newRow(v) << QString(v) << 2 << 8;
    }

    void ftTableMatchesRules()
    {
        QFETCH(QString, version);
        QFETCH(int, standard);
        QFETCH(int, enterprisePlus);
        const PlatformLimits &l = Catalog::builtin().limits();
        QCOMPARE(l.ftVcpuLimit(version, Edition::Standard), standard);
        QCOMPARE(l.ftVcpuLimit(version, Edition::Enterprise), standard);
        QCOMPARE(l.ftVcpuLimit(version, Edition::EnterprisePlus), enterprisePlus);
        QVERIFY(l.vsphereVersions.contains(version));
    }

    void hostLimits()
    {
        const PlatformLimits &l = Catalog::builtin().limits();
        QCOMPARE(l.ftMaxGuestsPerHost, 4);
        QCOMPARE(l.ftMaxVcpusPerHost, 8);
        QCOMPARE(l.ftLoggingMinGbps, 10);
        QVERIFY(l.vsphereVersionRank(QStringLiteral("6.7")) > l.vsphereVersionRank(l.ftLoggingSpeedFrom));
        QCOMPARE(l.hypervVersions, QStringList({"2016", "2019", "2022", "2025"}));
    }

    void badCatalogThrows()
    {
        QVERIFY_THROWS_EXCEPTION(std::exception, Catalog::fromYaml("products: [{id: x, redundancy: sometimes}]"));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
