#include "report/reportexporters.h"

#include "report/genericnames.h"

#include <QCoreApplication>
#include <QIODevice>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ReportExporters", text);
}

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
    const DesignReport report = DesignReport::build(input.topology, input.sourceName, input.options.hideNames);
    return writeAll(out, reportHtml(report, mCharts.get()), error);
}

QString MarkdownReportExporter::description() const
{
    return tr("Design report (.md): the report's text and tables, for wikis");
}

bool MarkdownReportExporter::write(const ExportInput &input, QIODevice &out, QStringList *, QString *error) const
{
    const DesignReport report = DesignReport::build(input.topology, input.sourceName, input.options.hideNames);
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
