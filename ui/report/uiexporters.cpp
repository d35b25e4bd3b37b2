#include "report/uiexporters.h"

#include "charts/chartbuilders.h"
#include "document.h"
#include "report/designreport.h"
#include "report/genericnames.h"
#include "report/pdfreport.h"
#include "report/pdfwriter.h"
#include "report/reportexporters.h"
#include "scene/topologyscene.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QUndoStack>

#include <algorithm>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::UiExporters", text);
}

// A PNG side beyond which the picture is scaled down (memory: 8000 x 8000 x 4 B = 256 MB).
constexpr int kMaxPngSide = 8000;

} // namespace

QString PdfReportExporter::description() const
{
    return tr("Design report (.pdf): title page, contents, page numbers, charts and rack elevations as vectors");
}

bool PdfReportExporter::write(const ExportInput &input, QIODevice &out, QStringList *, QString *error) const
{
    const DesignReport report = DesignReport::build(input.topology, input.sourceName, input.options.hideNames,
                                                    input.options.groupColors);
    PdfDocumentWriter writer(&out);
    writer.setPageSize(PagedReport::pageSize(input.options.pageSize));
    writer.setPageMargins(QMarginsF(18, 18, 18, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("Design report: %1").arg(report.title));
    writer.setCreator(QStringLiteral("Topology Designer"));
    const bool painted = PagedReport(report).paint(
        &writer, [&writer] { return writer.newPage(); }, error, input.options.progress);
    if (painted && !writer.errorString().isEmpty()) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return painted;
}

QString CanvasPictureExporter::description() const
{
    return mFormat == Format::Svg ? tr("Canvas picture (.svg): the layout as drawn, as vectors")
                                  : tr("Canvas picture (.png): the layout as drawn");
}

bool CanvasPictureExporter::write(const ExportInput &input, QIODevice &out, QStringList *notes, QString *error) const
{
    Document document(input.options.hideNames ? withGenericLabels(input.topology) : input.topology);
    QUndoStack undo;
    TopologyScene scene(&document, &undo);
    scene.setCompact(input.options.compact);
    // A what-if scenario, drawn by the window's what-if overlay (the scene owns it).
    WhatIfState whatIf(&document);
    if (!input.options.fail.isEmpty()) {
        for (const QString &id : input.options.fail) {
            if (!whatIf.canFail(id)) {
                if (error)
                    *error = tr("'%1' is not a host, rack or circuit of the layout").arg(id);
                return false;
            }
        }
        auto *overlay = new WhatIfOverlay(&scene, &whatIf);
        whatIf.setFailed(input.options.fail);
        overlay->refresh();
        if (notes) {
            const Topology &t = document.topology();
            notes->append(tr("What if it fails: %1").arg(whatIf.sentence([&](const QString &id) {
                return document.index().nameOf(t, id);
            })));
        }
    }
    return writeScenePicture(scene, mFormat, input.options, out, notes, error);
}

bool writeScenePicture(TopologyScene &scene,
                       CanvasPictureExporter::Format format,
                       const ExportOptions &options,
                       QIODevice &out,
                       QStringList *notes,
                       QString *error)
{
    using Format = CanvasPictureExporter::Format;
    // The selection is not part of the drawing.
    const QStringList selected = scene.selectedIds();
    if (!selected.isEmpty())
        scene.selectIds({});
    struct Reselect
    {
        TopologyScene &scene;
        const QStringList &ids;
        ~Reselect()
        {
            if (!ids.isEmpty())
                scene.selectIds(ids);
        }
    } reselect{scene, selected};

    const QRectF source = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QSize size = options.imageSize;
    if (size.isEmpty())
        size = source.size().toSize();
    if (format == Format::Png && std::max(size.width(), size.height()) > kMaxPngSide) {
        size.scale(kMaxPngSide, kMaxPngSide, Qt::KeepAspectRatio);
        if (notes)
            notes->append(tr("The picture is scaled down to %1 x %2 pixels.").arg(size.width()).arg(size.height()));
    }
    const QRectF target(QPointF(0, 0), size);
    if (format == Format::Svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&out);
        generator.setSize(size);
        generator.setViewBox(target);
        generator.setTitle(scene.document()->topology().header.name);
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = tr("could not write the SVG");
            return false;
        }
        painter.fillRect(target, Qt::white);
        scene.render(&painter, target, source, Qt::KeepAspectRatio);
        painter.end();
        return true;
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = tr("a picture of %1 x %2 pixels does not fit in memory").arg(size.width()).arg(size.height());
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, target, source, Qt::KeepAspectRatio);
    }
    if (!image.save(&out, "PNG")) {
        if (error)
            *error = tr("could not write the PNG: %1").arg(out.errorString());
        return false;
    }
    return true;
}

void registerUiExporters()
{
    ExporterRegistry &registry = ExporterRegistry::instance();
    registry.add(std::make_unique<HtmlReportExporter>(std::make_shared<QtChartRenderer>()));
    registry.add(std::make_unique<PdfReportExporter>());
    registry.add(std::make_unique<CanvasPictureExporter>(CanvasPictureExporter::Format::Svg));
    registry.add(std::make_unique<CanvasPictureExporter>(CanvasPictureExporter::Format::Png));
}

} // namespace td
