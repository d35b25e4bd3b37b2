#include "recovery.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <csignal>
#include <unistd.h>

namespace td {

namespace {

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
#else
    return false;
#endif
}

} // namespace

Recovery::Recovery(QString dir) : mDir(std::move(dir))
{
    if (mDir.isEmpty())
        mDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(mDir);
}

QString Recovery::recoveryFile() const
{
    return mDir + QStringLiteral("/recovery.topo.yaml");
}

bool Recovery::pending() const
{
    if (!QFile::exists(recoveryFile()))
        return false;
    QFile lock(mDir + QStringLiteral("/recovery.lock"));
    if (!lock.open(QIODevice::ReadOnly))
        return true;
    const qint64 pid = lock.readLine().trimmed().toLongLong();
    return pid != QCoreApplication::applicationPid() && !processAlive(pid);
}

QString Recovery::pendingOriginalPath() const
{
    QFile lock(mDir + QStringLiteral("/recovery.lock"));
    if (!lock.open(QIODevice::ReadOnly))
        return {};
    lock.readLine();
    return QString::fromUtf8(lock.readLine().trimmed());
}

bool Recovery::write(const QByteArray &layout, const QString &originalPath)
{
    QSaveFile file(recoveryFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(layout) != layout.size() || !file.commit())
        return false;
    QSaveFile lock(mDir + QStringLiteral("/recovery.lock"));
    if (!lock.open(QIODevice::WriteOnly))
        return false;
    lock.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n' + originalPath.toUtf8() + '\n');
    return lock.commit();
}

void Recovery::claim()
{
    QSaveFile lock(mDir + QStringLiteral("/recovery.lock"));
    if (lock.open(QIODevice::WriteOnly)) {
        lock.write(QByteArray::number(QCoreApplication::applicationPid()) + "\n\n");
        lock.commit();
    }
}

void Recovery::discard()
{
    QFile::remove(recoveryFile());
    QFile::remove(mDir + QStringLiteral("/recovery.lock"));
}

} // namespace td
