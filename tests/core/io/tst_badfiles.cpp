// Every loading error FORMAT.md lists, one file each, in io/bad/:
//   NAME.topo.yaml  the broken layout
//   NAME.expect     one line "LINE:COLUMN substring": the 1-based place the
//                   error must name (the offending value; for a missing key,
//                   the start of the mapping that lacks it; for a duplicate,
//                   the second occurrence) and a fragment the message must
//                   contain (compared case-insensitively).
// Loading must refuse the file with that error and leave the file untouched.

#include "io/layoutreader.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace td;

namespace {

QString badDir()
{
    return QStringLiteral(TD_TESTS_DIR "/io/bad");
}

const QString kSuffix = QStringLiteral(".topo.yaml");

struct Snapshot
{
    QByteArray sha;
    qint64 size = -1;
    QDateTime modified;
    QFileDevice::Permissions permissions;

    static Snapshot of(const QString &path)
    {
        Snapshot s;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            s.sha = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        const QFileInfo info(path);
        s.size = info.size();
        s.modified = info.lastModified();
        s.permissions = info.permissions();
        return s;
    }
};

} // namespace

class TestBadFiles : public QObject
{
    Q_OBJECT

private slots:
    void everyFileHasAnExpectation()
    {
        const QDir dir(badDir());
        const QStringList layouts = dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
        const QStringList expects = dir.entryList({QStringLiteral("*.expect")}, QDir::Files, QDir::Name);
        QVERIFY2(layouts.size() >= 40,
                 qPrintable(QStringLiteral("only %1 bad files in %2").arg(layouts.size()).arg(badDir())));
        for (const QString &name : layouts) {
            const QString base = name.chopped(kSuffix.size());
            QVERIFY2(expects.contains(base + QStringLiteral(".expect")),
                     qPrintable(name + QStringLiteral(" has no .expect")));
        }
        for (const QString &name : expects) {
            const QString base = name.chopped(QStringLiteral(".expect").size());
            QVERIFY2(layouts.contains(base + kSuffix), qPrintable(name + QStringLiteral(" has no ") + base + kSuffix));
        }
    }

    void refused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("substring");

        static const QRegularExpression format(QStringLiteral("^(\\d+):(\\d+) (.+)$"));
        const QDir dir(badDir());
        for (const QString &name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name)) {
            const QString base = name.chopped(kSuffix.size());
            QFile expect(dir.filePath(base + QStringLiteral(".expect")));
            if (!expect.open(QIODevice::ReadOnly))
                continue; // reported by everyFileHasAnExpectation
            const QString text = QString::fromUtf8(expect.readAll()).trimmed();
            const QRegularExpressionMatch m = format.match(text);
            if (!m.hasMatch()) {
                // A malformed .expect fails its row, with what it holds.
                QTest::newRow(qPrintable(base)) << dir.filePath(name) << -1 << -1 << text;
                continue;
            }
            QTest::newRow(qPrintable(base))
                << dir.filePath(name) << m.captured(1).toInt() << m.captured(2).toInt() << m.captured(3);
        }
    }

    void refused()
    {
        QFETCH(QString, path);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, substring);

        QVERIFY2(line > 0 && column > 0,
                 qPrintable(QStringLiteral("the .expect must be one line \"LINE:COLUMN substring\", found \"")
                            + substring + QLatin1Char('"')));

        const Snapshot before = Snapshot::of(path);
        QVERIFY(before.size >= 0);
        const LoadResult result = LayoutReader::readFile(path);
        const Snapshot after = Snapshot::of(path);

        QVERIFY2(!result.ok(), "the file loaded without an error");
        const Diagnostic &e = *result.error;
        const QString shown = e.toString();
        QCOMPARE(e.level, Diagnostic::Level::Error);
        QCOMPARE(e.file, path);
        QVERIFY2(e.line == line && e.column == column,
                 qPrintable(QStringLiteral("expected %1:%2, got: ").arg(line).arg(column) + shown));
        QVERIFY2(e.text.contains(substring, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("expected the message to contain \"") + substring
                            + QStringLiteral("\", got: ") + shown));
        QVERIFY2(shown.startsWith(QStringLiteral("%1:%2:%3: error: ").arg(path).arg(line).arg(column)),
                 qPrintable(shown));

        // Loading never changes the file.
        QCOMPARE(after.sha, before.sha);
        QCOMPARE(after.size, before.size);
        QCOMPARE(after.modified, before.modified);
        QVERIFY(after.permissions == before.permissions);
    }
};

QTEST_GUILESS_MAIN(TestBadFiles)
#include "tst_badfiles.moc"
