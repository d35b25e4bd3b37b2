#pragma once

#include "report/designreport.h"

#include <QByteArray>
#include <QString>

namespace td {

// Draws a report's charts as inline SVG documents ("<svg ...>...</svg>"). Core
// has none (it links no Gui); ui renders its QtCharts charts through one. A
// report written without one shows the charts' figures as tables.
class ReportChartRenderer
{
public:
    virtual ~ReportChartRenderer() = default;
    // Per host vCPU (memory = false) or memory used, stacked by product, with the capacity line.
    virtual QString capacitySvg(const CapacitySeries &series, bool memory) const = 0;
    virtual QString countSvg(const CountSeries &series) const = 0;
    // Per failed element: guests down, restarted by HA, staying down.
    virtual QString impactSvg(const ImpactSeries &series) const = 0;
};

// The design report as one self-contained HTML file: inline CSS and SVG, no
// external reference, readable on a phone and printable; every text escaped.
QByteArray reportHtml(const DesignReport &report, const ReportChartRenderer *charts = nullptr);

// The same content as Markdown (GitHub/GitLab flavour tables), for wikis.
QByteArray reportMarkdown(const DesignReport &report);

// A rack elevation as a standalone SVG element, in NetBox's style: units
// numbered from the bottom, hosts in their units, labels truncated with the
// full name in the <title> tooltip, group colours as dots.
QString rackElevationSvg(const RackElevation &rack);

// Text escaped for HTML/XML content and attribute values (& < > " ').
QString htmlEscaped(const QString &text);

// The figures of the failure-impact chart as a table (Markdown; HTML without charts).
ReportTable impactTable(const ImpactSeries &series);

// The findings of one severity by rule, the rules in the order they first
// appear: the rule's title, explanation and source are said once for all of
// its findings (at L thousands share a handful of rules).
QVector<QVector<const ReportFinding *>> findingsByRule(const QVector<ReportFinding> &findings, Severity severity);
// "1 finding", "12 findings".
QString findingsCount(int n);

// The report's section headings, in order (the tables of contents share them).
QStringList reportSectionTitles(const DesignReport &report);

} // namespace td
