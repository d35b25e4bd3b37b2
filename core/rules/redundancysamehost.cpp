#include "rules/allrules.h"

namespace td {

namespace {

// Every placed member of a group on one host: that host's failure is an outage.
class RedundancySameHost final : public Rule
{
public:
    RedundancySameHost()
        : Rule({"redundancy-same-host", Severity::Error, Scope::Group,
                QT_TRANSLATE_NOOP("td::Rule", "Redundant guests share a host"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Every placed member of this redundancy group runs on the same "
                                  "physical host, so one host failure (or one host maintenance "
                                  "window) takes the whole service down and the redundancy buys "
                                  "nothing. Move the members to different hosts and keep them apart "
                                  "with an anti-affinity rule."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: run redundant "
                                  "products on separate physical hosts.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const auto placed = c.placedMembers(pos);
        if (placed.size() < 2)
            return;
        const auto hosts = c.placedHosts(pos);
        if (!c.allDown({Failure::Kind::Host, hosts.first()}, hosts))
            return;
        const Group &g = c.topology.groups.at(pos);
        const Host &h = c.topology.hosts.at(hosts.first());
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1: %2 all run on host %3; losing that host takes "
                                                                "the whole group down."),
                                  {g.name, c.placedGuestNames(placed), h.name}),
                        c.groupSubjects(pos, placed, h.id.str())));
    }
};

} // namespace

std::unique_ptr<Rule> makeRedundancySameHost()
{
    return std::make_unique<RedundancySameHost>();
}

} // namespace td
