#include "rules/allrules.h"

namespace td {

namespace {

class UnknownFailureDomain final : public Rule
{
public:
    UnknownFailureDomain()
        : Rule({"unknown-failure-domain", Severity::Info, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "Rack or power of a host unknown"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "This host runs members of a redundancy group but has no rack, or no power feed data "
                                  "(neither its own power list nor its rack's circuits), so the designer cannot check "
                                  "that the group survives a rack or circuit failure. Put the host in a rack and give "
                                  "the rack or host its circuits."),
                QT_TRANSLATE_NOOP("td::Rule", "Topology Designer: failure domains.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        bool runsMember = false;
        for (int g : c.index.guestsOnHost(pos)) {
            for (int group : c.index.groupsOfGuest(g))
                runsMember = runsMember || c.topology.groups.at(group).members.size() >= 2;
        }
        if (!runsMember)
            return;
        const Host &h = c.topology.hosts.at(pos);
        const bool noRack = h.rack.isNull();
        const bool noPower = c.resolved().host(pos).feeds->isEmpty();
        if (!noRack && !noPower)
            return;
        const QString what = noRack && noPower ? tr("no rack and no power feed data")
                           : noRack            ? tr("no rack")
                                               : tr("no power feed data");
        out.append(make(tr("Host %1 runs redundant guests but has %2; rack and circuit separation "
                           "cannot be checked.")
                            .arg(h.name, what),
                        {h.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeUnknownFailureDomain()
{
    return std::make_unique<UnknownFailureDomain>();
}

} // namespace td
