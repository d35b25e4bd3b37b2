#pragma once

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

protected:
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QString fitName(const QFontMetricsF &metrics, qreal width) const;
};

} // namespace td
