#include "rules/allrules.h"

namespace td {

namespace {

// Members on different hosts, but all in one rack.
class RedundancySameRack final : public Rule
{
public:
    RedundancySameRack()
        : Rule({"redundancy-same-rack", Severity::Warning, Scope::Group,
                QT_TRANSLATE_NOOP("td::Rule", "Redundant guests share a rack"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "The members of this group run on different hosts, but every one "
                                  "of those hosts is in the same rack: a rack-level failure (top-of-"
                                  "rack switch, rack PDU, cooling) takes the whole service down. "
                                  "Place at least one member in another rack and pin the placement "
                                  "with DRS host groups or cluster fault domains."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: keep both "
                                  "servers off the same host, rack and circuit where "
                                  "possible.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const auto placed = c.placedMembers(pos);
        if (placed.size() < 2)
            return;
        const auto hosts = c.placedHosts(pos);
        if (hosts.size() < 2)
            return;
        const Failure rackFailure{Failure::Kind::Rack, c.resolved().host(hosts.first()).domain.rack};
        if (!c.allDown(rackFailure, hosts))
            return;
        const Group &g = c.topology.groups.at(pos);
        const Rack &r = c.topology.racks.at(rackFailure.pos);
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1: %2 run on different hosts, all in rack %3; "
                                                                "losing that rack takes the whole group down."),
                                  {g.name, c.placedGuestNames(placed), r.name}),
                        c.groupSubjects(pos, placed, r.id.str())));
    }
};

} // namespace

std::unique_ptr<Rule> makeRedundancySameRack()
{
    return std::make_unique<RedundancySameRack>();
}

} // namespace td
