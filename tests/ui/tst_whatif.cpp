// What-if mode: real clicks on the canvas fail and restore hosts, racks and
// circuits; the document never changes.
#include "changebuilder.h"
#include "charts/chartsdock.h"
#include "commands/changecommand.h"
#include "scene/mime.h"
#include "whatif/failurespanel.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTreeWidget>

using namespace td;

class TstWhatIf : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_whatif"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeWindow(); }

    void clicksFailAndRestore();
    void canvasEditsBlocked();
    void followsEditsMadeElsewhere();
    void escapeLeaves();
    void bannerHidesNames();
    void bannerFitsItsTextAfterResize();
    void failuresRankAndApply();
    void failuresFollowEdits();
    void savedScenarios();
    void chartsFollowTheScenario();

private:
    WhatIfState *state() const { return mWindow->whatIf()->state(); }
    // A point on the viewport over an object (its title bar for racks).
    QPoint pointOn(const QString &id, qreal dy = -1) const
    {
        const QRectF r = scene()->sceneRectOf(id);
        return view()->mapFromScene(dy < 0 ? r.center() : QPointF(r.left() + 40, r.top() + dy));
    }
    // The placed guests of these hosts, in document order (from the model).
    QStringList guestsOn(const QStringList &hosts) const
    {
        QStringList ids;
        for (const Guest &g : doc()->topology().guests) {
            if (hosts.contains(g.host.str()))
                ids << g.id.str();
        }
        return ids;
    }
};

static QStringList idsOf(const QVector<GuestId> &ids)
{
    QStringList out;
    for (const GuestId &id : ids)
        out << id.str();
    return out;
}

void TstWhatIf::clicksFailAndRestore()
{
    const Topology before = doc()->topology();
    const int undoCount = mWindow->undoStack()->count();
    view()->fitToView();
    QTest::keyClick(mWindow.get(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(state()->isActive());
    QVERIFY(mWindow->whatIf()->banner()->isVisible());

    // Click rack-1's title bar: the rack fails, with both its hosts.
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, pointOn(QStringLiteral("rack-1"), 12));
    QCOMPARE(state()->failed(), QStringList{QStringLiteral("rack-1")});
    const ScenarioResult *r = state()->result();
    QVERIFY(r);
    QCOMPARE(r->hostsDown, (QVector<HostId>{HostId(QStringLiteral("esx01")), HostId(QStringLiteral("esx02"))}));
    QCOMPARE(idsOf(r->guestsDown), guestsOn({QStringLiteral("esx01"), QStringLiteral("esx02")}));
    QVERIFY(idsOf(r->guestsDown).contains(QStringLiteral("ic1")));
    // IC1 (the primary) is down: IC2 takes over, and the canvas says so.
    QVERIFY(r->groupsDegraded.contains(GroupId(QStringLiteral("cic-pair"))));
    QCOMPARE(mWindow->whatIf()->overlay()->tagOf(QStringLiteral("ic2")), QStringLiteral("takes over as primary"));
    QVERIFY(mWindow->whatIf()->overlay()->isVisible());
    QVERIFY(mWindow->whatIf()->banner()->text().contains(QStringLiteral("Row 3 / Rack 1")));
    // Restarts are drawn as tags to their target host.
    for (const Restart &x : r->restarts) {
        QVERIFY(mWindow->whatIf()->overlay()->tagOf(x.guest.str()).startsWith(QStringLiteral("→ ")));
        QVERIFY(!r->hostsDown.contains(x.host));
    }

    // A second element: click esx05's bar (several fail at once).
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, pointOn(QStringLiteral("esx05"), 10));
    QCOMPARE(state()->failed(), (QStringList{QStringLiteral("rack-1"), QStringLiteral("esx05")}));
    QCOMPARE(state()->result()->hostsDown.size(), 3);
    // Click rack-1 again: restored.
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, pointOn(QStringLiteral("rack-1"), 12));
    QCOMPARE(state()->failed(), QStringList{QStringLiteral("esx05")});
    // A guest's chip means its host: clicking CCS2 (on esx05) restores esx05.
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, pointOn(QStringLiteral("ccs2")));
    QVERIFY(state()->failed().isEmpty());
    QVERIFY(state()->result()->hostsDown.isEmpty());

    // The document never changed: no undo entry, no modified mark.
    QCOMPARE(mWindow->undoStack()->count(), undoCount);
    QVERIFY(mWindow->undoStack()->isClean());
    QVERIFY(!mWindow->isWindowModified());
    QVERIFY(doc()->topology() == before);
    QVERIFY(scene()->selectedIds().isEmpty()); // clicks did not select either
}

void TstWhatIf::canvasEditsBlocked()
{
    const Topology before = doc()->topology();
    state()->setActive(true);
    // Dragging a chip does not move it.
    const QPoint from = pointOn(QStringLiteral("ic2"));
    const QPoint to = pointOn(QStringLiteral("esx05"), 10);
    QTest::mousePress(viewport(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(viewport(), from + (to - from) * i / 5);
    QTest::mouseRelease(viewport(), Qt::LeftButton, {}, to);
    // A drop from the palette is refused.
    QMimeData data;
    data.setData(mime::newObject(), QByteArrayLiteral("guest:cic-server"));
    QVERIFY(!dragOnViewport(data, pointOn(QStringLiteral("esx05"), 10), pointOn(QStringLiteral("esx05"), 10)));
    QVERIFY(doc()->topology() == before);
    QCOMPARE(mWindow->undoStack()->count(), 0);
}

void TstWhatIf::followsEditsMadeElsewhere()
{
    state()->setFailed({QStringLiteral("rack-1")});
    QVERIFY(!state()->result()->groupsDown.contains(GroupId(QStringLiteral("cic-pair"))));
    // Elsewhere (a menu, the inspector), IC2 moves onto rack 1: the pair is
    // now down with the rack, and the scenario says so at once.
    mWindow->undoStack()->push(
        new ChangeCommand(doc(), ChangeBuilder(doc()->topology(), doc()->index())
                                     .moveGuest(GuestId(QStringLiteral("ic2")), HostId(QStringLiteral("esx02")))));
    QCOMPARE(state()->failed(), QStringList{QStringLiteral("rack-1")});
    QVERIFY(state()->result()->groupsDown.contains(GroupId(QStringLiteral("cic-pair"))));
    // Undo: back to degraded.
    mWindow->undoStack()->undo();
    QVERIFY(!state()->result()->groupsDown.contains(GroupId(QStringLiteral("cic-pair"))));
    // A failed element that is deleted drops out of the scenario.
    state()->setFailed({QStringLiteral("esx05"), QStringLiteral("rack-1")});
    scene()->selectIds({QStringLiteral("esx05")});
    mWindow->deleteSelection(MainWindow::HostGuests::Unplace);
    QCOMPARE(state()->failed(), QStringList{QStringLiteral("rack-1")});
}

void TstWhatIf::escapeLeaves()
{
    state()->setFailed({QStringLiteral("ups-a")});
    QVERIFY(state()->isActive());
    QVERIFY(mWindow->whatIf()->action()->isChecked());
    QTest::keyClick(viewport(), Qt::Key_Escape);
    QVERIFY(!state()->isActive());
    QVERIFY(!state()->result());
    QVERIFY(!mWindow->whatIf()->action()->isChecked());
    QVERIFY(!mWindow->whatIf()->banner()->isVisible());
    QVERIFY(!mWindow->whatIf()->overlay()->isVisible());
    // Clicks select again.
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, pointOn(QStringLiteral("ic1")));
    QCOMPARE(scene()->selectedIds(), QStringList{QStringLiteral("ic1")});
}

void TstWhatIf::bannerHidesNames()
{
    mWindow->viewModes()->setHideNames(true);
    state()->setFailed({QStringLiteral("rack-1")});
    const QString text = mWindow->whatIf()->banner()->text();
    QVERIFY2(text.contains(QStringLiteral("Rack 1")) && text.contains(QStringLiteral("Host 1")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("esx0")) && !text.contains(QStringLiteral("Row 3")), qPrintable(text));
    QCOMPARE(mWindow->whatIf()->overlay()->tagOf(QStringLiteral("ic2")), QStringLiteral("takes over as primary"));
    for (const Restart &x : state()->result()->restarts)
        QVERIFY(!mWindow->whatIf()->overlay()->tagOf(x.guest.str()).contains(QStringLiteral("esx")));
}

// The banner is as tall as its wrapped sentence, also after the window is
// made narrower (more lines) or wider (fewer).
void TstWhatIf::bannerFitsItsTextAfterResize()
{
    state()->setFailed({QStringLiteral("esx01")});
    QLabel *banner = mWindow->whatIf()->banner();
    bool sawScrollBar = false;
    for (int width : {1400, 1000, 1280, 900, 1400}) {
        mWindow->resize(width, 800);
        QCoreApplication::processEvents();
        // What the sentence needs at the banner's width, measured apart.
        QLabel probe;
        probe.setWordWrap(true);
        probe.setMargin(banner->margin());
        probe.setFont(banner->font());
        probe.setStyleSheet(banner->styleSheet());
        probe.setObjectName(banner->objectName());
        probe.setText(banner->text());
        const int needed = probe.heightForWidth(banner->width());
        // Over the canvas's columns: the frame and the vertical scroll bar
        // (which spans the view's height, margin included) stay uncovered.
        const QRect canvas = view()->viewport()->geometry();
        QVERIFY2(banner->x() == canvas.x() && banner->width() == canvas.width(),
                 qPrintable(QStringLiteral("banner x %1 width %2, canvas x %3 width %4")
                                .arg(banner->x())
                                .arg(banner->width())
                                .arg(canvas.x())
                                .arg(canvas.width())));
        QScrollBar *bar = view()->verticalScrollBar();
        if (bar->isVisible()) {
            sawScrollBar = true;
            // The bar sits in a container: its place in the view's terms.
            const QRect barInView(bar->mapTo(view(), QPoint(0, 0)), bar->size());
            QVERIFY(!banner->geometry().intersects(barInView));
        }
        QVERIFY2(banner->height() >= needed, qPrintable(QStringLiteral("width %1: banner %2 px, text needs %3 px")
                                                            .arg(banner->width())
                                                            .arg(banner->height())
                                                            .arg(needed)));
        QCOMPARE(view()->topMargin(), banner->height());
    }
    QVERIFY(sawScrollBar); // the sample at its opening zoom scrolls
}

static FailuresPanel *openFailures(MainWindow *window)
{
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("FailuresDock"));
    dock->show();
    dock->raise();
    return window->whatIf()->failures();
}

void TstWhatIf::failuresRankAndApply()
{
    FailuresPanel *panel = openFailures(mWindow.get());
    QSignalSpy computed(panel, &FailuresPanel::computed);
    panel->start();
    QVERIFY(panel->isComputing());
    QVERIFY(computed.wait(60000));
    const QVector<ScenarioResult> results = panel->results();
    // The sample has 5 hosts, 3 racks and 2 circuits: 10 singles and 45
    // pairs; the 20 worst are shown.
    QCOMPARE(results.size(), FailuresPanel::kShown);
    QCOMPARE(panel->list()->topLevelItemCount(), results.size());
    bool anyPair = false;
    for (int i = 0; i < results.size(); ++i) {
        const ScenarioResult &r = results.at(i);
        anyPair = anyPair || r.fail.size() == 2;
        QTreeWidgetItem *row = panel->list()->topLevelItem(i);
        QCOMPARE(row->text(1).toInt(), r.groupsDown.size());
        QCOMPARE(row->text(2).toInt(), r.stayDown.size());
        QCOMPARE(row->text(3).toInt(), r.guestsDown.size());
        if (i > 0) { // worst first
            const ScenarioResult &p = results.at(i - 1);
            QVERIFY(std::make_tuple(p.groupsDown.size(), p.stayDown.size(), p.guestsDown.size())
                    >= std::make_tuple(r.groupsDown.size(), r.stayDown.size(), r.guestsDown.size()));
        }
    }
    QVERIFY(anyPair);
    // Losing both circuits takes every host down: nothing is worse.
    QCOMPARE(results.first().hostsDown.size(), doc()->topology().hosts.size());
    // Click the second row: what-if shows it.
    QWidget *listViewport = panel->list()->viewport();
    const QRect rowRect = panel->list()->visualItemRect(panel->list()->topLevelItem(1));
    QTest::mouseClick(listViewport, Qt::LeftButton, {}, rowRect.center());
    QVERIFY(state()->isActive());
    QCOMPARE(state()->failed(), results.at(1).fail);
    QVERIFY(mWindow->whatIf()->banner()->isVisible());
    QVERIFY(mWindow->undoStack()->isClean());
}

void TstWhatIf::failuresFollowEdits()
{
    FailuresPanel *panel = openFailures(mWindow.get());
    QSignalSpy computed(panel, &FailuresPanel::computed);
    panel->depthBox()->setCurrentIndex(panel->depthBox()->findData(1)); // single failures: starts a run
    QVERIFY(panel->isComputing());
    // An edit while it runs: that run is dropped, and the next is of the
    // edited layout. IC2 joins IC1 on esx01: losing esx01 takes the pair down.
    mWindow->undoStack()->push(
        new ChangeCommand(doc(), ChangeBuilder(doc()->topology(), doc()->index())
                                     .moveGuest(GuestId(QStringLiteral("ic2")), HostId(QStringLiteral("esx01")))));
    QVERIFY(!panel->isComputing());
    QVERIFY(panel->results().isEmpty());
    QVERIFY(computed.wait(60000));
    QCOMPARE(computed.count(), 1);
    const ScenarioResult &worst = panel->results().first();
    QVERIFY(worst.groupsDown.contains(GroupId(QStringLiteral("cic-pair"))));
    for (const ScenarioResult &r : panel->results())
        QCOMPARE(r.fail.size(), 1);
}

void TstWhatIf::savedScenarios()
{
    FailuresPanel *panel = openFailures(mWindow.get());
    QVERIFY(!panel->saveButton()->isEnabled()); // nothing failed yet
    state()->setFailed({QStringLiteral("rack-1"), QStringLiteral("ups-a")});
    QVERIFY(panel->saveButton()->isEnabled());
    const int steps = mWindow->undoStack()->count();
    QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
    QCOMPARE(doc()->topology().scenarios.size(), 1);
    const Scenario saved = doc()->topology().scenarios.first();
    QCOMPARE(saved.fail, (QStringList{QStringLiteral("rack-1"), QStringLiteral("ups-a")}));
    QVERIFY(!saved.name.isEmpty());
    QCOMPARE(mWindow->undoStack()->count(), steps + 1);
    QCOMPARE(panel->savedList()->count(), 1);
    QCOMPARE(panel->savedList()->item(0)->text(), saved.name);

    // Rename in place: F2, type, Enter; one undo step.
    QListWidget *list = panel->savedList();
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != list);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Lose the first rack"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(doc()->topology().scenarios.first().name, QStringLiteral("Lose the first rack"));
    QCOMPARE(mWindow->undoStack()->count(), steps + 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Lose the first rack"));

    // Click it: what-if shows it.
    state()->setFailed({});
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
    QCOMPARE(state()->failed(), saved.fail);

    // Delete, and undo brings it back.
    QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
    QVERIFY(doc()->topology().scenarios.isEmpty());
    QCOMPARE(list->count(), 0);
    mWindow->undoStack()->undo();
    QCOMPARE(doc()->topology().scenarios.size(), 1);
    QCOMPARE(list->count(), 1);
    mWindow->undoStack()->undo();
    QCOMPARE(list->item(0)->text(), saved.name);
}

// The Charts dock shows the load after the what-if scenario, and the design
// again when what-if is left.
void TstWhatIf::chartsFollowTheScenario()
{
    auto *charts = mWindow->findChild<ChartsPanel *>();
    QVERIFY(charts);
    mWindow->findChild<QDockWidget *>(QStringLiteral("ChartsDock"))->raise();
    QTRY_VERIFY(charts->isVisible() && !charts->isStale());
    const int esx03 = [&] {
        int i = 0;
        for (const Host &h : doc()->topology().hosts) {
            if (h.id.str() == QLatin1String("esx03"))
                return i;
            ++i;
        }
        return -1;
    }();
    const auto load = [&] {
        auto *bars = qobject_cast<QStackedBarSeries *>(charts->chartView()->chart()->series().value(0));
        double sum = 0;
        for (QBarSet *set : bars ? bars->barSets() : QList<QBarSet *>())
            sum += set->at(esx03);
        return sum;
    };
    double designed = 0;
    for (const Guest &g : doc()->topology().guests)
        designed += g.host.str() == QLatin1String("esx03") ? g.vcpu : 0;
    QVERIFY(designed > 0);
    QCOMPARE(load(), designed);
    state()->setFailed({QStringLiteral("esx03")});
    QVERIFY(charts->isStale());
    QTRY_VERIFY(!charts->isStale());
    QCOMPARE(load(), 0.0); // its guests are down or restarted elsewhere
    QTest::keyClick(viewport(), Qt::Key_Escape);
    QTRY_VERIFY(!charts->isStale());
    QCOMPARE(load(), designed);
}

QTEST_MAIN(TstWhatIf)
#include "tst_whatif.moc"
