#include "report/findingsreport.h"
#include "rules/rule.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace td;

class TestFindingsReport : public QObject
{
    Q_OBJECT

private:
    static QVector<Finding> sampleFindings()
    {
        return {Finding{QStringLiteral("redundancy-same-host"),
                        Severity::Error,
                        QStringLiteral("CIC pair: \"IC1\" and IC2 all run on host esx01."),
                        {QStringLiteral("cic-pair"), QStringLiteral("ic1"), QStringLiteral("ic2"),
                         QStringLiteral("esx01")}},
                Finding{QStringLiteral("unplaced-guest"),
                        Severity::Info,
                        QStringLiteral("IC3 is not placed on a host."),
                        {QStringLiteral("ic3")}}};
    }

private slots:
    void jsonIsTheContract()
    {
        const FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"));
        const QByteArray json = report.json();
        QCOMPARE(json,
                 QByteArray("{\"file\": \"site.topo.yaml\", \"findings\": [\n"
                            "  {\"rule\": \"redundancy-same-host\", \"severity\": \"error\", \"message\": "
                            "\"CIC pair: \\\"IC1\\\" and IC2 all run on host esx01.\", \"subjects\": [\"cic-pair\", "
                            "\"ic1\", \"ic2\", \"esx01\"]},\n"
                            "  {\"rule\": \"unplaced-guest\", \"severity\": \"info\", \"message\": \"IC3 is not "
                            "placed on a host.\", \"subjects\": [\"ic3\"]}\n"
                            "], \"summary\": {\"error\": 1, \"warning\": 0, \"info\": 1}}\n"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("findings")).toArray().size(), 2);
        const QByteArray empty = FindingsReport({}, QStringLiteral("x")).json();
        QCOMPARE(empty, QByteArray("{\"file\": \"x\", \"findings\": [], \"summary\": {\"error\": 0, \"warning\": 0, "
                                   "\"info\": 0}}\n"));
    }

    void sarif()
    {
        const FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"),
                                    {{QStringLiteral("cic-pair"), 40}, {QStringLiteral("ic3"), 30}});
        const QJsonObject root = QJsonDocument::fromJson(report.sarif()).object();
        QCOMPARE(root.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject run = root.value(QStringLiteral("runs")).toArray().first().toObject();
        const QJsonArray rules = run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")]
                                     .toArray();
        QCOMPARE(rules.size(), allRules().size());
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject first = results.first().toObject();
        QCOMPARE(first.value(QStringLiteral("level")).toString(), QStringLiteral("error"));
        QCOMPARE(first[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")][QStringLiteral("region")]
                      [QStringLiteral("startLine")]
                          .toInt(),
                 40);
        QCOMPARE(results.at(1)[QStringLiteral("level")].toString(), QStringLiteral("note"));
        const int index = first.value(QStringLiteral("ruleIndex")).toInt();
        QCOMPARE(rules.at(index)[QStringLiteral("id")].toString(), QStringLiteral("redundancy-same-host"));
    }

    void sarifCodeScanningLocations()
    {
        // Every result has a region (line 1 when no subject has a known
        // line) and the artifact the report was given.
        FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"), {{QStringLiteral("cic-pair"), 40}});
        QJsonArray results = QJsonDocument::fromJson(report.sarif())
                                 .object()[QStringLiteral("runs")][0][QStringLiteral("results")]
                                 .toArray();
        QCOMPARE(results.size(), 2);
        const auto physical = [](const QJsonValue &result) {
            return result[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
        };
        QCOMPARE(physical(results[0])[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), 40);
        QCOMPARE(physical(results[1])[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), 1);
        // Without a file on disk the uri is the shown name, as a relative reference.
        QCOMPARE(physical(results[0])[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
                 QStringLiteral("site.topo.yaml"));
        const FindingsReport sample(sampleFindings(), QStringLiteral("sample:contoso.topo.yaml"));
        results = QJsonDocument::fromJson(sample.sarif())
                      .object()[QStringLiteral("runs")][0][QStringLiteral("results")]
                      .toArray();
        QCOMPARE(physical(results[0])[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
                 QStringLiteral("sample%3Acontoso.topo.yaml"));
    }

    void sarifUriIsRepositoryRelative()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = QDir(tmp.path()).canonicalPath();
        QVERIFY(QDir(root).mkpath(QStringLiteral("repo/.git")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("repo/sites/a b")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("plain/sub")));
        const QString rootUri = QStringLiteral("file://") + root;

        // In a git work tree: relative to its root, wherever the program runs.
        FindingsReport::ArtifactLocation a = FindingsReport::artifactLocation(QStringLiteral("a b/x:1.topo.yaml"),
                                                                              root + QStringLiteral("/repo/sites"));
        QCOMPARE(a.uri, QStringLiteral("sites/a%20b/x%3A1.topo.yaml"));
        QCOMPARE(a.baseUri, rootUri + QStringLiteral("/repo/"));
        a = FindingsReport::artifactLocation(root + QStringLiteral("/repo/sites/../top.topo.yaml"),
                                             root + QStringLiteral("/plain"));
        QCOMPARE(a.uri, QStringLiteral("top.topo.yaml"));
        QCOMPARE(a.baseUri, rootUri + QStringLiteral("/repo/"));

        // A linked worktree has a .git file.
        QVERIFY(QDir(root).mkpath(QStringLiteral("wt/d")));
        QFile gitFile(root + QStringLiteral("/wt/.git"));
        QVERIFY(gitFile.open(QIODevice::WriteOnly));
        gitFile.write("gitdir: /elsewhere\n");
        gitFile.close();
        a = FindingsReport::artifactLocation(QStringLiteral("d/s.topo.yaml"), root + QStringLiteral("/wt"));
        QCOMPARE(a.uri, QStringLiteral("d/s.topo.yaml"));
        QCOMPARE(a.baseUri, rootUri + QStringLiteral("/wt/"));

        // Outside git: relative to the working directory when the file is in it.
        a = FindingsReport::artifactLocation(QStringLiteral("sub/s.topo.yaml"), root + QStringLiteral("/plain"));
        QCOMPARE(a.uri, QStringLiteral("sub/s.topo.yaml"));
        QCOMPARE(a.baseUri, rootUri + QStringLiteral("/plain/"));
        // ... else its absolute file URI, without a base.
        a = FindingsReport::artifactLocation(QStringLiteral("../s.topo.yaml"), root + QStringLiteral("/plain"));
        QCOMPARE(a.uri, rootUri + QStringLiteral("/s.topo.yaml"));
        QVERIFY(a.baseUri.isEmpty());

        // The report uses it: uriBaseId %SRCROOT%, defined in originalUriBaseIds.
        FindingsReport report(sampleFindings(), QStringLiteral("sites/a b/x.topo.yaml"));
        report.setSourceFile(QStringLiteral("sites/a b/x.topo.yaml"), root + QStringLiteral("/repo"));
        const QJsonObject run = QJsonDocument::fromJson(report.sarif()).object()[QStringLiteral("runs")][0].toObject();
        const QJsonObject artifact = run[QStringLiteral("results")][0][QStringLiteral("locations")][0]
                                        [QStringLiteral("physicalLocation")][QStringLiteral("artifactLocation")]
                                            .toObject();
        QCOMPARE(artifact[QStringLiteral("uri")].toString(), QStringLiteral("sites/a%20b/x.topo.yaml"));
        QCOMPARE(artifact[QStringLiteral("uriBaseId")].toString(), QStringLiteral("%SRCROOT%"));
        QCOMPARE(
            run[QStringLiteral("originalUriBaseIds")][QStringLiteral("%SRCROOT%")][QStringLiteral("uri")].toString(),
            rootUri + QStringLiteral("/repo/"));
    }

    void sarifFingerprintIsStable()
    {
        // From the rule and subjects only: the same when lines or the message change.
        const QVector<Finding> findings = sampleFindings();
        const auto hashes = [](const FindingsReport &report) {
            QStringList out;
            const QJsonArray results = QJsonDocument::fromJson(report.sarif())
                                           .object()[QStringLiteral("runs")][0][QStringLiteral("results")]
                                           .toArray();
            for (const QJsonValue &r : results)
                out << r[QStringLiteral("partialFingerprints")][QStringLiteral("primaryLocationLineHash")].toString();
            return out;
        };
        const QStringList before = hashes(
            FindingsReport(findings, QStringLiteral("a.topo.yaml"), {{QStringLiteral("cic-pair"), 40}}));
        QVector<Finding> moved = findings;
        moved[0].message = QStringLiteral("reworded, other figures");
        const QStringList after = hashes(FindingsReport(
            moved, QStringLiteral("b.topo.yaml"), {{QStringLiteral("cic-pair"), 90}, {QStringLiteral("ic3"), 7}}));
        QCOMPARE(after, before);
        QCOMPARE(before.size(), 2);
        QVERIFY(before[0] != before[1]);
        // GitHub's form, "<hex>:<occurrence>", from SHA-256 of rule and subjects.
        const QByteArray key = "redundancy-same-host\ncic-pair\nic1\nic2\nesx01";
        QCOMPARE(before[0],
                 QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16))
                     + QStringLiteral(":1"));
        // Another subject is another alert.
        QVector<Finding> other = findings;
        other[0].subjects.last() = QStringLiteral("esx02");
        QVERIFY(hashes(FindingsReport(other, QStringLiteral("a.topo.yaml")))[0] != before[0]);
    }

    void junit()
    {
        const FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"));
        QXmlStreamReader xml(report.junit());
        int cases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                ++cases;
            if (xml.isStartElement() && xml.name() == QLatin1String("failure"))
                ++failures;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, allRules().size());
        QCOMPARE(failures, 1);
    }

    void textNamesFileAndLine()
    {
        const FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"),
                                    {{QStringLiteral("cic-pair"), 40}});
        const QString text = QString::fromUtf8(report.text());
        QVERIFY2(text.startsWith(QStringLiteral("site.topo.yaml:40: error: ")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("[redundancy-same-host]")));
        QVERIFY(text.contains(QStringLiteral("1 error(s), 0 warning(s), 1 info")));
    }
};

QTEST_GUILESS_MAIN(TestFindingsReport)
#include "tst_findingsreport.moc"
