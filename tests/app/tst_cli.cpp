// Runs the real program as a user would, without a display.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList &args) { return test::runCli(args); }
    static Run runIn(const QString &dir, const QStringList &args) { return test::runCli(args, dir); }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QString golden(const char *path)
    {
        return QStringLiteral(TD_SOURCE_DIR "/tests/core/rules/golden/") + QLatin1String(path);
    }

private slots:
    void helpAndVersion()
    {
        Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("validate FILE"));
        QVERIFY(r.out.contains("analyze FILE"));
        QVERIFY(r.out.contains("--strict"));
        r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("topology-designer "));
    }

    // tests/core/analysis/golden/<case>/: layout.topo.yaml, args (the options),
    // exit (the expected code), expected.json (stdout with --format json) or
    // expected.stderr (the first line of stderr), all written by hand from RULES.md.
    void analyzeGolden_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir root(QStringLiteral(TD_SOURCE_DIR "/tests/core/analysis/golden"));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 8);
        for (const QString &c : cases)
            QTest::newRow(qPrintable(c)) << root.filePath(c);
    }

    void analyzeGolden()
    {
        QFETCH(QString, dir);
        const QStringList options = QString::fromUtf8(readAll(dir + QStringLiteral("/args")))
                                        .simplified()
                                        .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QStringList args{QStringLiteral("analyze"), QStringLiteral("layout.topo.yaml"), QStringLiteral("--format"),
                         QStringLiteral("json")};
        args << options;
        const Run r = runIn(dir, args);
        QCOMPARE(r.code, readAll(dir + QStringLiteral("/exit")).trimmed().toInt());
        if (QFile::exists(dir + QStringLiteral("/expected.json"))) {
            QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(readAll(dir + QStringLiteral("/expected.json"))));
            QVERIFY(QJsonDocument::fromJson(r.out).isObject());
        } else {
            QVERIFY(r.out.isEmpty());
            QCOMPARE(QString::fromUtf8(r.err.split('\n').first() + '\n'),
                     QString::fromUtf8(readAll(dir + QStringLiteral("/expected.stderr"))));
        }
    }

    void analyzeTextAndUsage()
    {
        const QString dir = QStringLiteral(TD_SOURCE_DIR "/tests/core/analysis/golden/rack-and-circuit");
        Run r = runIn(dir, {QStringLiteral("analyze"), QStringLiteral("layout.topo.yaml"), QStringLiteral("--fail"),
                            QStringLiteral("rack-1,ups-b")});
        QCOMPARE(r.code, 0); // without --strict a group down does not fail
        QCOMPARE(QString::fromUtf8(r.out),
                 QStringLiteral("Losing Rack 1 and UPS B takes esx01 and esx03 down: CIC pair down, IC1 restarts on "
                                "esx02, IC2 restarts on esx04.\n"
                                "  hosts down:      esx01, esx03\n"
                                "  guests down:     IC1, IC2\n"
                                "  groups down:     CIC pair\n"
                                "  groups degraded: none\n"
                                "  restarts:        IC1 on esx02, IC2 on esx04\n"
                                "  stay down:       none\n"
                                "\n"
                                "layout.topo.yaml: 1 scenario(s), 1 with a group down\n"));
        // Usage errors: exit 2 with a message.
        const QList<QStringList> bad{
            {QStringLiteral("--worst"), QStringLiteral("0")},
            {QStringLiteral("--worst"), QStringLiteral("3"), QStringLiteral("--depth"), QStringLiteral("3")},
            {QStringLiteral("--depth"), QStringLiteral("1")},
            {QStringLiteral("--fail"), QStringLiteral("esx01"), QStringLiteral("--worst"), QStringLiteral("2")},
            {QStringLiteral("--fail"), QStringLiteral(",")},
            {QStringLiteral("--format"), QStringLiteral("sarif")},
        };
        for (const QStringList &options : bad) {
            r = runIn(dir, QStringList{QStringLiteral("analyze"), QStringLiteral("layout.topo.yaml")} + options);
            QVERIFY2(r.code == 2 && r.err.startsWith("topology-designer: "), qPrintable(options.join(' ')));
            QVERIFY(r.out.isEmpty());
        }
        // A file that cannot be loaded: exit 2 with file:line:col.
        r = run({QStringLiteral("analyze"), golden("../../io/bad/duplicate-id-same-list.topo.yaml")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("duplicate-id-same-list.topo.yaml:"), r.err.constData());
        // The sample: every single failure, none takes a group down.
        r = run({QStringLiteral("analyze"), QStringLiteral("--sample"), QStringLiteral("--strict")});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("analyze"), QStringLiteral("--sample"), QStringLiteral("--worst"), QStringLiteral("2"),
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--strict")});
        QCOMPARE(r.code, 1); // losing both feeds of every rack takes every group down
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("file"), QStringLiteral("worst")}));
        QCOMPARE(o.value(QStringLiteral("worst")).toArray().size(), 2);
    }

    void sampleIsClean()
    {
        Run r = run({QStringLiteral("validate"), QStringLiteral("--sample"), QStringLiteral("--format"),
                     QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("findings")).toArray().size(), 0);
        QCOMPARE(o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("error")).toInt(), 0);
        r = run({QStringLiteral("validate"), QStringLiteral("--sample"), QStringLiteral("--strict")});
        QCOMPARE(r.code, 0);
    }

    void exitCodes()
    {
        // An error fails.
        Run r = run({QStringLiteral("validate"), golden("redundancy-same-host/fires.topo.yaml")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("[redundancy-same-host]"));
        // Warnings alone pass, and fail with --strict.
        r = run({QStringLiteral("validate"), golden("redundancy-same-rack/fires.topo.yaml")});
        QCOMPARE(r.code, 0);
        r = run(
            {QStringLiteral("validate"), golden("redundancy-same-rack/fires.topo.yaml"), QStringLiteral("--strict")});
        QCOMPARE(r.code, 1);
    }

    void loadErrorsAndUsage()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.topo.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\nname: x\nplatform:\n  hypervisor: xen\n");
        f.close();
        Run r = run({QStringLiteral("validate"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains((bad + QStringLiteral(":4:15: error: ")).toUtf8()), r.err.constData());
        r = run({QStringLiteral("validate")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("validate"), bad, QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown format"));
        r = run({QStringLiteral("frobnicate")});
        QVERIFY(r.code != 0);
    }

    void formatsAndOutputFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("report.sarif"));
        Run r = run({QStringLiteral("validate"), golden("redundancy-same-host/fires.topo.yaml"),
                     QStringLiteral("--format"), QStringLiteral("sarif"), QStringLiteral("--output"), out});
        QCOMPARE(r.code, 1);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        r = run({QStringLiteral("validate"), QStringLiteral("--sample"), QStringLiteral("--format"),
                 QStringLiteral("junit")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("<testsuites "));
    }

    void sarifUriIsRelativeToTheRepository()
    {
        // A layout inside a git work tree, validated from another directory:
        // the uri is relative to the work tree's root (%SRCROOT%).
        QTemporaryDir dir;
        const QString root = QDir(dir.path()).canonicalPath();
        QVERIFY(QDir(root).mkpath(QStringLiteral(".git")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("sites/lab")));
        QVERIFY(QFile::copy(golden("redundancy-same-host/fires.topo.yaml"),
                            root + QStringLiteral("/sites/lab/site.topo.yaml")));
        QProcess p;
        p.setWorkingDirectory(root + QStringLiteral("/sites"));
        p.start(QStringLiteral(TD_PROGRAM), {QStringLiteral("validate"), QStringLiteral("lab/site.topo.yaml"),
                                             QStringLiteral("--format"), QStringLiteral("sarif")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QJsonObject run =
            QJsonDocument::fromJson(p.readAllStandardOutput()).object()[QStringLiteral("runs")][0].toObject();
        const QJsonObject location = run[QStringLiteral("results")][0][QStringLiteral("locations")][0]
                                        [QStringLiteral("physicalLocation")]
                                            .toObject();
        QCOMPARE(location[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
                 QStringLiteral("sites/lab/site.topo.yaml"));
        QCOMPARE(location[QStringLiteral("artifactLocation")][QStringLiteral("uriBaseId")].toString(),
                 QStringLiteral("%SRCROOT%"));
        QCOMPARE(
            run[QStringLiteral("originalUriBaseIds")][QStringLiteral("%SRCROOT%")][QStringLiteral("uri")].toString(),
            QStringLiteral("file://") + root + QStringLiteral("/"));
        // The line where the pair is defined in the file.
        QFile layout(root + QStringLiteral("/sites/lab/site.topo.yaml"));
        QVERIFY(layout.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = layout.readAll().split('\n');
        const int line = location[QStringLiteral("region")][QStringLiteral("startLine")].toInt();
        QVERIFY(line >= 1 && line <= lines.size());
        QVERIFY2(lines[line - 1].contains("id: cic-pair"), lines[line - 1].constData());
    }

    void samplePrints()
    {
        const Run r = run({QStringLiteral("sample")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("format: 1\n") || r.out.contains("\nformat: 1\n"));
    }

    void aFifoIsRefusedWithoutWaitingForAWriter()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo.topo.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        // Opening the FIFO would block the program forever: run() then
        // reports a timeout (-1), a failure here.
        for (const char *command : {"validate", "format"}) {
            const Run r = run({QLatin1String(command), fifo});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains((fifo + QStringLiteral(": error: is not a regular file (a FIFO)")).toUtf8()),
                     r.err.constData());
        }
    }

    void formatKeepsCommentsAndIsCanonical()
    {
        const QString annotated = QStringLiteral(TD_SOURCE_DIR "/tests/core/io/comments/annotated.topo.yaml");
        QFile source(annotated);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray original = source.readAll();
        // An annotated canonical file prints as it is.
        Run r = run({QStringLiteral("format"), annotated});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, original);
        // A messy one becomes canonical, comments kept, in place.
        QTemporaryDir dir;
        const QString messy = dir.filePath(QStringLiteral("messy.topo.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(TD_SOURCE_DIR "/tests/core/io/comments/messy.topo.yaml"), messy));
        QVERIFY(
            QFile::setPermissions(messy, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        r = run({QStringLiteral("format"), messy, QStringLiteral("--in-place")});
        QCOMPARE(r.code, 0);
        QFile once(messy);
        QVERIFY(once.open(QIODevice::ReadOnly));
        const QByteArray formatted = once.readAll();
        once.close();
        QVERIFY(formatted.contains("# marker-01 top, after blank lines\n# marker-15 on a directive\nformat: 1\n"));
        QVERIFY(formatted.contains("  - id: ups-a   # marker-06 compact list\n"));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(messy).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0640u);
        // Formatting the result again changes nothing.
        r = run({QStringLiteral("format"), messy});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, formatted);
        // A read-only file is not replaced.
        QVERIFY(QFile::setPermissions(messy, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        r = run({QStringLiteral("format"), messy, QStringLiteral("--in-place")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains((messy + QStringLiteral(" is read-only")).toUtf8()), r.err.constData());
        // A file that does not load is left alone, with its place named.
        const QString bad = dir.filePath(QStringLiteral("bad.topo.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\nname: x\nplatform: {hypervisor: vsphere}\n---\nmore: 1\n");
        f.close();
        r = run({QStringLiteral("format"), bad, QStringLiteral("--in-place")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains((bad + QStringLiteral(":4:1: error: a second YAML document")).toUtf8()),
                 r.err.constData());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("format: 1\nname: x\nplatform: {hypervisor: vsphere}\n---\nmore: 1\n"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
