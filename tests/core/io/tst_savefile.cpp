// Saving over an existing file: its mode (and owner, as root) stay; a
// read-only file is refused; real OS errors are named; a layout the reader
// would refuse is never written. The old file is untouched by every failure.

#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/limits.h"
#include "io/samples.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace td;

namespace {

Topology sample()
{
    return LayoutReader::read(Samples::contoso(), QStringLiteral("s")).topology;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

} // namespace

class TestSaveFile : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheFilesMode()
    {
        QTemporaryDir dir;
        for (mode_t mode : {mode_t(0640), mode_t(0600), mode_t(0664)}) {
            const QString path = dir.filePath(QStringLiteral("m%1.topo.yaml").arg(mode, 0, 8));
            writeBytes(path, "old\n");
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
            QString error;
            QVERIFY2(LayoutWriter::writeFile(sample(), path, &error), qPrintable(error));
            QCOMPARE(contents(path), LayoutWriter::write(sample()));
            QCOMPARE(modeOf(path), mode);
        }
    }

    void keepsTheOwnerAsRoot()
    {
        if (::geteuid() != 0)
            QSKIP("changing a file's owner needs root");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("o.topo.yaml"));
        writeBytes(path, "old\n");
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 4321, 4322), 0);
        QString error;
        QVERIFY2(LayoutWriter::writeFile(sample(), path, &error), qPrintable(error));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(4321));
        QCOMPARE(st.st_gid, gid_t(4322));
    }

    void refusesAReadOnlyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.topo.yaml"));
        writeBytes(path, "old and read-only\n");
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0444), 0);
        QString error;
        QVERIFY(!LayoutWriter::writeFile(sample(), path, &error));
        QCOMPARE(error, path + QStringLiteral(" is read-only"));
        QCOMPARE(contents(path), QByteArray("old and read-only\n"));
        QCOMPARE(modeOf(path), mode_t(0444));
        // Nothing is left behind in the folder.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList({QStringLiteral("ro.topo.yaml")}));
    }

    void refusesALayoutTheReaderWouldRefuse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.topo.yaml"));
        writeBytes(path, "old\n");
        Topology t = sample();
        t.header.extras.append(Extra{QStringLiteral("padding"), QString(int(Limits::kMaxFileBytes), QLatin1Char('a'))});
        QVERIFY(LayoutWriter::write(t).size() > Limits::kMaxFileBytes);
        QString error;
        QVERIFY(!LayoutWriter::writeFile(t, path, &error));
        QVERIFY2(error.contains(QLatin1String("more than the 8 MiB")), qPrintable(error));
        QCOMPARE(contents(path), QByteArray("old\n"));
    }

    void refusesAFolderAndASpecialFile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!LayoutWriter::writeFile(sample(), dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("is a folder")), qPrintable(error));
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        QVERIFY(!LayoutWriter::writeFile(sample(), fifo, &error));
        QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
    }

    void namesTheDiskFull()
    {
        // A 64 KiB tmpfs, when this process may mount one (root in a
        // container that allows it); otherwise the mapping is tested below.
        QTemporaryDir dir;
        const QByteArray mountPoint = QFile::encodeName(dir.path());
        if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP(qPrintable(
                QStringLiteral("cannot mount a small tmpfs: %1").arg(QString::fromLocal8Bit(strerror(errno)))));
        const QString path = dir.filePath(QStringLiteral("full.topo.yaml"));
        writeBytes(path, "old\n");
        // Fill the rest of the disk.
        {
            QFile filler(dir.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(1024, 'x');
            while (filler.write(block) == block.size() && filler.flush()) {}
        }
        QString error;
        const bool ok = LayoutWriter::writeFile(sample(), path, &error);
        const QByteArray after = contents(path);
        ::umount(mountPoint.constData());
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("cannot write %1: the disk is full").arg(path));
        QCOMPARE(after, QByteArray("old\n"));
    }

    void osErrorsInWords()
    {
        QCOMPARE(LayoutWriter::osErrorText(ENOSPC), QStringLiteral("the disk is full"));
        QCOMPARE(LayoutWriter::osErrorText(EACCES), QStringLiteral("permission denied"));
        QCOMPARE(LayoutWriter::osErrorText(EPERM), QStringLiteral("permission denied"));
        QCOMPARE(LayoutWriter::osErrorText(EROFS), QStringLiteral("the file system is read-only"));
        QCOMPARE(LayoutWriter::osErrorText(ENOENT), QStringLiteral("the folder does not exist"));
        QCOMPARE(LayoutWriter::osErrorText(EDQUOT), QStringLiteral("the disk quota is exceeded"));
        // Anything else: the system's own words.
        QCOMPARE(LayoutWriter::osErrorText(EXDEV), QString::fromLocal8Bit(strerror(EXDEV)));
    }

    void namesAMissingFolder()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("no/such/x.topo.yaml"));
        QVERIFY(!LayoutWriter::writeFile(sample(), path, &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: the folder does not exist").arg(path));
    }
};

QTEST_GUILESS_MAIN(TestSaveFile)
#include "tst_savefile.moc"
