#pragma once

#include <QGraphicsItem>

namespace td {

class TopologyScene;

// The canvas legend: each cluster's colour band with its name, and what the
// pair markers, badges and lines mean.
class LegendItem final : public QGraphicsItem
{
public:
    explicit LegendItem(TopologyScene *scene);
    // Recomputes the size from the document (call after each sync).
    void refresh();
    QRectF boundingRect() const override { return mRect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    TopologyScene *mScene;
    QRectF mRect;
};

} // namespace td
