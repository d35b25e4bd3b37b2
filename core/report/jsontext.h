#pragma once

#include <QString>

namespace td {

// A JSON string literal, quotes included (RFC 8259 escaping): the one the
// CLI's JSON reports (validate, analyze) write names and messages with.
QString jsonString(const QString &text);

} // namespace td
