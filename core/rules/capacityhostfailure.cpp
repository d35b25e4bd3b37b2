#include "rules/allrules.h"

#include <algorithm>

namespace td {

namespace {

// N+1: an HA cluster must be able to restart any one host's guests elsewhere.
class CapacityHostFailure final : public Rule
{
public:
    CapacityHostFailure()
        : Rule({"capacity-host-failure", Severity::Warning, Scope::Cluster,
                QT_TRANSLATE_NOOP("td::Rule", "Cluster cannot absorb a host failure"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "When this host fails, HA restarts its guests on the surviving "
                                  "hosts of the cluster. Placing them largest first, each on the "
                                  "first surviving host with enough free memory, at least one guest "
                                  "finds no room and stays down. Size the cluster N+1: add a host or "
                                  "memory, or move guests."),
                QT_TRANSLATE_NOOP("td::Rule", "N+1 sizing of HA clusters.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Cluster &cl = c.topology.clusters.at(pos);
        if (!cl.ha)
            return;
        const QVector<int> hosts = c.hostsOf(pos);
        QVector<qint64> free;
        for (int h : hosts) {
            const Host &host = c.topology.hosts.at(h);
            if (host.memoryGb <= 0)
                return; // unknown capacity: nothing to say
            qint64 used = 0;
            for (int g : c.index.guestsOnHost(h))
                used += c.topology.guests.at(g).memoryGb;
            free.append(host.memoryGb - used);
        }
        for (int i = 0; i < hosts.size(); ++i) {
            QVector<int> guests = c.guestsOn(hosts.at(i));
            if (guests.isEmpty())
                continue;
            std::stable_sort(guests.begin(), guests.end(), [&](int a, int b) {
                return c.topology.guests.at(a).memoryGb > c.topology.guests.at(b).memoryGb;
            });
            QVector<qint64> room = free;
            room[i] = 0;
            int stranded = -1;
            for (int g : guests) {
                const int need = c.topology.guests.at(g).memoryGb;
                int target = -1;
                for (int k = 0; k < room.size() && target < 0; ++k) {
                    if (k != i && room.at(k) >= need)
                        target = k;
                }
                if (target < 0) {
                    stranded = g;
                    break;
                }
                room[target] -= need;
            }
            if (stranded < 0)
                continue;
            const Host &failed = c.topology.hosts.at(hosts.at(i));
            const Guest &g = c.topology.guests.at(stranded);
            out.append(make(tr("If host %1 fails, cluster %2 has no room to restart %3 (%4 GB) on "
                               "the surviving hosts.")
                                .arg(failed.name, cl.name, g.name)
                                .arg(g.memoryGb),
                            {cl.id.str(), failed.id.str()}));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeCapacityHostFailure()
{
    return std::make_unique<CapacityHostFailure>();
}

} // namespace td
