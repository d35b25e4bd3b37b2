#include "report/plaintext.h"

#include "report/pdffont.h"

#include <QGlyphRun>
#include <QHash>
#include <QMutex>
#include <QTextLayout>

#include <cmath>
#include <limits>
#include <numeric>

namespace td {

namespace {

// Past the last character isPlainScript accepts.
constexpr char16_t kPlainEnd = 0x2200;

} // namespace

PlainTextShaper::PlainTextShaper(const QFont &font)
    : mQFont(font), mFont(QRawFont::fromFont(font)), mKerning(font.kerning()), mGlyphs(kPlainEnd, 0),
      mAsciiPairs(96 * 96)
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

quint32 PlainTextShaper::lookUpGlyph(char16_t c)
{
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

double PlainTextShaper::lookUpAdvance(quint32 glyph)
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

const PlainTextShaper::Pair &
PlainTextShaper::lookUpPair(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph)
{
    Pair *p = nullptr;
    if (left >= 0x20 && left < 0x80 && right >= 0x20 && right < 0x80) {
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
                    p->kerning = float(a[0].x() - advance(leftGlyph));
            }
        }
    }
    return *p;
}

const PlainTextShaper::Word &PlainTextShaper::word(const QString &text)
{
    auto it = mWords.find(text);
    if (it != mWords.end())
        return it->second;
    Word w;
    QTextLayout layout(text, mQFont);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e9);
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    const QRawFont raw = runs.size() == 1 ? runs.first().rawFont() : QRawFont();
    if (raw.familyName() == mFont.familyName() && raw.styleName() == mFont.styleName()
        && raw.pixelSize() == mFont.pixelSize()) {
        const QVector<quint32> glyphs = runs.first().glyphIndexes();
        const QVector<QPointF> positions = runs.first().positions();
        // Each glyph's characters: one where the cmap gives it, else (a ligature) up to
        // the character that gives the next glyph.
        const int n = text.size(), count = glyphs.size();
        int j = 0;
        bool ok = count > 0 && positions.size() == count;
        for (int k = 0; ok && k < count; ++k) {
            if (j >= n) {
                ok = false;
                break;
            }
            w.clusters.append(j);
            if (glyph(text.at(j).unicode()) == glyphs.at(k)) {
                ++j;
                continue;
            }
            int end = j + 1;
            if (k + 1 == count)
                end = n;
            while (end < n && glyph(text.at(end).unicode()) != glyphs.at(k + 1))
                ++end;
            j = end;
        }
        if (ok && j == n) {
            w.ok = true;
            w.glyphs = glyphs;
            for (int k = 0; k < count; ++k) {
                const double next = k + 1 < count ? positions.at(k + 1).x() : line.naturalTextWidth();
                w.advances.append(next - positions.at(k).x());
            }
        }
    }
    if (!w.ok)
        w = Word();
    return mWords.emplace(text, std::move(w)).first->second;
}

bool PlainTextShaper::shape(const QString &text,
                            QVector<quint32> *glyphs,
                            QVector<double> *advances,
                            QVector<int> *clusters)
{
    if (!mFont.isValid() || !isPlainScript(text))
        return false;
    const int n = text.size();
    const QChar *chars = text.constData();
    QVector<quint32> glyphList;
    glyphList.resize(n);
    quint32 *g = glyphList.data();
    for (int i = 0; i < n; ++i) {
        g[i] = glyph(chars[i].unicode());
        if (g[i] == 0)
            return false; // a character the font lacks: a fallback font's, for QTextLayout
    }
    QVector<double> advanceList;
    advanceList.resize(n);
    double *a = advanceList.data();
    bool ligatures = false;
    for (int i = 0; i < n; ++i) {
        a[i] = advance(g[i]);
        if (i + 1 < n) {
            const Pair &p = pair(chars[i].unicode(), chars[i + 1].unicode(), g[i], g[i + 1]);
            if (p.state == 2) {
                if (chars[i] == QLatin1Char(' ') || chars[i + 1] == QLatin1Char(' '))
                    return false; // substituted across words: QTextLayout shapes it
                ligatures = true;
            }
            a[i] += p.kerning;
        }
    }
    if (!ligatures) {
        if (clusters) {
            clusters->resize(n);
            std::iota(clusters->begin(), clusters->end(), 0);
        }
        if (advances)
            *advances = std::move(advanceList);
        if (glyphs)
            *glyphs = std::move(glyphList);
        return true;
    }
    // A word with a ligature shaped alone; the rest (spaces, other words) as above.
    QVector<quint32> outGlyphs;
    QVector<double> outAdvances;
    QVector<int> outClusters;
    for (int i = 0; i < n;) {
        int end = i;
        bool ligated = false;
        if (chars[i] == QLatin1Char(' ')) {
            end = i + 1;
        } else {
            while (end < n && chars[end] != QLatin1Char(' ')) {
                ligated = ligated
                       || (end + 1 < n
                           && pair(chars[end].unicode(), chars[end + 1].unicode(), g[end], g[end + 1]).state == 2);
                ++end;
            }
        }
        if (!ligated) {
            for (int k = i; k < end; ++k) {
                outGlyphs.append(g[k]);
                outAdvances.append(a[k]);
                outClusters.append(k);
            }
        } else {
            const Word &w = word(text.mid(i, end - i));
            if (!w.ok)
                return false;
            for (int k = 0; k < w.glyphs.size(); ++k) {
                outGlyphs.append(w.glyphs.at(k));
                outAdvances.append(w.advances.at(k));
                outClusters.append(i + w.clusters.at(k));
            }
            // Kerned with what follows as the last character would be.
            outAdvances.last() += a[end - 1] - advance(g[end - 1]);
        }
        i = end;
    }
    if (glyphs)
        *glyphs = std::move(outGlyphs);
    if (advances)
        *advances = std::move(outAdvances);
    if (clusters)
        *clusters = std::move(outClusters);
    return true;
}

double PlainTextShaper::width(const QString &text)
{
    // Summed as shape() computes the advances, without keeping them (most text has no ligature).
    if (!mFont.isValid() || !isPlainScript(text))
        return -1;
    const int n = text.size();
    const QChar *chars = text.constData();
    double w = 0;
    quint32 previous = 0;
    for (int i = 0; i < n; ++i) {
        const quint32 g = glyph(chars[i].unicode());
        if (g == 0)
            return -1;
        if (i > 0) {
            const Pair &p = pair(chars[i - 1].unicode(), chars[i].unicode(), previous, g);
            if (p.state == 2)
                return shapedWidth(text);
            w += p.kerning;
        }
        w += advance(g);
        previous = g;
    }
    return w;
}

double PlainTextShaper::shapedWidth(const QString &text)
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
        QVector<double> glyphAdvances;
        QVector<int> clusters;
        if (!shape(paragraph, nullptr, &glyphAdvances, &clusters))
            return false;
        const int n = paragraph.size();
        // Per character: a ligature's advance on its first character.
        QVector<double> advances(qMax(n, 0), 0.0);
        for (int k = 0; k < clusters.size(); ++k)
            advances[clusters.at(k)] += glyphAdvances.at(k);
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
