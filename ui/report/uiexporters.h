#pragma once

#include "export/exporter.h"

namespace td {

class TopologyScene;

// The design report as a PDF (PagedReport on a PdfDocumentWriter): --page a4|letter.
class PdfReportExporter final : public Exporter
{
public:
    QString name() const override { return QStringLiteral("pdf"); }
    QString description() const override;
    QString extension() const override { return QStringLiteral("pdf"); }
    QString category() const override { return QStringLiteral("report"); }
    bool needsGui() const override { return true; }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;
};

// The layout as the canvas draws it (a scene built offscreen for the layout,
// with the view options: compact racks, generic labels), as SVG (vectors)
// or PNG, at the size the user chooses (default: the drawing's own size,
// capped for PNG).
class CanvasPictureExporter final : public Exporter
{
public:
    enum class Format { Svg, Png };
    explicit CanvasPictureExporter(Format format) : mFormat(format) {}
    QString name() const override { return mFormat == Format::Svg ? QStringLiteral("svg") : QStringLiteral("png"); }
    QString description() const override;
    QString extension() const override { return name(); }
    QString category() const override { return QStringLiteral("picture"); }
    bool needsGui() const override { return true; }
    bool write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const override;

private:
    Format mFormat;
};

// Writes what a scene draws (a window's canvas as it is now: compact racks,
// hidden names, a what-if scenario; or a scene built for an export) as an
// SVG or PNG picture of options.imageSize (empty: as drawn). The selection is
// not drawn.
bool writeScenePicture(TopologyScene &scene,
                       CanvasPictureExporter::Format format,
                       const ExportOptions &options,
                       QIODevice &out,
                       QStringList *notes,
                       QString *error);

// Adds ui's formats to the registry (pdf, svg, png, and html with QtCharts
// charts instead of tables). Called once at start by the GUI and the CLI.
void registerUiExporters();

} // namespace td
