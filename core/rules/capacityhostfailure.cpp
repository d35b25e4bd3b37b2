#include "rules/allrules.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>

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
        QVarLengthArray<qint64, 64> free;
        QVarLengthArray<qint64, 64> used;
        bool negative = false; // a guest needs less than nothing: no shortcut below
        for (int h : hosts) {
            const Host &host = c.topology.hosts.at(h);
            if (host.memoryGb <= 0)
                return; // unknown capacity: nothing to say
            qint64 sum = 0;
            for (int g : c.index.guestsOnHost(h)) {
                const int need = c.topology.guests.at(g).memoryGb;
                sum += need;
                negative = negative || need < 0;
            }
            used.append(sum);
            free.append(host.memoryGb - sum);
        }
        // The most free memory on a host, and on another host than that one.
        int most = -1;
        int second = -1;
        for (int k = 0; k < free.size(); ++k) {
            if (most < 0 || free.at(k) > free.at(most)) {
                second = most;
                most = k;
            } else if (second < 0 || free.at(k) > free.at(second)) {
                second = k;
            }
        }
        QVarLengthArray<quint64, 64> order;
        QVarLengthArray<qint64, 64> room;
        for (int i = 0; i < hosts.size(); ++i) {
            const QVector<int> &on = c.index.guestsOnHost(hosts.at(i)); // the keys below order them
            if (on.isEmpty())
                continue;
            // When another host has room for all of them, first fit finds
            // room for each (that host at the latest): none is stranded.
            const int other = i == most ? second : most;
            if (!negative && other >= 0 && free.at(other) >= used.at(i))
                continue;
            // Largest first; equal sizes in document order (a stable sort).
            order.clear();
            for (int g : on) {
                const qint64 size = c.topology.guests.at(g).memoryGb;
                order.append(quint64(qint64(std::numeric_limits<int>::max()) - size) << 32 | quint32(g));
            }
            std::sort(order.begin(), order.end());
            room.clear();
            room.append(free.constData(), free.size());
            room[i] = 0;
            int stranded = -1;
            for (quint64 key : order) {
                const int g = static_cast<int>(key & 0xffffffffu);
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
