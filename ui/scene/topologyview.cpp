#include "scene/topologyview.h"

#include "document.h"
#include "scene/topologyscene.h"

#include <QDragMoveEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace td {

namespace {
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 4.0;
// The smallest zoom a layout opens at: names and figures stay legible
// (fit to view, Ctrl+1, shows all of a large layout).
constexpr qreal kStartZoom = 0.75;
} // namespace

TopologyView::TopologyView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Every item sets the pen, brush, font and antialiasing it draws with:
    // no painter save and restore around each of a few thousand items.
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    // Scroll bars that came and went with the scene's size resized the
    // viewport, and the canvas moved with it after a drop.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    mAutoScroll.setInterval(30);
    connect(&mAutoScroll, &QTimer::timeout, this, [this] {
        const QPoint step = autoScrollStep();
        if (step.isNull()) {
            mAutoScroll.stop();
            return;
        }
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step.y());
    });
    // An edit that grows the scene leaves the canvas where it was.
    if (auto *topology = qobject_cast<TopologyScene *>(scene)) {
        connect(topology, &TopologyScene::sceneRectAboutToChange, this, [this] {
            mKeptTopLeft = mapToScene(QPoint(0, 0));
            mKeeping = true;
        });
        connect(topology, &QGraphicsScene::sceneRectChanged, this, &TopologyView::keepShownArea);
    }
}

void TopologyView::keepShownArea()
{
    if (!mKeeping)
        return;
    mKeeping = false;
    const QPoint shift = mapFromScene(mKeptTopLeft);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + shift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + shift.y());
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setZoom(qreal factor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    const qreal current = zoom();
    if (qFuzzyCompare(current, factor))
        return;
    scale(factor / current, factor / current);
    emit zoomChanged(zoom());
    emit viewportMoved();
}

void TopologyView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void TopologyView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void TopologyView::resetZoom()
{
    setZoom(1.0);
}

void TopologyView::fitToView()
{
    if (!scene())
        return;
    const auto *topology = qobject_cast<TopologyScene *>(scene());
    const QRectF r = (topology ? topology->contentRect() : scene()->itemsBoundingRect()).adjusted(-40, -40, 40, 40);
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setZoom(1.0); // a small or new layout at actual size
    emit zoomChanged(zoom());
    emit viewportMoved();
}

void TopologyView::showStart()
{
    fitToView();
    const auto *topology = qobject_cast<TopologyScene *>(scene());
    if (!topology || zoom() >= kStartZoom)
        return;
    setZoom(kStartZoom);
    // Start where the work is: the top-left of the racked hosts (a rack's
    // empty upper units say nothing), else of the whole content.
    QRectF hosts;
    for (const Host &h : topology->document()->topology().hosts) {
        if (!h.rack.isNull())
            hosts |= topology->sceneRectOf(h.id.str());
    }
    const QPointF topLeft = (hosts.isEmpty() ? topology->contentRect().topLeft()
                                             : QPointF(topology->contentRect().left(), hosts.top()))
                          - QPointF(40, 40);
    const QSizeF shown = QSizeF(viewport()->size()) / zoom();
    centerOn(topLeft + QPointF(shown.width() / 2, shown.height() / 2));
    emit viewportMoved();
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (mSpaceHeld && event->button() == Qt::LeftButton)) {
        mPanning = true;
        mPanStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (mPanning) {
        const QPoint delta = event->pos() - mPanStart;
        mPanStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (mPanning) {
        mPanning = false;
        viewport()->setCursor(mSpaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        mSpaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    const int step = (event->modifiers() & Qt::ShiftModifier) ? 50 : 10;
    switch (event->key()) {
    case Qt::Key_Left:
        emit nudgeRequested(-step, 0);
        event->accept();
        return;
    case Qt::Key_Right:
        emit nudgeRequested(step, 0);
        event->accept();
        return;
    case Qt::Key_Up:
        emit nudgeRequested(0, -step);
        event->accept();
        return;
    case Qt::Key_Down:
        emit nudgeRequested(0, step);
        event->accept();
        return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        mSpaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void TopologyView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewportMoved();
}

QPoint TopologyView::autoScrollStep() const
{
    // Within kEdge pixels of an edge: faster the closer to it.
    constexpr int kEdge = 40;
    constexpr int kFastest = 24;
    const QRect r = viewport()->rect();
    auto along = [](int pos, int size) {
        if (pos < kEdge)
            return -kFastest * (kEdge - std::max(pos, 0)) / kEdge - 1;
        if (pos > size - kEdge)
            return kFastest * (kEdge - std::max(size - pos, 0)) / kEdge + 1;
        return 0;
    };
    if (!r.adjusted(-kEdge, -kEdge, kEdge, kEdge).contains(mDragPos))
        return {};
    return {along(mDragPos.x(), r.width()), along(mDragPos.y(), r.height())};
}

void TopologyView::dragMoveEvent(QDragMoveEvent *event)
{
    mDragPos = event->position().toPoint();
    QGraphicsView::dragMoveEvent(event);
    if (!autoScrollStep().isNull() && !mAutoScroll.isActive())
        mAutoScroll.start();
}

void TopologyView::dragLeaveEvent(QDragLeaveEvent *event)
{
    mAutoScroll.stop();
    QGraphicsView::dragLeaveEvent(event);
}

void TopologyView::dropEvent(QDropEvent *event)
{
    mAutoScroll.stop();
    QGraphicsView::dropEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    emit viewportMoved();
}

} // namespace td
