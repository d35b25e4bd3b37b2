#include "rules/messageformat.h"

#include <algorithm>

namespace td {

namespace {

constexpr int kMaxArgs = 9;
constexpr char16_t kFirstMarker = 0xE000; // private use: never in a format (checked)

QChar marker(int i)
{
    return QChar(static_cast<char16_t>(kFirstMarker + i));
}

int markerIndex(QChar c, int argCount)
{
    const int i = c.unicode() - kFirstMarker;
    return i >= 0 && i < argCount ? i : -1;
}

// format.arg(a[0], ..., a[n-1]), the multi-argument QString::arg.
QString multiArg(const QString &format, const QString *a, int n)
{
    switch (n) {
    case 1: return format.arg(a[0]);
    case 2: return format.arg(a[0], a[1]);
    case 3: return format.arg(a[0], a[1], a[2]);
    case 4: return format.arg(a[0], a[1], a[2], a[3]);
    case 5: return format.arg(a[0], a[1], a[2], a[3], a[4]);
    case 6: return format.arg(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return format.arg(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8: return format.arg(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    case 9: return format.arg(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    default: return format;
    }
}

QString chainedArg(const QString &format, const QString *a, int n)
{
    QString out = format;
    for (int i = 0; i < n; ++i)
        out = out.arg(a[i]);
    return out;
}

} // namespace

MessageFormat::MessageFormat(const QString &format, int argCount, Arg kind)
    : mFormat(format), mKind(kind), mArgCount(argCount)
{
    if (argCount < 1 || argCount > kMaxArgs)
        return;
    for (QChar c : format) {
        if (markerIndex(c, kMaxArgs) >= 0)
            return; // the markers would not be told apart from the text
    }
    QString markers[kMaxArgs];
    for (int i = 0; i < argCount; ++i)
        markers[i] = QString(marker(i));
    const QString marked = kind == Arg::Multi ? multiArg(format, markers, argCount)
                                              : chainedArg(format, markers, argCount);
    QString piece;
    for (QChar c : marked) {
        const int i = markerIndex(c, argCount);
        if (i < 0) {
            piece += c;
            continue;
        }
        // A chained call scans what the calls before it put in: an argument
        // right after a '%', or right after another argument ("%2%1", then
        // "7..."), could become a placeholder. Such formats go the slow way.
        if (kind == Arg::Chained && piece.isEmpty() && !mSlots.isEmpty())
            return;
        mFixedSize += piece.size();
        mPieces.append(piece);
        mSlots.append(i);
        piece.clear();
    }
    mFixedSize += piece.size();
    mPieces.append(piece);
    if (kind == Arg::Chained) {
        for (const QString &p : std::as_const(mPieces)) {
            if (p.contains(QLatin1Char('%')))
                return;
        }
    }
    mSplit = true;
}

QString MessageFormat::fill(std::initializer_list<QStringView> args) const
{
    Q_ASSERT(static_cast<int>(args.size()) == mArgCount);
    if (!mSplit || static_cast<int>(args.size()) != mArgCount)
        return fillSlowly(args);
    const QStringView *a = args.begin();
    qsizetype size = mFixedSize;
    for (int slot : mSlots)
        size += a[slot].size();
    if (mKind == Arg::Chained) {
        for (const QStringView &arg : args) {
            if (arg.contains(QLatin1Char('%')))
                return fillSlowly(args);
        }
    }
    QString out(size, Qt::Uninitialized);
    QChar *at = out.data();
    const auto put = [&at](QStringView text) {
        std::copy(text.begin(), text.end(), at);
        at += text.size();
    };
    for (qsizetype i = 0; i < mSlots.size(); ++i) {
        put(mPieces.at(i));
        put(a[mSlots.at(i)]);
    }
    put(mPieces.last());
    return out;
}

QString MessageFormat::fillSlowly(std::initializer_list<QStringView> args) const
{
    QString a[kMaxArgs];
    int n = 0;
    for (const QStringView &arg : args) {
        if (n < kMaxArgs)
            a[n++] = arg.toString();
    }
    return mKind == Arg::Multi ? multiArg(mFormat, a, n) : chainedArg(mFormat, a, n);
}

} // namespace td
