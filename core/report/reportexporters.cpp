#include "report/reportexporters.h"

#include "report/chartdata.h"
#include "report/genericnames.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>

#include <functional>
#include <thread>
#include <vector>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ReportExporters", text);
}

// Charts drawn before the report is written (while it is built), handed to
// the writer by what they show; one not drawn before is drawn when asked.
class DrawnCharts final : public ReportChartRenderer
{
public:
    explicit DrawnCharts(const ReportChartRenderer &renderer) : mRenderer(renderer) {}

    void draw(const Topology &shown)
    {
        const TopologyIndex index(shown);
        for (const CapacitySeries &s : capacityByCluster(shown, index)) {
            for (const bool memory : {false, true})
                mDrawn[capacityKey(s, memory)] << mRenderer.capacitySvg(s, memory);
        }
        for (const CountSeries &s : {guestsPerRack(shown, index), guestsPerCircuit(shown, index)})
            mDrawn[countKey(s)] << mRenderer.countSvg(s);
        const ImpactSeries impact = worstImpacts(singleFailureImpact(shown, index), kImpactChartMax);
        if (!impact.labels.isEmpty())
            mDrawn[impactKey(impact)] << mRenderer.impactSvg(impact);
    }

    QString capacitySvg(const CapacitySeries &s, bool memory) const override
    {
        const QString svg = take(capacityKey(s, memory));
        return svg.isNull() ? mRenderer.capacitySvg(s, memory) : svg;
    }
    QString countSvg(const CountSeries &s) const override
    {
        const QString svg = take(countKey(s));
        return svg.isNull() ? mRenderer.countSvg(s) : svg;
    }
    QString impactSvg(const ImpactSeries &s) const override
    {
        const QString svg = take(impactKey(s));
        return svg.isNull() ? mRenderer.impactSvg(s) : svg;
    }

private:
    // What a chart shows, as a key (two charts showing the same are the same chart).
    static QString capacityKey(const CapacitySeries &s, bool memory)
    {
        return QStringLiteral("capacity\x1f%1\x1f%2\x1f%3")
            .arg(memory)
            .arg(s.cluster, s.hosts.join(QLatin1Char('\x1f')));
    }
    static QString countKey(const CountSeries &s)
    {
        QStringList values;
        for (double v : s.values)
            values << QString::number(v);
        return QStringLiteral("count\x1f%1\x1f%2\x1f%3")
            .arg(s.title, s.labels.join(QLatin1Char('\x1f')), values.join(QLatin1Char(',')));
    }
    static QString impactKey(const ImpactSeries &s)
    {
        return QStringLiteral("impact\x1f") + s.labels.join(QLatin1Char('\x1f'));
    }
    QString take(const QString &key) const
    {
        auto it = mDrawn.find(key);
        return it == mDrawn.end() || it->isEmpty() ? QString() : it->takeFirst();
    }

    const ReportChartRenderer &mRenderer;
    mutable QHash<QString, QStringList> mDrawn;
};

// Stands in for the charts while the report is written on another thread:
// each chart asked for becomes a slot "<\x01N>" (never in the written HTML
// otherwise: its text is escaped and its markup has no control character),
// filled with the drawn chart afterwards, on the thread that may draw.
class ChartSlots final : public ReportChartRenderer
{
public:
    QString capacitySvg(const CapacitySeries &s, bool memory) const override
    {
        return slot([s, memory](const ReportChartRenderer &r) { return r.capacitySvg(s, memory); });
    }
    QString countSvg(const CountSeries &s) const override
    {
        return slot([s](const ReportChartRenderer &r) { return r.countSvg(s); });
    }
    QString impactSvg(const ImpactSeries &s) const override
    {
        return slot([s](const ReportChartRenderer &r) { return r.impactSvg(s); });
    }

    // html with every slot replaced by its chart, drawn by charts.
    QByteArray fill(const QByteArray &html, const ReportChartRenderer &charts) const
    {
        QVector<QByteArray> svgs;
        qsizetype size = html.size();
        for (const auto &draw : mSlots) {
            svgs << draw(charts).toUtf8();
            size += svgs.last().size();
        }
        QByteArray out;
        out.reserve(size);
        qsizetype i = 0;
        while (i < html.size()) {
            const qsizetype start = html.indexOf("<\x01", i);
            const qsizetype end = start < 0 ? -1 : html.indexOf('>', start);
            if (end < 0) {
                out.append(html.constData() + i, html.size() - i);
                break;
            }
            out.append(html.constData() + i, start - i);
            out.append(svgs.value(html.mid(start + 2, end - start - 2).toInt()));
            i = end + 1;
        }
        return out;
    }

private:
    QString slot(std::function<QString(const ReportChartRenderer &)> draw) const
    {
        mSlots.push_back(std::move(draw));
        return QStringLiteral("<\x01%1>").arg(mSlots.size() - 1);
    }

    mutable std::vector<std::function<QString(const ReportChartRenderer &)>> mSlots;
};

} // namespace

bool writeAll(QIODevice &out, const QByteArray &data, QString *error)
{
    if (out.write(data) != data.size()) {
        if (error)
            *error = tr("could not write the export: %1").arg(out.errorString());
        return false;
    }
    return true;
}

QString HtmlReportExporter::description() const
{
    return tr("Design report (.html): one self-contained page, readable on a phone and printable");
}

bool HtmlReportExporter::write(const ExportInput &input, QIODevice &out, QStringList *, QString *error) const
{
    if (!mCharts) {
        const DesignReport report = DesignReport::build(input.topology, input.sourceName, input.options.hideNames,
                                                        input.options.groupColors);
        return writeAll(out, reportHtml(report, nullptr), error);
    }
    // The charts are drawn on this thread (QtCharts needs the GUI thread)
    // while the report is built and written on another, with slots where the
    // charts go: at L the charts take longer than all the rest.
    ChartSlots pending;
    QByteArray html;
    std::thread writer([&] {
        html = reportHtml(DesignReport::build(input.topology, input.sourceName, input.options.hideNames,
                                              input.options.groupColors),
                          &pending);
    });
    DrawnCharts charts(*mCharts);
    charts.draw(input.options.hideNames ? withGenericLabels(input.topology) : input.topology);
    writer.join();
    return writeAll(out, pending.fill(html, charts), error);
}

QString MarkdownReportExporter::description() const
{
    return tr("Design report (.md): the report's text and tables, for wikis");
}

bool MarkdownReportExporter::write(const ExportInput &input, QIODevice &out, QStringList *, QString *error) const
{
    const DesignReport report = DesignReport::build(input.topology, input.sourceName, input.options.hideNames,
                                                    input.options.groupColors);
    return writeAll(out, reportMarkdown(report), error);
}

QString CsvGuestsExporter::description() const
{
    return tr("Guest list (.csv): one row per guest with its host, rack, circuits, cluster and group");
}

bool CsvGuestsExporter::write(const ExportInput &input, QIODevice &out, QStringList *, QString *error) const
{
    const QByteArray csv = input.options.hideNames ? guestsCsv(withGenericLabels(input.topology))
                                                   : guestsCsv(input.topology);
    return writeAll(out, csv, error);
}

} // namespace td
