#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace td::test {

// What a command-line tool printed, and how it ended.
struct ToolOutput
{
    QByteArray out;
    QByteArray err;
    int exitCode = -1;
};

// Runs a tool the tests check their output with (pdftotext, pdftoppm, tidy,
// xmllint...), for two minutes at most. False, with *why, when it is not
// installed, does not finish, crashes, or exits with a code above maxExitCode
// (tidy exits 1 when it only warns).
bool runTool(const QString &tool, const QStringList &arguments, ToolOutput *output, QString *why, int maxExitCode = 0);

// Writes DATA to FILE, whole (a file for a tool to read).
bool saved(const QString &file, const QByteArray &data);

} // namespace td::test
