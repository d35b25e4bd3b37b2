#include "report/plaintext.h"

#include "report/pdffont.h"

#include <QGlyphRun>
#include <QHash>
#include <QMutex>
#include <QTextLayout>

#include <cmath>
#include <limits>

namespace td {

namespace {

// Past the last character isPlainScript accepts.
constexpr char16_t kPlainEnd = 0x2200;

} // namespace

PlainTextShaper::PlainTextShaper(const QFont &font)
    : mQFont(font), mFont(QRawFont::fromFont(font)), mKerning(font.kerning())
{
    mFileKey = mFont.familyName() + QLatin1Char('|') + mFont.styleName() + QLatin1Char('|')
             + QString::number(mFont.weight()) + QLatin1Char('|') + QString::number(int(mFont.style()));
}

bool PlainTextShaper::substitutes(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph)
{
    // Asked once per font file and pair in the process (ligatures do not depend on the size).
    static QMutex mutex;
    static QHash<QString, QHash<quint32, bool>> files;
    const quint32 key = (quint32(left) << 16) | right;
    {
        QMutexLocker lock(&mutex);
        const auto file = files.constFind(mFileKey);
        if (file != files.constEnd()) {
            const auto known = file->constFind(key);
            if (known != file->constEnd())
                return known.value();
        }
    }
    const QChar chars[2] = {QChar(left), QChar(right)};
    QTextLayout layout(QString(chars, 2), mQFont);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e9);
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    const bool same = runs.size() == 1 && runs.first().glyphIndexes() == QVector<quint32>{leftGlyph, rightGlyph};
    QMutexLocker lock(&mutex);
    files[mFileKey].insert(key, !same);
    return !same;
}

quint32 PlainTextShaper::glyph(char16_t c)
{
    if (mGlyphs.empty())
        mGlyphs.assign(kPlainEnd, 0);
    quint32 &known = mGlyphs[c];
    if (known == 0) {
        const QChar ch(c);
        quint32 g = 0;
        int count = 1;
        if (!mFont.glyphIndexesForChars(&ch, 1, &g, &count) || count != 1)
            g = 0;
        known = g + 1;
    }
    return known - 1;
}

double PlainTextShaper::advance(quint32 glyph)
{
    if (glyph >= mAdvances.size())
        mAdvances.resize(glyph + 1, std::numeric_limits<double>::quiet_NaN());
    double &known = mAdvances[glyph];
    if (std::isnan(known)) {
        QPointF a;
        known = mFont.advancesForGlyphIndexes(&glyph, &a, 1, QRawFont::SeparateAdvances) ? a.x() : 0.0;
    }
    return known;
}

const PlainTextShaper::Pair &PlainTextShaper::pair(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph)
{
    Pair *p = nullptr;
    if (left >= 0x20 && left < 0x80 && right >= 0x20 && right < 0x80) {
        if (mAsciiPairs.empty())
            mAsciiPairs.resize(96 * 96);
        p = &mAsciiPairs[(left - 0x20) * 96 + (right - 0x20)];
    } else {
        p = &mOtherPairs[(quint32(left) << 16) | right];
    }
    if (p->state == 0) {
        if (substitutes(left, right, leftGlyph, rightGlyph)) {
            p->state = 2;
        } else {
            p->state = 1;
            if (mKerning) {
                // The font's kerning is by pairs (QFontEngine::doKerning): what a pair adds to its first advance.
                const quint32 glyphs[2] = {leftGlyph, rightGlyph};
                QPointF a[2];
                if (mFont.advancesForGlyphIndexes(glyphs, a, 2, QRawFont::KernedAdvances))
                    p->kerning = a[0].x() - advance(leftGlyph);
            }
        }
    }
    return *p;
}

bool PlainTextShaper::shape(const QString &text, QVector<quint32> *glyphs, QVector<double> *advances)
{
    if (!mFont.isValid() || !isPlainScript(text))
        return false;
    const int n = text.size();
    const QChar *chars = text.constData();
    QVector<quint32> g(n);
    for (int i = 0; i < n; ++i) {
        g[i] = glyph(chars[i].unicode());
        if (g[i] == 0)
            return false; // a character the font lacks: a fallback font's, for QTextLayout
    }
    QVector<double> a;
    a.reserve(n);
    for (int i = 0; i < n; ++i) {
        double advanceOf = advance(g[i]);
        if (i + 1 < n) {
            const Pair &p = pair(chars[i].unicode(), chars[i + 1].unicode(), g[i], g[i + 1]);
            if (p.state == 2)
                return false; // a ligature ("fi"): QTextLayout draws it
            advanceOf += p.kerning;
        }
        a.append(advanceOf);
    }
    if (advances)
        *advances = std::move(a);
    if (glyphs)
        *glyphs = std::move(g);
    return true;
}

double PlainTextShaper::width(const QString &text)
{
    QVector<double> advances;
    if (!shape(text, nullptr, &advances))
        return -1;
    double w = 0;
    for (double a : advances)
        w += a;
    return w;
}

bool PlainTextShaper::wrap(const QString &text, double maxWidth, QStringList *lines)
{
    QStringList out;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QVector<double> advances;
        if (!shape(paragraph, nullptr, &advances))
            return false;
        const int n = paragraph.size();
        int start = 0;
        if (n == 0)
            out << QString();
        while (start < n) {
            // Widen the line a character at a time; a character that does not fit ends it at the
            // last break opportunity, or before itself when the line is one word.
            double w = 0;
            int visibleEnd = start; // past the last character that is not a space
            int lastBreak = -1;     // where the next line would start
            int end = n;
            for (int j = start; j < n; ++j) {
                const QChar c = paragraph.at(j);
                if (c == QLatin1Char(' ')) {
                    w += advances.at(j);
                    if (j + 1 < n && paragraph.at(j + 1) != QLatin1Char(' '))
                        lastBreak = j + 1;
                    continue;
                }
                if (visibleEnd > start && w + advances.at(j) > maxWidth) {
                    end = lastBreak > start ? lastBreak : j;
                    break;
                }
                w += advances.at(j);
                visibleEnd = j + 1;
                if (c == QLatin1Char('-') && j + 1 < n && !paragraph.at(j + 1).isDigit()
                    && paragraph.at(j + 1) != QLatin1Char(' '))
                    lastBreak = j + 1;
            }
            int last = end;
            while (last > start && paragraph.at(last - 1) == QLatin1Char(' '))
                --last;
            out << paragraph.mid(start, last - start);
            start = end;
        }
    }
    if (lines)
        *lines = std::move(out);
    return true;
}

} // namespace td
