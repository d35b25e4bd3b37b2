#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real program (TD_PROGRAM, set by CMake) as a user would from a
// shell without a display: the CLI tests' one way to start it.
namespace test {

struct CliRun
{
    int code; // the exit code; -1 timed out, -2 crashed
    QByteArray out;
    QByteArray err;
};

// In `dir` when given (relative paths in the arguments are the user's).
inline CliRun runCli(const QStringList &args, const QString &dir = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    p.start(QStringLiteral(TD_PROGRAM), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, "timeout"};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace test
