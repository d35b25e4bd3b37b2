// The PDF writer of the PDF export: one scene painted both on a QImage (Qt's
// raster engine) and into a PDF, the PDF rendered back with pdftoppm at the
// same resolution and compared; its text read back with pdftotext; its
// structure checked (cross-reference offsets, pdfinfo and poppler silent).
#include "report/pdfwriter.h"
#include "tools.h"

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace td;

namespace {

constexpr int kDpi = 150;

bool run(const QString &program, const QStringList &args, QByteArray *out, QByteArray *err, QString *why)
{
    test::ToolOutput output;
    if (!test::runTool(program, args, &output, why))
        return false;
    if (out)
        *out = output.out;
    if (err)
        *err = output.err;
    return true;
}

// What the scene puts on a page of 120 x 90 mm at kDpi, in device pixels. On a
// writer, its text is drawn by PdfDocumentWriter::drawText where that takes it
// (counted in *direct), as the PDF report draws it.
void paintScene(QPainter &p,
                const std::function<void()> &newPage = {},
                PdfDocumentWriter *writer = nullptr,
                QStringList *direct = nullptr)
{
    auto text = [&](const QPointF &baseline, const QString &s) {
        if (writer && writer->drawText(&p, baseline, s)) {
            if (direct)
                *direct << s;
            return;
        }
        p.drawText(baseline, s);
    };
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(0, 0, 700, 530), Qt::white);
    // Filled rects and lines.
    p.fillRect(QRectF(20, 20, 120, 60), QColor(0x1b, 0x4f, 0x9c));
    p.fillRect(QRectF(150, 20, 60, 60), QColor(0xe5, 0x39, 0x35));
    p.setPen(QPen(QColor(0x2e, 0x7d, 0x32), 4, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QLineF(20, 100, 300, 100));
    p.drawLine(QLineF(20, 110, 20, 200));
    // A dashed curve, stroked only.
    QPainterPath curve;
    curve.moveTo(40, 200);
    curve.cubicTo(120, 120, 200, 280, 300, 190);
    p.setPen(QPen(Qt::black, 3, Qt::DashLine, Qt::FlatCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(curve);
    // A clipped region: a disc seen through a rectangle.
    p.save();
    p.setClipRect(QRectF(330, 20, 80, 80));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0x8f, 0x00));
    p.drawEllipse(QPointF(410, 100), 70, 70);
    p.setPen(Qt::black);
    text(QPointF(335, 95), QStringLiteral("clip")); // left to QPainter
    p.restore();
    // An image with alpha: opaque on the left, transparent on the right.
    QImage image(60, 40, QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, x < 30 ? qRgba(0x6a, 0x1b, 0x9a, 255) : qRgba(0, 0, 0, 0));
    }
    p.drawImage(QRectF(440, 20, 120, 80), image);
    // Text in several fonts and sizes, bold, and non-Latin scripts.
    p.setPen(Qt::black);
    QFont sans(QStringLiteral("DejaVu Sans"));
    sans.setPointSizeF(14);
    p.setFont(sans);
    text(QPointF(20, 250), QStringLiteral("Topology Designer report"));
    QFont bold = sans;
    bold.setBold(true);
    bold.setPointSizeF(10);
    p.setFont(bold);
    p.setPen(QColor(0xc6, 0x28, 0x28));
    text(QPointF(20, 285), QStringLiteral("Errors: 3 \u00b7 Warnings: 12"));
    QFont serif(QStringLiteral("DejaVu Serif"));
    serif.setPointSizeF(8);
    p.setFont(serif);
    p.setPen(Qt::black);
    text(QPointF(20, 310), QStringLiteral("esx042.contoso.local in rack R07"));
    QFont underlined = serif;
    underlined.setUnderline(true);
    p.setFont(underlined);
    text(QPointF(340, 450), QStringLiteral("underlined"));
    p.setFont(serif);
    text(QPointF(340, 475), QStringLiteral("office affinity")); // ligatures
    // Characters DejaVu Serif lacks: glyph runs in fallback fonts within one item.
    text(QPointF(340, 500), QStringLiteral("Fallback \u1e9e\u2c65\u0222\u0d85 end"));
    p.setFont(sans);
    text(QPointF(20, 350), QStringLiteral("\u041f\u0440\u0438\u0432\u0435\u0442 \u03a9\u03bc\u03ad\u03b3\u03b1"));
    // Right to left (shaped by QTextLayout, not the plain path).
    text(QPointF(20, 385), QStringLiteral("\u05e9\u05dc\u05d5\u05dd"));
    // A rotated and scaled drawing: a rect and a word.
    p.save();
    p.translate(520, 330);
    p.rotate(30);
    p.scale(1.5, 1.2);
    p.setPen(QPen(QColor(0x00, 0x69, 0x5c), 2));
    p.setBrush(QColor(0xb2, 0xdf, 0xdb));
    p.drawRect(QRectF(-50, -25, 100, 50));
    p.setPen(Qt::black);
    p.setFont(bold);
    text(QPointF(-35, 5), QStringLiteral("Rotated"));
    p.restore();
    // Half-transparent fill over the blue rect.
    p.setOpacity(0.5);
    p.fillRect(QRectF(80, 40, 100, 60), QColor(0xff, 0xeb, 0x3b));
    p.setOpacity(1);
    // An SVG with text, as the rack elevations draw (QSvgRenderer draws its text as outlines
    // with a pen without a brush: filled, not stroked).
    QSvgRenderer svg(QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" "
                                "viewBox=\"0 0 200 40\"><rect x=\"2\" y=\"2\" width=\"196\" height=\"36\" "
                                "fill=\"#2e7d32\" stroke=\"#37474f\" stroke-width=\"2\"/><text x=\"10\" y=\"27\" "
                                "font-size=\"18\" fill=\"#fff\">esx480 rack</text></svg>"));
    svg.render(&p, QRectF(20, 400, 300, 60));
    if (newPage) {
        newPage();
        p.fillRect(QRectF(0, 0, 700, 530), Qt::white);
        p.setFont(sans);
        text(QPointF(40, 60), QStringLiteral("Second page"));
    }
}

QPageSize scenePage()
{
    return QPageSize(QSizeF(120, 90), QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
}

QByteArray scenePdf(QSize *size, QStringList *direct = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PdfDocumentWriter writer(&buffer);
    writer.setPageSize(scenePage());
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(kDpi);
    writer.setTitle(QStringLiteral("Scene"));
    writer.setCreator(QStringLiteral("tst_pdfwriter"));
    {
        QPainter p(&writer);
        paintScene(
            p, [&] { writer.newPage(); }, &writer, direct);
    }
    *size = QSize(writer.width(), writer.height());
    return buffer.data();
}

QImage sceneImage(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const int dpm = qRound(kDpi / 0.0254);
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintScene(p);
    return image;
}

// Blocks of 6 x 6 pixels averaged: antialiasing and hinting differ, shapes,
// positions and colours may not. The largest difference of a block's mean
// (0-255, any channel), and where.
int worstBlock(const QImage &a, const QImage &b, QPoint *where)
{
    const int block = 6;
    int worst = 0;
    for (int by = 0; by + block <= std::min(a.height(), b.height()); by += block / 2) {
        for (int bx = 0; bx + block <= std::min(a.width(), b.width()); bx += block / 2) {
            long sa[3] = {0, 0, 0}, sb[3] = {0, 0, 0};
            for (int y = by; y < by + block; ++y) {
                for (int x = bx; x < bx + block; ++x) {
                    const QRgb pa = a.pixel(x, y), pb = b.pixel(x, y);
                    sa[0] += qRed(pa), sa[1] += qGreen(pa), sa[2] += qBlue(pa);
                    sb[0] += qRed(pb), sb[1] += qGreen(pb), sb[2] += qBlue(pb);
                }
            }
            for (int c = 0; c < 3; ++c) {
                const int d = int(std::abs(sa[c] - sb[c]) / (block * block));
                if (d > worst) {
                    worst = d;
                    *where = QPoint(bx, by);
                }
            }
        }
    }
    return worst;
}

} // namespace

class TestPdfWriter : public QObject
{
    Q_OBJECT

private slots:
    void looksAsQtPaintsIt()
    {
        QSize size;
        const QByteArray pdf = scenePdf(&size);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("scene.pdf"));
        QVERIFY2(test::saved(file, pdf), qPrintable(file));
        QByteArray err;
        QString why;
        QVERIFY2(run(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-r"), QString::number(kDpi), QStringLiteral("-png"), QStringLiteral("-f"),
                      QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"),
                      file, dir.filePath(QStringLiteral("pdf"))},
                     nullptr, &err, &why),
                 qPrintable(why));
        QVERIFY2(err.isEmpty(), err.constData());
        const QImage rendered = QImage(dir.filePath(QStringLiteral("pdf.png"))).convertToFormat(QImage::Format_RGB32);
        const QImage expected = sceneImage(size).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!rendered.isNull());
        // The page is 120 x 90 mm at 150 dpi: both images about 709 x 531.
        QVERIFY2(std::abs(rendered.width() - expected.width()) <= 1
                     && std::abs(rendered.height() - expected.height()) <= 1,
                 qPrintable(QStringLiteral("%1x%2 vs %3x%4")
                                .arg(rendered.width())
                                .arg(rendered.height())
                                .arg(expected.width())
                                .arg(expected.height())));
        QPoint where;
        const int worst = worstBlock(rendered, expected, &where);
        if (qEnvironmentVariableIsSet("TD_PDFWRITER_DUMP")) {
            rendered.save(qEnvironmentVariable("TD_PDFWRITER_DUMP") + QStringLiteral("/pdf.png"));
            expected.save(qEnvironmentVariable("TD_PDFWRITER_DUMP") + QStringLiteral("/qt.png"));
        }
        qInfo("largest difference of a 6x6 block: %d at %d,%d", worst, where.x(), where.y());
        QVERIFY2(worst <= 64, qPrintable(QStringLiteral("the PDF differs from Qt's drawing by %1 near %2,%3")
                                             .arg(worst)
                                             .arg(where.x())
                                             .arg(where.y())));
    }

    void textComesBack()
    {
        QSize size;
        const QByteArray pdf = scenePdf(&size);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("scene.pdf"));
        QVERIFY2(test::saved(file, pdf), qPrintable(file));
        QByteArray out, err;
        QString why;
        QVERIFY2(run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")}, &out, &err, &why), qPrintable(why));
        QVERIFY2(err.isEmpty(), err.constData());
        const QString text = QString::fromUtf8(out);
        for (const QString &s :
             {QStringLiteral("Topology Designer report"), QStringLiteral("Errors: 3 \u00b7 Warnings: 12"),
              QStringLiteral("esx042.contoso.local in rack R07"),
              QStringLiteral("\u041f\u0440\u0438\u0432\u0435\u0442 \u03a9\u03bc\u03ad\u03b3\u03b1"),
              QStringLiteral("underlined"), QStringLiteral("office affinity"),
              QStringLiteral("\u05e9\u05dc\u05d5\u05dd"), QStringLiteral("Fallback \u1e9e\u2c65\u0222"),
              QStringLiteral("Second page")})
            QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" is not in: ") + text));
        // Rotated text, in the order it was written (pdftotext's line finding breaks it up).
        QVERIFY2(run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), file, QStringLiteral("-")}, &out, &err,
                     &why),
                 qPrintable(why));
        QVERIFY2(QString::fromUtf8(out).contains(QStringLiteral("Rotated")), out.constData());
    }

    // PdfDocumentWriter::drawText takes every line of text but the ones a clip, a decoration
    // or a font it cannot embed (the fallback text's Malayalam, drawn as outlines) leaves to
    // QPainter (looksAsQtPaintsIt and textComesBack check how it drew them).
    void drawTextTakesWhatItCan()
    {
        QSize size;
        QStringList direct;
        scenePdf(&size, &direct);
        const QStringList expected = {
            QStringLiteral("Topology Designer report"),
            QStringLiteral("Errors: 3 \u00b7 Warnings: 12"),
            QStringLiteral("esx042.contoso.local in rack R07"),
            QStringLiteral("office affinity"),
            QStringLiteral("\u041f\u0440\u0438\u0432\u0435\u0442 \u03a9\u03bc\u03ad\u03b3\u03b1"),
            QStringLiteral("\u05e9\u05dc\u05d5\u05dd"),
            QStringLiteral("Rotated"),
            QStringLiteral("Second page"),
        };
        QCOMPARE(direct, expected);
        // Not on this writer: refused.
        QImage image(10, 10, QImage::Format_ARGB32);
        QPainter other(&image);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PdfDocumentWriter writer(&buffer);
        QVERIFY(!writer.drawText(&other, QPointF(1, 8), QStringLiteral("x")));
    }

    void structureIsSound()
    {
        QSize size;
        const QByteArray pdf = scenePdf(&size);
        QVERIFY(pdf.startsWith("%PDF-1.4\n"));
        QVERIFY(pdf.endsWith("%%EOF\n"));
        // Every cross-reference entry points at its object.
        const int start = pdf.lastIndexOf("startxref\n");
        QVERIFY(start > 0);
        const int xref = pdf.mid(start + 10).split('\n').first().toInt();
        QVERIFY(pdf.mid(xref, 5) == "xref\n");
        const QList<QByteArray> lines = pdf.mid(xref).split('\n');
        const int count = lines.at(1).split(' ').at(1).toInt();
        QVERIFY(count > 10);
        for (int i = 1; i < count; ++i) {
            const QByteArray entry = lines.at(2 + i);
            QCOMPARE(entry.size(), 19); // 20 with its \n
            const int offset = entry.left(10).toInt();
            QVERIFY2(pdf.mid(offset).startsWith(QByteArray::number(i) + " 0 obj\n"), entry.constData());
        }
        QVERIFY(pdf.contains("/Title <FEFF005300630065006E0065>"));
        QVERIFY(pdf.contains("/Subtype /CIDFontType2"));
        QVERIFY(pdf.contains("/FontFile2"));
        QVERIFY(pdf.contains("/ToUnicode"));
        QVERIFY(pdf.contains("/SMask"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("scene.pdf"));
        QVERIFY2(test::saved(file, pdf), qPrintable(file));
        QByteArray out, err;
        QString why;
        QVERIFY2(run(QStringLiteral("pdfinfo"), {file}, &out, &err, &why), qPrintable(why));
        QVERIFY2(err.isEmpty(), err.constData());
        QVERIFY(QString::fromUtf8(out).contains(QRegularExpression(QStringLiteral("Pages:\\s+2\n"))));
        QVERIFY(QString::fromUtf8(out).contains(QRegularExpression(QStringLiteral("Creator:\\s+tst_pdfwriter\n"))));
        QVERIFY2(run(QStringLiteral("pdffonts"), {file}, &out, &err, &why), qPrintable(why));
        QVERIFY2(err.isEmpty(), err.constData());
        // Every font embedded, as a subset, with a ToUnicode map.
        const QList<QByteArray> fonts = out.split('\n').mid(2);
        int embedded = 0;
        for (const QByteArray &line : fonts) {
            if (line.trimmed().isEmpty())
                continue;
            QVERIFY2(line.contains("CID TrueType") && line.contains(" yes yes yes "), line.constData());
            ++embedded;
        }
        QVERIFY(embedded >= 3); // DejaVu Sans, Sans Bold, Serif
    }
};

QTEST_MAIN(TestPdfWriter)
#include "tst_pdfwriter.moc"
