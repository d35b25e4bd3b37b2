#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace td {

enum class Severity { Error, Warning, Info };

QString severityName(Severity severity); // "error", "warning", "info"

// One result of a rule: which rule, how bad, a sentence naming the objects by
// their names, and the ids it concerns (RULES.md, "Subjects"). A finding a
// waiver matches is waived: it carries the waiver's reason, counts toward no
// severity and fails no gate.
struct Finding
{
    QString rule;
    Severity severity = Severity::Info;
    QString message;
    QStringList subjects;
    std::optional<QString> waived; // the reason, when a waiver matches it

    bool isWaived() const { return waived.has_value(); }
    bool operator==(const Finding &o) const
    {
        return rule == o.rule && severity == o.severity && message == o.message && subjects == o.subjects
            && waived == o.waived;
    }
    bool operator!=(const Finding &o) const { return !(*this == o); }
};

// The stable order of findings: severity, rule id, subjects (id by id).
bool findingLess(const Finding &a, const Finding &b);
// The same order for two findings of one rule: subjects (id by id), message.
bool sameRuleFindingLess(const Finding &a, const Finding &b);
void sortFindings(QVector<Finding> &findings);

} // namespace td

// Strings, a list and a plain value: QList may move findings with memmove.
Q_DECLARE_TYPEINFO(td::Finding, Q_RELOCATABLE_TYPE);
