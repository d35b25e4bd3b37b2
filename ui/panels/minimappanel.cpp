#include "panels/minimappanel.h"

#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QMouseEvent>
#include <QTimer>

namespace td {

MinimapPanel::MinimapPanel(TopologyView *mainView, QWidget *parent)
    : QGraphicsView(mainView->scene(), parent), mMain(mainView)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHints(QPainter::Antialiasing);
    setMinimumSize(160, 120);
    setCursor(Qt::PointingHandCursor);
    connect(mainView, &TopologyView::viewportMoved, this, [this] { viewport()->update(); });
    connect(mainView->scene(), &QGraphicsScene::sceneRectChanged, this, [this] {
        QTimer::singleShot(0, this, &MinimapPanel::refit);
    });
}

void MinimapPanel::refit()
{
    if (scene())
        fitInView(static_cast<TopologyScene *>(scene())->contentRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    viewport()->update();
}

void MinimapPanel::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = mMain->mapToScene(mMain->viewport()->rect()).boundingRect();
    const QColor c = palette().color(QPalette::Highlight);
    painter->setPen(QPen(c, 2 / transform().m11()));
    painter->setBrush(QColor(c.red(), c.green(), c.blue(), 40));
    painter->drawRect(visible);
}

void MinimapPanel::mousePressEvent(QMouseEvent *event)
{
    mMain->centerOn(mapToScene(event->pos()));
    event->accept();
}

void MinimapPanel::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        mMain->centerOn(mapToScene(event->pos()));
    event->accept();
}

void MinimapPanel::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

void MinimapPanel::wheelEvent(QWheelEvent *event)
{
    event->ignore();
}

} // namespace td
