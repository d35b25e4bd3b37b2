#pragma once

#include <QStringList>

namespace td {

// The headless command line: the commands of the table in cli.cpp, --help, --version.
class Cli final
{
public:
    // True when the arguments name a CLI command (run without a display).
    static bool wants(const QStringList &arguments);
    // Runs the command; returns the exit code (0 ok, 1 findings fail, 2 load error or usage).
    static int run(const QStringList &arguments);
    static QString helpText();
};

} // namespace td
