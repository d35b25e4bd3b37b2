#include "report/findingsreport.h"
#include "rules/rule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace td;

class TestFindingsReport : public QObject
{
    Q_OBJECT

private:
    static QVector<Finding> sampleFindings()
    {
        return {Finding{QStringLiteral("redundancy-same-host"), Severity::Error,
                        QStringLiteral("CIC pair: \"IC1\" and IC2 all run on host esx01."),
                        {QStringLiteral("cic-pair"), QStringLiteral("ic1"), QStringLiteral("ic2"), QStringLiteral("esx01")}},
                Finding{QStringLiteral("unplaced-guest"), Severity::Info, QStringLiteral("IC3 is not placed on a host."),
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
        QCOMPARE(empty, QByteArray("{\"file\": \"x\", \"findings\": [], \"summary\": {\"error\": 0, \"warning\": 0, \"info\": 0}}\n"));
    }

    void sarif()
    {
        const FindingsReport report(sampleFindings(), QStringLiteral("site.topo.yaml"),
                                    {{QStringLiteral("cic-pair"), 40}, {QStringLiteral("ic3"), 30}});
        const QJsonObject root = QJsonDocument::fromJson(report.sarif()).object();
        QCOMPARE(root.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject run = root.value(QStringLiteral("runs")).toArray().first().toObject();
        const QJsonArray rules = run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray();
        QCOMPARE(rules.size(), allRules().size());
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject first = results.first().toObject();
        QCOMPARE(first.value(QStringLiteral("level")).toString(), QStringLiteral("error"));
        QCOMPARE(first[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")][QStringLiteral("region")]
                      [QStringLiteral("startLine")].toInt(),
                 40);
        QCOMPARE(results.at(1)[QStringLiteral("level")].toString(), QStringLiteral("note"));
        const int index = first.value(QStringLiteral("ruleIndex")).toInt();
        QCOMPARE(rules.at(index)[QStringLiteral("id")].toString(), QStringLiteral("redundancy-same-host"));
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
