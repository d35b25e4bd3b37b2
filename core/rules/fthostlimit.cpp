#include "rules/allrules.h"

namespace td {

namespace {

class FtHostLimit final : public Rule
{
public:
    FtHostLimit()
        : Rule({"ft-host-limit", Severity::Warning, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "Too many Fault Tolerance VMs on one host"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "By default vSphere allows at most 4 FT VMs and 8 FT vCPUs per host (primaries and "
                                  "secondaries both count). Above that, FT cannot be turned on or a secondary cannot "
                                  "be placed. Spread the FT guests over more hosts."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "VMware FT per-host defaults (das.maxftvmsperhost, das.maxftvcpusperhost).")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.vsphere())
            return;
        QVector<int> ft;
        int vcpus = 0;
        for (int g : c.guestsOn(pos)) {
            const Guest &guest = c.topology.guests.at(g);
            if (guest.ft) {
                ft.append(g);
                vcpus += guest.vcpu;
            }
        }
        const PlatformLimits &limits = c.catalog.limits();
        if (ft.size() <= limits.ftMaxGuestsPerHost && vcpus <= limits.ftMaxVcpusPerHost)
            return;
        const Host &h = c.topology.hosts.at(pos);
        out.append(make(tr("Host %1 runs %2 Fault Tolerance guests with %3 vCPUs; the default limit "
                           "is %4 guests and %5 vCPUs.")
                            .arg(h.name)
                            .arg(ft.size())
                            .arg(vcpus)
                            .arg(limits.ftMaxGuestsPerHost)
                            .arg(limits.ftMaxVcpusPerHost),
                        c.guestIds(ft, &h.id.str())));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtHostLimit()
{
    return std::make_unique<FtHostLimit>();
}

} // namespace td
