#pragma once

#include "model/topology.h"
#include "scene/cachedtext.h"
#include "scene/modelitem.h"

namespace td {

// A host: its front in the rack elevation (name, cluster band, NIC ports
// labelled with their traffic) and a lane holding its guests' chips.
// Dragging the front moves the host (and the other selected hosts).
class HostItem final : public ModelItem
{
    Q_OBJECT

public:
    explicit HostItem(const QString &id, QGraphicsItem *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // Guests (ids) that do not fit the lane, shown as a "+N" chip.
    void setOverflow(const QStringList &ids);
    const QStringList &overflow() const { return mOverflow; }
    // The "+N" chip, in item coordinates (empty without hidden guests).
    QRectF moreRect() const;
    // The badge on the front's top right corner, or its block zoomed out.
    QRectF badgeArea() const override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;

private:
    // The front: frame, cluster band, name, NIC ports.
    void paintBar(QPainter *painter, const Host &h, const QRectF &bar, int cluster) const;

    QStringList mOverflow;
    mutable CachedText mName; // the bar's name, laid out once (paintBar is const)
};

} // namespace td
