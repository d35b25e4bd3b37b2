#include "rules/allrules.h"

namespace td {

namespace {

// A product built for switchover that runs without a partner.
class SwitchoverMissing final : public Rule
{
public:
    SwitchoverMissing()
        : Rule({"switchover-missing", Severity::Warning, Scope::Guest,
                QT_TRANSLATE_NOOP("td::Rule", "No switchover partner"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "This server is built to run as a primary/backup switchover pair "
                                  "but is in no switchover group. Without a partner, a host failure "
                                  "relies on a hypervisor HA restart: an unscheduled restart of the "
                                  "server during business hours, with every call and session on it "
                                  "lost. Add a backup server and make the two a switchover pair."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance, HA section: "
                                  "switchover is recommended.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!c.switchoverBuilt(pos) || c.inSwitchoverGroup(pos))
            return;
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1 (%2) has no switchover partner: a host failure "
                                                                "means an HA restart in business hours."),
                                  {g.name, c.product(pos)->name}),
                        {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeSwitchoverMissing()
{
    return std::make_unique<SwitchoverMissing>();
}

} // namespace td
