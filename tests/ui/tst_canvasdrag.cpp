#include "document.h"
#include "mainwindow.h"
#include "scene/mime.h"
#include "scene/rackitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "windowtest.h"

#include <QApplication>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace td;

// Hosts and racks dragged on the canvas with the mouse, as a user drags them:
// press, move past the drag distance, move over the target, release.
class TestCanvasDrag : public test::WindowTest
{
    Q_OBJECT

private:
    const Host &host(const QString &id) const { return doc()->topology().hosts.at(doc()->index().host(HostId(id))); }

    void mouse(QEvent::Type type, const QPoint &at, Qt::MouseButtons buttons)
    {
        QMouseEvent e(type, QPointF(at), QPointF(viewport()->mapToGlobal(at)),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &e);
    }

    // Hosts and guests start a QDrag, which the offscreen platform cannot run
    // (QOffscreenDrag returns at once; e2e_drag_save drags for real under
    // Xvfb): the press selects with the mouse, then the drag's own events
    // carry what the scene's drag would (enter, move, drop on the viewport).
    bool dragHost(const QString &hostId, const QPoint &from, const QPoint &to)
    {
        QTest::mouseClick(viewport(), Qt::LeftButton, Qt::NoModifier, from);
        if (scene()->selectedIds() != QStringList{hostId})
            return false;
        QMimeData data;
        data.setData(mime::moveObjects(), QStringLiteral("hosts:%1").arg(hostId).toUtf8());
        dragOnViewport(data, from, to, 4, Qt::MoveAction);
        return true;
    }

private slots:
    void initTestCase() { setUpApplication("tst_canvasdrag"); }
    void init()
    {
        openWindow();
        view()->resetZoom();
    }
    void cleanup() { closeWindow(); }

    void rackDragMovesItOnTheGrid()
    {
        const QString id = doc()->topology().racks.first().id.str();
        const QRectF before = scene()->sceneRectOf(id);
        // The rack's header: its top edge, clear of its hosts.
        const QPointF grab(before.left() + 30, before.top() + 8);
        view()->centerOn(grab + QPointF(60, 40));
        const QPoint from = view()->mapFromScene(grab);
        const QPoint to = from + QPoint(123, 47);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        for (int i = 1; i <= 5; ++i)
            mouse(QEvent::MouseMove, from + (to - from) * i / 5, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
        QCOMPARE(mWindow->undoStack()->count(), 1);
        const LayoutEntry *entry = nullptr;
        for (const LayoutEntry &e : doc()->topology().layout)
            entry = e.id == id ? &e : entry;
        QVERIFY(entry);
        // Moved by the mouse's way at 100% zoom, snapped to the 10 px grid.
        const double scale = view()->transform().m11();
        const QPointF expected(before.left() + 123 / scale, before.top() + 47 / scale);
        QVERIFY2(std::abs(entry->x - expected.x()) <= 10 && std::abs(entry->y - expected.y()) <= 10,
                 qPrintable(
                     QStringLiteral("%1,%2 vs %3,%4").arg(entry->x).arg(entry->y).arg(expected.x()).arg(expected.y())));
        QCOMPARE(std::fmod(entry->x, 10.0), 0.0);
        QCOMPARE(std::fmod(entry->y, 10.0), 0.0);
        mWindow->undoStack()->undo();
        QCOMPARE(scene()->sceneRectOf(id).topLeft(), before.topLeft());
    }

    void hostDragToAnotherRack()
    {
        const Host h = doc()->topology().hosts.first();         // esx01, rack-1
        const RackId target = doc()->topology().racks.at(2).id; // rack-3: esx05 at units 20-21
        auto *rack = dynamic_cast<RackItem *>(scene()->itemFor(target.str()));
        QVERIFY(rack);
        const QRectF hostRect = scene()->sceneRectOf(h.id.str());
        const QPointF grab(hostRect.left() + 12, hostRect.center().y());
        // Unit 10 of rack-3: find its scene y from the rack item.
        const QRectF rackRect = scene()->sceneRectOf(target.str());
        qreal y10 = -1;
        for (qreal y = rackRect.top(); y < rackRect.bottom(); y += 1) {
            if (rack->unitAt(y) == 10) {
                y10 = y + 2;
                break;
            }
        }
        QVERIFY(y10 > 0);
        const QPointF drop(rackRect.center().x(), y10);
        view()->fitToView();
        QTest::qWait(20);
        QVERIFY(dragHost(h.id.str(), view()->mapFromScene(grab), view()->mapFromScene(drop)));
        QCOMPARE(host(h.id.str()).rack, target);
        QCOMPARE(host(h.id.str()).unit + h.heightU - 1, 10); // its top unit where it was dropped
        QCOMPARE(mWindow->undoStack()->count(), 1);
        mWindow->undoStack()->undo();
        QCOMPARE(host(h.id.str()).rack, h.rack);
        QCOMPARE(host(h.id.str()).unit, h.unit);
    }

    void hostDragOntoATakenUnitIsRefused()
    {
        const Host h = doc()->topology().hosts.first();   // esx01, rack-1
        const Host other = doc()->topology().hosts.at(4); // esx05, rack-3
        const QRectF hostRect = scene()->sceneRectOf(h.id.str());
        const QRectF otherRect = scene()->sceneRectOf(other.id.str());
        view()->fitToView();
        QTest::qWait(20);
        QSignalSpy refused(scene(), &TopologyScene::dropRefused);
        QVERIFY(dragHost(h.id.str(), view()->mapFromScene(QPointF(hostRect.left() + 12, hostRect.center().y())),
                         view()->mapFromScene(otherRect.center())));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains(other.name),
                 qPrintable(refused.first().first().toString()));
        QCOMPARE(host(h.id.str()).rack, h.rack);
        QCOMPARE(host(h.id.str()).unit, h.unit);
        QCOMPARE(mWindow->undoStack()->count(), 0);
    }

    // Reviewed: nothing scrolled while dragging at the view's edge. Near an
    // edge the view scrolls that way; leaving the view stops it.
    void dragAtTheEdgeScrolls()
    {
        view()->setZoom(1.5);
        view()->centerOn(scene()->contentRect().center());
        QScrollBar *bar = view()->horizontalScrollBar();
        const int before = bar->value();
        QVERIFY(before < bar->maximum());
        QMimeData data;
        data.setData(mime::newObject(), "rack");
        const QPoint edge(viewport()->width() - 3, viewport()->height() / 2);
        QDragEnterEvent enter(edge, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        QDragMoveEvent move(edge, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &move);
        QTRY_VERIFY(bar->value() > before);
        QDragLeaveEvent leave;
        QApplication::sendEvent(viewport(), &leave);
        const int stopped = bar->value();
        QTest::qWait(150);
        QCOMPARE(bar->value(), stopped);
        // In the middle of the view nothing scrolls.
        const QPoint middle = viewport()->rect().center();
        QDragEnterEvent again(middle, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &again);
        QDragMoveEvent still(middle, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &still);
        QTest::qWait(150);
        QCOMPARE(bar->value(), stopped);
        QApplication::sendEvent(viewport(), &leave);
    }
};

QTEST_MAIN(TestCanvasDrag)
#include "tst_canvasdrag.moc"
