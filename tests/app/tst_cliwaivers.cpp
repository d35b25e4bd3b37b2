// Waivers on the command line, run as a review gate runs the program: waived
// findings fail nothing (also with --strict), every format says so with the
// reason, --no-waivers ignores them, and `format` keeps them.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliWaivers : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList &args) { return test::runCli(args); }
    static QString golden(const char *path)
    {
        return QStringLiteral(TD_SOURCE_DIR "/tests/core/rules/golden/") + QLatin1String(path);
    }
    static Run validate(const char *path, const QStringList &options = {})
    {
        return run(QStringList{QStringLiteral("validate"), golden(path)} + options);
    }
    static QJsonObject json(const char *path, const QStringList &options = {})
    {
        return QJsonDocument::fromJson(validate(path, options + QStringList{"--format", "json"}).out).object();
    }

    static constexpr const char *kWaived = "redundancy-same-host-waived/fires.topo.yaml";
    static constexpr const char *kReason = "Single host until the Q3 expansion (CHG-1234)";

private slots:
    void aWaivedErrorFailsNoGate()
    {
        QCOMPARE(validate(kWaived).code, 0);
        QCOMPARE(validate(kWaived, {"--strict"}).code, 0);
        for (const char *format : {"json", "sarif", "junit"})
            QCOMPARE(validate(kWaived, {"--strict", "--format", format}).code, 0);
        // The same layout without the waiver fails.
        QCOMPARE(validate("redundancy-same-host/fires.topo.yaml").code, 1);
    }

    void noWaiversIsTheAuditorsView()
    {
        const Run r = validate(kWaived, {"--no-waivers"});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.out.contains("[waived:"));
        QVERIFY(r.out.endsWith(": 1 error(s), 0 warning(s), 0 info\n"));
        // No waiver-unused either: the waivers are not there at all.
        const Run unused = validate("waiver-unused/fires.topo.yaml", {"--no-waivers"});
        QVERIFY(!unused.out.contains("[waiver-unused]"));
        QCOMPARE(unused.code, 1);
    }

    void textMarksTheReason()
    {
        const Run r = validate(kWaived);
        const QByteArray file = golden(kWaived).toUtf8();
        // The group's id is defined on line 50 of the layout.
        QCOMPARE(r.out, file
                            + ":50: error: CIC switchover pair: IC1 and IC2 all run on host esx01.lab.local; losing "
                              "that host takes the whole group down. [redundancy-same-host] [waived: "
                            + kReason + "]\n" + file + ": 0 error(s), 0 warning(s), 0 info, 1 waived\n");
    }

    void jsonAddsWaivedAndKeepsTheOtherKeys()
    {
        const QJsonObject o = json(kWaived);
        const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject f = findings.first().toObject();
        QCOMPARE(f.keys(), QStringList({"message", "rule", "severity", "subjects", "waived"}));
        QCOMPARE(f.value(QStringLiteral("waived")).toString(), QString::fromLatin1(kReason));
        QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary, QJsonObject({{"error", 0}, {"warning", 0}, {"info", 0}, {"waived", 1}}));
        // Without waivers the summary is what it always was.
        const QJsonObject plain = json("redundancy-same-host/fires.topo.yaml").value("summary").toObject();
        QCOMPARE(plain, QJsonObject({{"error", 1}, {"warning", 0}, {"info", 0}}));
    }

    void subjectsInAnotherOrderMatchAPartialListDoesNot()
    {
        // kWaived lists the subjects as esx01, ic2, cic-pair, ic1.
        QCOMPARE(json(kWaived).value("summary").toObject().value("waived").toInt(), 1);
        const Run partial = validate("waiver-unused-partial-subjects/fires.topo.yaml", {"--format", "json"});
        QCOMPARE(partial.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(partial.out).object();
        QCOMPARE(o.value("summary").toObject(), QJsonObject({{"error", 1}, {"warning", 0}, {"info", 1}}));
        const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 2);
        QVERIFY(!findings.at(0).toObject().contains(QStringLiteral("waived")));
        const QJsonObject unused = findings.at(1).toObject();
        QCOMPARE(unused.value("rule").toString(), QStringLiteral("waiver-unused"));
        QCOMPARE(unused.value("severity").toString(), QStringLiteral("info"));
        QCOMPARE(unused.value("subjects").toArray(), QJsonArray({"cic-pair", "ic1", "ic2"}));
        QVERIFY(unused.value("message").toString().contains(QStringLiteral("Partial subject list")));
    }

    void anUnusedWaiverIsInfoAndPasses()
    {
        // The pair is apart: the waiver of redundancy-same-host matches nothing.
        const Run r = validate("redundancy-same-host-waived/near.topo.yaml", {"--strict"});
        QCOMPARE(r.code, 1); // the rack warning, with --strict
        QVERIFY(r.out.contains("[waiver-unused]"));
        QCOMPARE(validate("redundancy-same-host-waived/near.topo.yaml").code, 0);
    }

    void sarifSuppressesTheWaivedResult()
    {
        const Run r = validate(kWaived, {"--format", "sarif"});
        const QJsonObject run0 = QJsonDocument::fromJson(r.out).object().value("runs").toArray().first().toObject();
        const QJsonArray results = run0.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value("level").toString(), QStringLiteral("error"));
        QCOMPARE(result.value(QStringLiteral("suppressions")).toArray(),
                 QJsonArray({QJsonObject({{"kind", "inSource"}, {"justification", kReason}})}));
        // waiver-unused is a rule like the others, with its help.
        bool listed = false;
        for (const QJsonValue &rule : run0.value("tool").toObject().value("driver").toObject().value("rules").toArray())
            listed = listed
                  || (rule.toObject().value("id").toString() == QLatin1String("waiver-unused")
                      && !rule.toObject().value("help").toObject().value("text").toString().isEmpty());
        QVERIFY(listed);
        // An unwaived result has no suppressions.
        const Run plain = validate("redundancy-same-host/fires.topo.yaml", {"--format", "sarif"});
        QVERIFY(!plain.out.contains("suppressions"));
    }

    void junitSkipsTheWaivedCase()
    {
        const Run r = validate(kWaived, {"--format", "junit"});
        QVERIFY(r.out.contains("<testsuite name=\"topology-designer: "));
        QVERIFY(r.out.contains("failures=\"0\" errors=\"0\" skipped=\"1\">"));
        QVERIFY(r.out.contains("<testcase classname=\"placement\" name=\"redundancy-same-host\">\n"
                               "            <skipped message=\"waived: Single host until the Q3 expansion "
                               "(CHG-1234)\">"));
        QVERIFY(!r.out.contains("<failure"));
        const Run audit = validate(kWaived, {"--format", "junit", "--no-waivers"});
        QVERIFY(audit.out.contains("<failure type=\"error\""));
        QVERIFY(!audit.out.contains("skipped"));
    }

    void formatKeepsWaivers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.topo.yaml"));
        QVERIFY(QFile::copy(golden(kWaived), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--in-place")}).code, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray once = f.readAll();
        QVERIFY(once.contains("waivers:\n  # accepted until the second host arrives\n  - rule: redundancy-same-host\n"
                              "    subjects: [esx01, ic2, cic-pair, ic1]   # any order\n    reason: "));
        // Canonical: formatting again changes nothing, and it validates the same.
        const Run again = run({QStringLiteral("format"), path});
        QCOMPARE(again.out, once);
        QCOMPARE(run({QStringLiteral("validate"), path}).code, 0);
    }

    void aWaiverWithoutReasonIsALoadingError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.topo.yaml"));
        QFile in(golden(kWaived));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace(QByteArray("    reason: ") + kReason, "    reason: \"  \"");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        const Run r = run({QStringLiteral("validate"), path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(path.toUtf8() + ":59:13: error: "), r.err.constData());
        QVERIFY(r.err.contains("reason"));
    }
};

QTEST_GUILESS_MAIN(TestCliWaivers)
#include "tst_cliwaivers.moc"
