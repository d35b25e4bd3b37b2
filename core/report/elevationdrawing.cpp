#include "report/elevationdrawing.h"

#include <QCoreApplication>

#include <algorithm>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ReportWriters", text);
}

// A label cut to n characters with an ellipsis.
QString truncated(const QString &text, int n)
{
    return text.size() <= n ? text : text.left(n - 1) + QChar(0x2026);
}

} // namespace

ElevationDrawing elevationDrawing(const RackElevation &rack)
{
    const int unitH = 14, left = 26, width = 200, top = 6;
    const int rackW = width - left - 6;
    ElevationDrawing d;
    d.width = width;
    d.height = top * 2 + rack.units * unitH;
    d.title = rack.name;
    // Frame and rails.
    d.frame = ElevationDrawing::Box{left - 2,  top - 2,
                                    rackW + 4, rack.units * unitH + 4,
                                    0,         QStringLiteral("#f4f5f7"),
                                    1,         QStringLiteral("#37474f"),
                                    2};
    d.units.reserve(rack.units);
    for (int u = 1; u <= rack.units; ++u) {
        const int y = top + (rack.units - u) * unitH;
        d.units.append(ElevationDrawing::Unit{
            ElevationDrawing::Box{left, y, rackW, unitH, 0, QStringLiteral("#fff"), 1, QStringLiteral("#cfd8dc"), 0.5},
            ElevationDrawing::Label{left - 5, y + unitH - 4, 8, true, QStringLiteral("#607d8b"), QString::number(u)}});
    }
    for (const ElevationHost &h : rack.hosts) {
        const int topUnit = std::min(rack.units, h.unit + h.height - 1);
        if (h.unit > rack.units)
            continue; // above the rack: listed in the inventory
        const int y = top + (rack.units - topUnit) * unitH;
        const int hh = (topUnit - h.unit + 1) * unitH;
        ElevationDrawing::Host host;
        host.tooltip = h.name;
        if (!h.cluster.isEmpty())
            host.tooltip += QStringLiteral("\n") + tr("Cluster: ") + h.cluster;
        host.tooltip += QStringLiteral("\n") + tr("Units %1-%2").arg(h.unit).arg(h.unit + h.height - 1);
        if (!h.guests.isEmpty())
            host.tooltip += QStringLiteral("\n") + tr("Guests: ") + h.guests.join(QStringLiteral(", "));
        if (h.overlapping)
            host.tooltip += QStringLiteral("\n") + tr("Shares units with another host");
        host.box = ElevationDrawing::Box{left + 1,
                                         y + 1,
                                         rackW - 2,
                                         hh - 2,
                                         2,
                                         h.clusterColor,
                                         0.85,
                                         h.overlapping ? QStringLiteral("#c62828") : QStringLiteral("#263238"),
                                         h.overlapping ? 2.0 : 1.0};
        const int dots = std::min<int>(h.groupColors.size(), 6);
        const int textRoom = rackW - 10 - dots * 9;
        host.label = ElevationDrawing::Label{
            left + 5, y + hh / 2 + 3, 9, false, QStringLiteral("#fff"), truncated(h.name, std::max(4, textRoom / 5))};
        for (int i = 0; i < dots; ++i) {
            ElevationDrawing::Dot dot;
            dot.cx = left + rackW - 8 - i * 9;
            dot.cy = y + hh / 2;
            dot.fill = h.groupColors.at(i);
            host.dots.append(dot);
        }
        d.hosts.append(host);
    }
    return d;
}

} // namespace td
