#include "scene/modelitem.h"

#include "scene/topologyscene.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace td {

QPen hairline(const QColor &color, qreal width, qreal detail, qreal least)
{
    QColor faint = color;
    faint.setAlphaF(color.alphaF() * std::clamp(width * detail, least, 1.0));
    return QPen(faint, 0);
}

ModelItem::ModelItem(ObjectKind kind, QString id, QGraphicsItem *parent)
    : QGraphicsObject(parent), mKind(kind), mId(std::move(id))
{
    setData(0, mId);
}

void ModelItem::setSize(const QSizeF &size)
{
    if (size == mSize)
        return;
    prepareGeometryChange();
    mSize = size;
}

QRectF ModelItem::boundingRect() const
{
    // Room for the badge that sticks out at the top right.
    return QRectF(QPointF(0, 0), mSize).adjusted(-2, -8, 8, 2);
}

void ModelItem::setDropTint(const QColor &color)
{
    if (color == mDropTint)
        return;
    mDropTint = color;
    update();
}

QVariant ModelItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && topologyScene() && (flags() & ItemIsMovable)) {
        const QPointF p = value.toPointF();
        return QPointF(qRound(p.x() / 10) * 10.0, qRound(p.y() / 10) * 10.0);
    }
    if (change == ItemPositionHasChanged && topologyScene())
        topologyScene()->itemMoved();
    return QGraphicsObject::itemChange(change, value);
}

void ModelItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    mPressPos = event->screenPos();
    QGraphicsObject::mousePressEvent(event);
}

void ModelItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsObject::mouseReleaseEvent(event);
    if ((flags() & ItemIsMovable) && topologyScene())
        topologyScene()->commitMovedItems();
}

void ModelItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    topologyScene()->requestRename(mId);
    event->accept();
}

bool ModelItem::dragStarted(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return false;
    if ((event->screenPos() - mPressPos).manhattanLength() < QApplication::startDragDistance())
        return false;
    if (!isSelected()) {
        scene()->clearSelection();
        setSelected(true);
    }
    return true;
}

TopologyScene *ModelItem::topologyScene() const
{
    return static_cast<TopologyScene *>(scene());
}

void ModelItem::paintBadge(QPainter *painter, const QRectF &r, qreal detail) const
{
    const TopologyScene *s = topologyScene();
    if (!s)
        return;
    const auto badge = s->badgeFor(mId);
    if (badge.count == 0)
        return;
    const QColor color = Theme::severity(badge.worst);
    const QString text = badge.count > 99 ? QStringLiteral("99+") : QString::number(badge.count);
    QFont f = painter->font();
    f.setPointSizeF(7);
    f.setBold(true);
    painter->setFont(f);
    const qreal w = std::max<qreal>(16, QFontMetricsF(f).horizontalAdvance(text) + 8);
    const QRectF b(r.right() - w + 6, r.top() - 7, w, 16);
    painter->setPen(QPen(Qt::white, 1.2));
    painter->setBrush(color);
    painter->drawRoundedRect(b, 8, 8);
    if (!readableAt(7, detail))
        return;
    painter->setPen(Qt::white);
    painter->drawText(b, Qt::AlignCenter, text);
}

void ModelItem::paintBadgeBlock(QPainter *painter, const QRectF &r) const
{
    const TopologyScene *s = topologyScene();
    const auto badge = s ? s->badgeFor(mId) : TopologyScene::Badge();
    if (badge.count == 0)
        return;
    painter->fillRect(r, Theme::severity(badge.worst));
}

void ModelItem::paintTint(QPainter *painter, const QRectF &r) const
{
    if (!mDropTint.isValid())
        return;
    painter->setPen(QPen(QColor(mDropTint.red(), mDropTint.green(), mDropTint.blue()), 2.5));
    painter->setBrush(mDropTint);
    painter->drawRoundedRect(r, 4, 4);
}

void ModelItem::paintPlainSelection(QPainter *painter, const QRectF &outline, qreal width, qreal detail) const
{
    // (A pen thinner than a pixel, stroked without antialiasing, left the
    // selection out at fit to view.)
    QPen pen(QGuiApplication::palette().color(QPalette::Highlight), std::max<qreal>(1, width * detail), Qt::SolidLine,
             Qt::SquareCap, Qt::MiterJoin);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(outline);
}

void ModelItem::paintSelection(QPainter *painter, const QRectF &r, qreal radius, qreal detail) const
{
    if (!isSelected())
        return;
    if (detail < kDetailLevel) {
        paintPlainSelection(painter, r.adjusted(-2, -2, 2, 2), 2.5, detail);
        return;
    }
    QPen pen(QGuiApplication::palette().color(QPalette::Highlight), 2.5);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(r.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
}

} // namespace td
