// The export command as a user runs it: the real program, no display.
#include "clirun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestExportCli : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList &args) { return test::runCli(args); }
    static QString golden(const char *path)
    {
        return QStringLiteral(TD_SOURCE_DIR "/tests/core/export/golden/") + QLatin1String(path);
    }

private slots:
    void list()
    {
        const Run r = run({QStringLiteral("export"), QStringLiteral("--list")});
        QCOMPARE(r.code, 0);
        QStringList names;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QList<QByteArray> parts = line.split('\t');
            QCOMPARE(parts.size(), 3);
            QVERIFY(parts.at(1).startsWith('.'));
            QVERIFY(!parts.at(2).isEmpty());
            names << QString::fromUtf8(parts.at(0));
        }
        for (const char *n : {"powercli", "hyperv", "terraform", "ansible"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
    }

    void helpNamesIt()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("export FILE --to FORMAT"));
        QVERIFY(r.out.contains("export --list"));
    }

    void toStdoutAndFile()
    {
        Run r = run(
            {QStringLiteral("export"), QStringLiteral("--sample"), QStringLiteral("--to"), QStringLiteral("ansible")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("---\n"));
        QVERIFY(r.out.contains("drs_rule_name: \"td-apart-cic-pair\""));
        QVERIFY(r.err.isEmpty());

        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("drs.tf"));
        const QString layout = golden("several-clusters/layout.topo.yaml");
        r = run({QStringLiteral("export"), layout, QStringLiteral("--to"), QStringLiteral("terraform"),
                 QStringLiteral("-o"), out});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("resource \"vsphere_drs_vm_override\""));
    }

    // Notes go to stderr, one per line, "FILE: note: ...", and the script still comes.
    void notesOnStderr()
    {
        const QString layout = golden("unplaced-members/layout.topo.yaml");
        const Run r = run({QStringLiteral("export"), layout, QStringLiteral("--to"), QStringLiteral("powercli")});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (const QByteArray &l : lines)
            QVERIFY2(l.startsWith((layout + QStringLiteral(": note: ")).toUtf8()), l.constData());
        QVERIFY(r.out.contains("param("));
    }

    void errors()
    {
        // Unknown format.
        Run r = run(
            {QStringLiteral("export"), QStringLiteral("--sample"), QStringLiteral("--to"), QStringLiteral("nope")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown export format 'nope'"));
        QVERIFY(r.out.isEmpty());
        // A file that does not load: file:line:col.
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.topo.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format: 1\nname: [unclosed\n");
        f.close();
        r = run({QStringLiteral("export"), bad, QStringLiteral("--to"), QStringLiteral("ansible")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains((bad + QStringLiteral(":")).toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        // A format for another platform, with the reason.
        r = run({QStringLiteral("export"), golden("hyperv-2022/layout.topo.yaml"), QStringLiteral("--to"),
                 QStringLiteral("powercli")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("Hyper-V"));
        QVERIFY(r.out.isEmpty());
        // Usage.
        r = run({QStringLiteral("export"), QStringLiteral("--sample")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("ansible")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("export"), QStringLiteral("--sample"), QStringLiteral("--to"),
                 QStringLiteral("ansible"), QStringLiteral("--page"), QStringLiteral("a3")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("export"), QStringLiteral("--sample"), QStringLiteral("--to"),
                 QStringLiteral("ansible"), QStringLiteral("--size"), QStringLiteral("0x10")});
        QCOMPARE(r.code, 2);
        // An output that cannot be written: exit 2, nothing half-written.
        r = run({QStringLiteral("export"), QStringLiteral("--sample"), QStringLiteral("--to"),
                 QStringLiteral("ansible"), QStringLiteral("-o"), dir.filePath(QStringLiteral("no/such/dir/x.yml"))});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
