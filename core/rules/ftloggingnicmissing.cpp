#include "rules/allrules.h"

namespace td {

namespace {

class FtLoggingNicMissing final : public Rule
{
public:
    FtLoggingNicMissing()
        : Rule({"ft-logging-nic-missing", Severity::Warning, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "No suitable FT logging NIC"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "A host running a Fault Tolerance VM streams its execution to the secondary over the "
                                  "FT logging network. VMware requires a low-latency network of at least 10 Gbit/s for "
                                  "it from vSphere 6.0 on (dedicated recommended). Add a NIC carrying ft-logging "
                                  "traffic of sufficient speed."),
                QT_TRANSLATE_NOOP("td::Rule", "VMware vSphere Fault Tolerance requirements.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.vsphere())
            return;
        bool runsFt = false;
        for (int g : c.index.guestsOnHost(pos))
            runsFt = runsFt || c.topology.guests.at(g).ft;
        if (!runsFt)
            return;
        const PlatformLimits &limits = c.catalog.limits();
        const bool speedMatters = limits.vsphereVersionRank(c.platform().version)
                               >= limits.vsphereVersionRank(limits.ftLoggingSpeedFrom);
        bool hasNic = false;
        for (const Nic &n : c.topology.hosts.at(pos).nics) {
            if (!n.carries(Traffic::FtLogging))
                continue;
            if (!speedMatters || n.gbps == 0 || n.gbps >= limits.ftLoggingMinGbps)
                return;
            hasNic = true;
        }
        const Host &h = c.topology.hosts.at(pos);
        out.append(make(hasNic ? tr("Host %1 runs Fault Tolerance guests but its FT logging NIC is "
                                    "under %2 Gbps.")
                                     .arg(h.name)
                                     .arg(limits.ftLoggingMinGbps)
                               : tr("Host %1 runs Fault Tolerance guests but no NIC carries "
                                    "ft-logging traffic.")
                                     .arg(h.name),
                        {h.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtLoggingNicMissing()
{
    return std::make_unique<FtLoggingNicMissing>();
}

} // namespace td
