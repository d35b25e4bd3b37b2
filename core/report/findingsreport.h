#pragma once

#include "rules/finding.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace td {

// Writes validation findings for people and for review gates: plain text,
// JSON (the CLI contract), SARIF 2.1.0 (code scanning) and JUnit XML.
class FindingsReport final
{
public:
    enum class Format { Text, Json, Sarif, Junit };

    // file: the layout's name as shown; lineOfId: where each id is defined
    // (for locations; may be empty).
    FindingsReport(QVector<Finding> findings, QString file, QHash<QString, int> lineOfId = {});

    static bool parseFormat(const QString &name, Format *format);
    QByteArray write(Format format) const;

    QByteArray text() const;
    QByteArray json() const;
    QByteArray sarif() const;
    QByteArray junit() const;

private:
    int lineOf(const Finding &finding) const;
    int count(Severity severity) const;

    QVector<Finding> mFindings;
    QString mFile;
    QHash<QString, int> mLineOfId;
};

} // namespace td
