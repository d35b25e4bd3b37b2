#include "panels/minimappanel.h"

#include "document.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/rackitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"

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
        paintOverview(&painter, *scene);
    }
    mPicture = picture;
    update();
}

void MinimapPanel::paintOverview(QPainter *painter, const TopologyScene &scene) const
{
    painter->setTransform(toWidget());
    painter->setPen(Qt::NoPen);
    const Document *doc = scene.document();
    const Topology &t = doc->topology();
    const QColor highlight = palette().color(QPalette::Highlight);
    const auto rectOf = [](const QGraphicsItem *item, const QSizeF &size) { return QRectF(item->scenePos(), size); };
    // The two areas, outlined.
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(Theme::rackFrame(), 0));
    for (const AreaItem *area : {scene.unrackedArea(), scene.unplacedArea()})
        painter->drawRect(area->mapRectToScene(area->boundingRect()));
    painter->setPen(Qt::NoPen);
    // Back to front: racks and circuits, hosts, guests.
    const auto fillFor = [&](const ModelItem *item, const QColor &normal) {
        if (item->isSelected())
            return highlight;
        const TopologyScene::Badge badge = scene.badgeFor(item->id());
        return badge.count > 0 ? Theme::severity(badge.worst) : normal;
    };
    for (const ObjectKind kind : {ObjectKind::Rack, ObjectKind::Circuit, ObjectKind::Host, ObjectKind::Guest}) {
        for (const ModelItem *item : scene.modelItems()) {
            if (item->kind() != kind || !item->isVisible())
                continue;
            const QRectF r = rectOf(item, item->size());
            switch (kind) {
            case ObjectKind::Rack:
                painter->setBrush(item->isSelected() ? highlight : Theme::rackFrame());
                painter->drawRect(r);
                painter->setBrush(Theme::rackFill());
                painter->drawRect(r.adjusted(4, geometry::kRackHeader, -4, -4));
                break;
            case ObjectKind::Host: {
                const int pos = doc->index().host(HostId(item->id()));
                const int cluster = pos >= 0 ? doc->index().cluster(t.hosts.at(pos).cluster) : -1;
                painter->setBrush(Theme::laneFill());
                painter->drawRect(r);
                painter->setBrush(fillFor(item, cluster >= 0 ? Theme::clusterColor(cluster) : Theme::hostFill()));
                painter->drawRect(
                    QRectF(r.topLeft(), QSizeF(std::min<qreal>(r.width(), geometry::kHostBarWidth), r.height())));
                break;
            }
            default:
                painter->setBrush(fillFor(item, kind == ObjectKind::Guest ? Theme::mutedText() : Theme::rackFrame()));
                painter->drawRect(r);
                break;
            }
        }
    }
    painter->resetTransform();
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
