#include "scene/overlayitem.h"

#include "document.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace td {

OverlayItem::OverlayItem(TopologyScene *scene, Layer layer) : mScene(scene), mLayer(layer)
{
    setZValue(layer == Layer::Feeds ? -1 : 50);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only the lines that show
}

void OverlayItem::setArea(const QRectF &area)
{
    if (area == mArea)
        return;
    prepareGeometryChange();
    mArea = area;
}

void OverlayItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Document *doc = mScene->document();
    const Topology &t = doc->topology();
    // Zoomed far out (the whole of a large layout): straight, plain lines;
    // a thousand antialiased curves and dashes cost more than every item.
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool plain = detail < kDetailLevel;
    painter->setRenderHint(QPainter::Antialiasing, !plain);
    // A plain line a fraction of a pixel wide: stroked as a polygon that
    // thin, it left a dotted trace of the pixels it happened to cover, at
    // ten thousand instructions a line. Drawn one pixel wide (the fast
    // cosmetic line), in that fraction of its colour, the pixels it crosses
    // show as faint as before; all of one colour in one call.
    // (Twice the fraction it covers, a third at least: as the curves showed.)
    auto plainPen = [detail](const QColor &color, qreal width) { return hairline(color, 2 * width, detail, 0.3); };
    QVector<QLineF> plainLines;
    // Only the lines that cross the exposed area: an edit repaints a few
    // chips, and a thousand feed curves each time would cost a frame.
    const QRectF exposed = option->exposedRect;
    auto shows = [&](const QPointF &a, const QPointF &b, qreal bulge) {
        return exposed.isEmpty()
            || exposed.intersects(QRectF(a, b).normalized().adjusted(-bulge, -bulge, bulge, bulge));
    };
    // A feed curve; when it does not fit in the exposed area, only its
    // chords that meet it: a long curve stroked whole for the few pixels
    // repainted (under a what-if scenario, a rack) costs the whole stroke.
    auto cubic = [&](const QPointF &a, const QPointF &c1, const QPointF &c2, const QPointF &b) {
        QPainterPath path(a);
        path.cubicTo(c1, c2, b);
        if (exposed.isEmpty() || exposed.contains(path.controlPointRect())) {
            painter->drawPath(path);
            return;
        }
        const int chords = std::clamp(static_cast<int>(QLineF(a, b).length() / 12), 8, 256);
        QPainterPath shown;
        QPointF last = a;
        bool open = false;
        for (int i = 1; i <= chords; ++i) {
            const qreal f = static_cast<qreal>(i) / chords; // Bézier parameter
            const qreal u = 1 - f;
            const QPointF next = u * u * u * a + 3 * u * u * f * c1 + 3 * u * f * f * c2 + f * f * f * b;
            if (exposed.intersects(QRectF(last, next).normalized().adjusted(-4, -4, 4, 4))) {
                if (!open)
                    shown.moveTo(last);
                shown.lineTo(next);
                open = true;
            } else {
                open = false;
            }
            last = next;
        }
        if (!shown.isEmpty())
            painter->drawPath(shown);
    };
    auto curve = [&](const QPointF &a, const QPointF &b) {
        if (plain) {
            plainLines.append(QLineF(a, b));
            return;
        }
        const qreal dy = std::max<qreal>(30, std::abs(b.y() - a.y()) / 2);
        cubic(a, a + QPointF(0, dy), b - QPointF(0, dy), b);
    };
    for (int c = 0; mLayer == Layer::Feeds && c < t.circuits.size(); ++c) {
        const ModelItem *circuit = mScene->itemFor(t.circuits.at(c).id.str());
        if (!circuit)
            continue;
        const QColor color = Theme::circuitColor(c);
        const QColor lineColor(color.red(), color.green(), color.blue(), 150);
        painter->setPen(plain ? plainPen(lineColor, 1.6) : QPen(lineColor, 1.6));
        painter->setBrush(Qt::NoBrush);
        plainLines.clear();
        const QPointF from = circuit->mapToScene(QPointF(circuit->size().width() / 2, circuit->size().height()));
        for (int r : doc->index().racksFedBy(c)) {
            const ModelItem *rack = mScene->itemFor(t.racks.at(r).id.str());
            if (!rack)
                continue;
            const QPointF to = rack->mapToScene(QPointF(rack->size().width() * (0.3 + 0.4 * (c % 2)), 0));
            if (shows(from, to, 34))
                curve(from, to);
        }
        for (int h : doc->index().hostsPoweredBy(c)) {
            const ModelItem *host = mScene->itemFor(t.hosts.at(h).id.str());
            if (!host)
                continue;
            const QPointF to = host->mapToScene(QPointF(2, host->size().height() / 2));
            if (!shows(from, to, 64))
                continue;
            if (plain) {
                plainLines.append(QLineF(from, to));
                continue;
            }
            cubic(from, from + QPointF(0, 60), to - QPointF(60, 0), to);
            painter->setBrush(color);
            painter->drawEllipse(to, 3, 3);
            painter->setBrush(Qt::NoBrush);
        }
        if (!plainLines.isEmpty())
            painter->drawLines(plainLines);
    }
    // Broken groups: a dashed line through the members.
    if (mLayer != Layer::Groups)
        return;
    QVector<QLineF> plainErrors; // far out: plain lines of each severity, one call each
    QVector<QLineF> plainWarnings;
    for (const Finding &f : mScene->brokenGroups()) {
        QVector<QPointF> points;
        QRectF span;
        for (const QString &id : f.subjects) {
            const ModelItem *item = mScene->itemFor(id);
            if (item && item->kind() == ObjectKind::Guest && item->isVisible()) {
                points.append(item->mapToScene(QPointF(item->size().width() / 2, item->size().height() / 2)));
                span |= QRectF(points.last(), QSizeF(1, 1));
            }
        }
        if (points.size() < 2)
            continue;
        if (!exposed.isEmpty() && !exposed.intersects(span.adjusted(-8, -40 - span.width() * 0.15, 8, 8)))
            continue;
        if (plain) {
            QVector<QLineF> &lines = f.severity == Severity::Error ? plainErrors : plainWarnings;
            for (int i = 1; i < points.size(); ++i)
                lines.append(QLineF(points.at(i - 1), points.at(i)));
            continue;
        }
        painter->setPen(QPen(Theme::severity(f.severity), 2.4, Qt::DashLine));
        for (int i = 1; i < points.size(); ++i) {
            // An arch over the chips, from top edge to top edge, so that it
            // never crosses their text.
            const QPointF a = points.at(i - 1) - QPointF(0, 14);
            const QPointF b = points.at(i) - QPointF(0, 14);
            const qreal lift = 18 + std::abs(b.x() - a.x()) * 0.15;
            const qreal top = std::min(a.y(), b.y()) - lift;
            QPainterPath path(a);
            path.cubicTo(QPointF(a.x(), top), QPointF(b.x(), top), b);
            painter->drawPath(path);
        }
    }
    // Warnings first: an error's line shows over them.
    for (const auto &[severity, lines] :
         {std::pair{Severity::Warning, &plainWarnings}, std::pair{Severity::Error, &plainErrors}}) {
        if (lines->isEmpty())
            continue;
        painter->setPen(plainPen(Theme::severity(severity), 2.4));
        painter->drawLines(*lines);
    }
}

} // namespace td
