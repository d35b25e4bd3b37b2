#include "report/findingsreport.h"

#include "report/jsontext.h"
#include "rules/rule.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>

namespace td {

namespace {

QString sarifLevel(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("note");
    }
    return {};
}

// A relative path as a relative URI reference: every byte but unreserved
// characters and '/' percent-encoded (so "a b:c" is "a%20b%3Ac", never a scheme).
QString relativeUri(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path, QByteArrayLiteral("/")));
}

// The root of the git work tree holding dir (a ".git" directory, or a file in
// a linked worktree or submodule), or an empty string.
QString gitRoot(const QString &dir)
{
    QDir d(dir);
    for (;;) {
        if (QFileInfo::exists(d.filePath(QStringLiteral(".git"))))
            return d.absolutePath();
        if (!d.cdUp())
            return {};
    }
}

bool isInside(const QString &path, const QString &root)
{
    const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
    return path.startsWith(prefix);
}

} // namespace

FindingsReport::FindingsReport(QVector<Finding> findings, QString file, QHash<QString, int> lineOfId)
    : mFindings(std::move(findings)), mFile(std::move(file)),
      mLineOfId(std::move(lineOfId)), mArtifact{relativeUri(mFile), QString()}
{}

FindingsReport::ArtifactLocation FindingsReport::artifactLocation(const QString &path, const QString &workingDir)
{
    const QDir work(workingDir.isEmpty() ? QDir::currentPath() : workingDir);
    const QString file = QDir::cleanPath(work.absoluteFilePath(path));
    QString root = gitRoot(QFileInfo(file).absolutePath());
    if (root.isEmpty() || !isInside(file, root)) {
        root = QDir::cleanPath(work.absolutePath());
        if (!isInside(file, root))
            return {QUrl::fromLocalFile(file).toString(QUrl::FullyEncoded), QString()};
    }
    const QString rootUri = QUrl::fromLocalFile(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/'))
                                .toString(QUrl::FullyEncoded);
    return {relativeUri(QDir(root).relativeFilePath(file)), rootUri};
}

void FindingsReport::setSourceFile(const QString &path, const QString &workingDir)
{
    mArtifact = artifactLocation(path, workingDir);
}

QString FindingsReport::primaryLocationLineHash(const Finding &finding)
{
    QByteArray key = finding.rule.toUtf8();
    for (const QString &subject : finding.subjects) {
        key += '\n';
        key += subject.toUtf8();
    }
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16);
    return QString::fromLatin1(hash) + QStringLiteral(":1");
}

bool FindingsReport::parseFormat(const QString &name, Format *format)
{
    static const QHash<QString, Format> formats = {{QStringLiteral("text"), Format::Text},
                                                   {QStringLiteral("json"), Format::Json},
                                                   {QStringLiteral("sarif"), Format::Sarif},
                                                   {QStringLiteral("junit"), Format::Junit}};
    const auto it = formats.constFind(name);
    if (it == formats.constEnd())
        return false;
    *format = it.value();
    return true;
}

QByteArray FindingsReport::write(Format format) const
{
    switch (format) {
    case Format::Text: return text();
    case Format::Json: return json();
    case Format::Sarif: return sarif();
    case Format::Junit: return junit();
    }
    return {};
}

int FindingsReport::lineOf(const Finding &finding) const
{
    // The first subject with a known line (the group, else the first guest, ...).
    for (const QString &id : finding.subjects) {
        const int line = mLineOfId.value(id);
        if (line > 0)
            return line;
    }
    return 0;
}

int FindingsReport::count(Severity severity) const
{
    int n = 0;
    for (const Finding &f : mFindings)
        n += f.severity == severity && !f.isWaived() ? 1 : 0;
    return n;
}

int FindingsReport::waivedCount() const
{
    return static_cast<int>(
        std::count_if(mFindings.cbegin(), mFindings.cend(), [](const Finding &f) { return f.isWaived(); }));
}

bool FindingsReport::fails(bool strict) const
{
    return count(Severity::Error) > 0 || (strict && count(Severity::Warning) > 0);
}

QByteArray FindingsReport::text() const
{
    QString out;
    for (const Finding &f : mFindings) {
        const int line = lineOf(f);
        out += mFile;
        if (line > 0)
            out += QLatin1Char(':') + QString::number(line);
        out += QStringLiteral(": %1: %2 [%3]").arg(severityName(f.severity), f.message, f.rule);
        if (f.waived)
            out += QStringLiteral(" [waived: %1]").arg(*f.waived);
        out += QLatin1Char('\n');
    }
    const int e = count(Severity::Error);
    const int w = count(Severity::Warning);
    const int i = count(Severity::Info);
    out += QStringLiteral("%1: %2 error(s), %3 warning(s), %4 info").arg(mFile).arg(e).arg(w).arg(i);
    // Waived findings count toward no severity; said only when there are some.
    if (const int waived = waivedCount())
        out += QStringLiteral(", %1 waived").arg(waived);
    out += QLatin1Char('\n');
    return out.toUtf8();
}

QByteArray FindingsReport::json() const
{
    QString out = QStringLiteral("{\"file\": ") + jsonString(mFile) + QStringLiteral(", \"findings\": [");
    bool first = true;
    for (const Finding &f : mFindings) {
        out += first ? QStringLiteral("\n  ") : QStringLiteral(",\n  ");
        first = false;
        QStringList subjects;
        for (const QString &s : f.subjects)
            subjects << jsonString(s);
        out += QStringLiteral("{\"rule\": %1, \"severity\": %2, \"message\": %3, \"subjects\": [%4]")
                   .arg(jsonString(f.rule), jsonString(severityName(f.severity)), jsonString(f.message),
                        subjects.join(QStringLiteral(", ")));
        if (f.waived)
            out += QStringLiteral(", \"waived\": ") + jsonString(*f.waived);
        out += QLatin1Char('}');
    }
    out += first ? QStringLiteral("]") : QStringLiteral("\n]");
    out += QStringLiteral(", \"summary\": {\"error\": %1, \"warning\": %2, \"info\": %3")
               .arg(count(Severity::Error))
               .arg(count(Severity::Warning))
               .arg(count(Severity::Info));
    // Only when some finding is waived: the output of a layout without
    // waivers is what it always was.
    if (const int waived = waivedCount())
        out += QStringLiteral(", \"waived\": %1").arg(waived);
    out += QStringLiteral("}}\n");
    return out.toUtf8();
}

QByteArray FindingsReport::sarif() const
{
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    for (const Rule *r : allRules()) {
        ruleIndex.insert(r->id(), static_cast<int>(rules.size()));
        rules.append(QJsonObject{
            {QStringLiteral("id"), r->id()},
            {QStringLiteral("name"), r->title()},
            {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), r->title()}}},
            {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), r->explanation()}}},
            {QStringLiteral("help"),
             QJsonObject{{QStringLiteral("text"), r->explanation() + QStringLiteral(" Source: ") + r->source()}}},
            {QStringLiteral("defaultConfiguration"), QJsonObject{{QStringLiteral("level"), sarifLevel(r->severity())}}},
        });
    }
    QJsonArray results;
    for (const Finding &f : mFindings) {
        QJsonObject artifact{{QStringLiteral("uri"), mArtifact.uri}};
        if (!mArtifact.baseUri.isEmpty())
            artifact.insert(QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%"));
        // Code scanning needs a region: a finding whose subjects have no known
        // line points at the top of the file.
        const int line = std::max(1, lineOf(f));
        const QJsonObject physical{{QStringLiteral("artifactLocation"), artifact},
                                   {QStringLiteral("region"), QJsonObject{{QStringLiteral("startLine"), line}}}};
        QJsonArray logical;
        for (const QString &s : f.subjects)
            logical.append(QJsonObject{{QStringLiteral("name"), s}});
        QJsonObject location{{QStringLiteral("physicalLocation"), physical},
                             {QStringLiteral("logicalLocations"), logical}};
        QJsonObject result{
            {QStringLiteral("ruleId"), f.rule},
            {QStringLiteral("ruleIndex"), ruleIndex.value(f.rule)},
            {QStringLiteral("level"), sarifLevel(f.severity)},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), f.message}}},
            {QStringLiteral("locations"), QJsonArray{location}},
            {QStringLiteral("partialFingerprints"),
             QJsonObject{{QStringLiteral("primaryLocationLineHash"), primaryLocationLineHash(f)},
                         {QStringLiteral("subjects/v1"),
                          f.rule + QLatin1Char(':') + f.subjects.join(QLatin1Char(','))}}},
        };
        // A waived finding is suppressed in the source (GitHub code scanning
        // shows it as dismissed).
        if (f.waived) {
            result.insert(QStringLiteral("suppressions"),
                          QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("inSource")},
                                                 {QStringLiteral("justification"), *f.waived}}});
        }
        results.append(result);
    }
    const QJsonObject driver{{QStringLiteral("name"), QStringLiteral("Topology Designer")},
                             {QStringLiteral("version"), QStringLiteral(TD_VERSION)},
                             {QStringLiteral("rules"), rules}};
    QJsonObject run{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                    {QStringLiteral("results"), results}};
    if (!mArtifact.baseUri.isEmpty()) {
        run.insert(QStringLiteral("originalUriBaseIds"),
                   QJsonObject{{QStringLiteral("%SRCROOT%"), QJsonObject{{QStringLiteral("uri"), mArtifact.baseUri}}}});
    }
    const QJsonObject root{{QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                           {QStringLiteral("version"), QStringLiteral("2.1.0")},
                           {QStringLiteral("runs"), QJsonArray{run}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray FindingsReport::junit() const
{
    // One test case per rule: it fails with one <failure> per error or
    // warning finding; info findings go to system-out. Waived findings fail
    // nothing: a case with only waived errors and warnings is skipped, with
    // one <skipped> per finding giving the waiver's reason (in a failed case
    // they go to system-out).
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const auto &rules = allRules();
    auto gating = [](const Finding &f) { return f.severity != Severity::Info; };
    auto fails = [&](const Rule *r) {
        return std::any_of(mFindings.cbegin(), mFindings.cend(),
                           [&](const Finding &f) { return f.rule == r->id() && gating(f) && !f.isWaived(); });
    };
    auto skipped = [&](const Rule *r) {
        return !fails(r) && std::any_of(mFindings.cbegin(), mFindings.cend(), [&](const Finding &f) {
            return f.rule == r->id() && gating(f) && f.isWaived();
        });
    };
    const int failedCases = static_cast<int>(std::count_if(rules.cbegin(), rules.cend(), fails));
    const int skippedCases = static_cast<int>(std::count_if(rules.cbegin(), rules.cend(), skipped));
    // Only what the Jenkins xUnit plugin's junit-10.xsd allows and GitLab
    // reads: testsuites > testsuite > testcase > failure | system-out.
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(rules.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failedCases));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("topology-designer: ") + mFile);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(rules.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failedCases));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    if (skippedCases > 0)
        xml.writeAttribute(QStringLiteral("skipped"), QString::number(skippedCases));
    for (const Rule *r : rules) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("placement"));
        xml.writeAttribute(QStringLiteral("name"), r->id());
        QStringList infos;
        const bool caseFails = fails(r);
        for (const Finding &f : mFindings) {
            if (f.rule != r->id())
                continue;
            if (f.waived && gating(f) && !caseFails) {
                xml.writeStartElement(QStringLiteral("skipped"));
                xml.writeAttribute(QStringLiteral("message"), QStringLiteral("waived: ") + *f.waived);
                xml.writeCharacters(f.message + QStringLiteral("\nsubjects: ") + f.subjects.join(QStringLiteral(", "))
                                    + QStringLiteral("\nwaived: ") + *f.waived);
                xml.writeEndElement();
                continue;
            }
            if (f.severity == Severity::Info || f.waived) {
                infos << (f.waived ? QStringLiteral("%1 [waived: %2]").arg(f.message, *f.waived) : f.message);
                continue;
            }
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("type"), severityName(f.severity));
            xml.writeAttribute(QStringLiteral("message"), f.message);
            xml.writeCharacters(f.message + QStringLiteral("\nsubjects: ") + f.subjects.join(QStringLiteral(", "))
                                + QStringLiteral("\n") + r->explanation());
            xml.writeEndElement();
        }
        if (!infos.isEmpty())
            xml.writeTextElement(QStringLiteral("system-out"), infos.join(QLatin1Char('\n')));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace td
