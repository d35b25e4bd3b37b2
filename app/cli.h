#pragma once

#include <QStringList>

namespace td {

// The headless command line: the commands of the table in cli.cpp, --help, --version.
class Cli final
{
public:
    // The application a run needs: None (not a CLI command: the designer),
    // Core (a QCoreApplication, no display) or Gui (a QGuiApplication, on the
    // offscreen platform unless QT_QPA_PLATFORM says otherwise: exports that
    // paint). Exporters the ui adds must be registered before this is called.
    enum class App { None, Core, Gui };
    static App wants(const QStringList &arguments);
    // Runs the command; returns the exit code (0 ok, 1 findings fail, 2 load error or usage).
    static int run(const QStringList &arguments);
    static QString helpText();
};

} // namespace td
