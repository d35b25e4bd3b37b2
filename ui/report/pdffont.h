#pragma once

#include <QByteArray>
#include <QHash>
#include <QRawFont>
#include <QString>

#include <algorithm>
#include <vector>

namespace td {

// Whether text is of the scripts a font's cmap and kerning shape alone (Latin,
// Greek, Cyrillic, punctuation, arrows; no combining marks): its glyphs and
// advances can come from a QRawFont without a QTextLayout.
bool isPlainScript(const QString &text);

// One TrueType font as a PDF writer embeds it: its metrics read from the
// font's own tables (QRawFont::fontTable), the glyphs a document used, what
// text each glyph stands for, and a subset of the font program in which the
// outlines of the glyphs never used are emptied (glyph ids stay the same, so
// a page can show glyph ids as they come from the shaper: Identity-H).
class PdfFont final
{
public:
    explicit PdfFont(const QRawFont &font);

    // False for a font without TrueType outlines (CFF, bitmap): its glyphs
    // are drawn as paths instead.
    bool isEmbeddable() const { return mEmbeddable; }
    const QRawFont &rawFont() const { return mFont; }
    // A PostScript-like name without spaces ("DejaVuSans-Bold").
    QString baseName() const;

    // The advance of a glyph in thousandths of an em (the font's hmtx, exact:
    // the /W array has them with three decimals, so that a run of glyphs
    // needs no adjustment for rounding).
    double width(quint32 glyph) const
    {
        return mWidths.empty() ? 0.0 : mWidths[std::min<size_t>(glyph, mWidths.size() - 1)];
    }
    int unitsPerEm() const { return mUnitsPerEm; }

    // Marks a glyph used; text is what it stands for (empty: not known yet).
    void use(quint32 glyph, const QString &text);
    bool isUsed(quint32 glyph) const { return glyph < mUsed.size() && mUsed[glyph]; }
    bool hasUsedGlyphs() const { return std::find(mUsed.begin(), mUsed.end(), true) != mUsed.end(); }
    // Whether the text a glyph stands for is known.
    bool isMapped(quint32 glyph) const { return glyph < mMapped.size() && mMapped[glyph]; }

    // The font program with only the used glyphs' outlines (and the
    // components of used composite glyphs), as a TrueType file.
    QByteArray subset() const;
    // /W array content: "g [w] g2 [w2 w3] ..." for the used glyphs.
    QByteArray widthsArray() const;
    // The ToUnicode CMap for the used glyphs.
    QByteArray toUnicodeCMap() const;
    // FontBBox, Ascent, Descent, CapHeight in thousandths of an em.
    QByteArray descriptorMetrics() const;

    // The PDF object of the font (Type0), once written.
    int object() const { return mObject; }
    void setObject(int number) { mObject = number; }

private:
    QRawFont mFont;
    bool mEmbeddable = false;
    int mUnitsPerEm = 1000;
    int mNumGlyphs = 0;
    int mNumHMetrics = 0;
    bool mLongLoca = false;
    int mObject = 0;
    QByteArray mHead, mHmtx, mLoca, mGlyf;
    std::vector<bool> mUsed;
    std::vector<bool> mMapped;
    std::vector<double> mWidths;
    QHash<quint32, QString> mUnicode;
};

} // namespace td
