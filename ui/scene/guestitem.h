#pragma once

#include "scene/cachedtext.h"
#include "scene/modelitem.h"

class QFontMetricsF;

namespace td {

// A guest VM as a chip: product icon, name, vCPU/GB; outlined in its group's
// colour, with P/B for a switchover pair's primary and backup. Dragging it
// (with the other selected guests) starts a move.
class GuestItem final : public ModelItem
{
    Q_OBJECT

public:
    explicit GuestItem(const QString &id, QGraphicsItem *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // Whether the group look it last painted is no longer the guest's (a
    // chip never painted has nothing to repaint).
    bool groupLookChanged() const;

protected:
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QString fitName(const QFontMetricsF &metrics, qreal width) const;

    CachedText mName;
    CachedText mDetail;
    bool mPainted = false;
    QColor mPaintedColor;
    QString mPaintedMarker;
};

} // namespace td
