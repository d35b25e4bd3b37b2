#include "report/pdfwriter.h"

#include "report/pdffont.h"
#include "report/plaintext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QIODevice>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QRawFont>
#include <QTextLayout>
#include <QThreadPool>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <future>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::PdfDocumentWriter", text);
}

// Page contents waiting for their compression: at most this many pages in memory.
constexpr size_t kMaxPendingPages = 3;
// A glyph further than this (device pixels: 0.05 pt at 300 dpi) from where the font's advances put it
// gets a TJ adjustment (layouts round advances to 1/64 pixel: smaller would adjust every few glyphs).
constexpr double kGlyphSlack = 0.2;

// Writes v with at most `decimals` decimals (trailing zeros dropped) at p; returns the end.
char *writeReal(char *p, double v, int decimals)
{
    static const long long powers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (!std::isfinite(v))
        v = 0;
    v = std::clamp(v, -1e9, 1e9);
    const long long scale = powers[decimals];
    long long n = std::llround(v * static_cast<double>(scale));
    if (n < 0) {
        *p++ = '-';
        n = -n;
    }
    long long integral = n / scale;
    long long fraction = n % scale;
    char digits[24];
    int len = 0;
    do {
        digits[len++] = char('0' + integral % 10);
        integral /= 10;
    } while (integral > 0);
    while (len > 0)
        *p++ = digits[--len];
    if (fraction > 0) {
        int count = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --count;
        }
        *p++ = '.';
        for (int i = count - 1; i >= 0; --i) {
            p[i] = char('0' + fraction % 10);
            fraction /= 10;
        }
        p += count;
    }
    return p;
}

// Appends v as a PDF real (see writeReal).
void real(QByteArray &out, double v, int decimals = 2)
{
    char buf[40];
    out.append(buf, int(writeReal(buf, v, decimals) - buf));
}

// Appends an RGB colour and its operator ("rg" to fill, "RG" to stroke).
void rgbColor(QByteArray &out, QRgb rgb, const char *op)
{
    real(out, qRed(rgb) / 255.0, 3);
    out += ' ';
    real(out, qGreen(rgb) / 255.0, 3);
    out += ' ';
    real(out, qBlue(rgb) / 255.0, 3);
    out += ' ';
    out += op;
    out += '\n';
}

// Writes the six numbers of m at p (at most 6 x 20 characters); returns the end.
char *writeMatrix(char *p, const QTransform &m)
{
    for (double v : {m.m11(), m.m12(), m.m21(), m.m22()}) {
        p = writeReal(p, v, 5);
        *p++ = ' ';
    }
    p = writeReal(p, m.dx(), 3);
    *p++ = ' ';
    return writeReal(p, m.dy(), 3);
}

void matrix(QByteArray &out, const QTransform &m)
{
    char buf[240];
    out.append(buf, int(writeMatrix(buf, m) - buf));
}

void point(QByteArray &out, double x, double y)
{
    char buf[80];
    char *p = writeReal(buf, x, 2);
    *p++ = ' ';
    p = writeReal(p, y, 2);
    *p++ = ' ';
    out.append(buf, int(p - buf));
}

void hex4(QByteArray &out, quint32 v)
{
    static const char digits[] = "0123456789ABCDEF";
    char c[4] = {digits[(v >> 12) & 0xf], digits[(v >> 8) & 0xf], digits[(v >> 4) & 0xf], digits[v & 0xf]};
    out.append(c, 4);
}

// The TJ array that shows n glyphs of font at pixels per em: glyphAt(k) at
// wantAt(k) pixels from the first glyph's origin (each called once per glyph,
// in order), each glyph at the font's width, with an adjustment where its
// position differs from there by more than kGlyphSlack.
template <typename GlyphAt, typename WantAt>
QByteArray tjArray(const PdfFont &font, double pixels, int n, GlyphAt glyphAt, WantAt wantAt)
{
    // "[<", per glyph at most an adjustment (">" 20 digits "<") and 4 hex digits, then ">] TJ\n".
    std::vector<char> buf(size_t(n) * 32 + 16);
    char *p = buf.data();
    static const char hex[] = "0123456789ABCDEF";
    *p++ = '[';
    *p++ = '<';
    double x = 0;
    for (int k = 0; k < n; ++k) {
        const quint32 g = glyphAt(k);
        const double want = wantAt(k);
        if (std::abs(want - x) > kGlyphSlack && pixels > 0) {
            const long long adjust = std::llround((x - want) * 1000.0 / pixels);
            if (adjust != 0) {
                *p++ = '>';
                p = std::to_chars(p, p + 20, adjust).ptr;
                *p++ = '<';
                x -= adjust * pixels / 1000.0;
            }
        }
        *p++ = hex[(g >> 12) & 0xf];
        *p++ = hex[(g >> 8) & 0xf];
        *p++ = hex[(g >> 4) & 0xf];
        *p++ = hex[g & 0xf];
        x += font.width(g) * pixels / 1000.0;
    }
    for (const char c : QByteArrayView(">] TJ\n"))
        *p++ = c;
    return QByteArray(buf.data(), int(p - buf.data()));
}

// A text string: UTF-16BE hex with its byte order mark.
QByteArray textString(const QString &text)
{
    QByteArray out = "<FEFF";
    for (const QChar c : text)
        hex4(out, c.unicode());
    return out + '>';
}

QByteArray deflate(const QByteArray &data, int level)
{
    // qCompress: a 4-byte length, then the zlib stream FlateDecode reads.
    return qCompress(data, level).mid(4);
}

// The colour a brush paints with; a gradient's first stop, a pattern's colour.
QColor brushColor(const QBrush &brush)
{
    if (const QGradient *g = brush.gradient()) {
        const QGradientStops stops = g->stops();
        return stops.isEmpty() ? QColor(Qt::black) : stops.first().second;
    }
    return brush.color();
}

// Where QPainter's user space starts: the device's top left, y down, in device pixels.
bool isComplex(const QTransform &t)
{
    return t.type() > QTransform::TxTranslate;
}

// Whether a pen draws anything (QSvgRenderer's default pen is solid with no brush).
bool strokes(const QPen &pen)
{
    return pen.style() != Qt::NoPen && pen.brush().style() != Qt::NoBrush;
}

} // namespace

// The engine behind PdfDocumentWriter: builds each page's content stream,
// keeps the document's fonts, images and transparency states, and writes
// the objects as they are done (fonts at the end, once every glyph is known).
class PdfPaintEngine final : public QPaintEngine
{
public:
    PdfPaintEngine(PdfDocumentWriter *device, QIODevice *out)
        : QPaintEngine(QPaintEngine::AllFeatures), mDevice(device), mOut(out)
    {
        mPool.setMaxThreadCount(1);
    }
    ~PdfPaintEngine() override { mPool.waitForDone(); }

    using QPaintEngine::drawEllipse;
    using QPaintEngine::drawLines;
    using QPaintEngine::drawPoints;
    using QPaintEngine::drawPolygon;
    using QPaintEngine::drawRects;

    bool begin(QPaintDevice *) override;
    bool end() override;
    void updateState(const QPaintEngineState &state) override;
    void drawPath(const QPainterPath &path) override;
    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override;
    void drawRects(const QRectF *rects, int count) override;
    void drawLines(const QLineF *lines, int count) override;
    void drawEllipse(const QRectF &rect) override;
    void drawPoints(const QPointF *points, int count) override;
    void drawPixmap(const QRectF &r, const QPixmap &pixmap, const QRectF &sr) override;
    void drawImage(const QRectF &r, const QImage &image, const QRectF &sr, Qt::ImageConversionFlags flags) override;
    void drawTextItem(const QPointF &p, const QTextItem &textItem) override;
    Type type() const override { return QPaintEngine::User; }
    // PdfDocumentWriter::drawText.
    bool drawText(QPainter *painter, const QPointF &baseline, const QString &text);

    bool newPage();
    QString error() const { return mError; }
    void setTitle(const QString &title) { mTitle = title; }
    void setCreator(const QString &creator) { mCreator = creator; }
    void setLevel(int level) { mLevel = level; }

private:
    // One glyph run of a shaped text, ready to be shown: a TJ array in one
    // font, or (a font that cannot be embedded) the glyphs' outlines.
    struct Run
    {
        int font = -1;
        double size = 0;
        QPointF origin; // the first glyph's baseline, from the text's origin
        QByteArray tj;
        QPainterPath outline;
    };
    using Shaped = std::vector<Run>;
    struct StringHash
    {
        size_t operator()(const QString &s) const noexcept { return plainTextHash(s); }
    };
    using ShapedTexts = std::unordered_map<QString, Shaped, StringHash>;

    void startPage();
    void finishPage();
    int allocate();
    void writeObject(int number, const QByteArray &body);
    void writeStream(int number, const QByteArray &dict, const QByteArray &data, bool compressed);
    void write(const QByteArray &bytes);
    void flushPending(size_t keep);
    void writeFonts();

    // Sets the clip (device space) if it changed; false when nothing can show.
    bool syncClip();
    void resetEmitted();
    void setFill(const QColor &color);
    void setStroke(const QPen &pen);
    void setAlpha(int fill, int stroke);
    // Starts a drawing: clip, colours and alpha; false when it is clipped away.
    bool prepare(bool fill, bool stroke);
    void pathOps(const QPainterPath &path, const QPointF &offset);
    void drawShape(const QPainterPath &path, bool fill, bool stroke, bool evenOdd);

    // size: the item's ascent, in pixels: the same font at another resolution is another font
    // (-1: the font as a painter on this device has it, at the device's resolution).
    const Shaped &shape(const QFont &font, double size, const QString &text);
    // Shows shaped text at p (its baseline's origin) in color, under transform; false when
    // a run of it has no font to show it with (outlines).
    bool
    showRuns(const Shaped &shaped, const QPointF &p, const QColor &color, double opacity, const QTransform &transform);
    int fontIndex(const QRawFont &raw);
    // Text of simple scripts (Latin, Greek, Cyrillic, punctuation, arrows) that the font
    // has every character of: its glyphs from the cmap and its kerned advances, without
    // the cost of a QTextLayout (a report shows tens of thousands of different names).
    bool shapePlain(const QString &text, Shaped *shaped);
    void mapGlyphs(PdfFont &font, const QGlyphRun &run, const QString &text, bool alone);
    int imageIndex(const QImage &image, bool interpolate);

    PdfDocumentWriter *mDevice;
    QIODevice *mOut;
    QString mTitle;
    QString mCreator;
    int mLevel = 3; // zlib
    QString mError;
    bool mStarted = false;
    bool mFinished = false;
    qint64 mPos = 0;
    std::vector<qint64> mOffsets{-1};
    QVector<int> mPages;
    QByteArray mPage;
    QSizeF mPagePoints;
    QByteArray mBaseMatrix;
    struct Pending
    {
        int number;
        std::future<QByteArray> data;
    };
    std::deque<Pending> mPending;
    QThreadPool mPool;

    // The painter's state.
    QPen mPen;
    QBrush mBrush;
    QTransform mTransform;
    double mOpacity = 1.0;
    bool mClipEnabled = false;
    bool mHasClip = false;
    QPainterPath mClip;
    bool mClipDirty = true;

    // What the content stream has set (reset by the Q that ends a clip).
    bool mInClip = false;
    QPainterPath mEmittedClip;
    QRgb mFill = 0;
    bool mFillSet = false;
    QRgb mStroke = 0;
    bool mStrokeSet = false;
    QByteArray mStrokeStyle;
    int mAlpha = -1; // fill << 8 | stroke; -1 = default (opaque)
    int mFont = -1;

    // The document's resources.
    std::vector<std::unique_ptr<PdfFont>> mFonts;
    QHash<QString, int> mFontKeys;
    std::vector<std::pair<QRawFont, int>> mRawFonts;
    // Per font (key and size): its raw font for plain text, or none (-1: shape with QTextLayout).
    struct Plain
    {
        std::unique_ptr<PlainTextShaper> shaper;
        int font = -1;
    };
    std::unordered_map<QString, Plain, StringHash> mPlain;
    Plain *mLastPlain = nullptr;
    QFont mLastFont;
    double mLastSize = 0;
    ShapedTexts *mLastTexts = nullptr;
    std::unordered_map<QString, ShapedTexts, StringHash> mTexts;
    QHash<qint64, int> mImageKeys;
    QVector<int> mImages;
    QHash<int, int> mAlphaStates;
    QVector<int> mAlphaKeys;
};

bool PdfPaintEngine::begin(QPaintDevice *)
{
    if (mFinished) {
        mError = tr("the PDF is already finished");
        return false;
    }
    if (!mStarted) {
        mStarted = true;
        for (int i = 0; i < 4; ++i)
            allocate(); // 1 catalog, 2 pages, 3 resources, 4 info
        write("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        startPage();
    }
    setActive(true);
    return mError.isEmpty();
}

bool PdfPaintEngine::end()
{
    if (!mStarted || mFinished)
        return mError.isEmpty();
    finishPage();
    flushPending(0);
    writeFonts();
    // Shared resources: every page uses the same dictionary.
    QByteArray resources = "<< /ProcSet [/PDF /Text /ImageB /ImageC]\n/Font <<";
    for (int i = 0; i < int(mFonts.size()); ++i) {
        if (mFonts[i]->object() > 0)
            resources += " /F" + QByteArray::number(i) + ' ' + QByteArray::number(mFonts[i]->object()) + " 0 R";
    }
    resources += " >>\n/XObject <<";
    for (int i = 0; i < mImages.size(); ++i)
        resources += " /I" + QByteArray::number(i) + ' ' + QByteArray::number(mImages.at(i)) + " 0 R";
    resources += " >>\n/ExtGState <<";
    for (int i = 0; i < mAlphaKeys.size(); ++i) {
        const int key = mAlphaKeys.at(i);
        resources += " /G" + QByteArray::number(i) + " << /ca ";
        real(resources, (key >> 8) / 255.0, 3);
        resources += " /CA ";
        real(resources, (key & 0xff) / 255.0, 3);
        resources += " >>";
    }
    resources += " >>\n>>";
    writeObject(3, resources);
    QByteArray kids;
    for (int page : mPages)
        kids += QByteArray::number(page) + " 0 R ";
    writeObject(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(mPages.size()) + " >>");
    writeObject(1, "<< /Type /Catalog /Pages 2 0 R >>");
    const QByteArray date = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    writeObject(4, "<< /Title " + textString(mTitle) + " /Creator " + textString(mCreator)
                       + " /Producer (Topology Designer PDF writer) /CreationDate (D:" + date + "Z) >>");
    const qint64 xref = mPos;
    QByteArray table = "xref\n0 " + QByteArray::number(qint64(mOffsets.size())) + "\n0000000000 65535 f \n";
    for (size_t i = 1; i < mOffsets.size(); ++i) {
        char line[40];
        std::snprintf(line, sizeof line, "%010lld 00000 n \n",
                      static_cast<long long>(std::max<qint64>(mOffsets[i], 0)));
        table.append(line, 20);
    }
    const QByteArray id = QByteArray::number(qHash(mTitle) ^ qHash(date), 16).rightJustified(16, '0');
    table += "trailer\n<< /Size " + QByteArray::number(qint64(mOffsets.size())) + " /Root 1 0 R /Info 4 0 R /ID [<" + id
           + "> <" + id + ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    write(table);
    mFinished = true;
    setActive(false);
    return mError.isEmpty();
}

int PdfPaintEngine::allocate()
{
    mOffsets.push_back(-1);
    return int(mOffsets.size()) - 1;
}

void PdfPaintEngine::write(const QByteArray &bytes)
{
    if (!mError.isEmpty())
        return;
    if (mOut->write(bytes) != bytes.size())
        mError = tr("could not write the PDF: %1").arg(mOut->errorString());
    mPos += bytes.size();
}

void PdfPaintEngine::writeObject(int number, const QByteArray &body)
{
    mOffsets[number] = mPos;
    write(QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n");
}

void PdfPaintEngine::writeStream(int number, const QByteArray &dict, const QByteArray &data, bool compressed)
{
    mOffsets[number] = mPos;
    write(QByteArray::number(number) + " 0 obj\n<< " + dict + (compressed ? " /Filter /FlateDecode" : "") + " /Length "
          + QByteArray::number(data.size()) + " >>\nstream\n");
    write(data);
    write("\nendstream\nendobj\n");
}

void PdfPaintEngine::flushPending(size_t keep)
{
    while (mPending.size() > keep) {
        Pending pending = std::move(mPending.front());
        mPending.pop_front();
        writeStream(pending.number, QByteArray(), pending.data.get(), true);
    }
}

void PdfPaintEngine::startPage()
{
    const QPageLayout layout = mDevice->pageLayout();
    const QRectF full = layout.fullRectPoints();
    const QRectF paint = layout.paintRect(QPageLayout::Point);
    mPagePoints = full.size();
    const double k = 72.0 / mDevice->resolution();
    mPage.clear();
    mPage.reserve(64 * 1024);
    mBaseMatrix.clear();
    matrix(mBaseMatrix, QTransform(k, 0, 0, -k, paint.left(), full.height() - paint.top()));
    mPage += mBaseMatrix + " cm\n";
    resetEmitted();
    mClipDirty = true;
}

void PdfPaintEngine::finishPage()
{
    if (mInClip)
        mPage += "Q\n";
    mInClip = false;
    const int content = allocate();
    const int page = allocate();
    mPages.append(page);
    QByteArray box = "[0 0 ";
    real(box, mPagePoints.width());
    box += ' ';
    real(box, mPagePoints.height());
    box += ']';
    writeObject(page, "<< /Type /Page /Parent 2 0 R /MediaBox " + box + " /Resources 3 0 R /Contents "
                          + QByteArray::number(content) + " 0 R >>");
    // Compressed in the worker while the next page is painted.
    auto task = std::make_shared<std::packaged_task<QByteArray()>>(
        [data = std::move(mPage), level = mLevel] { return deflate(data, level); });
    mPage = QByteArray();
    std::future<QByteArray> future = task->get_future();
    mPool.start([task] { (*task)(); });
    mPending.push_back(Pending{content, std::move(future)});
    flushPending(kMaxPendingPages - 1);
}

bool PdfPaintEngine::newPage()
{
    if (!mStarted || mFinished)
        return false;
    finishPage();
    startPage();
    return mError.isEmpty();
}

void PdfPaintEngine::resetEmitted()
{
    mEmittedClip = QPainterPath();
    mFillSet = false;
    mStrokeSet = false;
    mStrokeStyle.clear();
    mAlpha = -1;
    mFont = -1;
}

void PdfPaintEngine::updateState(const QPaintEngineState &s)
{
    const QPaintEngine::DirtyFlags flags = s.state();
    if (flags & DirtyPen)
        mPen = s.pen();
    if (flags & DirtyBrush)
        mBrush = s.brush();
    if (flags & DirtyTransform)
        mTransform = s.transform();
    if (flags & DirtyOpacity)
        mOpacity = s.opacity();
    if (flags & DirtyClipEnabled) {
        mClipEnabled = s.isClipEnabled();
        mClipDirty = true;
    }
    if (flags & (DirtyClipPath | DirtyClipRegion)) {
        QPainterPath path;
        if (flags & DirtyClipPath) {
            path = s.clipPath();
        } else {
            path.addRegion(s.clipRegion());
        }
        const QPainterPath device = s.transform().map(path);
        switch (s.clipOperation()) {
        case Qt::NoClip:
            mHasClip = false;
            mClip = QPainterPath();
            break;
        case Qt::ReplaceClip:
            mHasClip = true;
            mClip = device;
            mClipEnabled = true;
            break;
        case Qt::IntersectClip:
            mClip = mHasClip ? mClip.intersected(device) : device;
            mHasClip = true;
            mClipEnabled = true;
            break;
        }
        mClipDirty = true;
    }
}

bool PdfPaintEngine::syncClip()
{
    const bool clipped = mClipEnabled && mHasClip;
    if (clipped && mClip.isEmpty())
        return false;
    if (!mClipDirty)
        return true;
    mClipDirty = false;
    if (clipped == mInClip && (!clipped || mClip == mEmittedClip))
        return true;
    if (mInClip) {
        mPage += "Q\n";
        resetEmitted();
    }
    mInClip = clipped;
    if (clipped) {
        mPage += "q\n";
        pathOps(mClip, QPointF());
        mPage += mClip.fillRule() == Qt::OddEvenFill ? "W* n\n" : "W n\n";
        mEmittedClip = mClip;
    }
    return true;
}

void PdfPaintEngine::setFill(const QColor &color)
{
    const QRgb rgb = color.rgb() & 0xffffff;
    if (mFillSet && rgb == mFill)
        return;
    mFill = rgb;
    mFillSet = true;
    rgbColor(mPage, rgb, "rg");
}

void PdfPaintEngine::setStroke(const QPen &pen)
{
    const QRgb rgb = brushColor(pen.brush()).rgb() & 0xffffff;
    if (!mStrokeSet || rgb != mStroke) {
        mStroke = rgb;
        mStrokeSet = true;
        rgbColor(mPage, rgb, "RG");
    }
    // Width (cosmetic pens keep their device width under a transform), cap, join, dashes.
    double width = pen.widthF();
    const double scale = isComplex(mTransform) ? std::sqrt(std::abs(mTransform.determinant())) : 1.0;
    if (pen.isCosmetic() && width > 0 && scale > 0)
        width /= scale;
    QByteArray style;
    real(style, width, 3);
    style += " w ";
    style += pen.capStyle() == Qt::RoundCap ? "1 J " : pen.capStyle() == Qt::SquareCap ? "2 J " : "0 J ";
    switch (pen.joinStyle()) {
    case Qt::RoundJoin: style += "1 j "; break;
    case Qt::BevelJoin: style += "2 j "; break;
    default:
        style += "0 j ";
        real(style, std::max(1.0, pen.miterLimit()), 2);
        style += " M ";
        break;
    }
    style += '[';
    if (pen.style() != Qt::SolidLine && pen.style() != Qt::NoPen) {
        // Dashes in units of the pen's width (of one pixel for a hairline).
        double unit = pen.widthF() > 0 ? pen.widthF() : 1.0;
        if (pen.isCosmetic() && scale > 0)
            unit /= scale;
        const QList<qreal> pattern = pen.dashPattern();
        for (int i = 0; i < pattern.size(); ++i) {
            if (i)
                style += ' ';
            real(style, pattern.at(i) * unit, 3);
        }
        style += "] ";
        real(style, pen.dashOffset() * unit, 3);
        style += " d\n";
    } else {
        style += "] 0 d\n";
    }
    if (style != mStrokeStyle) {
        mStrokeStyle = style;
        mPage += style;
    }
}

void PdfPaintEngine::setAlpha(int fill, int stroke)
{
    const int key = (fill << 8) | stroke;
    if (key == mAlpha || (mAlpha == -1 && key == 0xffff))
        return;
    mAlpha = key;
    auto it = mAlphaStates.find(key);
    if (it == mAlphaStates.end()) {
        it = mAlphaStates.insert(key, mAlphaKeys.size());
        mAlphaKeys.append(key);
    }
    mPage += "/G" + QByteArray::number(it.value()) + " gs\n";
}

bool PdfPaintEngine::prepare(bool fill, bool stroke)
{
    if (!syncClip())
        return false;
    const int current = mAlpha < 0 ? 0xffff : mAlpha;
    int fillAlpha = current >> 8, strokeAlpha = current & 0xff;
    if (fill) {
        const QColor c = brushColor(mBrush);
        setFill(c);
        fillAlpha = std::clamp(int(std::lround(c.alphaF() * mOpacity * 255)), 0, 255);
    }
    if (stroke) {
        setStroke(mPen);
        strokeAlpha = std::clamp(int(std::lround(brushColor(mPen.brush()).alphaF() * mOpacity * 255)), 0, 255);
    }
    setAlpha(fillAlpha, strokeAlpha);
    return true;
}

void PdfPaintEngine::pathOps(const QPainterPath &path, const QPointF &offset)
{
    const int n = path.elementCount();
    QPointF start;
    int subpathLength = 0;
    auto close = [&](const QPointF &last) {
        if (subpathLength > 1 && last == start)
            mPage += "h\n";
    };
    QPointF last;
    for (int i = 0; i < n; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        switch (e.type) {
        case QPainterPath::MoveToElement:
            close(last);
            start = QPointF(e.x, e.y);
            subpathLength = 1;
            point(mPage, e.x + offset.x(), e.y + offset.y());
            mPage += "m\n";
            break;
        case QPainterPath::LineToElement:
            point(mPage, e.x + offset.x(), e.y + offset.y());
            mPage += "l\n";
            ++subpathLength;
            break;
        case QPainterPath::CurveToElement: {
            if (i + 2 >= n)
                break;
            const QPainterPath::Element c2 = path.elementAt(i + 1), end = path.elementAt(i + 2);
            point(mPage, e.x + offset.x(), e.y + offset.y());
            point(mPage, c2.x + offset.x(), c2.y + offset.y());
            point(mPage, end.x + offset.x(), end.y + offset.y());
            mPage += "c\n";
            last = QPointF(end.x, end.y);
            ++subpathLength;
            i += 2;
            continue;
        }
        case QPainterPath::CurveToDataElement: break;
        }
        last = QPointF(e.x, e.y);
    }
    close(last);
}

void PdfPaintEngine::drawShape(const QPainterPath &path, bool fill, bool stroke, bool evenOdd)
{
    fill = fill && mBrush.style() != Qt::NoBrush;
    stroke = stroke && strokes(mPen);
    if ((!fill && !stroke) || path.isEmpty() || !prepare(fill, stroke))
        return;
    const bool complex = isComplex(mTransform);
    const QPointF offset = complex ? QPointF() : QPointF(mTransform.dx(), mTransform.dy());
    if (complex) {
        mPage += "q ";
        matrix(mPage, mTransform);
        mPage += " cm\n";
    }
    pathOps(path, offset);
    if (fill && stroke)
        mPage += evenOdd ? "B*\n" : "B\n";
    else if (fill)
        mPage += evenOdd ? "f*\n" : "f\n";
    else
        mPage += "S\n";
    if (complex)
        mPage += "Q\n";
}

void PdfPaintEngine::drawPath(const QPainterPath &path)
{
    drawShape(path, true, true, path.fillRule() == Qt::OddEvenFill);
}

void PdfPaintEngine::drawPolygon(const QPointF *points, int count, PolygonDrawMode mode)
{
    if (count < 2)
        return;
    QPainterPath path;
    path.moveTo(points[0]);
    for (int i = 1; i < count; ++i)
        path.lineTo(points[i]);
    if (mode != PolylineMode)
        path.closeSubpath();
    drawShape(path, mode != PolylineMode, true, mode == OddEvenMode);
}

void PdfPaintEngine::drawRects(const QRectF *rects, int count)
{
    const bool fill = mBrush.style() != Qt::NoBrush;
    const bool stroke = strokes(mPen);
    if (isComplex(mTransform) || (!fill && !stroke)) {
        QPainterPath path;
        for (int i = 0; i < count; ++i)
            path.addRect(rects[i]);
        drawShape(path, true, true, false);
        return;
    }
    if (!prepare(fill, stroke))
        return;
    for (int i = 0; i < count; ++i) {
        const QRectF &r = rects[i];
        point(mPage, r.x() + mTransform.dx(), r.y() + mTransform.dy());
        point(mPage, r.width(), r.height());
        mPage += "re\n";
    }
    mPage += fill && stroke ? "B\n" : fill ? "f\n" : "S\n";
}

void PdfPaintEngine::drawLines(const QLineF *lines, int count)
{
    if (!strokes(mPen))
        return;
    if (isComplex(mTransform)) {
        QPainterPath path;
        for (int i = 0; i < count; ++i) {
            path.moveTo(lines[i].p1());
            path.lineTo(lines[i].p2());
        }
        drawShape(path, false, true, false);
        return;
    }
    if (!prepare(false, true))
        return;
    const double dx = mTransform.dx(), dy = mTransform.dy();
    for (int i = 0; i < count; ++i) {
        point(mPage, lines[i].x1() + dx, lines[i].y1() + dy);
        mPage += "m ";
        point(mPage, lines[i].x2() + dx, lines[i].y2() + dy);
        mPage += "l\n";
    }
    mPage += "S\n";
}

void PdfPaintEngine::drawEllipse(const QRectF &rect)
{
    QPainterPath path;
    path.addEllipse(rect);
    drawShape(path, true, true, false);
}

void PdfPaintEngine::drawPoints(const QPointF *points, int count)
{
    // A point is a square (or a dot with a round cap) of the pen's width.
    if (!strokes(mPen))
        return;
    const double w = std::max(mPen.widthF(), 1.0);
    const QBrush brush = mBrush;
    mBrush = mPen.brush();
    QPainterPath path;
    for (int i = 0; i < count; ++i) {
        const QRectF r(points[i].x() - w / 2, points[i].y() - w / 2, w, w);
        if (mPen.capStyle() == Qt::RoundCap)
            path.addEllipse(r);
        else
            path.addRect(r);
    }
    const QPen pen = mPen;
    mPen = QPen(Qt::NoPen);
    drawShape(path, true, false, false);
    mPen = pen;
    mBrush = brush;
}

void PdfPaintEngine::drawPixmap(const QRectF &r, const QPixmap &pixmap, const QRectF &sr)
{
    drawImage(r, pixmap.toImage(), sr, Qt::AutoColor);
}

void PdfPaintEngine::drawImage(const QRectF &r, const QImage &image, const QRectF &sr, Qt::ImageConversionFlags)
{
    if (image.isNull() || r.isEmpty() || !syncClip())
        return;
    const QRect source = sr.toAlignedRect().intersected(image.rect());
    if (source.isEmpty())
        return;
    const QImage part = source == image.rect() ? image : image.copy(source);
    const bool smooth = state->renderHints() & QPainter::SmoothPixmapTransform;
    const int index = imageIndex(part, smooth);
    if (index < 0)
        return;
    const int alpha = std::clamp(int(std::lround(mOpacity * 255)), 0, 255);
    setAlpha(alpha, mAlpha < 0 ? 255 : (mAlpha & 0xff));
    mPage += "q ";
    matrix(mPage, QTransform(r.width(), 0, 0, -r.height(), r.x(), r.y() + r.height()) * mTransform);
    mPage += " cm /I" + QByteArray::number(index) + " Do Q\n";
}

int PdfPaintEngine::imageIndex(const QImage &image, bool interpolate)
{
    const auto it = mImageKeys.constFind(image.cacheKey());
    if (it != mImageKeys.constEnd())
        return it.value();
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    const int w = argb.width(), h = argb.height();
    QByteArray rgb(w * h * 3, Qt::Uninitialized), alpha(w * h, Qt::Uninitialized);
    bool translucent = false;
    char *c = rgb.data();
    char *a = alpha.data();
    for (int y = 0; y < h; ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const QRgb p = line[x];
            *c++ = char(qRed(p));
            *c++ = char(qGreen(p));
            *c++ = char(qBlue(p));
            *a++ = char(qAlpha(p));
            translucent = translucent || qAlpha(p) != 255;
        }
    }
    const QByteArray size = "/Width " + QByteArray::number(w) + " /Height " + QByteArray::number(h)
                          + " /BitsPerComponent 8" + (interpolate ? " /Interpolate true" : "");
    int mask = 0;
    if (translucent) {
        mask = allocate();
        writeStream(mask, "/Type /XObject /Subtype /Image /ColorSpace /DeviceGray " + size, deflate(alpha, mLevel),
                    true);
    }
    const int number = allocate();
    writeStream(number,
                "/Type /XObject /Subtype /Image /ColorSpace /DeviceRGB " + size
                    + (mask ? " /SMask " + QByteArray::number(mask) + " 0 R" : QByteArray()),
                deflate(rgb, mLevel), true);
    const int index = mImages.size();
    mImages.append(number);
    mImageKeys.insert(image.cacheKey(), index);
    return index;
}

int PdfPaintEngine::fontIndex(const QRawFont &raw)
{
    // The same font engine as before (a raw font per font and size): no tables read.
    for (const auto &[known, index] : mRawFonts) {
        if (known == raw)
            return index;
    }
    // The font file, by its own tables (not familyName(): it fails on some fallback fonts in Qt 6.4).
    const QString key = QString::number(qHash(raw.fontTable("head"))) + QLatin1Char('|')
                      + QString::number(qHash(raw.fontTable("name"))) + QLatin1Char('|')
                      + QString::number(qHash(raw.fontTable("maxp")));
    auto it = mFontKeys.find(key);
    if (it == mFontKeys.end()) {
        auto font = std::make_unique<PdfFont>(raw);
        const int index = font->isEmbeddable() ? int(mFonts.size()) : -1;
        if (index >= 0)
            mFonts.push_back(std::move(font));
        it = mFontKeys.insert(key, index);
    }
    if (mRawFonts.size() < 256)
        mRawFonts.emplace_back(raw, it.value());
    return it.value();
}

bool PdfPaintEngine::shapePlain(const QString &text, Shaped *shaped)
{
    if (!mLastPlain || mLastPlain->font < 0 || text.isEmpty())
        return false;
    QVector<quint32> glyphs;
    QVector<double> advances;
    QVector<int> clusters;
    if (!mLastPlain->shaper->shape(text, &glyphs, &advances, &clusters))
        return false;
    const QRawFont &raw = mLastPlain->shaper->rawFont();
    PdfFont &font = *mFonts[mLastPlain->font];
    const double pixels = raw.pixelSize();
    for (int i = 0; i < glyphs.size(); ++i) {
        const quint32 g = glyphs.at(i);
        if (!font.isMapped(g)) // the characters it stands for (a ligature: several)
            font.use(g, text.mid(clusters.at(i),
                                 (i + 1 < clusters.size() ? clusters.at(i + 1) : text.size()) - clusters.at(i)));
        else if (!font.isUsed(g))
            font.use(g, QString());
    }
    Run run;
    run.font = mLastPlain->font;
    run.size = pixels;
    double want = 0; // the sum of the advances before each glyph
    run.tj = tjArray(
        font, pixels, int(glyphs.size()), [&](int i) { return glyphs.at(i); },
        [&](int i) {
            const double at = want;
            want += advances.at(i);
            return at;
        });
    shaped->push_back(std::move(run));
    return true;
}

void PdfPaintEngine::mapGlyphs(PdfFont &font, const QGlyphRun &run, const QString &text, bool alone)
{
    // The characters and the glyphs the font's cmap gives them.
    QStringList chars;
    QVector<quint32> mapped;
    const QRawFont raw = run.rawFont();
    for (int i = 0; i < text.size(); ++i) {
        const int n = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QString c = text.mid(i, n);
        i += n - 1;
        chars << c;
        mapped << raw.glyphIndexesForString(c).value(0);
    }
    QVector<quint32> glyphs = run.glyphIndexes();
    if (std::all_of(glyphs.cbegin(), glyphs.cend(), [&](quint32 g) { return font.isMapped(g); })) {
        for (quint32 g : glyphs)
            font.use(g, QString());
        return;
    }
    // (A run's glyphs come in the order of its characters, right to left ones too.)
    if (!alone) {
        // One of several runs (a fallback font for some characters): the cmap alone.
        for (int j = 0; j < chars.size(); ++j) {
            if (mapped.at(j) && glyphs.contains(mapped.at(j)))
                font.use(mapped.at(j), chars.at(j));
        }
        for (quint32 g : glyphs)
            font.use(g, QString());
        return;
    }
    // The glyphs in step with the characters; a glyph the cmap does not give
    // (a ligature, a contextual form) stands for the characters up to the
    // one that gives the next glyph.
    int j = 0;
    for (int i = 0; i < glyphs.size(); ++i) {
        const quint32 g = glyphs.at(i);
        if (j < chars.size() && mapped.at(j) == g) {
            font.use(g, chars.at(j));
            ++j;
            continue;
        }
        int end = j + 1;
        while (end < chars.size() && (i + 1 >= glyphs.size() || mapped.at(end) != glyphs.at(i + 1)))
            ++end;
        if (i + 1 >= glyphs.size())
            end = chars.size();
        QString what;
        for (int k = j; k < end && k < chars.size(); ++k)
            what += chars.at(k);
        font.use(g, what);
        j = end;
    }
}

const PdfPaintEngine::Shaped &PdfPaintEngine::shape(const QFont &font, double size, const QString &text)
{
    if (!mLastTexts || font != mLastFont || size != mLastSize) {
        mLastFont = font;
        mLastSize = size;
        const QString key = font.key() + QLatin1Char('|')
                          + (size < 0 ? QStringLiteral("device") : QString::number(size, 'g', 10));
        mLastTexts = &mTexts[key];
        auto plain = mPlain.find(key);
        if (plain == mPlain.end()) {
            Plain entry;
            entry.shaper = std::make_unique<PlainTextShaper>(font);
            // Spacing and capitals change what the raw font's advances and glyphs give.
            const bool plainFont = font.letterSpacing() == 0 && font.wordSpacing() == 0
                                && font.capitalization() == QFont::MixedCase
                                && (font.stretch() == QFont::AnyStretch || font.stretch() == QFont::Unstretched);
            entry.font = plainFont && entry.shaper->isValid() ? fontIndex(entry.shaper->rawFont()) : -1;
            plain = mPlain.emplace(key, std::move(entry)).first;
        }
        mLastPlain = &plain->second;
    }
    auto it = mLastTexts->find(text);
    if (it != mLastTexts->end())
        return it->second;
    Shaped shaped;
    if (shapePlain(text, &shaped))
        return mLastTexts->emplace(text, std::move(shaped)).first->second;
    // The font as the item laid it out (its resolution with it: a chart is laid out at the screen's).
    QTextLayout layout(text, font);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e9);
    layout.endLayout();
    const double baseline = line.isValid() ? line.ascent() : 0.0;
    const QList<QGlyphRun> runs = layout.glyphRuns();
    for (const QGlyphRun &glyphRun : runs) {
        const QVector<quint32> glyphs = glyphRun.glyphIndexes();
        const QVector<QPointF> positions = glyphRun.positions();
        if (glyphs.isEmpty() || positions.size() != glyphs.size())
            continue;
        const QRawFont raw = glyphRun.rawFont();
        const int index = fontIndex(raw);
        if (index < 0) {
            // Outlines only (no TrueType program to embed).
            Run run;
            for (int i = 0; i < glyphs.size(); ++i)
                run.outline.addPath(raw.pathForGlyph(glyphs.at(i)).translated(positions.at(i) - QPointF(0, baseline)));
            shaped.push_back(std::move(run));
            continue;
        }
        PdfFont &pdfFont = *mFonts[index];
        mapGlyphs(pdfFont, glyphRun, text, runs.size() == 1);
        const double pixels = raw.pixelSize();
        // Shown left to right (a right-to-left run lists its glyphs in the order of its
        // characters: text extraction expects them in the order they appear).
        QVector<int> order(glyphs.size());
        std::iota(order.begin(), order.end(), 0);
        if (glyphRun.isRightToLeft())
            std::reverse(order.begin(), order.end());
        // One TJ per stretch on the same baseline; positions from the advances, adjusted where they differ.
        int start = 0;
        while (start < order.size()) {
            const QPointF first = positions.at(order.at(start));
            Run run;
            run.font = index;
            run.size = pixels;
            run.origin = first - QPointF(0, baseline);
            int k = start;
            while (k < order.size() && positions.at(order.at(k)).y() == first.y())
                ++k;
            run.tj = tjArray(
                pdfFont, pixels, k - start, [&](int n) { return glyphs.at(order.at(start + n)); },
                [&](int n) { return positions.at(order.at(start + n)).x() - first.x(); });
            shaped.push_back(std::move(run));
            start = k;
        }
    }
    return mLastTexts->emplace(text, std::move(shaped)).first->second;
}

void PdfPaintEngine::drawTextItem(const QPointF &p, const QTextItem &textItem)
{
    const QString text = textItem.text();
    if (text.isEmpty()) {
        // Glyphs without their characters (QPainter::drawGlyphRun): drawn as outlines.
        QPaintEngine::drawTextItem(p, textItem);
        return;
    }
    if (!strokes(mPen))
        return;
    const QFont font = textItem.font();
    const Shaped &shaped = shape(font, textItem.ascent(), text);
    if (!syncClip())
        return;
    if (!showRuns(shaped, p, brushColor(mPen.brush()), mOpacity, mTransform)) {
        for (const Run &run : shaped) {
            if (run.font >= 0)
                continue;
            const QBrush brush = mBrush;
            const QPen pen = mPen;
            mBrush = pen.brush();
            mPen = QPen(Qt::NoPen);
            drawShape(run.outline.translated(p), true, false, false);
            mPen = pen;
            mBrush = brush;
        }
    }
    const QTextItem::RenderFlags flags = textItem.renderFlags();
    if (flags & (QTextItem::Underline | QTextItem::StrikeOut | QTextItem::Overline)) {
        const QFontMetricsF metrics(font); // at the font's own resolution, as laid out
        const double w = std::max(metrics.lineWidth(), 1.0);
        QPainterPath lines;
        auto line = [&](double y) { lines.addRect(QRectF(p.x(), p.y() + y - w / 2, textItem.width(), w)); };
        if (flags & QTextItem::Underline)
            line(metrics.underlinePos());
        if (flags & QTextItem::StrikeOut)
            line(-metrics.strikeOutPos());
        if (flags & QTextItem::Overline)
            line(-metrics.overlinePos());
        const QBrush brush = mBrush;
        const QPen pen = mPen;
        mBrush = pen.brush();
        mPen = QPen(Qt::NoPen);
        drawShape(lines, true, false, false);
        mPen = pen;
        mBrush = brush;
    }
}

bool PdfPaintEngine::showRuns(const Shaped &shaped,
                              const QPointF &p,
                              const QColor &color,
                              double opacity,
                              const QTransform &transform)
{
    setFill(color);
    const int alpha = std::clamp(int(std::lround(color.alphaF() * opacity * 255)), 0, 255);
    setAlpha(alpha, mAlpha < 0 ? 255 : (mAlpha & 0xff));
    bool all = true;
    for (const Run &run : shaped) {
        if (run.font < 0) {
            all = false;
            continue;
        }
        // "BT", the font when it changes and the text matrix, written in one piece.
        char buf[320];
        char *q = buf;
        const auto put = [&q](const char *text) {
            while (*text)
                *q++ = *text++;
        };
        put("BT\n");
        if (mFont != run.font) {
            mFont = run.font;
            put("/F");
            q = writeReal(q, run.font, 0);
            put(" 1 Tf\n");
        }
        const QPointF origin = p + run.origin;
        q = writeMatrix(q, transform.type() <= QTransform::TxTranslate
                               ? QTransform(run.size, 0, 0, -run.size, origin.x() + transform.dx(),
                                            origin.y() + transform.dy())
                               : QTransform(run.size, 0, 0, -run.size, origin.x(), origin.y()) * transform);
        put(" Tm\n");
        mPage.append(buf, int(q - buf));
        mPage += run.tj;
        mPage += "ET\n";
    }
    return all;
}

bool PdfPaintEngine::drawText(QPainter *painter, const QPointF &baseline, const QString &text)
{
    // The painter's state, read from it (it reaches this engine only with its next drawing):
    // a clip (the painter's, or one this engine has not ended yet) is left to QPainter.
    if (painter->hasClipping() || (mClipEnabled && mHasClip))
        return false;
    const QPen &pen = painter->pen();
    if (text.isEmpty() || !strokes(pen))
        return true;
    const QFont &font = painter->font();
    if (font.underline() || font.overline() || font.strikeOut())
        return false;
    const Shaped &shaped = shape(font, -1, text);
    if (std::any_of(shaped.begin(), shaped.end(), [](const Run &run) { return run.font < 0; }))
        return false;
    if (!syncClip())
        return true;
    // The world transform is the whole transform on this device (no view transform, no device pixel ratio).
    showRuns(shaped, baseline, brushColor(pen.brush()), painter->opacity(),
             painter->viewTransformEnabled() ? painter->combinedTransform() : painter->worldTransform());
    return true;
}

void PdfPaintEngine::writeFonts()
{
    for (int i = 0; i < int(mFonts.size()); ++i) {
        PdfFont &font = *mFonts[i];
        if (!font.hasUsedGlyphs())
            continue; // met, but no text drawn with it
        // A subset's name: six capitals, then the font's name.
        QByteArray tag;
        uint hash = qHash(font.baseName()) ^ uint(i * 2654435761u);
        for (int k = 0; k < 6; ++k) {
            tag += char('A' + hash % 26);
            hash /= 26;
        }
        const QByteArray name = tag + '+' + font.baseName().toLatin1();
        const QByteArray program = font.subset();
        const int file = allocate();
        writeStream(file, "/Length1 " + QByteArray::number(program.size()), deflate(program, mLevel), true);
        const int descriptor = allocate();
        writeObject(descriptor, "<< /Type /FontDescriptor /FontName /" + name + " /Flags 4 " + font.descriptorMetrics()
                                    + " /FontFile2 " + QByteArray::number(file) + " 0 R >>");
        const int cid = allocate();
        writeObject(cid, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name
                             + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                             + " /FontDescriptor " + QByteArray::number(descriptor) + " 0 R /CIDToGIDMap /Identity"
                             + " /W [" + font.widthsArray() + "] >>");
        const int unicode = allocate();
        writeStream(unicode, QByteArray(), deflate(font.toUnicodeCMap(), mLevel), true);
        const int type0 = allocate();
        writeObject(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H"
                               + " /DescendantFonts [" + QByteArray::number(cid) + " 0 R] /ToUnicode "
                               + QByteArray::number(unicode) + " 0 R >>");
        font.setObject(type0);
    }
}

PdfDocumentWriter::PdfDocumentWriter(QIODevice *out)
    : mLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()),
      mEngine(std::make_unique<PdfPaintEngine>(this, out))
{}

PdfDocumentWriter::~PdfDocumentWriter() = default;

void PdfDocumentWriter::setPageSize(const QPageSize &size)
{
    mLayout.setPageSize(size, mLayout.margins());
}

void PdfDocumentWriter::setPageMargins(const QMarginsF &margins, QPageLayout::Unit unit)
{
    mLayout.setUnits(unit);
    mLayout.setMargins(margins);
}

void PdfDocumentWriter::setResolution(int dpi)
{
    mResolution = std::max(1, dpi);
}

void PdfDocumentWriter::setTitle(const QString &title)
{
    mEngine->setTitle(title);
}

void PdfDocumentWriter::setCreator(const QString &creator)
{
    mEngine->setCreator(creator);
}

void PdfDocumentWriter::setCompressionLevel(int level)
{
    mEngine->setLevel(std::clamp(level, 0, 9));
}

bool PdfDocumentWriter::newPage()
{
    return mEngine->newPage();
}

QString PdfDocumentWriter::errorString() const
{
    return mEngine->error();
}

bool PdfDocumentWriter::drawText(QPainter *painter, const QPointF &baseline, const QString &text)
{
    return painter && painter->isActive() && painter->paintEngine() == mEngine.get()
        && mEngine->drawText(painter, baseline, text);
}

QPaintEngine *PdfDocumentWriter::paintEngine() const
{
    return mEngine.get();
}

int PdfDocumentWriter::metric(PaintDeviceMetric metric) const
{
    const QRect paint = mLayout.paintRectPixels(mResolution);
    const QRectF mm = mLayout.paintRect(QPageLayout::Millimeter);
    switch (metric) {
    case PdmWidth: return paint.width();
    case PdmHeight: return paint.height();
    case PdmWidthMM: return qRound(mm.width());
    case PdmHeightMM: return qRound(mm.height());
    case PdmNumColors: return INT_MAX;
    case PdmDepth: return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY: return mResolution;
    case PdmDevicePixelRatio: return 1;
    case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
    default: return 0;
    }
}

} // namespace td
