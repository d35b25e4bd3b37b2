#include "rules/allrules.h"

namespace td {

namespace {

class LicenseDynamicMac final : public Rule
{
public:
    LicenseDynamicMac()
        : Rule(
            {"license-dynamic-mac", Severity::Warning, Scope::Guest,
             QT_TRANSLATE_NOOP("td::Rule", "Licensed server with a dynamic MAC"),
             QT_TRANSLATE_NOOP("td::Rule",
                               "Under host-id licensing the PureConnect licence is bound to a HOSTID made of the CPUID "
                               "and the MAC address. A guest that can move (its host is in a cluster, or it is part of "
                               "a redundancy group) may come up with a new dynamic MAC after a migration or "
                               "re-registration, and the licence stops matching. Give the guest a static MAC address, "
                               "or use virtual cloud enforcement licensing (PureConnect 2020 R2 and later)."),
             QT_TRANSLATE_NOOP("td::Rule",
                               "PureConnect licensing: host ID = CPUID + MAC; a guest that can move needs a static "
                               "MAC.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.hostIdLicensing())
            return;
        const Guest &g = c.topology.guests.at(pos);
        if (g.mac != MacMode::Dynamic || !c.licensed(pos))
            return;
        bool canMove = c.inAnyGroup(pos);
        const int host = c.hostOf(pos);
        if (!canMove && host >= 0) {
            const int cluster = c.clusterOf(host);
            canMove = cluster >= 0 && c.index.hostsInCluster(cluster).size() >= 2;
        }
        if (!canMove)
            return;
        out.append(
            make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1 (%2) has a dynamic MAC address but can move "
                                                         "between hosts; its host-id licence needs a static MAC."),
                           {g.name, c.product(pos)->name}),
                 {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeLicenseDynamicMac()
{
    return std::make_unique<LicenseDynamicMac>();
}

} // namespace td
