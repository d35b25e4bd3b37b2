#pragma once

#include <QString>

namespace td {

// A message about a place in a file: "file:line:col: error: what is wrong".
struct Diagnostic
{
    enum class Level { Error, Warning };

    Level level = Level::Error;
    QString file;
    int line = 0;   // 1-based; 0 = the file as a whole
    int column = 0; // 1-based; 0 = the line as a whole
    QString text;

    QString toString() const;
};

} // namespace td
