#include "scene/guestitem.h"

#include "catalog/catalog.h"
#include "document.h"
#include "scene/geometry.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace td {

GuestItem::GuestItem(const QString &id, QGraphicsItem *parent) : ModelItem(ObjectKind::Guest, id, parent)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(2);
    setSize(QSizeF(geometry::kChipWidth, geometry::kChipHeight));
    setCursor(Qt::OpenHandCursor);
}

bool GuestItem::groupLookChanged() const
{
    if (!mPainted)
        return false;
    const auto look = topologyScene()->groupLookFor(id());
    return look.color != mPaintedColor || look.marker != mPaintedMarker;
}

void GuestItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const TopologyScene *s = topologyScene();
    const Document *doc = s->document();
    const int pos = doc->index().guest(GuestId(id()));
    if (pos < 0)
        return;
    const Guest &g = doc->topology().guests.at(pos);
    const QRectF r(QPointF(0, 0), size());
    const auto groupLook = s->groupLookAt(pos);
    mPainted = true;
    mPaintedColor = groupLook.color;
    mPaintedMarker = groupLook.marker;
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < kDetailLevel) {
        // Zoomed far out: text would be a few pixels; the shape and the
        // finding colour are what can be seen, as plain rectangles (a
        // thousand antialiased rounded chips cost a frame at fit to view),
        // filled without a pen or brush to set up (the same pixels as a
        // rectangle without antialiasing, at a fraction of the cost).
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(r.adjusted(1, 1, -1, -1), groupLook.color.isValid() ? groupLook.color : Theme::rackFrame());
        painter->fillRect(r.adjusted(3, 3, -3, -3), Theme::chipFill());
        paintBadgeBlock(painter, r.adjusted(r.width() * 0.6, 3, -3, -3));
        if (isSelected())
            paintPlainSelection(painter, r.adjusted(-1, -1, 1, 1), 3, detail);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(groupLook.color.isValid() ? QPen(groupLook.color, 2.2) : QPen(Theme::rackFrame(), 0.8));
    painter->setBrush(Theme::chipFill());
    painter->drawRoundedRect(r.adjusted(1, 1, -1, -1), 5, 5);
    Theme::icon(g.product).paint(painter, QRect(4, 6, 16, 16));
    QFont f = painter->font();
    f.setBold(true);
    painter->setPen(Theme::text());
    const qreal textLeft = 23;
    const qreal textRight = r.width() - (groupLook.marker.isEmpty() ? 4 : 17);
    if (s->isCompact()) {
        // Compact (projector) view: the name alone, large.
        f.setPointSizeF(geometry::kCompactChipNamePoints);
        painter->setFont(f);
        const QRectF nameRect(textLeft, 0, textRight - textLeft, r.height());
        mName.draw(painter, nameRect, fitName(QFontMetricsF(f), nameRect.width()));
    } else {
        f.setPointSizeF(geometry::kChipNamePoints);
        painter->setFont(f);
        const QRectF nameRect(textLeft, 2, r.width() - textLeft - 10, 13);
        mName.draw(painter, nameRect, fitName(QFontMetricsF(f), nameRect.width()));
        f.setBold(false);
        f.setPointSizeF(7);
        painter->setFont(f);
        painter->setPen(Theme::mutedText());
        QString figures = QStringLiteral("%1 vCPU · %2 GB").arg(g.vcpu).arg(g.memoryGb);
        if (g.ft)
            figures += QStringLiteral(" · FT");
        mDetail.draw(painter, QRectF(textLeft, 14, textRight - textLeft, 12), figures);
    }
    if (!groupLook.marker.isEmpty()) {
        const QRectF m(r.right() - 15, r.bottom() - 15, 12, 12); // the badge takes the top corner
        painter->setPen(Qt::NoPen);
        painter->setBrush(groupLook.color);
        painter->drawEllipse(m);
        f.setPointSizeF(6.5);
        f.setBold(true);
        painter->setFont(f);
        painter->setPen(Qt::white);
        painter->drawText(m, Qt::AlignCenter, groupLook.marker);
    }
    paintSelection(painter, r, 5);
    paintBadge(painter, r);
}

QString GuestItem::fitName(const QFontMetricsF &metrics, qreal width) const
{
    // The guest's name, or its label while names are hidden (the short one
    // when the label does not fit).
    const TopologyScene *s = topologyScene();
    const int pos = s->document()->index().guest(GuestId(id()));
    const QString name = pos >= 0 ? s->document()->topology().guests.at(pos).name : QString();
    const QString shown = s->displayName(id(), name);
    if (!s->hidesNames() || metrics.horizontalAdvance(shown) <= width)
        return shown;
    return s->shortDisplayName(id(), name);
}

void GuestItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (dragStarted(event))
        topologyScene()->startMoveDrag(event->widget());
}

} // namespace td
