// What-if mode: real clicks on the canvas fail and restore hosts, racks and
// circuits; the document never changes.
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "scene/mime.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAction>
#include <QLabel>
#include <QSettings>

using namespace td;

class TstWhatIf : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_whatif"); }
    void init()
    {
        QSettings().clear();
        openWindow();
    }
    void cleanup() { closeWindow(); }

    void clicksFailAndRestore();
    void canvasEditsBlocked();
    void followsEditsMadeElsewhere();
    void escapeLeaves();
    void bannerHidesNames();

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

QTEST_MAIN(TstWhatIf)
#include "tst_whatif.moc"
