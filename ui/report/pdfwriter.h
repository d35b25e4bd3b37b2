#pragma once

#include <QPageLayout>
#include <QPaintDevice>
#include <QString>

#include <memory>

class QIODevice;
class QPainter;

namespace td {

class PdfPaintEngine;

// A paint device that writes PDF 1.4 straight to a QIODevice, for the PDF
// export (QPdfWriter writes each glyph on its own and compresses slowly):
// text as embedded TrueType subsets (Type0, Identity-H, one TJ per glyph
// run, with a ToUnicode map so that the text can be searched and copied),
// paths, images with alpha, clipping, opacity and transforms as PDF
// operators; page contents compressed in a worker thread while the next page
// is painted. Gradients are drawn in their first stop's colour.
//
// Used like QPdfWriter: set the page layout, resolution, title and creator,
// paint with a QPainter, newPage() between pages. A QPaintDevice and not a
// QPagedPaintDevice: that class can only be built with Qt's private headers.
class PdfDocumentWriter final : public QPaintDevice
{
public:
    explicit PdfDocumentWriter(QIODevice *out);
    ~PdfDocumentWriter() override;

    void setPageSize(const QPageSize &size);
    void setPageMargins(const QMarginsF &margins, QPageLayout::Unit unit = QPageLayout::Millimeter);
    QPageLayout pageLayout() const { return mLayout; }
    // Logical dots per inch of the painting (default 300).
    void setResolution(int dpi);
    int resolution() const { return mResolution; }
    void setTitle(const QString &title);
    void setCreator(const QString &creator);
    // zlib level of the streams (0-9; default 3: at L the pages deflate in 0.38 s of CPU to
    // 5.9 MB, against 0.31 s and 6.9 MB at level 1 and 1.06 s and 5.2 MB at level 6).
    void setCompressionLevel(int level);

    // Draws one line of text with painter (active on this writer) at the origin of its
    // baseline, in the painter's font, pen colour, opacity and transform, as
    // QPainter::drawText(baseline, text) draws it but without shaping it again for each
    // call: text of plain scripts (most of a report's names and numbers) is set from the
    // font's cmap and kerning (PlainTextShaper), any other text shaped once by QTextLayout
    // and cached. False, and nothing drawn, when the painter is not on this writer, clips
    // or its font is underlined, overlined or struck out: draw with the painter then.
    bool drawText(QPainter *painter, const QPointF &baseline, const QString &text);

    // Ends the page and starts the next one; false when the output failed.
    bool newPage();
    // What went wrong writing (empty: nothing).
    QString errorString() const;

    QPaintEngine *paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    friend class PdfPaintEngine;
    QPageLayout mLayout;
    int mResolution = 300;
    std::unique_ptr<PdfPaintEngine> mEngine;
};

} // namespace td
