#pragma once

#include "rules/finding.h"
#include "rules/rulecontext.h"

#include <QString>
#include <QVector>

namespace td {

// What one rule check looks at: it runs once per object of this kind. A
// Waiver rule runs once per waiver, after every other rule (it judges their
// findings: RuleContext::waiverUsed).
enum class Scope { Guest, Host, Group, Cluster, Waiver };
constexpr int kScopeCount = 5;

// One placement rule of RULES.md. A rule is a pure function of the model:
// check() looks at one object (a guest, host, group or cluster, by position)
// and appends the findings about it. The Validator runs it for every object
// (full run) or only for the objects an edit can affect (incremental run).
class Rule
{
public:
    struct Info
    {
        const char *id;
        Severity severity;
        Scope scope;
        const char *title;
        const char *explanation;
        const char *source;
    };

    explicit Rule(const Info &info) : mInfo(info), mId(QString::fromLatin1(info.id)) {}
    virtual ~Rule() = default;
    Rule(const Rule &) = delete;
    Rule &operator=(const Rule &) = delete;

    QString id() const { return mId; }
    Severity severity() const { return mInfo.severity; }
    Scope scope() const { return mInfo.scope; }
    QString title() const;
    QString explanation() const;
    QString source() const;

    virtual void check(const RuleContext &context, int pos, QVector<Finding> &out) const = 0;

protected:
    Finding make(QString message, QStringList subjects) const;
    // tr() in the rules' translation context.
    static QString tr(const char *text);

private:
    Info mInfo;
    QString mId; // made once: every finding shares it
};

// Every rule, in RULES.md order. Built once; never null.
const QVector<const Rule *> &allRules();
const Rule *findRule(const QString &id);

} // namespace td
