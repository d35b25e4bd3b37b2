#include "io/diagnostic.h"

namespace td {

QString Diagnostic::toString() const
{
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    const QString kind = level == Level::Error ? QStringLiteral("error") : QStringLiteral("warning");
    return where + QStringLiteral(": ") + kind + QStringLiteral(": ") + text;
}

} // namespace td
