#include "panels/minimappanel.h"

#include "document.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/rackitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"

#include <QHash>
#include <QMouseEvent>
#include <QPainter>

#include <array>

namespace td {

MinimapPanel::MinimapPanel(TopologyView *mainView, QWidget *parent) : QWidget(parent), mMain(mainView)
{
    setMinimumSize(160, 120);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    mRedraw.setSingleShot(true);
    mRedraw.setParent(this); // found by name (bench_window keeps it out of callgrind counts)
    mRedraw.setObjectName(QStringLiteral("minimapRedraw"));
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
    // The two areas, outlined.
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(Theme::rackFrame(), 0));
    for (const AreaItem *area : {scene.unrackedArea(), scene.unplacedArea()})
        painter->drawRect(area->mapRectToScene(area->boundingRect()));
    painter->setPen(Qt::NoPen);
    // Back to front: racks and circuits, hosts, guests. Objects of one kind
    // never overlap, so each layer's rectangles are gathered by colour and
    // drawn in one call per colour: a drawRect per item (about 4,000 at L)
    // cost more than the rest of an edit's repaint.
    const auto fillFor = [&](const ModelItem *item, const QColor &normal) {
        if (item->isSelected())
            return highlight;
        const TopologyScene::Badge badge = scene.badgeFor(item->id());
        return badge.count > 0 ? Theme::severity(badge.worst) : normal;
    };
    const QColor rackFrame = Theme::rackFrame();
    const QColor rackFill = Theme::rackFill();
    const QColor laneFill = Theme::laneFill();
    const QColor hostFill = Theme::hostFill();
    const QColor guestFill = Theme::mutedText();
    enum Layer { RackFrames, RackFills, Circuits, Lanes, Bars, Guests, LayerCount };
    // Per layer: colour (as RGBA) -> its rectangles, in the order met.
    std::array<QHash<QRgb, QVector<QRectF>>, LayerCount> layers;
    const auto add = [&layers](Layer layer, const QColor &color, const QRectF &r) {
        layers[layer][color.rgba()].append(r);
    };
    for (const ModelItem *item : scene.modelItems()) {
        if (!item->isVisible())
            continue;
        const QRectF r(item->scenePos(), item->size());
        switch (item->kind()) {
        case ObjectKind::Rack:
            add(RackFrames, item->isSelected() ? highlight : rackFrame, r);
            add(RackFills, rackFill, r.adjusted(4, geometry::kRackHeader, -4, -4));
            break;
        case ObjectKind::Circuit: add(Circuits, fillFor(item, rackFrame), r); break;
        case ObjectKind::Host: {
            const int pos = doc->index().host(HostId(item->id()));
            const int cluster = pos >= 0 ? doc->index().cluster(t.hosts.at(pos).cluster) : -1;
            add(Lanes, laneFill, r);
            add(Bars, fillFor(item, cluster >= 0 ? Theme::clusterColor(cluster) : hostFill),
                QRectF(r.topLeft(), QSizeF(std::min<qreal>(r.width(), geometry::kHostBarWidth), r.height())));
            break;
        }
        case ObjectKind::Guest: add(Guests, fillFor(item, guestFill), r); break;
        default: break;
        }
    }
    for (const auto &layer : layers) {
        for (auto it = layer.cbegin(); it != layer.cend(); ++it) {
            painter->setBrush(QColor::fromRgba(it.key()));
            painter->drawRects(it.value().constData(), static_cast<int>(it.value().size()));
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
