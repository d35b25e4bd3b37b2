#include "rules/allrules.h"

#include <algorithm>

namespace td {

namespace {

class LicenseMixedCpu final : public Rule
{
public:
    LicenseMixedCpu()
        : Rule({"license-mixed-cpu", Severity::Warning, Scope::Cluster,
                QT_TRANSLATE_NOOP("td::Rule", "Licensed servers in a cluster with mixed CPU models"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Under host-id licensing the licence is bound to the CPUID. When a licensed guest "
                                  "moves to a host with a different CPU model, the CPUID changes and the licence no "
                                  "longer matches. Use hosts of one CPU model in the cluster, mask the CPUID with EVC "
                                  "(vSphere) or processor compatibility mode (Hyper-V), or use virtual cloud "
                                  "enforcement licensing."),
                QT_TRANSLATE_NOOP("td::Rule", "PureConnect licensing: the CPUID must stay the same on every host.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.hostIdLicensing())
            return;
        QStringList models;
        const QVector<int> hosts = c.hostsOf(pos);
        for (int h : hosts) {
            const QString &model = c.topology.hosts.at(h).cpuModel;
            if (!model.isEmpty() && !models.contains(model))
                models << model;
        }
        if (models.size() < 2)
            return;
        QVector<int> licensed; // sorted below: the hosts' lists need no order
        for (int h : hosts) {
            for (int g : c.index.guestsOnHost(h)) {
                if (c.licensed(g))
                    licensed.append(g);
            }
        }
        if (licensed.isEmpty())
            return;
        std::sort(licensed.begin(), licensed.end());
        const Cluster &cl = c.topology.clusters.at(pos);
        QStringList subjects = c.guestIds(licensed, &cl.id.str());
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "Cluster %1 runs licensed servers %2 on hosts with "
                                                                "different CPU models (%3)."),
                                  {cl.name, c.guestNames(licensed), models.join(QStringLiteral(", "))}),
                        std::move(subjects)));
    }
};

} // namespace

std::unique_ptr<Rule> makeLicenseMixedCpu()
{
    return std::make_unique<LicenseMixedCpu>();
}

} // namespace td
