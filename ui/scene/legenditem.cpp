#include "scene/legenditem.h"

#include "document.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace td {

namespace {
constexpr qreal kRow = 20;
constexpr qreal kWidth = 250;

QString tr(const char *text)
{
    return QCoreApplication::translate("td::LegendItem", text);
}
} // namespace

LegendItem::LegendItem(TopologyScene *scene) : mScene(scene)
{
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
}

void LegendItem::refresh()
{
    prepareGeometryChange();
    const int rows = 1 + static_cast<int>(mScene->document()->topology().clusters.size()) + 1 + 4;
    mRect = QRectF(0, 0, kWidth, 12 + rows * kRow);
    update();
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Topology &t = mScene->document()->topology();
    // Zoomed out, its text cannot be read: the swatches alone.
    const bool text = readableAt(8.5, option->levelOfDetailFromTransform(painter->worldTransform()));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(Theme::rackFrame(), 1));
    painter->setBrush(Theme::hostFill());
    painter->drawRoundedRect(mRect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    QFont f = painter->font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Theme::text());
    qreal y = 6;
    if (text)
        painter->drawText(QRectF(10, y, kWidth - 20, kRow), Qt::AlignVCenter, tr("Clusters"));
    y += kRow;
    f.setBold(false);
    painter->setFont(f);
    auto row = [&](const QString &label) {
        if (text) {
            painter->setPen(Theme::text());
            painter->drawText(QRectF(34, y, kWidth - 44, kRow), Qt::AlignVCenter,
                              QFontMetricsF(f).elidedText(label, Qt::ElideRight, kWidth - 44));
        }
        y += kRow;
    };
    for (int i = 0; i < t.clusters.size(); ++i) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::clusterColor(i));
        painter->drawRoundedRect(QRectF(12, y + 4, 14, kRow - 8), 2, 2);
        const Cluster &c = t.clusters.at(i);
        if (!text) {
            y += kRow;
            continue;
        }
        row(mScene->displayName(c.id.str(), c.name)
            + (t.header.platform.hypervisor == Hypervisor::VSphere && c.drs == DrsLevel::FullyAutomated
                   ? tr(" (DRS fully automated)")
                   : QString()));
    }
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Theme::text());
    if (text)
        painter->drawText(QRectF(10, y, kWidth - 20, kRow), Qt::AlignVCenter, tr("Marks"));
    y += kRow;
    f.setBold(false);
    painter->setFont(f);
    // P / B marker.
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::groupColor(0));
    painter->drawEllipse(QRectF(13, y + 4, 12, 12));
    painter->setPen(Qt::white);
    QFont small = f;
    small.setPointSizeF(6.5);
    small.setBold(true);
    painter->setFont(small);
    if (text)
        painter->drawText(QRectF(13, y + 4, 12, 12), Qt::AlignCenter, tr("P"));
    painter->setFont(f);
    row(tr("primary / backup of a switchover pair"));
    painter->setPen(QPen(Theme::groupColor(1), 2.2));
    painter->setBrush(Theme::chipFill());
    painter->drawRoundedRect(QRectF(12, y + 4, 16, 12), 3, 3);
    row(tr("group member (outline colour = group)"));
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::severity(Severity::Error));
    painter->drawRoundedRect(QRectF(12, y + 3, 16, 14), 7, 7);
    row(tr("findings: red error, amber warning"));
    painter->setPen(QPen(Theme::severity(Severity::Error), 2.2, Qt::DashLine));
    painter->drawLine(QPointF(10, y + kRow / 2), QPointF(30, y + kRow / 2));
    row(tr("group whose redundancy is broken"));
}

} // namespace td
