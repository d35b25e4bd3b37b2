#include "commands.h"
#include "io/samples.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

namespace td::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::Cli", text);
}

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
}

void printOut(const QByteArray &data)
{
    std::fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
    std::fflush(stdout);
}

int usage(const QString &message)
{
    printErr(QStringLiteral("topology-designer: ") + message);
    printErr(tr("Try 'topology-designer --help'."));
    return 2;
}

bool load(const QString &file, LoadResult *result)
{
    *result = file.isEmpty() ? LayoutReader::read(Samples::contoso(), Samples::displayName())
                             : LayoutReader::readFile(file);
    for (const Diagnostic &w : result->warnings)
        printErr(w.toString());
    if (!result->ok()) {
        printErr(result->error->toString());
        return false;
    }
    return true;
}

bool writeOutput(const QString &file, const QByteArray &data)
{
    if (file.isEmpty()) {
        printOut(data);
        return true;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        printErr(tr("topology-designer: cannot write %1: %2").arg(file, out.errorString()));
        return false;
    }
    return true;
}

} // namespace td::cli
