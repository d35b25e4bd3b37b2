#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QHash>
#include <QPainterPath>
#include <QVector>

namespace td {

class TopologyScene;
class WhatIfState;

// What a what-if scenario does, drawn over the canvas: failed hosts, racks
// and circuits greyed and struck through, guests down in red, guests that
// stay down crossed out, HA restarts as arrows to the host each guest
// restarts on, and the members through which a group survives ("takes over
// as primary"). Takes no clicks.
//
// Applying a scenario must fit in a frame at L: refresh() lays out every
// mark once (scene rectangles, arrow curves, tag texts) and repaints only
// the marks that appeared or went away, an arrow as a chain of small boxes
// along its curve rather than the box between its ends; paint() draws only
// the marks that meet the region being repainted.
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
    // The scene area the last refresh() repainted (tests, benchmarks).
    qreal lastDamageArea() const { return mLastDamage; }
    // How many HA restart arrows the scenario draws: one per host down and
    // host restarted on.
    int arrowCount() const { return static_cast<int>(mArrows.size()); }

    // One thing drawn: its kind, where (scene), and for tags the text and
    // colour. Two equal marks draw the same pixels.
    enum class Look : quint8 { Strike, Down, StaysDown, Survives, Tag };
    struct Mark
    {
        Look look = Look::Strike;
        QRectF rect;    // the element, chip or tag pill
        qreal line = 0; // Strike: the y of the strike-through line
        QString text;   // Tag
        QColor color;   // Tag
        bool operator==(const Mark &o) const
        {
            return look == o.look && rect == o.rect && line == o.line && text == o.text && color == o.color;
        }
    };
    struct Arrow
    {
        QPointF from, control, to;
        int guests = 0;  // restarted along it
        QPolygonF curve; // the curve, flattened: short chords
        QPolygonF head;  // the arrow head at `to`
        QRectF count;    // the "×N" pill (guests > 1)
        QString countText;
        QVector<QRectF> pieces; // boxes covering the curve, then the pill, the head last
    };

private:
    void layOut();
    // Repaints what differs between the marks drawn before and now.
    void damage(const QVector<Mark> &marksBefore, const QVector<Arrow> &arrowsBefore);

    TopologyScene *mScene;
    WhatIfState *mState;
    QRectF mArea;
    QHash<QString, QString> mTags; // guest id -> tag
    QVector<Mark> mMarks;          // in painting order
    QVector<Arrow> mArrows;
    qreal mLastDamage = 0;
    // Tag text fitted to a chip width: (text, width) -> (shown, its width).
    QHash<QPair<QString, int>, QPair<QString, qreal>> mFitted;
};

} // namespace td
