#pragma once

#include "report/chartdata.h"
#include "report/reportwriters.h"

#include <QSize>

#include <memory>

class QChart;
class QPainter;
class QRectF;

namespace td {

// Builds the QtCharts charts of the charts dock and the reports from core's
// chart data. The caller owns the returned chart.
namespace ChartBuilders {
// Per host vCPU (memory = false) or memory used, stacked by product, with the
// hosts' capacity (cores, RAM) as a line.
QChart *capacity(const CapacitySeries &series, bool memory);
// One bar per label.
QChart *counts(const CountSeries &series, const QString &axisTitle);
// Per failed element: guests down, restarted by HA, staying down (grouped
// bars). Horizontal (a report): one row per element, its name read whole
// on the left, the first element on top.
QChart *impact(const ImpactSeries &series, bool horizontal = false);
// Set a chart built here from shown to series' values in place (cheaper than
// a new chart). False, the chart unchanged, when they differ in more than
// values (other hosts, products, labels): build a new one then.
bool update(QChart *chart, const CapacitySeries &shown, const CapacitySeries &series, bool memory, bool shownMemory);
bool update(QChart *chart, const CountSeries &shown, const CountSeries &series);
bool update(QChart *chart, const ImpactSeries &shown, const ImpactSeries &series);
// A report size for the horizontal impact chart of n elements.
QSize impactReportSize(int elements);
// What becomes of a chart once paint() has painted it.
enum class Afterwards {
    Kept,     // it may be painted or shown again: what paint changed is put back
    Discarded // it is deleted next (the PDF report's): nothing is put back
};
// Paints a chart into rect of any painter (PDF, SVG, image) as vectors.
void paint(QChart *chart, QPainter *painter, const QRectF &rect, Afterwards afterwards = Afterwards::Kept);
// The chart as an SVG document of this size.
QByteArray svg(QChart *chart, const QSize &size);
// A sensible size for a chart of n categories in a report.
QSize reportSize(int categories);
} // namespace ChartBuilders

// Renders the report's charts with QtCharts into inline SVG (for HTML).
// Needs a QApplication (QtCharts are graphics widgets).
class QtChartRenderer final : public ReportChartRenderer
{
public:
    QString capacitySvg(const CapacitySeries &series, bool memory) const override;
    QString countSvg(const CountSeries &series) const override;
    QString impactSvg(const ImpactSeries &series) const override;
};

} // namespace td
