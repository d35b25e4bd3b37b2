#include "rules/allrules.h"

namespace td {

namespace {

class DrsMovesLiveCalls final : public Rule
{
public:
    DrsMovesLiveCalls()
        : Rule({"drs-moves-live-calls", Severity::Info, Scope::Cluster,
                QT_TRANSLATE_NOOP("td::Rule", "Fully automated DRS moves PureConnect servers under load"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "In a fully automated DRS cluster, DRS vMotions VMs whenever it sees a better "
                                  "balance, including PureConnect servers that are handling calls. The vendor does not "
                                  "recommend moving VMs under production load. Set the cluster (or per-VM overrides "
                                  "for the PureConnect guests) to manual or partially automated."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: moving VMs under production load is not "
                                  "recommended.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.vsphere())
            return;
        const Cluster &cl = c.topology.clusters.at(pos);
        if (cl.drs != DrsLevel::FullyAutomated)
            return;
        int count = 0;
        for (int h : c.index.hostsInCluster(pos)) {
            for (int g : c.index.guestsOnHost(h))
                count += c.pureConnect(g) ? 1 : 0;
        }
        if (count == 0)
            return;
        // English has two forms ("1 PureConnect guests" was wrong); no
        // translation catalog is loaded to pick them through tr(..., n).
        out.append(make((count == 1 ? tr("DRS in cluster %1 is fully automated and may vMotion its %2 PureConnect "
                                         "guest while it handles calls.")
                                    : tr("DRS in cluster %1 is fully automated and may vMotion its %2 PureConnect "
                                         "guests while they handle calls."))
                            .arg(cl.name)
                            .arg(count),
                        {cl.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeDrsMovesLiveCalls()
{
    return std::make_unique<DrsMovesLiveCalls>();
}

} // namespace td
