#pragma once

#include <QGraphicsObject>
#include <QHash>

namespace td {

class TopologyScene;
class WhatIfState;

// What a what-if scenario does, drawn over the canvas: failed hosts, racks
// and circuits greyed and struck through, guests down in red, guests that
// stay down crossed out, HA restarts as arrows to the host each guest
// restarts on, and the members through which a group survives ("takes over
// as primary"). Paints only what the scenario names; takes no clicks.
class WhatIfOverlay final : public QGraphicsObject
{
    Q_OBJECT

public:
    WhatIfOverlay(TopologyScene *scene, WhatIfState *state);
    QRectF boundingRect() const override { return mArea; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // The tag drawn by a guest of the scenario ("takes over as primary",
    // "→ esx03", "stays down"), for tests; empty if none.
    QString tagOf(const QString &guestId) const { return mTags.value(guestId); }
    // Rebuilds what to draw from the state's result.
    void refresh();

private:
    // Where the scenario draws: repainting only there keeps applying a
    // scenario at L within a frame (a full repaint of the canvas is not).
    QVector<QRectF> footprint() const;

    TopologyScene *mScene;
    WhatIfState *mState;
    QRectF mArea;
    QHash<QString, QString> mTags; // guest id -> tag
    QVector<QRectF> mFootprint;    // of the scenario drawn last
};

} // namespace td
