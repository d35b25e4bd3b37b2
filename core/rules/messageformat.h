#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

#include <initializer_list>

namespace td {

// A message format with its %1, %2, ... placeholders found once, so that
// thousands of findings fill it without QString::arg parsing it each time.
// The text it builds is the one QString::arg builds, by construction: the
// pieces come from QString::arg itself, called once with marker arguments.
class MessageFormat final
{
public:
    // How the rule's code fills the format.
    enum class Arg {
        Multi,   // format.arg(a1, a2, ...): one pass, no argument is scanned again
        Chained, // format.arg(a1).arg(a2)...: each call scans the text so far
    };

    MessageFormat() = default;
    MessageFormat(const QString &format, int argCount, Arg kind);

    // The format filled with these arguments (argCount of them), exactly as
    // the QString::arg calls of its kind would fill it.
    QString fill(std::initializer_list<QStringView> args) const;

private:
    // The plain QString::arg calls: for formats the markers cannot split, and
    // for chained arguments that hold a '%' (a later call would scan them).
    QString fillSlowly(std::initializer_list<QStringView> args) const;

    QString mFormat;
    Arg mKind = Arg::Multi;
    int mArgCount = 0;
    bool mSplit = false;      // mPieces and mSlots hold the format
    QVector<QString> mPieces; // text before each slot, and after the last
    QVector<int> mSlots;      // the argument of each slot
    qsizetype mFixedSize = 0; // the pieces' total size
};

} // namespace td
