#include "rules/allrules.h"

namespace td {

namespace {

class FtVcpuLimit final : public Rule
{
public:
    FtVcpuLimit()
        : Rule(
            {"ft-vcpu-limit", Severity::Error, Scope::Guest,
             QT_TRANSLATE_NOOP("td::Rule", "Too many vCPUs for Fault Tolerance"),
             QT_TRANSLATE_NOOP("td::Rule",
                               "vSphere Fault Tolerance protects VMs only up to a vCPU count that depends on the "
                               "vSphere version and edition (from 1 vCPU in 4.x to 8 in 6.7 and later with Enterprise "
                               "Plus). A VM above the limit cannot have FT turned on. Reduce its vCPUs, upgrade, or "
                               "protect it with a switchover pair instead."),
             QT_TRANSLATE_NOOP("td::Rule", "VMware FT limits by version: FT in vSphere 4.0 is limited to one vCPU.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!g.ft || !c.vsphere())
            return;
        const int limit = c.catalog.limits().ftVcpuLimit(c.platform().version, c.platform().edition);
        if (limit <= 0 || g.vcpu <= limit)
            return;
        out.append(make(tr("%1 has %2 vCPUs with Fault Tolerance; vSphere %3 allows %4.")
                            .arg(g.name)
                            .arg(g.vcpu)
                            .arg(c.platform().version)
                            .arg(limit),
                        {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtVcpuLimit()
{
    return std::make_unique<FtVcpuLimit>();
}

} // namespace td
