#include "report/plaintext.h"

#include "report/pdffont.h"

#include <QGlyphRun>
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
{}

bool PlainTextShaper::substitutes(char16_t left, char16_t right)
{
    const quint32 key = (quint32(left) << 16) | right;
    auto it = mSubstitutions.find(key);
    if (it == mSubstitutions.end()) {
        const QChar pair[2] = {QChar(left), QChar(right)};
        QTextLayout layout(QString(pair, 2), mQFont);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(1e9);
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        const bool same = runs.size() == 1
                       && runs.first().glyphIndexes() == QVector<quint32>{glyph(left), glyph(right)};
        it = mSubstitutions.emplace(key, !same).first;
    }
    return it->second;
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

double PlainTextShaper::kerning(quint32 left, quint32 right)
{
    const quint64 key = (quint64(left) << 32) | right;
    auto it = mPairs.find(key);
    if (it == mPairs.end()) {
        // The font's kerning is by pairs (QFontEngine::doKerning): what a pair adds to its first advance.
        const quint32 pair[2] = {left, right};
        QPointF a[2];
        const double k = mFont.advancesForGlyphIndexes(pair, a, 2, QRawFont::KernedAdvances) ? a[0].x() - advance(left)
                                                                                             : 0.0;
        it = mPairs.emplace(key, k).first;
    }
    return it->second;
}

bool PlainTextShaper::shape(const QString &text, QVector<quint32> *glyphs, QVector<double> *advances)
{
    if (!mFont.isValid() || !isPlainScript(text))
        return false;
    const int n = text.size();
    QVector<quint32> g(n);
    for (int i = 0; i < n; ++i) {
        g[i] = glyph(text.at(i).unicode());
        if (g[i] == 0)
            return false; // a character the font lacks: a fallback font's, for QTextLayout
    }
    for (int i = 0; i + 1 < n; ++i) {
        if (substitutes(text.at(i).unicode(), text.at(i + 1).unicode()))
            return false; // a ligature ("fi"): QTextLayout draws it
    }
    if (advances) {
        advances->resize(n);
        for (int i = 0; i < n; ++i)
            (*advances)[i] = advance(g[i]) + (mKerning && i + 1 < n ? kerning(g[i], g[i + 1]) : 0.0);
    }
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
