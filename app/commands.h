#pragma once

#include "io/layoutreader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace td::cli {

// One sub-command of the CLI: its name, its lines in --help and its handler.
// The handler gets "program [options] args" (the command name removed) and
// returns the exit code. The table is in cli.cpp; each command has its own file.
struct Command
{
    const char *name;
    // Usage lines and a description for --help, already indented by two spaces.
    const char *help;
    int (*run)(const QStringList &arguments);
    // Whether these arguments need a QGuiApplication (painting, fonts); null: never.
    bool (*needsGui)(const QStringList &arguments) = nullptr;
};

// Shared by the commands: messages, output and loading.
QString tr(const char *text);
void printErr(const QString &text);
void printOut(const QByteArray &data);
// Prints "topology-designer: MESSAGE" and a hint; returns 2 (bad usage).
int usage(const QString &message);
// Loads FILE (or the embedded sample when FILE is empty), printing warnings
// and the load error to stderr; on failure returns false (exit 2).
bool load(const QString &file, LoadResult *result);
// Writes DATA to FILE atomically, or to stdout when FILE is empty; on failure
// prints why and returns false.
bool writeOutput(const QString &file, const QByteArray &data);

// The command handlers (one file each).
int validate(const QStringList &arguments);
int analyze(const QStringList &arguments);
int format(const QStringList &arguments);
int sample(const QStringList &arguments);
int exportLayout(const QStringList &arguments);
// True when the export arguments name a format that paints (needs a QGuiApplication).
bool exportNeedsGui(const QStringList &arguments);

} // namespace td::cli
