#pragma once

#include "analysis/failureanalysis.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace td {

// Writes failure-analysis scenarios for people (text: one block per scenario,
// with names) and for tools (JSON exactly as RULES.md "Failure analysis").
class AnalysisReport final
{
public:
    enum class Format { Text, Json };
    // What the scenarios are: the N-1 or --fail scenarios (JSON key
    // "scenarios") or a worst-first ranking (JSON key "worst").
    enum class Kind { Scenarios, Worst };

    // file: the layout's name as shown.
    AnalysisReport(const FailureAnalysis &analysis, QVector<ScenarioResult> scenarios, QString file, Kind kind);

    static bool parseFormat(const QString &name, Format *format);
    QByteArray write(Format format) const;
    QByteArray text() const;
    QByteArray json() const;

    // One scenario as a JSON object, keys in RULES.md's order.
    static QString jsonScenario(const ScenarioResult &scenario);
    // True when some scenario has a group down (what --strict fails on).
    bool anyGroupDown() const;

private:
    const FailureAnalysis &mAnalysis;
    QVector<ScenarioResult> mScenarios;
    QString mFile;
    Kind mKind;
};

} // namespace td
