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

Finding Rule::make(QString message, QStringList subjects) const
{
    return Finding{mId, mInfo.severity, std::move(message), std::move(subjects), std::nullopt};
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
