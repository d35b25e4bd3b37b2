#include "whatif/whatifoverlay.h"

#include "document.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "whatif/whatifstate.h"

#include <QGraphicsView>
#include <QPaintEngine>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace td {

namespace {
const QColor kDown(200, 30, 30);
const QColor kSurvives(20, 140, 60);
const QColor kRestart(30, 90, 200);
const QColor kGrey(90, 90, 90, 120);
const QColor kDownFill(200, 30, 30, 70);
constexpr qreal kArrowPen = 2.5;
constexpr qreal kHeadLength = 12;
// An arrow's curve is repainted as boxes this long: a long arrow's box
// from end to end would repaint a large part of the canvas under it.
constexpr qreal kPieceLength = 48;
// The curve is drawn as chords this long (scene units).
constexpr qreal kChordLength = 12;
// Repaints are in tiles of this many pixels.
constexpr int kTile = 32;

QFont tagFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(7.5);
    f.setBold(true);
    return f;
}

QPointF bezier(const QPointF &a, const QPointF &c, const QPointF &b, qreal t)
{
    const qreal u = 1 - t;
    return u * u * a + 2 * u * t * c + t * t * b;
}

// The repainted area of marks and arrows (scene units), for the figures.
qreal areaOf(const QVector<QRectF> &rects)
{
    qreal area = 0;
    for (const QRectF &r : rects)
        area += r.width() * r.height();
    return area;
}

size_t hashOf(const WhatIfOverlay::Mark &m)
{
    return qHashMulti(0, static_cast<int>(m.look), m.rect.x(), m.rect.y(), m.rect.width(), m.rect.height(), m.line,
                      m.text, m.color.rgba());
}

size_t hashOf(const WhatIfOverlay::Arrow &a)
{
    return qHashMulti(0, a.from.x(), a.from.y(), a.control.x(), a.control.y(), a.to.x(), a.to.y(), a.guests);
}

// The region being repainted, in scene coordinates (the overlay sits at the
// scene's origin): the paint engine's system clip is the widget's paint
// region in device coordinates. Empty when unknown (then exposedRect alone
// decides).
QRegion repaintedRegion(QPainter *painter)
{
    const QPaintEngine *engine = painter->paintEngine();
    if (!engine)
        return {};
    const QRegion device = engine->systemClip();
    if (device.isEmpty())
        return {};
    bool invertible = false;
    const QTransform toScene = painter->deviceTransform().inverted(&invertible);
    if (!invertible)
        return {};
    QRegion scene;
    for (const QRect &r : device)
        scene += toScene.mapRect(QRectF(r)).toAlignedRect().adjusted(-1, -1, 1, 1);
    return scene;
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
    const QVector<Mark> marksBefore = mMarks;
    const QVector<Arrow> arrowsBefore = mArrows;
    layOut();
    const QRectF area = r ? mScene->contentRect().adjusted(-100, -100, 100, 100) : QRectF();
    if (area != mArea || isVisible() != (r != nullptr)) {
        prepareGeometryChange();
        mArea = area;
        setVisible(r != nullptr);
        update();
        mLastDamage = area.width() * area.height();
        return;
    }
    damage(marksBefore, arrowsBefore);
}

void WhatIfOverlay::layOut()
{
    mTags.clear();
    if (mFitted.size() > 4096) // a cache, not a record of every name seen
        mFitted.clear();
    mMarks.clear();
    mArrows.clear();
    const ScenarioResult *r = mState->result();
    if (!r)
        return;
    const Topology &t = mScene->document()->topology();
    const TopologyIndex &index = mScene->document()->index();
    auto name = [&](const QString &id) { return mScene->displayName(id, index.nameOf(t, id)); };
    // Where a guest's chip is drawn; null when it has none (behind "+N").
    auto chipAt = [this](const QString &id) {
        const ModelItem *item = mScene->itemFor(id);
        return item && item->isVisible() ? mScene->sceneRectOf(id) : QRectF();
    };

    // Tags: where each restarts, who stays down, who serves now.
    QSet<QString> down;
    for (const GuestId &g : r->guestsDown)
        down.insert(g.str());
    QHash<QString, QColor> tagColors;
    for (const Restart &x : r->restarts) {
        mTags.insert(x.guest.str(), tr("→ %1").arg(name(x.host.str())));
        tagColors.insert(x.guest.str(), kRestart);
    }
    for (const GuestId &g : r->stayDown) {
        mTags.insert(g.str(), tr("stays down"));
        tagColors.insert(g.str(), kDown);
    }
    QVector<QString> survivors; // in group order, drawn in that order
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
            tagColors.insert(member, kSurvives);
            if (!survivors.contains(member))
                survivors << member;
        }
    }

    // Failed elements and hosts down: greyed and struck through.
    auto strike = [&](const QRectF &box, qreal header) {
        if (box.isNull())
            return;
        Mark m;
        m.look = Look::Strike;
        m.rect = box;
        m.line = box.top() + (header > 0 ? header / 2 : box.height() / 2);
        mMarks << m;
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
    auto chipMark = [&](Look look, const QString &id) {
        const QRectF chip = chipAt(id);
        if (chip.isNull())
            return;
        Mark m;
        m.look = look;
        m.rect = chip;
        mMarks << m;
    };
    for (const GuestId &g : r->guestsDown)
        chipMark(Look::Down, g.str());
    for (const GuestId &g : r->stayDown)
        chipMark(Look::StaysDown, g.str());
    for (const QString &id : std::as_const(survivors))
        chipMark(Look::Survives, id);

    // HA restarts: one arrow per host down and host restarted on, from
    // the middle of the chips that go (the host when they are all behind
    // its "+N") to the host; "×N" on it when it carries several guests.
    // Each chip's tag names its own host. (An arrow per guest was hundreds
    // of crossing curves for a rack: unreadable, and most of the repaint.)
    struct Bundle
    {
        QString from, to;
        QPointF sum;
        int chips = 0;
        int guests = 0;
    };
    QVector<Bundle> bundles;
    QHash<QString, int> bundleOf; // "from\nto" -> index in bundles
    for (const Restart &x : r->restarts) {
        const QString host = t.guests.value(index.guest(x.guest)).host.str();
        const QString key = host + QLatin1Char('\n') + x.host.str();
        auto it = bundleOf.constFind(key);
        if (it == bundleOf.cend()) {
            it = bundleOf.insert(key, static_cast<int>(bundles.size()));
            bundles.append(Bundle{host, x.host.str(), {}, 0, 0});
        }
        Bundle &b = bundles[*it];
        ++b.guests;
        const QRectF chip = chipAt(x.guest.str());
        if (!chip.isNull()) {
            b.sum += chip.center();
            ++b.chips;
        }
    }
    for (const Bundle &b : std::as_const(bundles)) {
        const QRectF to = mScene->sceneRectOf(b.to);
        QPointF from = b.chips > 0 ? b.sum / b.chips : mScene->sceneRectOf(b.from).center();
        if (b.chips == 0 && mScene->sceneRectOf(b.from).isNull())
            continue;
        if (to.isNull())
            continue;
        Arrow a;
        a.from = from;
        a.to = QPointF(to.left() + geometry::kHostBarWidth / 2, to.center().y());
        a.guests = b.guests;
        const qreal length = QLineF(a.from, a.to).length();
        a.control = (a.from + a.to) / 2 + QPointF(0, -std::min<qreal>(80, length * 0.2));
        const qreal angle = std::atan2(a.to.y() - a.control.y(), a.to.x() - a.control.x());
        a.head = QPolygonF{a.to,
                           a.to - QPointF(std::cos(angle - 0.45) * kHeadLength, std::sin(angle - 0.45) * kHeadLength),
                           a.to - QPointF(std::cos(angle + 0.45) * kHeadLength, std::sin(angle + 0.45) * kHeadLength)};
        // Chords short enough to look curved; painting strokes only the
        // chords in the repainted region.
        const int chords = std::clamp(static_cast<int>(std::ceil(length / kChordLength)), 1, 256);
        a.curve.reserve(chords + 1);
        for (int i = 0; i <= chords; ++i)
            a.curve << bezier(a.from, a.control, a.to, static_cast<qreal>(i) / chords);
        // Repainted in boxes of a few chords each.
        const int perPiece = std::max(1, static_cast<int>(kPieceLength / kChordLength));
        for (int i = 0; i < chords; i += perPiece) {
            QRectF box;
            for (int j = i; j <= std::min(chords, i + perPiece); ++j)
                box |= QRectF(a.curve.at(j), QSizeF(0.01, 0.01));
            a.pieces << box.adjusted(-4, -4, 4, 4);
        }
        if (a.guests > 1) {
            // "×N" on the curve's middle.
            const QPointF middle = bezier(a.from, a.control, a.to, 0.5);
            a.countText = QStringLiteral("×%1").arg(a.guests);
            a.count = QRectF(middle - QPointF(14, 9), QSizeF(28, 18));
            a.pieces << a.count.adjusted(-2, -2, 2, 2);
        }
        a.pieces << a.head.boundingRect().adjusted(-2, -2, 2, 2);
        mArrows << a;
    }

    // Tags last (over the arrows): white text on a pill under the chip, no
    // wider than the chip (the next chip's tag sits right of it).
    const QFont font = tagFont(mScene->font());
    const QFontMetricsF metrics(font);
    for (auto it = mTags.cbegin(); it != mTags.cend(); ++it) {
        const QRectF chip = chipAt(it.key());
        if (chip.isNull())
            continue;
        Mark m;
        m.look = Look::Tag;
        // A rack's hundreds of tags name a few hosts: shape each text once.
        const auto key = qMakePair(it.value(), qRound(chip.width()));
        auto fitted = mFitted.constFind(key);
        if (fitted == mFitted.cend()) {
            const QString shown = metrics.elidedText(it.value(), Qt::ElideRight, chip.width() - 10);
            fitted = mFitted.insert(key, qMakePair(shown, metrics.horizontalAdvance(shown)));
        }
        m.text = fitted->first;
        m.color = tagColors.value(it.key(), kDown);
        const qreal width = fitted->second + 10;
        m.rect = QRectF(chip.left(), chip.bottom() - 3, std::max(width, 20.0), metrics.height() + 2);
        mMarks << m;
    }
}

void WhatIfOverlay::damage(const QVector<Mark> &marksBefore, const QVector<Arrow> &arrowsBefore)
{
    // Marks drawn both before and now keep their pixels: repaint only the
    // ones that appeared or went away (a second failed element does not
    // repaint the first one's rack).
    QSet<size_t> before;
    QSet<size_t> now;
    for (const Mark &m : marksBefore)
        before.insert(hashOf(m));
    for (const Mark &m : std::as_const(mMarks))
        now.insert(hashOf(m));
    QSet<size_t> arrowsThen;
    QSet<size_t> arrowsNow;
    for (const Arrow &a : arrowsBefore)
        arrowsThen.insert(hashOf(a));
    for (const Arrow &a : std::as_const(mArrows))
        arrowsNow.insert(hashOf(a));
    QVector<QRectF> dirty;
    // Margins: the strike line's and the outlines' pens.
    auto add = [&dirty](const Mark &m) {
        dirty << (m.look == Look::Tag ? m.rect.adjusted(-1, -1, 1, 1) : m.rect.adjusted(-4, -4, 4, 4));
    };
    for (const Mark &m : marksBefore) {
        if (!now.contains(hashOf(m)))
            add(m);
    }
    for (const Mark &m : std::as_const(mMarks)) {
        if (!before.contains(hashOf(m)))
            add(m);
    }
    for (const Arrow &a : arrowsBefore) {
        if (!arrowsNow.contains(hashOf(a)))
            dirty << a.pieces;
    }
    for (const Arrow &a : std::as_const(mArrows)) {
        if (!arrowsThen.contains(hashOf(a)))
            dirty << a.pieces;
    }
    mLastDamage = areaOf(dirty);
    if (dirty.isEmpty())
        return;
    // Straight to each view's viewport, in its pixels, on a grid of tiles:
    // a rack's hundreds of chips, tags and arrow pieces become a few runs of
    // tiles (painting through a clip of hundreds of small rectangles costs
    // more than painting a little more area), and the tiles far from every
    // mark are not repainted (their bounding box would be most of the view).
    // Only the overlay changed: the items need no update of their own.
    for (QGraphicsView *view : mScene->views()) {
        const QRect viewport = view->viewport()->rect();
        if (viewport.isEmpty())
            continue;
        const QTransform toView = view->viewportTransform();
        const int columns = (viewport.width() + kTile - 1) / kTile;
        const int rows = (viewport.height() + kTile - 1) / kTile;
        QVector<bool> touched(static_cast<qsizetype>(columns) * rows, false);
        int count = 0;
        for (const QRectF &r : std::as_const(dirty)) {
            const QRect shown = toView.mapRect(r).toAlignedRect().adjusted(-2, -2, 2, 2) & viewport;
            if (shown.isEmpty())
                continue;
            for (int y = shown.top() / kTile; y <= shown.bottom() / kTile; ++y) {
                for (int x = shown.left() / kTile; x <= shown.right() / kTile; ++x) {
                    bool &tile = touched[static_cast<qsizetype>(y) * columns + x];
                    count += tile ? 0 : 1;
                    tile = true;
                }
            }
        }
        if (count == 0)
            continue;
        QRegion region;
        for (int y = 0; y < rows; ++y) {
            for (int x = 0; x < columns;) {
                if (!touched.at(static_cast<qsizetype>(y) * columns + x)) {
                    ++x;
                    continue;
                }
                const int first = x;
                while (x < columns && touched.at(static_cast<qsizetype>(y) * columns + x))
                    ++x;
                region += QRect(first * kTile, y * kTile, (x - first) * kTile, kTile) & viewport;
            }
        }
        // Most of the box anyway: the box (one clip rectangle).
        const QRect bounds = region.boundingRect();
        if (count * kTile * kTile * 3 > bounds.width() * bounds.height() * 2)
            view->viewport()->update(bounds);
        else
            view->viewport()->update(region);
    }
}

void WhatIfOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (mMarks.isEmpty() && mArrows.isEmpty())
        return;
    // Only what meets the repainted region: a repaint of a few chips does
    // not draw the whole scenario, nor an arrow that merely crosses the
    // bounding box of two far apart repaints.
    const QRectF exposed = option->exposedRect;
    const QRegion region = repaintedRegion(painter);
    auto shows = [&](const QRectF &r) {
        return r.intersects(exposed) && (region.isEmpty() || region.intersects(r.toAlignedRect()));
    };
    const bool detailed = option->levelOfDetailFromTransform(painter->worldTransform()) >= kDetailLevel;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    const QPen strikePen(kDown, 3);
    const QPen downPen(kDown, 3);
    const QPen crossPen(kDown, 3, Qt::SolidLine, Qt::RoundCap);
    const QPen survivesPen(kSurvives, 3);
    bool tags = false;
    for (const Mark &m : std::as_const(mMarks)) {
        switch (m.look) {
        case Look::Strike:
            if (!shows(m.rect.adjusted(-2, -2, 2, 2)))
                break;
            painter->setPen(Qt::NoPen);
            painter->setBrush(kGrey);
            painter->drawRect(m.rect);
            painter->setPen(strikePen);
            painter->drawLine(QPointF(m.rect.left() + 4, m.line), QPointF(m.rect.right() - 4, m.line));
            break;
        case Look::Down:
            if (!shows(m.rect.adjusted(-2, -2, 2, 2)))
                break;
            painter->setPen(downPen);
            painter->setBrush(kDownFill);
            if (detailed)
                painter->drawRoundedRect(m.rect.adjusted(1, 1, -1, -1), 5, 5);
            else
                painter->drawRect(m.rect.adjusted(1, 1, -1, -1));
            break;
        case Look::StaysDown:
            if (!shows(m.rect))
                break;
            painter->setPen(crossPen);
            painter->drawLine(m.rect.topLeft() + QPointF(4, 4), m.rect.bottomRight() - QPointF(4, 4));
            painter->drawLine(m.rect.topRight() + QPointF(-4, 4), m.rect.bottomLeft() + QPointF(4, -4));
            break;
        case Look::Survives:
            if (!shows(m.rect.adjusted(-3, -3, 3, 3)))
                break;
            painter->setPen(survivesPen);
            painter->setBrush(Qt::NoBrush);
            if (detailed)
                painter->drawRoundedRect(m.rect.adjusted(-1, -1, 1, 1), 6, 6);
            else
                painter->drawRect(m.rect.adjusted(-1, -1, 1, 1));
            break;
        case Look::Tag: tags = true; break;
        }
    }
    // HA restarts: the chords of each curve that show, one path; far out
    // as thin cosmetic lines (a pixel or two wide, no antialiasing).
    QPainterPath curves;
    QPainterPath heads;
    for (const Arrow &a : std::as_const(mArrows)) {
        const QRectF &head = a.pieces.constLast();
        if (shows(head)) {
            heads.addPolygon(a.head);
            heads.closeSubpath();
        }
        const int perPiece = std::max(1, static_cast<int>(kPieceLength / kChordLength));
        const int chords = static_cast<int>(a.curve.size()) - 1;
        const int curvePieces = (chords + perPiece - 1) / perPiece;
        if (!detailed) {
            // Far out, chords are a fraction of a pixel: a straight line
            // from end to end reads the same.
            if (std::any_of(a.pieces.cbegin(), a.pieces.cbegin() + curvePieces, shows)) {
                curves.moveTo(a.from);
                curves.lineTo(a.to);
            }
            continue;
        }
        bool open = false; // a run of visible chords goes on
        for (int piece = 0; piece < curvePieces; ++piece) {
            if (!shows(a.pieces.at(piece))) {
                open = false;
                continue;
            }
            const int first = piece * perPiece;
            const int last = std::min(chords, first + perPiece);
            if (!open)
                curves.moveTo(a.curve.at(first));
            for (int i = first + 1; i <= last; ++i)
                curves.lineTo(a.curve.at(i));
            open = true;
        }
    }
    if (!curves.isEmpty()) {
        QPen pen(kRestart, detailed ? kArrowPen : 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        pen.setCosmetic(!detailed);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(curves);
    }
    if (!heads.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(kRestart);
        painter->drawPath(heads);
    }
    // How many guests an arrow carries.
    if (detailed) {
        painter->setFont(tagFont(mScene->font()));
        for (const Arrow &a : std::as_const(mArrows)) {
            if (a.countText.isEmpty() || !shows(a.count))
                continue;
            painter->setPen(QPen(Qt::white, 1.5));
            painter->setBrush(kRestart);
            painter->drawRoundedRect(a.count, 9, 9);
            painter->drawText(a.count, Qt::AlignCenter, a.countText);
        }
    }
    // Tags last, over the arrows; zoomed far out their text would be a few
    // pixels: the pill's colour says it.
    if (!tags)
        return;
    painter->setFont(tagFont(mScene->font()));
    for (const Mark &m : std::as_const(mMarks)) {
        if (m.look != Look::Tag || !shows(m.rect.adjusted(-1, -1, 1, 1)))
            continue;
        painter->setPen(Qt::NoPen);
        painter->setBrush(m.color);
        if (!detailed) {
            painter->drawRect(m.rect);
            continue;
        }
        painter->drawRoundedRect(m.rect, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(m.rect, Qt::AlignCenter, m.text);
    }
}

} // namespace td
