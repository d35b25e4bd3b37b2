#include "rules/allrules.h"

namespace td {

namespace {

class UnplacedGuest final : public Rule
{
public:
    UnplacedGuest()
        : Rule({"unplaced-guest", Severity::Info, Scope::Guest, QT_TRANSLATE_NOOP("td::Rule", "Guest not placed"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "This guest is not placed on any host yet, so no placement rule can check it. Drag "
                                  "it onto a host."),
                QT_TRANSLATE_NOOP("td::Rule", "Topology Designer.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!g.host.isNull())
            return;
        out.append(make(tr("%1 is not placed on a host.").arg(g.name), {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeUnplacedGuest()
{
    return std::make_unique<UnplacedGuest>();
}

} // namespace td
