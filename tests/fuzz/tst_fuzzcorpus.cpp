// Replays the fuzz corpus (corpus/: seeds, valid and hostile) and the
// regressions (regressions/: inputs that once broke the loader) through the
// loader with the fuzz target's checks, with any compiler, under ctest.

#include "io/layoutreader.h"
#include "io/layoutwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace td;

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private:
    static QFileInfoList inputs(const QString &folder)
    {
        const QDir dir(QStringLiteral(TD_TESTS_DIR "/") + folder);
        return dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }

private slots:
    void corpusIsThere()
    {
        // Guards against a wrong TD_TESTS_DIR turning the test below into a no-op.
        QVERIFY2(inputs(QStringLiteral("corpus")).size() >= 10,
                 qPrintable(QStringLiteral("no seed inputs in " TD_TESTS_DIR "/corpus")));
    }

    void loads_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *folder : {"corpus", "regressions"}) {
            for (const QFileInfo &info : inputs(QString::fromLatin1(folder))) {
                if (info.fileName() == QLatin1String("README.md"))
                    continue;
                const QString row = QString::fromLatin1(folder) + QLatin1Char('/') + info.fileName();
                QTest::newRow(qPrintable(row)) << info.absoluteFilePath();
            }
        }
    }

    void loads()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray data = file.readAll();

        // No time is asserted (the machine may be busy): a hang shows as the
        // ctest timeout.
        const LoadResult first = LayoutReader::read(data, QFileInfo(path).fileName());

        if (!first.ok()) {
            // Every input here is small: its error names a real place.
            const Diagnostic &e = *first.error;
            // The error points into the input: a line of it (1-based) and a
            // column within that line (1-based, at most one past its end).
            QCOMPARE(e.file, QFileInfo(path).fileName());
            const QList<QByteArray> lines = data.split('\n');
            QVERIFY2(e.line >= 1 && e.line <= lines.size(),
                     qPrintable(QStringLiteral("line %1 of %2: ").arg(e.line).arg(lines.size()) + e.toString()));
            const int length = static_cast<int>(lines.at(e.line - 1).size());
            QVERIFY2(e.column >= 1 && e.column <= length + 1,
                     qPrintable(QStringLiteral("column %1 of a line of %2 bytes: ").arg(e.column).arg(length)
                                + e.toString()));
            QVERIFY2(!e.text.trimmed().isEmpty(), qPrintable(e.toString()));
            QCOMPARE(e.level, Diagnostic::Level::Error);
            return;
        }

        const QByteArray written = LayoutWriter::write(first.topology);
        const LoadResult second = LayoutReader::read(written, QStringLiteral("written.topo.yaml"));
        if (!second.ok()) {
            // (QVERIFY2 evaluates its message even when it passes.)
            QFAIL(qPrintable(QStringLiteral("what the writer wrote does not load: ") + second.error->toString()
                             + QStringLiteral("\n") + QString::fromUtf8(written.left(1024))));
        }
        const QByteArray rewritten = LayoutWriter::write(second.topology);
        QCOMPARE(rewritten, written);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
