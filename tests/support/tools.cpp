#include "tools.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace td::test {

bool runTool(const QString &tool, const QStringList &arguments, ToolOutput *output, QString *why, int maxExitCode)
{
    const QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty()) {
        *why = QStringLiteral("%1 is not installed (bash .ci/deps installs it)").arg(tool);
        return false;
    }
    QProcess p;
    p.start(path, arguments);
    const bool finished = p.waitForFinished(120000);
    output->out = p.readAllStandardOutput();
    output->err = p.readAllStandardError();
    output->exitCode = p.exitCode();
    if (!finished || p.exitStatus() != QProcess::NormalExit) {
        *why = QStringLiteral("%1 did not finish").arg(tool);
        return false;
    }
    if (p.exitCode() < 0 || p.exitCode() > maxExitCode) {
        *why = QStringLiteral("%1 failed (exit %2): %3")
                   .arg(tool)
                   .arg(p.exitCode())
                   .arg(QString::fromLocal8Bit(output->err));
        return false;
    }
    return true;
}

bool saved(const QString &file, const QByteArray &data)
{
    QFile f(file);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace td::test
