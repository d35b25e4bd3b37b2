#pragma once

#include "export/exporter.h"
#include "report/reportwriters.h"

#include <memory>

namespace td {

// The design report as one self-contained HTML file (see reportHtml). With a
// chart renderer (ui's QtCharts one) the capacity figures are charts, and the
// exporter needs a QGuiApplication; without one they are tables.
class HtmlReportExporter final : public Exporter
{
public:
    explicit HtmlReportExporter(std::shared_ptr<const ReportChartRenderer> charts = nullptr)
        : mCharts(std::move(charts))
    {}
    QString name() const override { return QStringLiteral("html"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("html"); }
    QString category() const override { return QStringLiteral("report"); }
    bool needsGui() const override { return mCharts != nullptr; }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;

private:
    std::shared_ptr<const ReportChartRenderer> mCharts;
};

// The design report as Markdown, for wikis.
class MarkdownReportExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("markdown"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("md"); }
    QString category() const override { return QStringLiteral("report"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

// One CSV row per guest (see guestsCsv).
class CsvGuestsExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("csv"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("csv"); }
    QString category() const override { return QStringLiteral("report"); }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

// Writes all of data to out; false with *error when the device refuses.
bool writeAll(QIODevice &out, const QByteArray &data, QString *error);

} // namespace td
