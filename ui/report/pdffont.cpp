#include "report/pdffont.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

quint16 u16(const QByteArray &data, int offset)
{
    if (offset < 0 || offset + 2 > data.size())
        return 0;
    return qFromBigEndian<quint16>(data.constData() + offset);
}

qint16 s16(const QByteArray &data, int offset)
{
    return static_cast<qint16>(u16(data, offset));
}

quint32 u32(const QByteArray &data, int offset)
{
    if (offset < 0 || offset + 4 > data.size())
        return 0;
    return qFromBigEndian<quint32>(data.constData() + offset);
}

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v >> 16));
    put16(out, quint16(v & 0xffff));
}

quint32 checksum(const QByteArray &table)
{
    quint32 sum = 0;
    QByteArray padded = table;
    while (padded.size() % 4)
        padded.append('\0');
    for (int i = 0; i < padded.size(); i += 4)
        sum += u32(padded, i);
    return sum;
}

void hex4(QByteArray &out, quint32 v)
{
    static const char digits[] = "0123456789ABCDEF";
    out.append(digits[(v >> 12) & 0xf]);
    out.append(digits[(v >> 8) & 0xf]);
    out.append(digits[(v >> 4) & 0xf]);
    out.append(digits[v & 0xf]);
}

} // namespace

bool isPlainScript(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool plain = (u >= 0x20 && u < 0x7f) || (u >= 0xa0 && u < 0x300 && u != 0xad)
                        || (u >= 0x370 && u < 0x530 && !(u >= 0x483 && u <= 0x489)) || (u >= 0x2010 && u < 0x2028)
                        || (u >= 0x2030 && u < 0x205f) || (u >= 0x2190 && u < 0x2200);
        if (!plain)
            return false;
    }
    return true;
}

PdfFont::PdfFont(const QRawFont &font) : mFont(font)
{
    mHead = font.fontTable("head");
    const QByteArray hhea = font.fontTable("hhea");
    const QByteArray maxp = font.fontTable("maxp");
    mHmtx = font.fontTable("hmtx");
    mLoca = font.fontTable("loca");
    mGlyf = font.fontTable("glyf");
    mUnitsPerEm = u16(mHead, 18);
    if (mUnitsPerEm <= 0)
        mUnitsPerEm = 1000;
    mNumGlyphs = u16(maxp, 4);
    mNumHMetrics = u16(hhea, 34);
    mLongLoca = s16(mHead, 50) == 1;
    const int locaEntries = mLongLoca ? mLoca.size() / 4 : mLoca.size() / 2;
    mEmbeddable = mHead.size() >= 54 && mNumGlyphs > 0 && mNumHMetrics > 0 && !mGlyf.isEmpty()
               && locaEntries >= mNumGlyphs + 1 && mHmtx.size() >= 4 * mNumHMetrics;
    mUsed.assign(std::max(mNumGlyphs, 1), false);
    mMapped.assign(mUsed.size(), false);
    if (mNumHMetrics > 0 && mHmtx.size() >= 4 * mNumHMetrics) {
        mWidths.resize(mNumHMetrics);
        for (int g = 0; g < mNumHMetrics; ++g)
            mWidths[g] = u16(mHmtx, 4 * g) * 1000.0 / mUnitsPerEm;
    }
}

QString PdfFont::baseName() const
{
    // The PostScript name (name table, id 6) as the font gives it; not QRawFont::familyName(),
    // which fails on some fallback fonts (Qt 6.4 reads the first of an empty list of families).
    const QByteArray table = mFont.fontTable("name");
    const int count = u16(table, 2);
    const int strings = u16(table, 4);
    QString name;
    for (int i = 0; i < count && name.isEmpty(); ++i) {
        const int record = 6 + 12 * i;
        const int platform = u16(table, record), id = u16(table, record + 6);
        const int length = u16(table, record + 8), offset = strings + u16(table, record + 10);
        if (id != 6 || offset + length > table.size())
            continue;
        if (platform == 3 || platform == 0) {
            for (int k = 0; k + 1 < length; k += 2)
                name.append(QChar(u16(table, offset + k)));
        } else if (platform == 1) {
            name = QString::fromLatin1(table.mid(offset, length));
        }
    }
    QString clean;
    for (const QChar c : name) {
        if (c.unicode() > 32 && c.unicode() < 127 && !QStringLiteral("()<>[]{}/%#").contains(c))
            clean.append(c);
    }
    return clean.isEmpty() ? QStringLiteral("Font") : clean;
}

void PdfFont::use(quint32 glyph, const QString &text)
{
    if (glyph >= mUsed.size())
        return;
    mUsed[glyph] = true;
    if (!text.isEmpty() && !mMapped[glyph]) {
        mMapped[glyph] = true;
        mUnicode.insert(glyph, text);
    }
}

QByteArray PdfFont::subset() const
{
    // Glyph offsets in glyf, from loca.
    auto offset = [&](int g) -> quint32 { return mLongLoca ? u32(mLoca, 4 * g) : quint32(u16(mLoca, 2 * g)) * 2; };
    std::vector<bool> keep = mUsed;
    keep[0] = true; // .notdef
    // Composite glyphs keep their components (which may be composite in turn).
    std::vector<int> pending;
    for (int g = 0; g < mNumGlyphs; ++g) {
        if (keep[g])
            pending.push_back(g);
    }
    while (!pending.empty()) {
        const int g = pending.back();
        pending.pop_back();
        const quint32 start = offset(g), end = offset(g + 1);
        if (end <= start + 10 || end > quint32(mGlyf.size()) || s16(mGlyf, int(start)) >= 0)
            continue;
        int p = int(start) + 10;
        for (int guard = 0; guard < 256 && p + 4 <= int(end); ++guard) {
            const quint16 flags = u16(mGlyf, p);
            const quint16 component = u16(mGlyf, p + 2);
            if (component < mNumGlyphs && !keep[component]) {
                keep[component] = true;
                pending.push_back(component);
            }
            p += 4 + ((flags & 0x0001) ? 4 : 2);
            if (flags & 0x0008)
                p += 2;
            else if (flags & 0x0040)
                p += 4;
            else if (flags & 0x0080)
                p += 8;
            if (!(flags & 0x0020))
                break;
        }
    }
    QByteArray glyf, loca;
    for (int g = 0; g < mNumGlyphs; ++g) {
        put32(loca, quint32(glyf.size()));
        const quint32 start = offset(g), end = offset(g + 1);
        if (keep[g] && end > start && end <= quint32(mGlyf.size())) {
            glyf.append(mGlyf.constData() + start, int(end - start));
            while (glyf.size() % 4)
                glyf.append('\0');
        }
    }
    put32(loca, quint32(glyf.size()));
    QByteArray head = mHead;
    head[8] = head[9] = head[10] = head[11] = 0; // checkSumAdjustment, set below
    head[50] = 0;
    head[51] = 1; // long loca

    // The tables a TrueType rasterizer needs (cmap is not: Identity-H shows glyph ids).
    QVector<std::pair<QByteArray, QByteArray>> tables;
    for (const char *tag : {"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}) {
        const QByteArray name(tag);
        QByteArray data;
        if (name == "glyf")
            data = glyf;
        else if (name == "loca")
            data = loca;
        else if (name == "head")
            data = head;
        else if (name == "hmtx")
            data = mHmtx;
        else
            data = mFont.fontTable(tag);
        if (!data.isEmpty())
            tables.append({name, data});
    }
    const int count = tables.size();
    int power = 1, log2 = 0;
    while (power * 2 <= count) {
        power *= 2;
        ++log2;
    }
    QByteArray out;
    put32(out, 0x00010000);
    put16(out, quint16(count));
    put16(out, quint16(power * 16));
    put16(out, quint16(log2));
    put16(out, quint16(count * 16 - power * 16));
    quint32 at = 12 + 16 * count;
    int headOffset = 0;
    for (const auto &[tag, data] : tables) {
        out.append(tag);
        put32(out, checksum(data));
        put32(out, at);
        put32(out, quint32(data.size()));
        if (tag == "head")
            headOffset = int(at);
        at += (data.size() + 3) & ~3;
    }
    for (const auto &table : tables) {
        out.append(table.second);
        while (out.size() % 4)
            out.append('\0');
    }
    const quint32 adjust = 0xB1B0AFBA - checksum(out);
    qToBigEndian<quint32>(adjust, out.data() + headOffset + 8);
    return out;
}

QByteArray PdfFont::widthsArray() const
{
    QByteArray out;
    int g = 0;
    const int n = static_cast<int>(mUsed.size());
    while (g < n) {
        if (!mUsed[g]) {
            ++g;
            continue;
        }
        out += QByteArray::number(g) + " [";
        bool first = true;
        for (; g < n && mUsed[g]; ++g) {
            if (!first)
                out += ' ';
            first = false;
            out += QByteArray::number(width(quint32(g)), 'f', 3);
        }
        out += "] ";
    }
    return out;
}

QByteArray PdfFont::toUnicodeCMap() const
{
    QVector<quint32> glyphs = mUnicode.keys().toVector();
    std::sort(glyphs.begin(), glyphs.end());
    QByteArray out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (int i = 0; i < glyphs.size(); i += 100) {
        const int n = std::min<int>(100, glyphs.size() - i);
        out += QByteArray::number(n) + " beginbfchar\n";
        for (int j = i; j < i + n; ++j) {
            out += '<';
            hex4(out, glyphs.at(j));
            out += "> <";
            for (const QChar c : mUnicode.value(glyphs.at(j)))
                hex4(out, c.unicode());
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

QByteArray PdfFont::descriptorMetrics() const
{
    auto em = [&](double units) { return QByteArray::number(std::lround(units * 1000.0 / mUnitsPerEm)); };
    const double pixels = mFont.pixelSize() > 0 ? mFont.pixelSize() : 1.0;
    auto px = [&](double v) { return QByteArray::number(std::lround(v * 1000.0 / pixels)); };
    return "/FontBBox [" + em(s16(mHead, 36)) + ' ' + em(s16(mHead, 38)) + ' ' + em(s16(mHead, 40)) + ' '
         + em(s16(mHead, 42)) + "] /Ascent " + px(mFont.ascent()) + " /Descent " + px(-mFont.descent()) + " /CapHeight "
         + px(mFont.capHeight()) + " /ItalicAngle 0 /StemV 80";
}

} // namespace td
