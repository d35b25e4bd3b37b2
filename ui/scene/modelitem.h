#pragma once

#include "model/topology.h"

#include <QColor>
#include <QGraphicsObject>

namespace td {

class TopologyScene;

// Below this zoom (level of detail), items draw shapes and colours only:
// text would be unreadable and costs most of the painting time.
constexpr qreal kDetailLevel = 0.45;
// The smallest text drawn zoomed out, in points on screen (about 4 px: the
// host names drawn large at 15-45%, just legible); smaller text would be a
// smear of a pixel or two and is left out.
constexpr qreal kReadablePoints = 3.0;
// Whether text of this size (points at 100%) can be read at a level of detail.
inline bool readableAt(qreal points, qreal detail)
{
    return points * detail >= kReadablePoints;
}
// Zoomed out, a line of this width (at 100%) thinner than a pixel: one
// pixel wide (a cosmetic pen, the raster engine's fast line) in as much of
// its colour as the line covers of a pixel, as it shows antialiased. (A
// pen that thin, stroked without antialiasing, costs far more and leaves
// the pixels it happens to cover.) At least `least` of its colour.
QPen hairline(const QColor &color, qreal width, qreal detail, qreal least = 0);

// Base of the canvas items: one item per model object, holding only its id
// and kind; paint() reads the object from the scene's document. Draws the
// finding badge and the drop tint the scene sets.
class ModelItem : public QGraphicsObject
{
    Q_OBJECT

public:
    ModelItem(ObjectKind kind, QString id, QGraphicsItem *parent = nullptr);

    ObjectKind kind() const { return mKind; }
    const QString &id() const { return mId; }
    void setSize(const QSizeF &size);
    QSizeF size() const { return mSize; }
    QRectF boundingRect() const override;
    // Where its findings badge is drawn (at any zoom): what a badge change
    // repaints.
    virtual QRectF badgeArea() const { return boundingRect(); }
    // The tint shown while something is dragged over this item (invalid = none).
    void setDropTint(const QColor &color);
    QColor dropTint() const { return mDropTint; }

protected:
    // Movable items (racks, circuits) snap to a 10 px grid and commit the
    // move as one undo step on release; every item renames on double-click.
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    // For items dragged with QDrag (guests, hosts): true once the mouse has
    // moved far enough from the press; selects the item if it was not.
    bool dragStarted(QGraphicsSceneMouseEvent *event);
    QPointF pressScreenPos() const { return mPressPos; }

    TopologyScene *topologyScene() const;
    // Paints the badge for this item's findings at the top-right corner of r
    // (its count only where it can be read at this level of detail).
    void paintBadge(QPainter *painter, const QRectF &r, qreal detail = 1) const;
    void paintTint(QPainter *painter, const QRectF &r) const;
    // Zoomed far out: the badge becomes a block of its colour filling r
    // (QPainter::fillRect: zoomed out, antialiasing off, the fastest fill).
    void paintBadgeBlock(QPainter *painter, const QRectF &r) const;
    // The selection outline; zoomed out (detail < kDetailLevel) a plain
    // rectangle at least a pixel wide, so that it shows however far out.
    void paintSelection(QPainter *painter, const QRectF &r, qreal radius, qreal detail = 1) const;
    // That plain outline: a rectangle in the highlight colour, a pen of
    // width (at 100%) but at least a pixel wide on screen.
    void paintPlainSelection(QPainter *painter, const QRectF &outline, qreal width, qreal detail) const;

private:
    ObjectKind mKind;
    QString mId;
    QSizeF mSize;
    QColor mDropTint;
    QPointF mPressPos;
};

} // namespace td
