#pragma once

#include "rules/finding.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace td {

// Writes validation findings for people and for review gates: plain text,
// JSON (the CLI contract), SARIF 2.1.0 (code scanning) and JUnit XML. Waived
// findings are reported with their reason and fail nothing.
class FindingsReport final
{
public:
    enum class Format { Text, Json, Sarif, Junit };

    // file: the layout's name as shown; lineOfId: where each id is defined
    // (for locations; may be empty).
    FindingsReport(QVector<Finding> findings, QString file, QHash<QString, int> lineOfId = {});

    // Where a layout file lies, as SARIF names it: `uri` is relative to
    // `baseUri` (the %SRCROOT% of originalUriBaseIds) when the file is inside
    // a git work tree (relative to its root) or else inside workingDir
    // (relative to it); otherwise `uri` is the file's absolute file:// URI and
    // `baseUri` is empty. Percent-encoded.
    struct ArtifactLocation
    {
        QString uri;
        QString baseUri;
    };
    static ArtifactLocation artifactLocation(const QString &path, const QString &workingDir);

    // The layout's file on disk (relative to workingDir, default the current
    // directory), for SARIF's artifact location. Without it, SARIF names the
    // file by its shown name (e.g. the embedded sample's).
    void setSourceFile(const QString &path, const QString &workingDir = QString());

    // SARIF's partialFingerprints.primaryLocationLineHash of a finding: from
    // its rule and subjects only, so it stays when lines move or the message's
    // figures change.
    static QString primaryLocationLineHash(const Finding &finding);

    static bool parseFormat(const QString &name, Format *format);
    QByteArray write(Format format) const;

    QByteArray text() const;
    QByteArray json() const;
    QByteArray sarif() const;
    QByteArray junit() const;

    // Whether the findings fail a review gate: an error, or with strict a
    // warning, that is not waived.
    bool fails(bool strict) const;
    // Findings a waiver accepts (they count toward no severity).
    int waivedCount() const;

private:
    int lineOf(const Finding &finding) const;
    int count(Severity severity) const;

    QVector<Finding> mFindings;
    QString mFile;
    QHash<QString, int> mLineOfId;
    ArtifactLocation mArtifact;
};

} // namespace td
