#include "cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCoreApplication::setApplicationName(QStringLiteral("Topology Designer"));
    QCoreApplication::setOrganizationName(QStringLiteral("Topology Designer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TD_VERSION));

    if (td::Cli::wants(arguments)) {
        QCoreApplication app(argc, argv);
        return td::Cli::run(arguments);
    }
    std::fputs(td::Cli::helpText().toLocal8Bit().constData(), stderr);
    return 2;
}
