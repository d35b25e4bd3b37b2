#include "rules/rule.h"

#include <QCoreApplication>

namespace td {

QString Rule::tr(const char *text)
{
    return QCoreApplication::translate("td::Rule", text);
}

QString Rule::title() const
{
    return tr(mInfo.title);
}

QString Rule::explanation() const
{
    return tr(mInfo.explanation);
}

QString Rule::source() const
{
    return tr(mInfo.source);
}

Finding Rule::make(const QString &message, const QStringList &subjects) const
{
    return Finding{id(), mInfo.severity, message, subjects};
}

const Rule *findRule(const QString &id)
{
    for (const Rule *rule : allRules()) {
        if (rule->id() == id)
            return rule;
    }
    return nullptr;
}

} // namespace td
