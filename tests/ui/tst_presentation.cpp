// The views for an audience: compact racks, hide names, presentation mode.
#include "scene/geometry.h"
#include "scene/rackitem.h"
#include "whatif/viewmodes.h"
#include "windowtest.h"

#include <QAction>
#include <QSettings>

using namespace td;

class TstPresentation : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_presentation"); }
    void init()
    {
        QSettings().clear();
        openWindow();
    }
    void cleanup() { closeWindow(); }

    void compactFitReadsOnAProjector();
    void compactKeepsHostsInTheirUnits();
    void compactIsPersisted();
};

// The zoom a 1024x768 screen fits the sample at, in this view mode.
static qreal fitZoomOn1024(TopologyScene *scene)
{
    TopologyView view(scene);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(1024, 768);
    view.show();
    view.fitToView();
    return view.zoom();
}

void TstPresentation::compactFitReadsOnAProjector()
{
    // Guest names must be at least 9 pt on screen: the font's size times the zoom.
    const qreal full = fitZoomOn1024(scene()) * geometry::kChipNamePoints;
    QVERIFY2(full < 9, qPrintable(QString::number(full))); // why the compact view exists
    mWindow->viewModes()->compactAction()->trigger();
    QVERIFY(scene()->isCompact());
    const qreal compact = fitZoomOn1024(scene()) * geometry::kCompactChipNamePoints;
    QVERIFY2(compact >= 9, qPrintable(QString::number(compact)));
    // Every guest of the sample is drawn (none behind "+N"), inside the content.
    for (const Guest &g : doc()->topology().guests) {
        QVERIFY2(scene()->itemFor(g.id.str()) && scene()->itemFor(g.id.str())->isVisible(), qPrintable(g.id.str()));
        QVERIFY(scene()->contentRect().contains(scene()->sceneRectOf(g.id.str())));
    }
    // Off again: the full elevation.
    mWindow->viewModes()->compactAction()->trigger();
    QCOMPARE(fitZoomOn1024(scene()) * geometry::kChipNamePoints, full);
}

void TstPresentation::compactKeepsHostsInTheirUnits()
{
    mWindow->viewModes()->setCompact(true);
    const Topology &t = doc()->topology();
    for (const Rack &r : t.racks) {
        auto *rack = static_cast<RackItem *>(scene()->itemFor(r.id.str()));
        // 42 units would be 42 * 34 px; collapsed, far less.
        QVERIFY(rack->size().height() < 10 * geometry::kUnitHeight);
    }
    for (const Host &h : t.hosts) {
        auto *rack = static_cast<RackItem *>(scene()->itemFor(h.rack.str()));
        const QRectF box = scene()->sceneRectOf(h.id.str());
        QCOMPARE(box.height(), h.heightU * geometry::kUnitHeight); // occupied units keep their height
        QVERIFY(rack->sceneBoundingRect().contains(box));
        // The units under the host are its own.
        QCOMPARE(rack->unitAt(box.bottom() - 1), h.unit);
        QCOMPARE(rack->unitAt(box.top() + 1), h.unit + h.heightU - 1);
        // Just above it: an empty unit, in the collapsed band.
        QCOMPARE(rack->unitAt(box.top() - 0.25), h.unit + h.heightU);
    }
    // Moving a host down one unit (Down key) re-collapses its rack around it.
    const QString id = t.hosts.first().id.str();
    const int unit = t.hosts.first().unit;
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, view()->mapFromScene(scene()->sceneRectOf(id).center()));
    QCOMPARE(scene()->selectedIds(), QStringList{id});
    QTest::keyClick(viewport(), Qt::Key_Down);
    const Host &moved = doc()->topology().hosts.first();
    QCOMPARE(moved.unit, unit - 1);
    auto *rack = static_cast<RackItem *>(scene()->itemFor(moved.rack.str()));
    const QRectF box = scene()->sceneRectOf(id);
    QCOMPARE(rack->unitAt(box.bottom() - 1), unit - 1);
    QCOMPARE(rack->unitAt(box.top() - 0.25), unit + moved.heightU - 1);
}

void TstPresentation::compactIsPersisted()
{
    mWindow->viewModes()->compactAction()->trigger();
    closeWindow();
    openWindow();
    QVERIFY(scene()->isCompact());
    QVERIFY(mWindow->viewModes()->compactAction()->isChecked());
}

QTEST_MAIN(TstPresentation)
#include "tst_presentation.moc"
