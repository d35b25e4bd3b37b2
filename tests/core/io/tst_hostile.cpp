// Hostile input, generated here (no big files in git): every case is refused
// with a clear message and its place, within bounded work. No timing is
// asserted: a regression shows as a hang (the ctest timeout) or a crash.

#include "io/layoutreader.h"
#include "io/limits.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace td;

namespace {

const QByteArray kHeader = "format: 1\nname: x\nplatform: {hypervisor: vsphere, version: \"8.0\"}\n";

LoadResult load(const QByteArray &data)
{
    return LayoutReader::read(data, QStringLiteral("h.topo.yaml"));
}

QString describe(const LoadResult &r)
{
    return r.error ? r.error->toString() : QStringLiteral("(loaded)");
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private slots:
    void aLongTextRepeatedThroughAliasesIsRefused()
    {
        // 1 MiB kept as an unknown value, repeated 8,000 times: 8 GB expanded.
        QByteArray data = kHeader + "circuits:\n  - {id: c0, name: C, note: &a \"" + QByteArray(1 << 20, 'x') + "\"}\n";
        for (int i = 1; i < 8000; ++i)
            data += "  - {id: c" + QByteArray::number(i) + ", name: C, note: *a}\n";
        const LoadResult r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("expands to more than 32 MiB of text")), qPrintable(describe(r)));
        QVERIFY(r.error->line > 4);
    }

    void aLongNameThroughAliasesIsRefused()
    {
        QByteArray data = kHeader + "x: &a \"" + QByteArray(1 << 20, 'n') + "\"\nhosts:\n";
        for (int i = 0; i < 8000; ++i)
            data += "  - {id: h" + QByteArray::number(i) + ", name: *a}\n";
        const LoadResult r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("'name' is 1048576 bytes long")), qPrintable(describe(r)));
    }

    void namesAndIdsHaveALengthLimit()
    {
        const QByteArray ok(Limits::kMaxTextLength, 'n');
        LoadResult r = load(kHeader + "circuits:\n  - {id: " + QByteArray(Limits::kMaxTextLength, 'c') + ", name: " + ok
                            + "}\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = load(kHeader + "circuits:\n  - {id: c, name: " + ok + "n}\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 5);
        QCOMPARE(r.error->column, 19);
        QVERIFY2(r.error->text.contains(QLatin1String("'name' is 257 characters long, longer than the 256")),
                 qPrintable(describe(r)));
        r = load(kHeader + "circuits:\n  - {id: " + QByteArray(Limits::kMaxTextLength + 1, 'c') + ", name: C}\n");
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("'id' is 257 characters long")), qPrintable(describe(r)));
        // Characters, not bytes: 256 two-byte letters are fine.
        QByteArray wide;
        for (int i = 0; i < Limits::kMaxTextLength; ++i)
            wide += "é";
        r = load(kHeader + "circuits:\n  - {id: c, name: " + wide + "}\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
    }

    void tooManyValuesAreRefusedBeforeParsing()
    {
        // An 8 MiB list of one-letter values: yaml-cpp alone would take
        // more than a GB for it.
        QByteArray data = kHeader + "junk: [";
        while (data.size() < Limits::kMaxFileBytes - 16)
            data += "a, ";
        data += "a]\n";
        LoadResult r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("more than 750000 values")), qPrintable(describe(r)));
        QCOMPARE(r.error->line, 4);
        // The same in block style.
        data = kHeader + "junk:\n";
        while (data.size() < Limits::kMaxFileBytes - 16)
            data += "- \n";
        r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("more than 750000 values")), qPrintable(describe(r)));
        QVERIFY(r.error->line > 700000);
    }

    void commentAndBlankLineFloodsAreBounded()
    {
        // Every comment is kept in memory: a file of nothing else is refused.
        QByteArray data = kHeader;
        while (data.size() < Limits::kMaxFileBytes - 16)
            data += "#\n";
        LoadResult r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("more than 750000 values")), qPrintable(describe(r)));
        // A run of blank lines is one blank line.
        data = kHeader + QByteArray(Limits::kMaxFileBytes - 200, '\n') + "circuits: []\n";
        r = load(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const CommentNote *before = r.topology.header.comments.find(u"circuits");
        QVERIFY(before);
        QCOMPARE(before->before, QStringList({QString()}));
    }

    void aliasedReferenceListsCountTheirExpandedValues()
    {
        // 1,000 circuits, each host's power list aliased 2,000 times: two
        // million references.
        QByteArray data = kHeader + "circuits:\n";
        QByteArray list;
        for (int i = 0; i < 1000; ++i) {
            data += "  - {id: c" + QByteArray::number(i) + ", name: C}\n";
            list += (i ? ", c" : "c") + QByteArray::number(i);
        }
        data += "hosts:\n  - {id: h0, name: H, power: &p [" + list + "]}\n";
        for (int i = 1; i < 2000; ++i)
            data += "  - {id: h" + QByteArray::number(i) + ", name: H, power: *p}\n";
        const LoadResult r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("expands to more than 1000000 values")), qPrintable(describe(r)));
    }

    void specialFilesAreRefusedWithoutReadingThem()
    {
        QTemporaryDir dir;
        // A FIFO with no writer: opening it for reading would block forever.
        const QString fifo = dir.filePath(QStringLiteral("fifo.topo.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        LoadResult r = LayoutReader::readFile(fifo);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->text, QStringLiteral("is not a regular file (a FIFO): a layout is read from a file only"));
        // A device that never ends.
        r = LayoutReader::readFile(QStringLiteral("/dev/zero"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("(a device)")), qPrintable(describe(r)));
        r = LayoutReader::readFile(dir.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.error->text.contains(QLatin1String("folder")), qPrintable(describe(r)));
        r = LayoutReader::readFile(dir.filePath(QStringLiteral("missing.topo.yaml")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->text, QStringLiteral("cannot open: no such file"));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
