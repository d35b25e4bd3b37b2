#include "scene/rackitem.h"

#include "document.h"
#include "scene/geometry.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace td {

RackItem::RackItem(const QString &id, QGraphicsItem *parent) : ModelItem(ObjectKind::Rack, id, parent)
{
    // The exposed rect: a chip or lane repainted over the rack redraws only
    // the units around it, not all 42 numbers and lines.
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges | ItemUsesExtendedStyleOption);
    setZValue(0);
}

void RackItem::setUnits(int units, const QVector<bool> &occupied, bool compact)
{
    // The one place that says where a unit is drawn: hosts, drop cues and
    // unit numbers all follow mEdges.
    QVector<qreal> edges;
    edges.reserve(units + 1);
    qreal y = geometry::kRackHeader;
    edges << y;
    auto isOccupied = [&](int u) { return u < occupied.size() && occupied.at(u); };
    for (int u = units; u >= 1;) {
        if (!compact || isOccupied(u)) {
            y += geometry::kUnitHeight;
            edges << y;
            --u;
            continue;
        }
        // A run of empty units shares one thin band (so that a drop there
        // still reaches every unit of it).
        int low = u;
        while (low > 1 && !isOccupied(low - 1))
            --low;
        const int run = u - low + 1;
        for (int k = 1; k <= run; ++k)
            edges << y + geometry::kCollapsedRun * k / run;
        y += geometry::kCollapsedRun;
        u = low - 1;
    }
    if (units == mUnits && edges == mEdges)
        return;
    mUnits = units;
    mEdges = edges;
    setSize(QSizeF(geometry::kRackWidth, y + 6));
    update();
}

int RackItem::unitAt(qreal sceneY) const
{
    const qreal y = mapFromScene(QPointF(0, sceneY)).y();
    if (mUnits <= 0 || y < mEdges.first() || y >= mEdges.last())
        return 0;
    const auto it = std::upper_bound(mEdges.cbegin(), mEdges.cend(), y);
    return mUnits - static_cast<int>(it - mEdges.cbegin() - 1);
}

void RackItem::setDropUnits(int lowest, int height, const QColor &color)
{
    mDropLowest = lowest;
    mDropHeight = height;
    mDropColor = color;
    update();
}

void RackItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Document *doc = topologyScene()->document();
    const int pos = doc->index().rack(RackId(id()));
    if (pos < 0)
        return;
    const Rack &rack = doc->topology().racks.at(pos);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    // What needs drawing: rows outside it are left alone (clipped anyway).
    const QRectF exposed = option->exposedRect.isEmpty() ? boundingRect() : option->exposedRect;
    const auto rows = [&exposed](qreal top, qreal bottom) {
        return bottom >= exposed.top() && top <= exposed.bottom();
    };
    painter->setRenderHint(QPainter::Antialiasing, detail >= kDetailLevel); // plain shapes zoomed out
    const QRectF r(QPointF(0, 0), size());
    const QRectF header(0, 0, r.width(), geometry::kRackHeader);
    if (detail >= kDetailLevel) {
        painter->setPen(QPen(Theme::rackFrame(), 2));
        painter->setBrush(Theme::rackFill());
        painter->drawRoundedRect(r, 4, 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::rackFrame());
        painter->drawRoundedRect(header, 4, 4);
    } else {
        // Zoomed out, plain fills (the raster engine's fastest, over a good
        // part of the view at fit); the 2 px frame is under a pixel (stroked
        // that thin it cost more than the rest of the rack): a one-pixel
        // edge in as much of its colour as it covers of a pixel.
        painter->fillRect(r, Theme::rackFill());
        const QColor edge = hairline(Theme::rackFrame(), 2, detail).color();
        const qreal pixel = 1 / detail;
        painter->fillRect(QRectF(0, 0, r.width(), pixel), edge);
        painter->fillRect(QRectF(0, r.height() - pixel, r.width(), pixel), edge);
        painter->fillRect(QRectF(0, pixel, pixel, r.height() - 2 * pixel), edge);
        painter->fillRect(QRectF(r.width() - pixel, pixel, pixel, r.height() - 2 * pixel), edge);
        painter->fillRect(header, Theme::rackFrame());
    }
    QFont f = painter->font();
    const qreal titlePoints = detail < kDetailLevel ? 9.5 / std::max<qreal>(detail, 0.12) * 0.35 : 9.5;
    f.setPointSizeF(titlePoints);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Qt::white);
    const bool headerExposed = rows(header.top(), header.bottom());
    // (Farther out than that, the title would be a smear of a pixel or two.)
    if (headerExposed && readableAt(titlePoints, detail))
        mTitle.draw(painter, header.adjusted(10, 0, -60, 0), topologyScene()->displayName(id(), rack.name));
    if (detail < kDetailLevel) {
        // Zoomed far out: the title (drawn large enough to read), no units.
        paintTint(painter, r);
        paintSelection(painter, r, 4, detail);
        paintBadge(painter, header, detail);
        return;
    }
    f.setBold(false);
    f.setPointSizeF(7.5);
    painter->setFont(f);
    if (headerExposed) {
        QStringList feeds;
        for (const CircuitId &c : rack.circuits) {
            const int cp = doc->index().circuit(c);
            if (cp >= 0)
                feeds << topologyScene()->displayName(c.str(), doc->topology().circuits.at(cp).name);
        }
        painter->drawText(header.adjusted(0, 0, -28, 0), Qt::AlignRight | Qt::AlignVCenter,
                          feeds.isEmpty() ? tr("no power data") : feeds.join(QStringLiteral(" + ")));
    }
    // Unit numbers and lines.
    f.setPointSizeF(6.5);
    painter->setFont(f);
    for (int u = mUnits; u >= 1; --u) {
        const qreal y = unitTop(u);
        if (unitBottom(u) - y >= geometry::kUnitHeight) {
            if (!rows(y, unitBottom(u)))
                continue;
            painter->setPen(Theme::mutedText());
            painter->drawText(QRectF(2, y, geometry::kUnitLabelWidth - 4, geometry::kUnitHeight), Qt::AlignCenter,
                              QString::number(u));
            // A 0.3 px line, as the rect it covers: stroking a thin pen
            // costs a hundred times as much.
            painter->fillRect(QRectF(geometry::kUnitLabelWidth - 0.15, y - 0.15,
                                     r.width() - 4 - geometry::kUnitLabelWidth + 0.3, 0.3),
                              Theme::rackFrame());
            continue;
        }
        // A collapsed run of empty units: one band saying which.
        int low = u;
        while (low > 1 && unitBottom(low - 1) - unitTop(low - 1) < geometry::kUnitHeight)
            --low;
        const QRectF band(geometry::kUnitLabelWidth, y, r.width() - 4 - geometry::kUnitLabelWidth, unitBottom(low) - y);
        if (!rows(band.top(), band.bottom())) {
            u = low;
            continue;
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(QBrush(Theme::rackFrame(), Qt::BDiagPattern));
        painter->drawRect(band);
        const QString text = low == u ? tr("U%1 empty").arg(u) : tr("U%1-%2 empty").arg(low).arg(u);
        const qreal textWidth = QFontMetricsF(painter->font()).horizontalAdvance(text) + 8;
        const QRectF label(band.center().x() - textWidth / 2, band.top(), textWidth, band.height());
        painter->setBrush(Theme::rackFill());
        painter->drawRect(label);
        painter->setPen(Theme::mutedText());
        painter->drawText(label.adjusted(0, -2, 0, 2), Qt::AlignCenter, text);
        u = low;
    }
    if (mDropLowest > 0 && mDropLowest + mDropHeight - 1 <= mUnits) {
        const qreal top = unitTop(mDropLowest + mDropHeight - 1);
        painter->setPen(QPen(QColor(mDropColor.red(), mDropColor.green(), mDropColor.blue()), 2));
        painter->setBrush(mDropColor);
        painter->drawRect(QRectF(geometry::kUnitLabelWidth, top, geometry::kHostWidth, unitBottom(mDropLowest) - top));
    }
    paintTint(painter, r);
    paintSelection(painter, r, 4);
    paintBadge(painter, header);
}

CircuitItem::CircuitItem(const QString &id, QGraphicsItem *parent) : ModelItem(ObjectKind::Circuit, id, parent)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setSize(QSizeF(geometry::kCircuitWidth, geometry::kCircuitHeight));
    setZValue(1);
}

QRectF CircuitItem::plugRect() const
{
    return QRectF(size().width() - 24, 6, 18, 18);
}

void CircuitItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Document *doc = topologyScene()->document();
    const int pos = doc->index().circuit(CircuitId(id()));
    if (pos < 0)
        return;
    const QRectF r(QPointF(0, 0), size());
    const QColor color = Theme::circuitColor(pos);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < kDetailLevel) {
        // Zoomed out: the bar as plain shapes in its colours, its name while
        // it can be read, no icon. Antialiased, its colour band and plug
        // under a pixel showed faint: a pixel at least.
        painter->setRenderHint(QPainter::Antialiasing, false);
        // (Its frame, antialiased all around a bar a pixel or two tall,
        // showed a little stronger than its width.)
        painter->setPen(hairline(color.darker(130), 1.5, detail, 0.15));
        painter->setBrush(Theme::hostFill());
        painter->drawRect(r);
        const qreal pixel = 1 / detail;
        painter->fillRect(QRectF(0, 0, std::max<qreal>(8, pixel), r.height()), color);
        const QRectF plug = plugRect();
        if (plug.width() >= pixel) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(color.lighter(150));
            painter->drawEllipse(plug);
        } else {
            painter->fillRect(QRectF(plug.center() - QPointF(pixel, pixel) / 2, QSizeF(pixel, pixel)),
                              color.lighter(150));
        }
        if (readableAt(8.5, detail))
            paintName(painter, r, doc->topology().circuits.at(pos).name);
        paintTint(painter, r);
        paintSelection(painter, r, 0, detail);
        paintBadge(painter, r, detail);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color.darker(130), 1.5));
    painter->setBrush(Theme::hostFill());
    painter->drawRoundedRect(r, 6, 6);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(QRectF(0, 0, 8, r.height()), 3, 3);
    Theme::icon(QStringLiteral("circuit")).paint(painter, QRect(12, 7, 16, 16));
    paintName(painter, r, doc->topology().circuits.at(pos).name);
    painter->setPen(QPen(color.darker(130), 1.2));
    painter->setBrush(color.lighter(150));
    painter->drawEllipse(plugRect());
    painter->setPen(QPen(color.darker(160), 1.6));
    const QPointF c = plugRect().center();
    painter->drawLine(c + QPointF(-3, -4), c + QPointF(-3, 0));
    painter->drawLine(c + QPointF(3, -4), c + QPointF(3, 0));
    painter->drawLine(c + QPointF(0, 0), c + QPointF(0, 5));
    paintTint(painter, r);
    paintSelection(painter, r, 6);
    paintBadge(painter, r);
}

void CircuitItem::paintName(QPainter *painter, const QRectF &r, const QString &name)
{
    QFont f = painter->font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Theme::text());
    mName.draw(painter, QRectF(32, 0, r.width() - 60, r.height()), topologyScene()->displayName(id(), name));
}

void CircuitItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    mPlugDrag = plugRect().contains(event->pos());
    ModelItem::mousePressEvent(event);
}

void CircuitItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!mPlugDrag) {
        ModelItem::mouseMoveEvent(event);
        return;
    }
    if ((event->screenPos() - pressScreenPos()).manhattanLength() < QApplication::startDragDistance())
        return;
    mPlugDrag = false;
    topologyScene()->startFeedDrag(id(), event->widget());
}

void CircuitItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    mPlugDrag = false;
    ModelItem::mouseReleaseEvent(event);
}

AreaItem::AreaItem(Kind kind, const QString &title) : mKind(kind), mTitle(title)
{
    setZValue(-0.5);
}

void AreaItem::setSize(const QSizeF &size)
{
    if (size == mSize)
        return;
    prepareGeometryChange();
    mSize = size;
}

QRectF AreaItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize);
}

void AreaItem::setDropTint(const QColor &color)
{
    if (color == mDropTint)
        return;
    mDropTint = color;
    update();
}

void AreaItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    painter->setPen(QPen(Theme::rackFrame(), 1.2, Qt::DashLine));
    painter->setBrush(mDropTint.isValid() ? mDropTint : Theme::laneFill());
    painter->drawRoundedRect(r, 6, 6);
    if (!readableAt(9.5, option->levelOfDetailFromTransform(painter->worldTransform())))
        return;
    QFont f = painter->font();
    f.setPointSizeF(9.5);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Theme::mutedText());
    painter->drawText(QRectF(10, 0, r.width() - 20, geometry::kAreaHeader), Qt::AlignLeft | Qt::AlignVCenter, mTitle);
}

} // namespace td
