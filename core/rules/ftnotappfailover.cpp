#include "rules/allrules.h"

namespace td {

namespace {

class FtNotAppFailover final : public Rule
{
public:
    FtNotAppFailover()
        : Rule(
            {"ft-not-app-failover", Severity::Warning, Scope::Guest,
             QT_TRANSLATE_NOOP("td::Rule", "Fault Tolerance used instead of switchover"),
             QT_TRANSLATE_NOOP("td::Rule",
                               "Fault Tolerance mirrors the VM in lock-step: an application fault, a hung service or a "
                               "bad update is mirrored too, and the secondary fails the same way. It protects against "
                               "host failure only. A product built for switchover still needs its backup server in a "
                               "switchover pair."),
             QT_TRANSLATE_NOOP("td::Rule",
                               "PureConnect virtualization guidance: FT does not replace application-level failover.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!g.ft || !c.vsphere() || !c.switchoverBuilt(pos) || c.inSwitchoverGroup(pos))
            return;
        out.append(make(tr("%1 relies on Fault Tolerance but has no switchover partner; FT does not "
                           "replace application failover.")
                            .arg(g.name),
                        {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtNotAppFailover()
{
    return std::make_unique<FtNotAppFailover>();
}

} // namespace td
