#pragma once

#include "report/designreport.h"

#include <QString>
#include <QVector>

namespace td {

// A rack elevation as drawn, in NetBox's style, computed once from a
// RackElevation: the frame, the numbered units, each host's box, label
// (truncated; its full name and details in a tooltip) and group dots, in
// user units (the rack 200 wide, 14 per unit, y down). rackElevationSvg
// writes it as SVG (the HTML report); the PDF report paints it with a
// QPainter, its labels as real text.
struct ElevationDrawing
{
    struct Box
    {
        int x = 0, y = 0, width = 0, height = 0;
        int radius = 0;         // rounded corners (0: square)
        QString fill;           // "#rrggbb" or "#rgb"
        double fillOpacity = 1; // 0-1
        QString stroke;
        double strokeWidth = 1;
    };
    struct Label
    {
        int x = 0, y = 0; // the baseline's start (end: alignEnd)
        int size = 9;     // font size (sans-serif)
        bool alignEnd = false;
        QString fill;
        QString text;
    };
    struct Dot
    {
        int cx = 0, cy = 0;
        double radius = 3.5;
        QString fill;
        QString stroke = QStringLiteral("#fff");
        double strokeWidth = 0.8;
    };
    struct Unit
    {
        Box slot;
        Label number;
    };
    struct Host
    {
        QString tooltip; // full name, cluster, units, guests
        Box box;
        Label label;
        QVector<Dot> dots; // one per redundancy group (at most six)
    };

    int width = 0, height = 0;
    QString title; // the rack's name
    Box frame;
    QVector<Unit> units; // bottom (unit 1) first
    QVector<Host> hosts; // hosts above the rack are left out (the inventory lists them)
};

ElevationDrawing elevationDrawing(const RackElevation &rack);

} // namespace td
