#include "scene/hostitem.h"

#include "document.h"
#include "io/names.h"
#include "scene/geometry.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace td {

namespace {

QString shortTraffic(Traffic t)
{
    switch (t) {
    case Traffic::Management: return QStringLiteral("mgmt");
    case Traffic::VMotion: return QStringLiteral("vMo");
    case Traffic::LiveMigration: return QStringLiteral("LM");
    case Traffic::Vm: return QStringLiteral("vm");
    case Traffic::Storage: return QStringLiteral("stor");
    case Traffic::FtLogging: return QStringLiteral("FT");
    case Traffic::Backup: return QStringLiteral("bak");
    case Traffic::None: break;
    }
    return {};
}

} // namespace

HostItem::HostItem(const QString &id, QGraphicsItem *parent) : ModelItem(ObjectKind::Host, id, parent)
{
    setFlag(ItemIsSelectable);
    // The exposed rect: a chip repainted in the lane does not redraw the
    // host's name and NIC labels.
    setFlag(ItemUsesExtendedStyleOption);
    setAcceptHoverEvents(true);
    setZValue(1);
}

void HostItem::setOverflow(const QStringList &ids)
{
    if (ids == mOverflow)
        return;
    const bool countChanged = ids.size() != mOverflow.size();
    mOverflow = ids;
    if (countChanged)
        update(moreRect().adjusted(-2, -2, 2, 2));
}

QRectF HostItem::moreRect() const
{
    if (mOverflow.isEmpty())
        return {};
    const qreal cw = geometry::kChipWidth;
    const qreal laneRight = size().width();
    const qreal laneBottom = size().height() - 1;
    return QRectF(laneRight - cw / 2 - geometry::kChipGap, laneBottom - geometry::kChipHeight - 2, cw / 2,
                  geometry::kChipHeight);
}

void HostItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // "+N": the hidden guests, in a list to pick from or drag from.
    if (event->button() == Qt::LeftButton && moreRect().contains(event->pos())) {
        topologyScene()->showOverflow(id(), event->widget(), event->screenPos());
        event->accept();
        return;
    }
    ModelItem::mousePressEvent(event);
}

QRectF HostItem::badgeArea() const
{
    const QRectF bar(0, 1, geometry::kHostBarWidth - 4, size().height() - 2);
    const QRectF badge(bar.right() - 40, bar.top() - 8, 48, 18); // paintBadge(bar)
    const QRectF block(bar.right() - bar.width() * 0.3, bar.top(), bar.width() * 0.3, bar.height());
    return (badge | block).adjusted(-1, -1, 1, 1);
}

void HostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const TopologyScene *s = topologyScene();
    const Document *doc = s->document();
    const int pos = doc->index().host(HostId(id()));
    if (pos < 0)
        return;
    const Host &h = doc->topology().hosts.at(pos);
    const QRectF all(QPointF(0, 0), size());
    const QRectF bar(0, 1, geometry::kHostBarWidth - 4, size().height() - 2);
    const QRectF lane(geometry::kHostBarWidth, 1, size().width() - geometry::kHostBarWidth, size().height() - 2);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    const int cluster = doc->index().cluster(h.cluster);
    if (detail < kDetailLevel) {
        // Zoomed out: plain rectangles (filled without pen or brush: the
        // same pixels without antialiasing, the fastest fill), the name
        // drawn large enough to read, and colours.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(lane, Theme::laneFill());
        painter->fillRect(bar, Theme::rackFrame());
        painter->fillRect(bar.adjusted(1, 1, -1, -1), Theme::hostFill());
        if (cluster >= 0)
            painter->fillRect(QRectF(bar.left() + 1, bar.top() + 1, 6, bar.height() - 2), Theme::clusterColor(cluster));
        if (detail > 0.15) {
            QFont f = painter->font();
            f.setPointSizeF(8 * 0.4 / detail);
            f.setBold(true);
            painter->setFont(f);
            painter->setPen(Theme::text());
            painter->drawText(bar.adjusted(10, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(f).elidedText(topologyScene()->displayName(id(), h.name), Qt::ElideRight,
                                                          bar.width() - 12));
        }
        paintTint(painter, all.adjusted(0, 1, 0, -1));
        paintSelection(painter, bar, 0, detail);
        paintBadgeBlock(painter, QRectF(bar.right() - bar.width() * 0.3, bar.top(), bar.width() * 0.3, bar.height()));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    // Only the parts in the exposed rect (the rest is clipped anyway).
    const QRectF exposed = option->exposedRect.isEmpty() ? boundingRect() : option->exposedRect;
    const auto shows = [&exposed](const QRectF &part) { return exposed.intersects(part.adjusted(-2, -2, 2, 2)); };

    if (shows(lane)) {
        painter->setPen(QPen(Theme::rackFrame(), 0.6, Qt::DotLine));
        painter->setBrush(Theme::laneFill());
        painter->drawRoundedRect(lane, 3, 3);
    }
    if (shows(bar))
        paintBar(painter, h, bar, cluster);
    if (!mOverflow.isEmpty() && shows(moreRect())) {
        const QRectF more = moreRect();
        QFont f = painter->font();
        painter->setPen(QPen(Theme::rackFrame(), 0.8, Qt::DashLine));
        painter->setBrush(Theme::chipFill());
        painter->drawRoundedRect(more, 5, 5);
        f.setPointSizeF(8);
        f.setBold(true);
        painter->setFont(f);
        painter->setPen(Theme::text());
        painter->drawText(more, Qt::AlignCenter, QStringLiteral("+%1").arg(mOverflow.size()));
    }
    paintTint(painter, all.adjusted(0, 1, 0, -1));
    paintSelection(painter, bar, 3);
    // The badge sits on the bar's top right corner, a little outside it.
    if (shows(badgeArea()))
        paintBadge(painter, bar);
}

void HostItem::paintBar(QPainter *painter, const Host &h, const QRectF &bar, int cluster) const
{
    painter->setPen(QPen(Theme::rackFrame(), 1));
    painter->setBrush(Theme::hostFill());
    painter->drawRoundedRect(bar, 3, 3);
    if (cluster >= 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::clusterColor(cluster));
        painter->drawRoundedRect(QRectF(bar.left() + 1, bar.top() + 1, 6, bar.height() - 2), 2, 2);
    }
    QFont f = painter->font();
    f.setPointSizeF(8);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Theme::text());
    const QRectF nameRect(bar.left() + 11, bar.top() + 1, bar.width() - 16, 14);
    mName.draw(painter, nameRect, topologyScene()->displayName(id(), h.name));
    // NIC ports: a small square each, labelled with its traffic.
    f.setBold(false);
    f.setPointSizeF(6);
    painter->setFont(f);
    qreal x = bar.left() + 11;
    const qreal y = bar.top() + 17;
    for (const Nic &n : h.nics) {
        QStringList parts;
        for (Traffic t : kAllTraffic) {
            if (n.carries(t))
                parts << shortTraffic(t);
        }
        const QString label = parts.isEmpty() ? QStringLiteral("—") : parts.join(QLatin1Char('+'));
        const qreal w = QFontMetricsF(f).horizontalAdvance(label) + 12;
        if (x + w > bar.right() - 2)
            break;
        const bool shared = parts.size() > 1;
        painter->setPen(QPen(Theme::rackFrame(), 0.8));
        painter->setBrush(shared ? QColor(0xf5, 0x9e, 0x0b, 60) : QColor(0x43, 0xa0, 0x47, 50));
        painter->drawRect(QRectF(x, y + 2, 6, 6));
        painter->setPen(Theme::mutedText());
        painter->drawText(QRectF(x + 8, y, w - 8, 10), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w + 2;
    }
}

void HostItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (dragStarted(event))
        topologyScene()->startMoveDrag(event->widget());
}

} // namespace td
