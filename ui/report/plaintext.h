#pragma once

#include <QFont>
#include <QRawFont>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace td {

// A hash of a string's UTF-16 code units (the standard library's, unseeded): for the
// report's caches of text, looked up millions of times (about half the cost of qHash).
inline size_t plainTextHash(const QString &s) noexcept
{
    return std::hash<std::u16string_view>()(
        std::u16string_view(reinterpret_cast<const char16_t *>(s.utf16()), size_t(s.size())));
}

// Text of plain scripts (isPlainScript: Latin, Greek, Cyrillic, punctuation,
// arrows; no combining marks) set in one font without a QTextLayout: glyphs
// from the font's cmap, advances from its metrics and kerning pairs, each
// character, glyph and pair asked of the font once; a word in which the
// font ligates a pair ("fi") is shaped alone by QTextLayout, once. The PDF report measures,
// wraps and draws its tens of thousands of different names with it; anything
// else (right to left, marks, a character the font lacks) is refused, for
// QTextLayout to shape.
class PlainTextShaper final
{
public:
    // The font as QTextLayout would use it (its resolution with it).
    explicit PlainTextShaper(const QFont &font);

    const QRawFont &rawFont() const { return mFont; }
    bool isValid() const { return mFont.isValid(); }

    // The glyphs of text and their advances in pixels (kerned), and for each
    // glyph the index of the first character it stands for (a ligature
    // stands for several); false, and nothing set, when the text is not of
    // plain scripts or the font lacks one of its characters.
    bool
    shape(const QString &text, QVector<quint32> *glyphs, QVector<double> *advances, QVector<int> *clusters = nullptr);
    // The advance of the whole text; -1 when shape() refuses it.
    double width(const QString &text);
    // The text in lines at most maxWidth wide, as QTextLayout's
    // WrapAtWordBoundaryOrAnywhere breaks it: after spaces (and after a
    // hyphen not followed by a digit), anywhere in a word wider than a line,
    // and at every '\n'; trailing spaces are left out of the lines. False
    // when shape() refuses the text.
    bool wrap(const QString &text, double maxWidth, QStringList *lines);

private:
    double shapedWidth(const QString &text);
    // The caches' fast paths here (millions of calls), what the font is asked in the .cpp.
    quint32 glyph(char16_t c) // c below U+2200 (isPlainScript)
    {
        const quint32 known = mGlyphs[c];
        return known != 0 ? known - 1 : lookUpGlyph(c);
    }
    double advance(quint32 glyph)
    {
        return glyph < mAdvances.size() && !std::isnan(mAdvances[glyph]) ? mAdvances[glyph] : lookUpAdvance(glyph);
    }
    quint32 lookUpGlyph(char16_t c);
    double lookUpAdvance(quint32 glyph);
    // What a pair of characters does: the kerning it adds to the first one's advance, or
    // that the font substitutes it (a ligature: QTextLayout gives other glyphs than the cmap's).
    struct Pair
    {
        float kerning = 0;     // exact: the font's advances are in 1/64 pixel
        signed char state = 0; // 0 not asked yet, 1 plain, 2 substituted
    };
    const Pair &pair(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph)
    {
        if (left >= 0x20 && left < 0x80 && right >= 0x20 && right < 0x80) {
            const Pair &known = mAsciiPairs[(left - 0x20) * 96 + (right - 0x20)];
            if (known.state != 0)
                return known;
        }
        return lookUpPair(left, right, leftGlyph, rightGlyph);
    }
    const Pair &lookUpPair(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph);
    bool substitutes(char16_t left, char16_t right, quint32 leftGlyph, quint32 rightGlyph);
    // A word with a ligature, as QTextLayout shapes it alone (ok = false: it could not).
    struct Word
    {
        bool ok = false;
        QVector<quint32> glyphs;
        QVector<double> advances;
        QVector<int> clusters;
    };
    const Word &word(const QString &text);

    QFont mQFont;
    QRawFont mFont;
    bool mKerning = true;
    // Per character (plain scripts end below U+2200): its glyph + 1, 0 = not asked yet.
    std::vector<quint32> mGlyphs;
    std::vector<double> mAdvances;                 // per glyph; NaN = not asked yet
    std::vector<Pair> mAsciiPairs;                 // printable ASCII pairs, 96 x 96
    std::unordered_map<quint32, Pair> mOtherPairs; // any other pair
    // The font file's substituted pairs, shared by the shapers of its sizes (name, style, weight).
    QString mFileKey;
    std::unordered_map<QString, Word> mWords;
};

} // namespace td
