// Golden outputs of the rule exporters: for each case under golden/, the
// layout and, per format that fits its platform, the expected script
// (<format>.<ext>) and notes (<format>.notes). The version in the header is
// written @VERSION@. TD_UPDATE_GOLDEN=1 rewrites the expected files (review
// the diff).
#include "export/exporter.h"
#include "io/layoutreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace td;

class TestExportGolden : public QObject
{
    Q_OBJECT

private:
    static QString goldenDir() { return QStringLiteral(TD_TESTS_DIR "/export/golden"); }

    static QByteArray normalized(QByteArray text)
    {
        return text.replace("Topology Designer " TD_VERSION " ", "Topology Designer @VERSION@ ");
    }

    static QStringList formatsFor(const Topology &t)
    {
        if (t.header.platform.hypervisor == Hypervisor::HyperV)
            return {QStringLiteral("hyperv")};
        return {QStringLiteral("powercli"), QStringLiteral("terraform"), QStringLiteral("ansible")};
    }

private slots:
    void everyCaseIsThere()
    {
        const QStringList cases = QDir(goldenDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const char *name : {"sample", "several-clusters", "one-rack", "hyperv-2019", "hyperv-2022", "pool-of-4",
                                 "pair-split-clusters", "unplaced-members", "nothing-to-export"})
            QVERIFY2(cases.contains(QLatin1String(name)), name);
    }

    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("format");
        const QDir root(goldenDir());
        for (const QString &c : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const LoadResult loaded = LayoutReader::readFile(root.filePath(c + QStringLiteral("/layout.topo.yaml")));
            QVERIFY2(loaded.ok(), qPrintable(c));
            for (const QString &f : formatsFor(loaded.topology))
                QTest::newRow(qPrintable(c + QLatin1Char('/') + f)) << root.filePath(c) << f;
        }
    }

    void golden()
    {
        QFETCH(QString, dir);
        QFETCH(QString, format);
        const LoadResult loaded = LayoutReader::readFile(dir + QStringLiteral("/layout.topo.yaml"));
        QVERIFY(loaded.ok());
        const Exporter *exporter = ExporterRegistry::instance().find(format);
        QVERIFY(exporter);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QStringList notes;
        QString error;
        QVERIFY2(exporter->write(ExportInput{loaded.topology, QStringLiteral("layout.topo.yaml"), {}}, buffer, &notes,
                                 &error),
                 qPrintable(error));
        const QByteArray actual = normalized(buffer.data());
        const QByteArray actualNotes = notes.isEmpty() ? QByteArray()
                                                       : (notes.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
        const QString scriptPath = dir + QLatin1Char('/') + format + QLatin1Char('.') + exporter->extension();
        const QString notesPath = dir + QLatin1Char('/') + format + QStringLiteral(".notes");
        if (qEnvironmentVariableIntValue("TD_UPDATE_GOLDEN") == 1) {
            QFile s(scriptPath);
            QVERIFY(s.open(QIODevice::WriteOnly));
            s.write(actual);
            QFile n(notesPath);
            QVERIFY(n.open(QIODevice::WriteOnly));
            n.write(actualNotes);
        }
        QFile expected(scriptPath);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(scriptPath));
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected.readAll()));
        QFile expectedNotes(notesPath);
        QVERIFY2(expectedNotes.open(QIODevice::ReadOnly), qPrintable(notesPath));
        QCOMPARE(QString::fromUtf8(actualNotes), QString::fromUtf8(expectedNotes.readAll()));

        // Exporting twice gives the same bytes (no time, no order from a hash).
        QBuffer again;
        again.open(QIODevice::WriteOnly);
        QVERIFY(exporter->write(ExportInput{loaded.topology, QStringLiteral("layout.topo.yaml"), {}}, again, nullptr,
                                nullptr));
        QCOMPARE(normalized(again.data()), actual);
    }

    // A vSphere format refuses a Hyper-V layout and the other way round, with a reason.
    void wrongPlatform()
    {
        const LoadResult hv = LayoutReader::readFile(goldenDir() + QStringLiteral("/hyperv-2022/layout.topo.yaml"));
        const LoadResult vs = LayoutReader::readFile(goldenDir() + QStringLiteral("/one-rack/layout.topo.yaml"));
        QVERIFY(hv.ok() && vs.ok());
        for (const char *f : {"powercli", "terraform", "ansible", "hyperv"}) {
            const Exporter *e = ExporterRegistry::instance().find(QLatin1String(f));
            QVERIFY(e);
            QBuffer b;
            b.open(QIODevice::WriteOnly);
            QString error;
            const bool hyperv = e->name() == QLatin1String("hyperv");
            QVERIFY(!e->write(ExportInput{hyperv ? vs.topology : hv.topology, QStringLiteral("x"), {}}, b, nullptr,
                              &error));
            QVERIFY(error.contains(hyperv ? QStringLiteral("vSphere") : QStringLiteral("Hyper-V")));
            QVERIFY(b.data().isEmpty());
        }
    }

    void registry()
    {
        for (const char *f : {"powercli", "hyperv", "terraform", "ansible"}) {
            const Exporter *e = ExporterRegistry::instance().find(QLatin1String(f));
            QVERIFY2(e, f);
            QCOMPARE(e->category(), QStringLiteral("rules"));
            QVERIFY(!e->needsGui());
            QVERIFY(!e->description().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestExportGolden)
#include "tst_exportgolden.moc"
