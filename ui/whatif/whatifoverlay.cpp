#include "whatif/whatifoverlay.h"

#include "document.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "theme.h"
#include "whatif/whatifstate.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace td {

namespace {
const QColor kDown(200, 30, 30);
const QColor kSurvives(20, 140, 60);
const QColor kRestart(30, 90, 200);

// An arrow from a to b with its head at b.
void drawArrow(QPainter *painter, const QPointF &a, const QPointF &b, const QColor &color)
{
    painter->setPen(QPen(color, 2.5, Qt::SolidLine, Qt::RoundCap));
    QPainterPath path(a);
    const QPointF mid = (a + b) / 2 + QPointF(0, -std::min<qreal>(80, QLineF(a, b).length() * 0.2));
    path.quadTo(mid, b);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    const qreal angle = std::atan2(b.y() - mid.y(), b.x() - mid.x());
    const QPointF p1 = b - QPointF(std::cos(angle - 0.45) * 12, std::sin(angle - 0.45) * 12);
    const QPointF p2 = b - QPointF(std::cos(angle + 0.45) * 12, std::sin(angle + 0.45) * 12);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{b, p1, p2});
}

// A tag under a chip: white text on a coloured pill.
void drawTag(QPainter *painter, const QRectF &chip, const QString &text, const QColor &color)
{
    QFont f = painter->font();
    f.setPointSizeF(7.5);
    f.setBold(true);
    painter->setFont(f);
    const QFontMetricsF metrics(f);
    // No wider than the chip: the next chip's tag sits right of it.
    const QString shown = metrics.elidedText(text, Qt::ElideRight, chip.width() - 10);
    const qreal width = metrics.horizontalAdvance(shown) + 10;
    const QRectF pill(chip.left(), chip.bottom() - 3, std::max(width, 20.0), metrics.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(pill, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, shown);
}
} // namespace

WhatIfOverlay::WhatIfOverlay(TopologyScene *scene, WhatIfState *state) : mScene(scene), mState(state)
{
    setZValue(40);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect
    setVisible(false);
    scene->addItem(this);
}

void WhatIfOverlay::refresh()
{
    const ScenarioResult *r = mState->result();
    mTags.clear();
    if (r) {
        const Topology &t = mScene->document()->topology();
        const TopologyIndex &index = mScene->document()->index();
        auto name = [&](const QString &id) { return mScene->displayName(id, index.nameOf(t, id)); };
        for (const Restart &x : r->restarts)
            mTags.insert(x.guest.str(), tr("→ %1").arg(name(x.host.str())));
        for (const GuestId &g : r->stayDown)
            mTags.insert(g.str(), tr("stays down"));
        // Groups that survive through a member: who serves now.
        QSet<QString> down;
        for (const GuestId &g : r->guestsDown)
            down.insert(g.str());
        for (const GroupId &gid : r->groupsDegraded) {
            const int pos = index.group(gid);
            if (pos < 0)
                continue;
            const Group &g = t.groups.at(pos);
            for (int i = 0; i < g.members.size(); ++i) {
                const QString member = g.members.at(i).str();
                if (down.contains(member))
                    continue;
                if (g.kind == GroupKind::Switchover)
                    mTags.insert(member, i == 0 ? tr("primary, runs alone") : tr("takes over as primary"));
                else
                    mTags.insert(member, tr("pool serves"));
            }
        }
    }
    const QRectF area = r ? mScene->contentRect().adjusted(-100, -100, 100, 100) : QRectF();
    const QVector<QRectF> before = mFootprint;
    mFootprint = footprint();
    if (area != mArea || isVisible() != (r != nullptr)) {
        prepareGeometryChange();
        mArea = area;
        setVisible(r != nullptr);
        update();
        return;
    }
    for (const QRectF &dirty : before)
        update(dirty);
    for (const QRectF &dirty : std::as_const(mFootprint))
        update(dirty);
}

QVector<QRectF> WhatIfOverlay::footprint() const
{
    QVector<QRectF> rects;
    const ScenarioResult *r = mState->result();
    if (!r)
        return rects;
    const Topology &t = mScene->document()->topology();
    const TopologyIndex &index = mScene->document()->index();
    for (const QString &id : mState->failed())
        rects << mScene->sceneRectOf(id).adjusted(-4, -4, 4, 4);
    for (const HostId &h : r->hostsDown)
        rects << mScene->sceneRectOf(h.str()).adjusted(-4, -4, 4, 4);
    // Chips and their tags (below the chip, as wide as it).
    for (auto it = mTags.cbegin(); it != mTags.cend(); ++it)
        rects << mScene->sceneRectOf(it.key()).adjusted(-4, -4, 4, 24);
    for (const GuestId &g : r->guestsDown)
        rects << mScene->sceneRectOf(g.str()).adjusted(-4, -4, 4, 24);
    // Arrows: the box between the chip and the host, and the curve's rise.
    for (const Restart &x : r->restarts) {
        QRectF from = mScene->sceneRectOf(x.guest.str());
        if (from.isNull())
            from = mScene->sceneRectOf(t.guests.value(index.guest(x.guest)).host.str());
        const QRectF to = mScene->sceneRectOf(x.host.str());
        rects << QRectF(from.center(), QPointF(to.left() + geometry::kHostBarWidth / 2, to.center().y()))
                     .normalized()
                     .adjusted(-16, -96, 16, 16);
    }
    return rects;
}

void WhatIfOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const ScenarioResult *r = mState->result();
    if (!r)
        return;
    // Only what meets the exposed area: a repaint of a few chips does not
    // draw the whole scenario.
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 24);
    painter->setRenderHint(QPainter::Antialiasing);
    const Topology &t = mScene->document()->topology();
    const TopologyIndex &index = mScene->document()->index();
    // Where a guest's chip is drawn; null when it has none (behind "+N").
    auto chipAt = [this](const QString &id) {
        const ModelItem *item = mScene->itemFor(id);
        return item && item->isVisible() ? mScene->sceneRectOf(id) : QRectF();
    };
    // The same, when it meets the exposed area.
    auto chipOf = [&](const QString &id) {
        const QRectF box = chipAt(id);
        return box.intersects(exposed) ? box : QRectF();
    };
    // Failed elements and hosts down: greyed and struck through.
    auto strike = [&](const QRectF &box, qreal header) {
        if (box.isNull() || !box.intersects(exposed))
            return;
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(90, 90, 90, 120));
        painter->drawRect(box);
        painter->setPen(QPen(kDown, 3));
        const qreal y = box.top() + (header > 0 ? header / 2 : box.height() / 2);
        painter->drawLine(QPointF(box.left() + 4, y), QPointF(box.right() - 4, y));
    };
    for (const QString &id : mState->failed()) {
        if (index.rack(RackId(id)) >= 0)
            strike(mScene->sceneRectOf(id), geometry::kRackHeader);
        else if (index.circuit(CircuitId(id)) >= 0)
            strike(mScene->sceneRectOf(id), 0);
    }
    for (const HostId &h : r->hostsDown) {
        const QRectF box = mScene->sceneRectOf(h.str());
        strike(box, std::min<qreal>(geometry::kUnitHeight, box.height()));
    }
    // Guests down: red; those that stay down crossed out.
    for (const GuestId &g : r->guestsDown) {
        const QRectF chip = chipOf(g.str());
        if (chip.isNull())
            continue;
        painter->setPen(QPen(kDown, 3));
        painter->setBrush(QColor(kDown.red(), kDown.green(), kDown.blue(), 70));
        painter->drawRoundedRect(chip.adjusted(1, 1, -1, -1), 5, 5);
    }
    for (const GuestId &g : r->stayDown) {
        const QRectF chip = chipOf(g.str());
        if (chip.isNull())
            continue;
        painter->setPen(QPen(kDown, 3, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(chip.topLeft() + QPointF(4, 4), chip.bottomRight() - QPointF(4, 4));
        painter->drawLine(chip.topRight() + QPointF(-4, 4), chip.bottomLeft() + QPointF(4, -4));
    }
    // Members through which a group survives: green.
    for (auto it = mTags.cbegin(); it != mTags.cend(); ++it) {
        if (index.guest(GuestId(it.key())) < 0)
            continue;
        const bool survives = !r->guestsDown.contains(GuestId(it.key()));
        if (!survives)
            continue;
        const QRectF chip = chipOf(it.key());
        if (chip.isNull())
            continue;
        painter->setPen(QPen(kSurvives, 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(chip.adjusted(-1, -1, 1, 1), 6, 6);
    }
    // HA restarts: an arrow from the guest to the host it restarts on.
    for (const Restart &x : r->restarts) {
        QRectF from = chipAt(x.guest.str());
        if (from.isNull()) // behind its host's "+N": from the host
            from = mScene->sceneRectOf(t.guests.value(index.guest(x.guest)).host.str());
        const QRectF to = mScene->sceneRectOf(x.host.str());
        if (from.isNull() || to.isNull())
            continue;
        const QPointF target(to.left() + geometry::kHostBarWidth / 2, to.center().y());
        if (!QRectF(from.center(), target).normalized().adjusted(-16, -96, 16, 16).intersects(exposed))
            continue;
        drawArrow(painter, from.center(), target, kRestart);
    }
    // Tags last, over the arrows.
    for (auto it = mTags.cbegin(); it != mTags.cend(); ++it) {
        const QRectF chip = chipOf(it.key());
        if (chip.isNull())
            continue;
        const bool restart = std::any_of(r->restarts.cbegin(), r->restarts.cend(),
                                         [&](const Restart &x) { return x.guest.str() == it.key(); });
        const bool survives = !r->guestsDown.contains(GuestId(it.key()));
        drawTag(painter, chip, it.value(), survives ? kSurvives : restart ? kRestart : kDown);
    }
}

} // namespace td
