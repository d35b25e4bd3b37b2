// The Charts dock computing its data in a worker: a burst of edits then a
// pause charts the model as it is, an edit made while a computation runs
// wins over it, and the chart is rebuilt only when what it shows changes.

#include "analysis/failureanalysis.h"
#include "catalog/catalog.h"
#include "changebuilder.h"
#include "charts/chartsdock.h"
#include "document.h"
#include "topologygenerator.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QtTest>

#include <memory>

using namespace td;

namespace {

// A layout of a few clusters, racks and circuits with guests on most hosts.
Topology layout()
{
    return test::generateTopology(test::GeneratorParams::small(), 7);
}

// The hosts of each chart's cluster as the test expects them: the layout's
// clusters in document order, then the hosts in no cluster; hosts in
// document order.
QVector<QVector<int>> hostsByCluster(const Topology &t)
{
    QVector<QVector<int>> out;
    for (const Cluster &c : t.clusters) {
        QVector<int> hosts;
        for (int h = 0; h < t.hosts.size(); ++h) {
            if (t.hosts.at(h).cluster == c.id)
                hosts << h;
        }
        if (!hosts.isEmpty())
            out << hosts;
    }
    QVector<int> none;
    for (int h = 0; h < t.hosts.size(); ++h) {
        if (t.hosts.at(h).cluster.isNull())
            none << h;
    }
    if (!none.isEmpty())
        out << none;
    return out;
}

double vcpuOn(const Topology &t, const HostId &host)
{
    double sum = 0;
    for (const Guest &g : t.guests)
        sum += g.host == host ? g.vcpu : 0;
    return sum;
}

} // namespace

class TstChartsDock : public QObject
{
    Q_OBJECT

    std::unique_ptr<Document> mDoc;
    std::unique_ptr<ChartsPanel> mPanel;

    Document *doc() const { return mDoc.get(); }
    ChartsPanel *panel() const { return mPanel.get(); }

    // The chart shown now, checked against the model summed here: per host
    // vCPU of every cluster, and guests per rack.
    void verifyChartsFollow()
    {
        const Topology &t = doc()->topology();
        const QVector<QVector<int>> clusters = hostsByCluster(t);
        panel()->kindBox()->setCurrentIndex(0);
        QCOMPARE(panel()->clusterBox()->count(), clusters.size());
        for (int c = 0; c < clusters.size(); ++c) {
            panel()->clusterBox()->setCurrentIndex(c);
            auto *bars = qobject_cast<QStackedBarSeries *>(panel()->chartView()->chart()->series().value(0));
            QVERIFY(bars);
            const QVector<int> &hosts = clusters.at(c);
            for (int i = 0; i < hosts.size(); ++i) {
                double charted = 0;
                for (QBarSet *set : bars->barSets()) {
                    QCOMPARE(set->count(), hosts.size());
                    charted += set->at(i);
                }
                QCOMPARE(charted, vcpuOn(t, t.hosts.at(hosts.at(i)).id));
            }
            auto *cores = qobject_cast<QLineSeries *>(panel()->chartView()->chart()->series().value(1));
            QVERIFY(cores);
            QCOMPARE(cores->count(), hosts.size());
            for (int i = 0; i < hosts.size(); ++i)
                QCOMPARE(cores->at(i).y(), double(t.hosts.at(hosts.at(i)).cores));
        }
        panel()->kindBox()->setCurrentIndex(2); // guests per rack
        auto *perRack = qobject_cast<QAbstractBarSeries *>(panel()->chartView()->chart()->series().value(0));
        QVERIFY(perRack);
        for (int r = 0; r < t.racks.size(); ++r) {
            int n = 0;
            for (const Guest &g : t.guests) {
                for (const Host &h : t.hosts)
                    n += h.id == g.host && h.rack == t.racks.at(r).id ? 1 : 0;
            }
            QCOMPARE(perRack->barSets().at(0)->at(r), double(n));
        }
        panel()->kindBox()->setCurrentIndex(0);
    }

    // Moves a guest (the n-th, to a host it is not on).
    void moveGuest(int n)
    {
        const Topology &t = doc()->topology();
        const Guest &g = t.guests.at(n % t.guests.size());
        int to = (n * 7) % t.hosts.size();
        if (t.hosts.at(to).id == g.host)
            to = (to + 1) % t.hosts.size();
        QString error;
        doc()->apply(ChangeBuilder(t, doc()->index()).moveGuest(g.id, t.hosts.at(to).id), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void init()
    {
        mDoc = std::make_unique<Document>(layout());
        mPanel = std::make_unique<ChartsPanel>(mDoc.get());
        mPanel->resize(700, 450);
        mPanel->show();
        QVERIFY(QTest::qWaitForWindowExposed(mPanel.get()));
        QTRY_VERIFY(!mPanel->isStale());
        QVERIFY(!mPanel->isComputing());
    }

    void cleanup()
    {
        mPanel.reset();
        mDoc.reset();
    }

    // The first charts came from the worker, and equal the model.
    void chartsTheModel() { verifyChartsFollow(); }

    // A burst of edits, then a pause: one computation, after the burst, of
    // the model as it is then.
    void burstThenPause()
    {
        const int before = panel()->recomputeCount();
        QElapsedTimer burst;
        burst.start();
        for (int i = 0; i < 40; ++i) {
            moveGuest(i * 13 + 1);
            QCoreApplication::processEvents();
        }
        // On a machine so loaded that the burst had a pause as long as the
        // delay, the dock may have charted in it: then only the end counts.
        const bool paused = burst.elapsed() >= ChartsPanel::kDelayMs;
        QVERIFY(panel()->isStale());
        if (!paused)
            QCOMPARE(panel()->recomputeCount(), before);
        QTRY_VERIFY(!panel()->isStale());
        if (!paused)
            QCOMPARE(panel()->recomputeCount(), before + 1);
        QVERIFY(!panel()->isComputing());
        verifyChartsFollow();
    }

    // An edit made while a computation runs (started, its result not yet
    // delivered): the older result is dropped, the newer edit is charted.
    void editWhileComputing()
    {
        const int before = panel()->recomputeCount();
        int started = 0;
        connect(panel(), &ChartsPanel::computeStarted, this, [&] {
            if (++started == 1) {
                QVERIFY(panel()->isComputing());
                moveGuest(5); // made at once, on this thread, while the worker runs
                QVERIFY(panel()->isStale());
                QVERIFY(!panel()->isComputing()); // cancelled
            }
        });
        moveGuest(3);
        QTRY_VERIFY(!panel()->isStale());
        QCOMPARE(started, 2);
        // Only the second computation's result was taken.
        QCOMPARE(panel()->recomputeCount(), before + 1);
        verifyChartsFollow();
    }

    // The chart is built only when what it shows changes: moving a rack on
    // the canvas recomputes the data but keeps the chart; a guest moved onto
    // a shown host sets the chart's values in place.
    void unchangedChartKept()
    {
        const Topology &t = doc()->topology();
        const int builds = panel()->chartBuilds();
        const int updates = panel()->chartUpdates();
        QChart *chart = panel()->chartView()->chart();
        const int before = panel()->recomputeCount();
        const Rack &rack = t.racks.at(0);
        QString error;
        doc()->apply(ChangeBuilder(t, doc()->index()).setPosition(rack.id.str(), 1230, 870), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE(panel()->recomputeCount(), before + 1);
        QCOMPARE(panel()->chartBuilds(), builds);
        QCOMPARE(panel()->chartUpdates(), updates);
        QCOMPARE(panel()->chartView()->chart(), chart);
        // A guest moved onto a shown host changes it.
        const QVector<int> hosts = hostsByCluster(t).at(0);
        const HostId target = t.hosts.at(hosts.at(0)).id;
        // A guest from another cluster's host, of the product of the first
        // guest on the target: the chart's products (in order of first
        // appearance) stay as they are.
        int first = -1;
        for (int g = 0; g < t.guests.size() && first < 0; ++g)
            first = t.guests.at(g).host == target ? g : -1;
        QVERIFY(first >= 0);
        int guest = -1;
        for (int g = first + 1; g < t.guests.size() && guest < 0; ++g) {
            const Guest &candidate = t.guests.at(g);
            bool inCluster = false;
            for (int h : hosts)
                inCluster = inCluster || t.hosts.at(h).id == candidate.host;
            if (!candidate.host.isNull() && !inCluster && candidate.product == t.guests.at(first).product)
                guest = g;
        }
        QVERIFY(guest >= 0);
        doc()->apply(ChangeBuilder(t, doc()->index()).moveGuest(t.guests.at(guest).id, target), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE(panel()->recomputeCount(), before + 2);
        // Its values set in place: the same hosts and products.
        QCOMPARE(panel()->chartBuilds(), builds);
        QCOMPARE(panel()->chartUpdates(), updates + 1);
        QCOMPARE(panel()->chartView()->chart(), chart);
        verifyChartsFollow();
    }

    // A what-if scenario (a rack failed): the worker charts the load after
    // HA restarts, the chart's products (added, removed or reordered in
    // place) and values as summed here; off again, the design.
    void followsTheScenario()
    {
        const Topology &t = doc()->topology();
        const FailureAnalysis analysis(t, doc()->index());
        const auto result = analysis.run({t.racks.at(0).id.str()});
        QVERIFY(result && !result->restarts.isEmpty());
        QHash<QString, HostId> moved;
        for (const GuestId &g : result->guestsDown)
            moved.insert(g.str(), HostId());
        for (const Restart &r : result->restarts)
            moved.insert(r.guest.str(), r.host);
        const QVector<int> hosts = hostsByCluster(t).at(0);
        panel()->setScenario(&*result);
        QVERIFY(panel()->isStale());
        QTRY_VERIFY(!panel()->isStale());
        auto *bars = qobject_cast<QStackedBarSeries *>(panel()->chartView()->chart()->series().value(0));
        QVERIFY(bars);
        QSet<QString> products;
        for (int i = 0; i < hosts.size(); ++i) {
            const HostId host = t.hosts.at(hosts.at(i)).id;
            double expected = 0;
            for (const Guest &g : t.guests) {
                const HostId runsOn = moved.value(g.id.str(), g.host);
                if (runsOn == host) {
                    expected += g.vcpu;
                    const Product *product = Catalog::builtin().product(g.product);
                    products.insert(product ? product->name : g.product);
                }
            }
            double charted = 0;
            for (QBarSet *set : bars->barSets())
                charted += set->at(i);
            QCOMPARE(charted, expected);
        }
        QSet<QString> labels;
        for (QBarSet *set : bars->barSets())
            labels.insert(set->label());
        QCOMPARE(labels, products);
        QCOMPARE(bars->barSets().size(), products.size());
        panel()->setScenario(nullptr);
        QTRY_VERIFY(!panel()->isStale());
        verifyChartsFollow();
    }

    // Hidden, the dock computes nothing; shown again, it charts the model.
    void hiddenThenShown()
    {
        panel()->hide();
        const int before = panel()->recomputeCount();
        moveGuest(11);
        moveGuest(12);
        QTest::qWait(ChartsPanel::kDelayMs + 100); // nothing may happen: no condition to wait for
        QCOMPARE(panel()->recomputeCount(), before);
        QVERIFY(!panel()->isComputing());
        panel()->show();
        QTRY_VERIFY(!panel()->isStale());
        verifyChartsFollow();
    }

    // Destroyed while its worker runs: nothing delivered, nothing crashes.
    void destroyedWhileComputing()
    {
        bool started = false;
        connect(panel(), &ChartsPanel::computeStarted, this, [&] { started = true; });
        moveGuest(2);
        QTRY_VERIFY(started);
        mPanel.reset();
        moveGuest(4);
        QCoreApplication::processEvents();
    }
};

QTEST_MAIN(TstChartsDock)
#include "tst_chartsdock.moc"
