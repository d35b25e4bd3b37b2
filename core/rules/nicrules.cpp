#include "rules/nicrules.h"

#include "io/names.h"

namespace td {

void MigrationNicRule::check(const RuleContext &c, int pos, QVector<Finding> &out) const
{
    if (c.platform().hypervisor != mParams.hypervisor)
        return;
    const Host &h = c.topology.hosts.at(pos);
    const QString traffic = Names::traffic(mParams.traffic);
    if (mParams.mode == Mode::Missing) {
        if (h.cluster.isNull())
            return;
        for (const Nic &n : h.nics) {
            if (n.carries(mParams.traffic))
                return;
        }
        out.append(
            make(tr("Host %1 is in a cluster but no NIC carries %2 traffic.").arg(h.name, traffic), {h.id.str()}));
        return;
    }
    QStringList shared;
    for (const Nic &n : h.nics) {
        if (n.carries(mParams.traffic) && (n.traffic & mParams.conflicting) != 0)
            shared << n.name;
    }
    if (shared.isEmpty())
        return;
    out.append(make(tr("Host %1 carries %2 traffic together with other traffic on %3.")
                        .arg(h.name, traffic, RuleContext::nameList(shared)),
                    {h.id.str()}));
}

} // namespace td
