#pragma once

#include <QGraphicsItem>

namespace td {

class TopologyScene;

// Lines over the canvas: each circuit to the racks and hosts it feeds, and
// a dashed line between the members of a group whose redundancy is broken.
class OverlayItem final : public QGraphicsItem
{
public:
    enum class Layer { Feeds, Groups };
    OverlayItem(TopologyScene *scene, Layer layer);
    void setArea(const QRectF &area);
    QRectF boundingRect() const override { return mArea; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    TopologyScene *mScene;
    Layer mLayer;
    QRectF mArea;
};

} // namespace td
