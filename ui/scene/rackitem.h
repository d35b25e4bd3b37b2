#pragma once

#include "scene/cachedtext.h"
#include "scene/modelitem.h"

namespace td {

// A rack elevation: title bar, unit numbers, and its hosts as children.
// Moved by dragging; the move is one undo step when released.
class RackItem final : public ModelItem
{
    Q_OBJECT

public:
    explicit RackItem(const QString &id, QGraphicsItem *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    int units() const { return mUnits; }
    // The rack's units, and where they are drawn: every unit a full
    // kUnitHeight, or (compact) each run of units not in occupied (index =
    // unit number) collapsed into one kCollapsedRun band.
    void setUnits(int units, const QVector<bool> &occupied = {}, bool compact = false);
    // Where a unit is drawn: its top and bottom edge (item coordinates).
    qreal unitTop(int unit) const { return mEdges.at(mUnits - unit); }
    qreal unitBottom(int unit) const { return mEdges.at(mUnits - unit + 1); }
    // The rack unit at a scene y, or 0 outside the units.
    int unitAt(qreal sceneY) const;
    // The unit highlighted as a drop target (0 = none) and its height.
    void setDropUnits(int lowest, int height, const QColor &color);

private:
    int mUnits = 0;
    QVector<qreal> mEdges{0}; // y of the top of units mUnits, mUnits-1, ..., 1, then the bottom of unit 1
    int mDropLowest = 0;
    int mDropHeight = 0;
    QColor mDropColor;
    CachedText mTitle; // the header's name, laid out once per zoom
};

// A power circuit: a bar on the canvas, moved by dragging; drag its plug
// (the round handle) onto a rack or host to feed it.
class CircuitItem final : public ModelItem
{
    Q_OBJECT

public:
    explicit CircuitItem(const QString &id, QGraphicsItem *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF plugRect() const;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    // The name in the bar, beside its icon (bold 8.5 pt).
    void paintName(QPainter *painter, const QRectF &r, const QString &name);

    bool mPlugDrag = false;
    CachedText mName; // laid out once
};

// A labelled area of the canvas: "Unracked hosts", "Unplaced guests".
class AreaItem final : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class Kind { UnrackedHosts, UnplacedGuests };
    AreaItem(Kind kind, const QString &title);
    Kind kind() const { return mKind; }
    void setSize(const QSizeF &size);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void setDropTint(const QColor &color);

private:
    Kind mKind;
    QString mTitle;
    QSizeF mSize;
    QColor mDropTint;
};

} // namespace td
