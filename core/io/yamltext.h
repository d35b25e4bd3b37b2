#pragma once

#include <QRegularExpression>
#include <QString>

namespace td {

// Writes a text value as a YAML scalar that reads back as the same text:
// plain where that is safe and unambiguous, double-quoted otherwise.
// In flow context (inside [...] or {...}) ",[]{}" also force quoting.
QString yamlScalar(const QString &text, bool flowContext = false);

// True for words a YAML reader takes as null, a boolean or a number: those
// yamlSpecialWordPattern() matches (a cheaper test rules most texts out first).
bool isYamlSpecialWord(const QString &text);
const QRegularExpression &yamlSpecialWordPattern();

// A number as YAML: an int where it is whole, else the shortest exact form.
QString yamlNumber(double value);

} // namespace td
