#include "rules/finding.h"

#include <algorithm>

namespace td {

namespace {

// QString::compare (UTF-16 code unit by code unit), inline: sorting the
// findings compares thousands of short ids.
int compareText(const QString &a, const QString &b)
{
    const QChar *pa = a.constData();
    const QChar *pb = b.constData();
    const qsizetype n = std::min(a.size(), b.size());
    if (pa != pb) {
        for (qsizetype i = 0; i < n; ++i) {
            if (pa[i] != pb[i])
                return pa[i].unicode() < pb[i].unicode() ? -1 : 1;
        }
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

bool findingLess(const Finding &a, const Finding &b)
{
    if (a.severity != b.severity)
        return a.severity < b.severity;
    if (a.rule.constData() != b.rule.constData()) { // the rules share their id
        if (const int c = compareText(a.rule, b.rule))
            return c < 0;
    }
    return sameRuleFindingLess(a, b);
}

bool sameRuleFindingLess(const Finding &a, const Finding &b)
{
    const qsizetype n = std::min(a.subjects.size(), b.subjects.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (const int c = compareText(a.subjects.at(i), b.subjects.at(i)))
            return c < 0;
    }
    if (a.subjects.size() != b.subjects.size())
        return a.subjects.size() < b.subjects.size();
    return a.message < b.message;
}

void sortFindings(QVector<Finding> &findings)
{
    std::sort(findings.begin(), findings.end(), findingLess);
}

} // namespace td
