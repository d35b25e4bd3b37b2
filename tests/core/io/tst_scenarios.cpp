// Saved failure scenarios (FORMAT.md "scenarios:"): read, written after
// groups with their comments, refused with file:line:col when they name
// something that is not a host, rack or circuit, and edited through
// ChangeBuilder as undoable changes (a deleted rack leaves the scenarios).
#include "changebuilder.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"

#include <QTest>

using namespace td;

namespace {

// Canonical form: writing what is read gives the same bytes.
const char kLayout[] = R"(# Walkthrough for Contoso
format: 1
name: Scenarios
platform:
  hypervisor: vsphere
  version: "8.0"
  edition: enterprise-plus
  licensing: host-id
circuits:
  - id: ups-a
    name: UPS A
racks:
  - id: rack-1
    name: Rack 1
    circuits: [ups-a]
  - id: rack-2
    name: Rack 2
clusters: []
hosts:
  - id: esx01
    name: esx01
    rack: rack-1
  - id: esx02
    name: esx02
    rack: rack-2
guests:
  - id: ic1
    name: IC1
    product: cic-server
    host: esx01
    vcpu: 4
    memory_gb: 16
groups: []
scenarios:
  # First the customer's question.
  - name: Lose rack 1
    fail: [rack-1]   # the whole row
  - name: "Rack 2: and UPS A"
    fail: [rack-2, ups-a]
    owner: presales
  - name: Lose esx02
    fail: [esx02]
  # end of the walkthrough
layout:
  rack-1: {x: 0, y: 0}
)";

QByteArray withScenarios(const QByteArray &scenarios)
{
    QByteArray text(kLayout);
    const qsizetype from = text.indexOf("scenarios:");
    const qsizetype to = text.indexOf("layout:");
    return text.left(from) + scenarios + text.mid(to);
}

} // namespace

class TestScenarios : public QObject
{
    Q_OBJECT

private slots:
    void readAndRoundTrip()
    {
        const LoadResult r = LayoutReader::read(QByteArray(kLayout), QStringLiteral("s.topo.yaml"));
        QVERIFY2(r.ok(), r.error ? qPrintable(r.error->toString()) : "");
        const QVector<Scenario> &s = r.topology.scenarios;
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(0).name, QStringLiteral("Lose rack 1"));
        QCOMPARE(s.at(0).fail, QStringList{QStringLiteral("rack-1")});
        QCOMPARE(s.at(1).name, QStringLiteral("Rack 2: and UPS A"));
        QCOMPARE(s.at(1).fail, (QStringList{QStringLiteral("rack-2"), QStringLiteral("ups-a")}));
        QCOMPARE(s.at(1).extras.size(), 1); // unknown key kept
        QCOMPARE(s.at(1).extras.first().key, QStringLiteral("owner"));
        QCOMPARE(r.warnings.size(), 1); // ... with a warning
        QCOMPARE(QString::fromUtf8(LayoutWriter::write(r.topology)), QString::fromUtf8(kLayout));
    }

    void noScenariosNoKey()
    {
        const LoadResult r = LayoutReader::read(withScenarios(""), QStringLiteral("s.topo.yaml"));
        QVERIFY(r.ok());
        QVERIFY(r.topology.scenarios.isEmpty());
        QVERIFY(!LayoutWriter::write(r.topology).contains("scenarios"));
    }

    void loadingErrors_data()
    {
        QTest::addColumn<QByteArray>("scenarios");
        QTest::addColumn<QString>("error");
        // "scenarios:" is on line 34.
        QTest::newRow("unknown id") << QByteArray("scenarios:\n  - name: X\n    fail: [rack-1, rack-9]\n")
                                    << QStringLiteral("s.topo.yaml:36:20: error: the scenario fails 'rack-9', which "
                                                      "does not exist");
        QTest::newRow("a guest") << QByteArray("scenarios:\n  - name: X\n    fail: [ic1]\n")
                                 << QStringLiteral("s.topo.yaml:36:12: error: the scenario fails 'ic1', a guest: a "
                                                   "scenario fails hosts, racks and circuits");
        QTest::newRow("no name") << QByteArray("scenarios:\n  - fail: [rack-1]\n")
                                 << QStringLiteral("s.topo.yaml:35:5: error: this scenario has no 'name' (required)");
        QTest::newRow("empty name") << QByteArray("scenarios:\n  - name: ''\n    fail: [rack-1]\n")
                                    << QStringLiteral("s.topo.yaml:35:11: error: 'name' must not be empty");
        QTest::newRow("no fail") << QByteArray("scenarios:\n  - name: X\n")
                                 << QStringLiteral("s.topo.yaml:35:5: error: this scenario has no 'fail' (required)");
        QTest::newRow("twice") << QByteArray("scenarios:\n  - name: X\n    fail: [esx01, esx01]\n")
                               << QStringLiteral("s.topo.yaml:36:19: error: 'esx01' is listed twice in 'fail'");
        QTest::newRow("not a list") << QByteArray("scenarios:\n  - name: X\n    fail: esx01\n")
                                    << QStringLiteral("s.topo.yaml:36:11: error: 'fail' must be a list, found text");
    }

    void loadingErrors()
    {
        QFETCH(QByteArray, scenarios);
        QFETCH(QString, error);
        const LoadResult r = LayoutReader::read(withScenarios(scenarios), QStringLiteral("s.topo.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->toString(), error);
    }

    void editsAreUndoable()
    {
        const LoadResult r = LayoutReader::read(QByteArray(kLayout), QStringLiteral("s.topo.yaml"));
        Document doc(r.topology);
        const Topology original = doc.topology();
        auto build = [&] { return ChangeBuilder(doc.topology(), doc.index()); };

        const Scenario fresh = build().newScenario({QStringLiteral("esx01"), QStringLiteral("ups-a")});
        QCOMPARE(fresh.name, QStringLiteral("Lose esx01 and UPS A"));
        Change add = build().addScenario(fresh);
        QCOMPARE(add.text, QStringLiteral("Add Scenario"));
        QString error;
        doc.apply(add, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(doc.topology().scenarios.size(), 4);
        // The same ids again: a name no other scenario has.
        QCOMPARE(build().newScenario({QStringLiteral("esx01"), QStringLiteral("ups-a")}).name,
                 QStringLiteral("Lose esx01 and UPS A (2)"));

        doc.apply(build().renameScenario(3, QStringLiteral("Both")), &error);
        QCOMPARE(doc.topology().scenarios.at(3).name, QStringLiteral("Both"));
        doc.apply(build().setScenarioFail(3, {QStringLiteral("rack-2")}), &error);
        QCOMPARE(doc.topology().scenarios.at(3).fail, QStringList{QStringLiteral("rack-2")});
        doc.apply(build().moveScenario(3, 0), &error);
        QCOMPARE(doc.topology().scenarios.at(0).name, QStringLiteral("Both"));
        const Change remove = build().removeScenario(0);
        doc.apply(remove, &error);
        QCOMPARE(doc.topology().scenarios, original.scenarios);
        doc.apply(remove.inverted(), &error);
        QCOMPARE(doc.topology().scenarios.at(0).name, QStringLiteral("Both"));

        // Refused whole: a guest, an unknown id, no name; nothing changes.
        const Topology before = doc.topology();
        QVERIFY(build().setScenarioFail(0, {QStringLiteral("ic1")}).scenariosAfter);
        doc.apply(build().setScenarioFail(0, {QStringLiteral("ic1")}), &error);
        QVERIFY2(error.contains(QLatin1String("'ic1', a guest")), qPrintable(error));
        error.clear();
        doc.apply(build().setScenarioFail(0, {QStringLiteral("nope")}), &error);
        QVERIFY2(error.contains(QLatin1String("'nope', which does not exist")), qPrintable(error));
        error.clear();
        doc.apply(build().renameScenario(0, QStringLiteral("  ")), &error);
        QVERIFY2(error.contains(QLatin1String("no name")), qPrintable(error));
        QCOMPARE(doc.topology(), before);
        // Nothing to change: an empty change.
        QVERIFY(build().renameScenario(0, QStringLiteral("Both")).isEmpty());
        QVERIFY(build().removeScenario(7).isEmpty());
    }

    // Adding and removing elements of a scenario: each once, order kept,
    // one undo step each; a scenario may end up failing nothing, and saved
    // and loaded it stays so.
    void addAndRemoveElements()
    {
        const LoadResult r = LayoutReader::read(QByteArray(kLayout), QStringLiteral("s.topo.yaml"));
        QVERIFY(r.ok());
        Document doc(r.topology);
        auto build = [&] { return ChangeBuilder(doc.topology(), doc.index()); };
        const QStringList first = doc.topology().scenarios.at(0).fail;
        QString error;
        const Change add = build().addToScenario(0, {QStringLiteral("ups-a"), first.at(0), QStringLiteral("esx02")});
        QCOMPARE(add.text, QStringLiteral("Edit Scenario"));
        doc.apply(add, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList expected = first + QStringList{QStringLiteral("ups-a"), QStringLiteral("esx02")};
        QCOMPARE(doc.topology().scenarios.at(0).fail, expected);
        // Already failed: nothing to change.
        QVERIFY(build().addToScenario(0, {QStringLiteral("ups-a")}).isEmpty());
        doc.apply(build().removeFromScenario(0, {first.at(0), QStringLiteral("esx02")}), &error);
        QCOMPARE(doc.topology().scenarios.at(0).fail, QStringList{QStringLiteral("ups-a")});
        doc.apply(build().removeFromScenario(0, {QStringLiteral("ups-a")}), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(doc.topology().scenarios.at(0).fail.isEmpty());
        // Round trip of the empty one.
        const QByteArray saved = LayoutWriter::write(doc.topology());
        const LoadResult again = LayoutReader::read(saved, QStringLiteral("again.topo.yaml"));
        QVERIFY2(again.ok(), again.error ? qPrintable(again.error->toString()) : "");
        QCOMPARE(again.topology.scenarios, doc.topology().scenarios);
        // A guest cannot be failed: refused whole.
        doc.apply(build().addToScenario(0, {QStringLiteral("ic1")}), &error);
        QVERIFY2(error.contains(QLatin1String("'ic1', a guest")), qPrintable(error));
        QVERIFY(build().addToScenario(9, {QStringLiteral("esx01")}).isEmpty());
        QVERIFY(build().removeFromScenario(-1, {QStringLiteral("esx01")}).isEmpty());
    }

    void deletingARackLeavesTheScenarios()
    {
        const LoadResult r = LayoutReader::read(QByteArray(kLayout), QStringLiteral("s.topo.yaml"));
        Document doc(r.topology);
        const ChangeBuilder build(doc.topology(), doc.index());
        const Change change = build.remove({QStringLiteral("rack-1"), QStringLiteral("ups-a")},
                                           ChangeBuilder::GuestPolicy::Unplace, QStringLiteral("Delete"));
        QString error;
        doc.apply(change, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // "Lose rack 1" failed only rack-1: gone; the second keeps rack-2.
        const QVector<Scenario> &s = doc.topology().scenarios;
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.at(0).name, QStringLiteral("Rack 2: and UPS A"));
        QCOMPARE(s.at(0).fail, QStringList{QStringLiteral("rack-2")});
        QCOMPARE(s.at(1).name, QStringLiteral("Lose esx02"));
        doc.apply(change.inverted(), &error);
        QCOMPARE(doc.topology(), r.topology);
        // Deleting a guest leaves the scenarios as they are.
        const Change guest = ChangeBuilder(doc.topology(), doc.index())
                                 .remove({QStringLiteral("ic1")}, ChangeBuilder::GuestPolicy::Unplace,
                                         QStringLiteral("Delete"));
        QVERIFY(!guest.scenariosAfter);
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
