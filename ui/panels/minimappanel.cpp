#include "panels/minimappanel.h"

#include "document.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QMouseEvent>
#include <QPainter>

namespace td {

MinimapPanel::MinimapPanel(TopologyView *mainView, QWidget *parent) : QWidget(parent), mMain(mainView)
{
    setMinimumSize(160, 120);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    mRedraw.setSingleShot(true);
    mRedraw.setInterval(250);
    connect(&mRedraw, &QTimer::timeout, this, &MinimapPanel::redraw);
    connect(mainView, &TopologyView::viewportMoved, this, qOverload<>(&QWidget::update));
    auto *scene = static_cast<TopologyScene *>(mainView->scene());
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &MinimapPanel::scheduleRedraw);
    connect(scene, &QGraphicsScene::selectionChanged, this, &MinimapPanel::scheduleRedraw);
    connect(scene->document(), &Document::changed, this, &MinimapPanel::scheduleRedraw);
    connect(scene->document(), &Document::findingsChanged, this, &MinimapPanel::scheduleRedraw);
    connect(scene->document(), &Document::resetDone, this, &MinimapPanel::scheduleRedraw);
}

void MinimapPanel::refit()
{
    redraw();
}

void MinimapPanel::scheduleRedraw()
{
    if (isVisible())
        mRedraw.start();
    else
        mPicture = QPixmap(); // drawn when shown
}

void MinimapPanel::redraw()
{
    mRedraw.stop();
    const auto *scene = static_cast<TopologyScene *>(mMain->scene());
    mSource = scene->contentRect().adjusted(-20, -20, 20, 20);
    const qreal dpr = devicePixelRatioF();
    QPixmap picture(size() * dpr);
    picture.setDevicePixelRatio(dpr);
    picture.fill(palette().color(QPalette::Base));
    if (!mSource.isEmpty() && width() > 0 && height() > 0) {
        QPainter painter(&picture);
        painter.setRenderHint(QPainter::Antialiasing);
        mMain->scene()->render(&painter, QRectF(rect()), mSource, Qt::KeepAspectRatio);
    }
    mPicture = picture;
    update();
}

QTransform MinimapPanel::toWidget() const
{
    if (mSource.isEmpty())
        return {};
    // As QGraphicsScene::render places the source with KeepAspectRatio: centred.
    const qreal scale = std::min(width() / mSource.width(), height() / mSource.height());
    const QPointF offset((width() - mSource.width() * scale) / 2, (height() - mSource.height() * scale) / 2);
    return QTransform::fromTranslate(-mSource.left(), -mSource.top()) * QTransform::fromScale(scale, scale)
         * QTransform::fromTranslate(offset.x(), offset.y());
}

QPointF MinimapPanel::toScene(const QPoint &p) const
{
    return toWidget().inverted().map(QPointF(p));
}

void MinimapPanel::paintEvent(QPaintEvent *)
{
    if (mPicture.isNull() || mPicture.size() != size() * devicePixelRatioF())
        redraw();
    QPainter painter(this);
    painter.drawPixmap(0, 0, mPicture);
    // The main view's visible area.
    const QRectF visible = mMain->mapToScene(mMain->viewport()->rect()).boundingRect();
    const QColor c = palette().color(QPalette::Highlight);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(c, 2));
    painter.setBrush(QColor(c.red(), c.green(), c.blue(), 40));
    painter.drawRect(toWidget().mapRect(visible).intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
}

void MinimapPanel::mousePressEvent(QMouseEvent *event)
{
    mMain->centerOn(toScene(event->pos()));
    event->accept();
}

void MinimapPanel::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        mMain->centerOn(toScene(event->pos()));
    event->accept();
}

void MinimapPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    mPicture = QPixmap();
}

} // namespace td
