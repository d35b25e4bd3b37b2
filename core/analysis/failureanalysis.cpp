#include "analysis/failureanalysis.h"

#include "rules/rulecontext.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

namespace td {

bool ScenarioResult::operator==(const ScenarioResult &o) const
{
    return fail == o.fail && hostsDown == o.hostsDown && guestsDown == o.guestsDown && groupsDown == o.groupsDown
        && groupsDegraded == o.groupsDegraded && restarts == o.restarts && stayDown == o.stayDown;
}

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("td::FailureAnalysis", text, nullptr, n);
}

quint64 pairKey(int a, int b)
{
    if (a > b)
        std::swap(a, b);
    return (static_cast<quint64>(static_cast<quint32>(a)) << 32) | static_cast<quint32>(b);
}

// The severity of a scenario, compared worst first.
struct Score
{
    int groupsDown = 0;
    int stayDown = 0;
    int guestsDown = 0;
};

bool worse(const Score &a, const Score &b)
{
    if (a.groupsDown != b.groupsDown)
        return a.groupsDown > b.groupsDown;
    if (a.stayDown != b.stayDown)
        return a.stayDown > b.stayDown;
    return a.guestsDown > b.guestsDown;
}

} // namespace

// Relations precomputed once per topology, by position: what each element
// takes down, the guests of each host, the groups of those guests, the
// restart targets of each cluster.
class FailureAnalysis::Data final
{
public:
    Data(const Topology &t, const TopologyIndex &index) : domains(t, index)
    {
        nHosts = static_cast<int>(t.hosts.size());
        nRacks = static_cast<int>(t.racks.size());
        nCircuits = static_cast<int>(t.circuits.size());
        elementHosts.resize(static_cast<size_t>(nHosts + nRacks + nCircuits));
        hostDomain.reserve(nHosts);
        hostGuests.resize(static_cast<size_t>(nHosts));
        hostGroups.resize(static_cast<size_t>(nHosts));
        hostCluster.resize(static_cast<size_t>(nHosts), -1);
        baseFree.resize(static_cast<size_t>(nHosts), 0);
        groupPlaced.resize(static_cast<size_t>(t.groups.size()), 0);
        clusterHa.resize(static_cast<size_t>(t.clusters.size()), false);
        clusterTargets.resize(static_cast<size_t>(t.clusters.size()));
        for (int c = 0; c < t.clusters.size(); ++c)
            clusterHa[static_cast<size_t>(c)] = t.clusters.at(c).ha;

        // A single failure takes down exactly the hosts FailureDomains::down
        // says for a set of one element: the host itself, the hosts of the
        // rack, the hosts whose only feed is the circuit. Hosts fed by exactly
        // two circuits go down with that pair.
        for (int h = 0; h < nHosts; ++h) {
            const Host &host = t.hosts.at(h);
            hostDomain.append(domains.domain(h));
            const HostDomain &d = hostDomain.last();
            elementHosts[static_cast<size_t>(h)].push_back(h);
            if (d.rack >= 0)
                elementHosts[static_cast<size_t>(nHosts + d.rack)].push_back(h);
            if (d.feeds.size() == 1)
                elementHosts[static_cast<size_t>(nHosts + nRacks + d.feeds.first())].push_back(h);
            else if (d.feeds.size() == 2)
                circuitPairHosts[pairKey(d.feeds.at(0), d.feeds.at(1))].push_back(h);

            std::vector<int> &guests = hostGuests[static_cast<size_t>(h)];
            const QVector<int> &on = index.guestsOnHost(h);
            guests.assign(on.begin(), on.end());
            std::sort(guests.begin(), guests.end());
            qint64 used = 0;
            for (int g : guests) {
                used += t.guests.at(g).memoryGb;
                for (int grp : index.groupsOfGuest(g)) {
                    hostGroups[static_cast<size_t>(h)].push_back(grp);
                    ++groupPlaced[static_cast<size_t>(grp)];
                }
            }
            baseFree[static_cast<size_t>(h)] = host.memoryGb - used;
            const int c = index.cluster(host.cluster);
            hostCluster[static_cast<size_t>(h)] = c;
            if (c >= 0 && host.memoryGb > 0)
                clusterTargets[static_cast<size_t>(c)].push_back(h);
        }

        // Restart order: largest memory first, ties in document order.
        const int nGuests = static_cast<int>(t.guests.size());
        guestMemory.resize(static_cast<size_t>(nGuests));
        rankGuest.resize(static_cast<size_t>(nGuests));
        guestRank.resize(static_cast<size_t>(nGuests));
        for (int g = 0; g < nGuests; ++g) {
            guestMemory[static_cast<size_t>(g)] = t.guests.at(g).memoryGb;
            rankGuest[static_cast<size_t>(g)] = g;
        }
        std::stable_sort(rankGuest.begin(), rankGuest.end(), [this](int a, int b) {
            return guestMemory[static_cast<size_t>(a)] > guestMemory[static_cast<size_t>(b)];
        });
        for (int r = 0; r < nGuests; ++r)
            guestRank[static_cast<size_t>(rankGuest[static_cast<size_t>(r)])] = r;
    }

    int elementCount() const { return nHosts + nRacks + nCircuits; }
    const std::vector<int> *pairHosts(int a, int b) const
    {
        const auto it = circuitPairHosts.constFind(pairKey(a, b));
        return it == circuitPairHosts.constEnd() ? nullptr : &it.value();
    }

    int nHosts = 0;
    int nRacks = 0;
    int nCircuits = 0;
    FailureDomains domains;
    QVector<HostDomain> hostDomain;
    std::vector<std::vector<int>> elementHosts; // hosts, racks, circuits; hosts ascending
    QHash<quint64, std::vector<int>> circuitPairHosts;
    std::vector<std::vector<int>> hostGuests; // placed guests, document order
    std::vector<std::vector<int>> hostGroups; // the groups of those guests, with repeats
    std::vector<int> groupPlaced;             // placed members per group
    std::vector<int> hostCluster;
    std::vector<bool> clusterHa;
    std::vector<std::vector<int>> clusterTargets; // hosts with known memory, document order
    std::vector<qint64> baseFree;
    std::vector<int> guestMemory;
    std::vector<int> guestRank; // position in restart order
    std::vector<int> rankGuest;
};

// Scratch state of one computation, reused from scenario to scenario so that
// the search allocates nothing per scenario. A mark equal to `epoch` means
// "set in this scenario".
struct FailureAnalysis::Workspace
{
    explicit Workspace(const Data &d)
        : hostMark(d.hostGuests.size(), 0), groupMark(d.groupPlaced.size(), 0), groupCount(d.groupPlaced.size(), 0),
          freeMark(d.hostGuests.size(), 0), freeNow(d.hostGuests.size(), 0)
    {}

    void next()
    {
        ++epoch;
        down.clear();
        touchedGroups.clear();
    }
    void addHosts(const std::vector<int> &hosts)
    {
        for (int h : hosts) {
            if (hostMark[static_cast<size_t>(h)] != epoch) {
                hostMark[static_cast<size_t>(h)] = epoch;
                down.push_back(h);
            }
        }
    }
    bool isDown(int host) const { return hostMark[static_cast<size_t>(host)] == epoch; }

    int epoch = 0;
    std::vector<int> hostMark;
    std::vector<int> down;
    std::vector<int> groupMark;
    std::vector<int> groupCount;
    std::vector<int> touchedGroups;
    std::vector<int> freeMark;
    std::vector<qint64> freeNow;
    std::vector<quint64> queue;
};

namespace {

// Counts the guests and groups the hosts down in ws take down.
template <typename Data, typename Workspace>
void countDown(const Data &d, Workspace &ws, Score &score)
{
    for (int h : ws.down) {
        score.guestsDown += static_cast<int>(d.hostGuests[static_cast<size_t>(h)].size());
        for (int g : d.hostGroups[static_cast<size_t>(h)]) {
            const auto gi = static_cast<size_t>(g);
            if (ws.groupMark[gi] != ws.epoch) {
                ws.groupMark[gi] = ws.epoch;
                ws.groupCount[gi] = 0;
                ws.touchedGroups.push_back(g);
            }
            if (++ws.groupCount[gi] == d.groupPlaced[gi])
                ++score.groupsDown;
        }
    }
}

// Places the guests down (RULES.md HA restarts); returns how many stay down.
// restarts and stay, when given, receive (guest, host) and guest positions.
template <typename Data, typename Workspace>
int restart(const Data &d, Workspace &ws, std::vector<std::pair<int, int>> *restarts, std::vector<int> *stay)
{
    int stayCount = 0;
    ws.queue.clear();
    for (int h : ws.down) {
        const int c = d.hostCluster[static_cast<size_t>(h)];
        const bool ha = c >= 0 && d.clusterHa[static_cast<size_t>(c)];
        for (int g : d.hostGuests[static_cast<size_t>(h)]) {
            if (ha) {
                ws.queue.push_back((static_cast<quint64>(c) << 32)
                                   | static_cast<quint32>(d.guestRank[static_cast<size_t>(g)]));
            } else {
                ++stayCount;
                if (stay)
                    stay->push_back(g);
            }
        }
    }
    std::sort(ws.queue.begin(), ws.queue.end());
    for (quint64 key : ws.queue) {
        const auto c = static_cast<size_t>(key >> 32);
        const int g = d.rankGuest[static_cast<size_t>(key & 0xffffffffu)];
        const int need = d.guestMemory[static_cast<size_t>(g)];
        int target = -1;
        for (int h : d.clusterTargets[c]) {
            const auto hi = static_cast<size_t>(h);
            if (ws.hostMark[hi] == ws.epoch)
                continue;
            if (ws.freeMark[hi] != ws.epoch) {
                ws.freeMark[hi] = ws.epoch;
                ws.freeNow[hi] = d.baseFree[hi];
            }
            if (ws.freeNow[hi] >= need) {
                ws.freeNow[hi] -= need;
                target = h;
                break;
            }
        }
        if (target >= 0) {
            if (restarts)
                restarts->emplace_back(g, target);
        } else {
            ++stayCount;
            if (stay)
                stay->push_back(g);
        }
    }
    return stayCount;
}

} // namespace

FailureAnalysis::FailureAnalysis(const Topology &topology, const TopologyIndex &index)
    : mTopology(topology), mIndex(index), mData(std::make_unique<const Data>(topology, index))
{}

FailureAnalysis::~FailureAnalysis() = default;

const FailureDomains &FailureAnalysis::domains() const
{
    return mData->domains;
}

namespace {

// The id of element e (hosts, then racks, then circuits).
QString elementId(const Topology &t, int nHosts, int nRacks, int e)
{
    if (e < nHosts)
        return t.hosts.at(e).id.str();
    if (e < nHosts + nRacks)
        return t.racks.at(e - nHosts).id.str();
    return t.circuits.at(e - nHosts - nRacks).id.str();
}

} // namespace

namespace {

// Runs the workspace's scenario (its hosts down marked) to its full result.
template <typename Data, typename Workspace>
ScenarioResult fullResult(const Topology &t, const Data &d, Workspace &ws, const QStringList &fail)
{
    Score score;
    countDown(d, ws, score);
    std::vector<std::pair<int, int>> restarts;
    std::vector<int> stay;
    restart(d, ws, &restarts, &stay);

    ScenarioResult r;
    r.fail = fail;
    std::vector<int> down = ws.down;
    std::sort(down.begin(), down.end());
    std::vector<int> guests;
    for (int h : down) {
        r.hostsDown.append(t.hosts.at(h).id);
        const std::vector<int> &on = d.hostGuests[static_cast<size_t>(h)];
        guests.insert(guests.end(), on.begin(), on.end());
    }
    std::sort(guests.begin(), guests.end());
    r.guestsDown.reserve(static_cast<int>(guests.size()));
    for (int g : guests)
        r.guestsDown.append(t.guests.at(g).id);
    std::vector<int> groups = ws.touchedGroups;
    std::sort(groups.begin(), groups.end());
    for (int g : groups) {
        const auto gi = static_cast<size_t>(g);
        (ws.groupCount[gi] == d.groupPlaced[gi] ? r.groupsDown : r.groupsDegraded).append(t.groups.at(g).id);
    }
    for (const auto &[guest, host] : restarts)
        r.restarts.append(Restart{t.guests.at(guest).id, t.hosts.at(host).id});
    std::sort(stay.begin(), stay.end());
    for (int g : stay)
        r.stayDown.append(t.guests.at(g).id);
    return r;
}

} // namespace

std::optional<ScenarioResult> FailureAnalysis::run(const QStringList &failIds, QString *error) const
{
    const Data &d = *mData;
    FailedSet failed;
    failed.hosts.resize(d.nHosts);
    failed.racks.resize(d.nRacks);
    failed.circuits.resize(d.nCircuits);
    for (const QString &id : failIds) {
        const TopologyIndex::Ref *ref = mIndex.find(id);
        if (!ref) {
            if (error)
                *error = tr("unknown id '%1': no host, rack or circuit has it").arg(id);
            return std::nullopt;
        }
        switch (ref->kind) {
        case ObjectKind::Host: failed.hosts[ref->pos] = true; break;
        case ObjectKind::Rack: failed.racks[ref->pos] = true; break;
        case ObjectKind::Circuit: failed.circuits[ref->pos] = true; break;
        default:
            if (error)
                *error = tr("'%1' is a %2, not a host, rack or circuit").arg(id, kindName(ref->kind));
            return std::nullopt;
        }
    }
    Workspace ws(d);
    ws.next();
    for (int h = 0; h < d.nHosts; ++h) {
        if (FailureDomains::down(h, d.hostDomain.at(h), failed)) {
            ws.hostMark[static_cast<size_t>(h)] = ws.epoch;
            ws.down.push_back(h);
        }
    }
    return fullResult(mTopology, d, ws, failIds);
}

QVector<ScenarioResult> FailureAnalysis::singleFailures() const
{
    const Data &d = *mData;
    Workspace ws(d);
    QVector<ScenarioResult> out;
    out.reserve(d.elementCount());
    for (int e = 0; e < d.elementCount(); ++e) {
        ws.next();
        ws.addHosts(d.elementHosts[static_cast<size_t>(e)]);
        out.append(fullResult(mTopology, d, ws, {elementId(mTopology, d.nHosts, d.nRacks, e)}));
    }
    return out;
}

qint64 FailureAnalysis::scenarioCount(int depth) const
{
    const qint64 n = mData->elementCount();
    return depth >= 2 ? n + n * (n - 1) / 2 : n;
}

QVector<ScenarioResult>
FailureAnalysis::worst(int k, int depth, const std::function<bool(qint64, qint64)> &progress) const
{
    if (k <= 0)
        return {};
    const Data &d = *mData;
    const int n = d.elementCount();
    const int circuit0 = d.nHosts + d.nRacks;
    const qint64 total = scenarioCount(depth);
    struct Kept
    {
        Score score;
        int a;
        int b; // -1 for a single failure
    };
    std::vector<Kept> top;
    top.reserve(static_cast<size_t>(std::min<qint64>(k, total)) + 1);
    Workspace ws(d);
    qint64 done = 0;

    // Scenarios come in document order of their element sets, so a later
    // scenario with an equal score ranks after every kept one.
    auto consider = [&](int a, int b) {
        ws.next();
        const std::vector<int> &ha = d.elementHosts[static_cast<size_t>(a)];
        ws.addHosts(ha);
        if (b >= 0) {
            const std::vector<int> &hb = d.elementHosts[static_cast<size_t>(b)];
            ws.addHosts(hb);
            if (a >= circuit0 && b >= circuit0) {
                if (const std::vector<int> *extra = d.pairHosts(a - circuit0, b - circuit0))
                    ws.addHosts(*extra);
            }
            if (ws.down.size() == ha.size() || ws.down.size() == hb.size())
                return; // adds nothing to one of its elements alone
        }
        Score score;
        countDown(d, ws, score);
        const bool full = static_cast<int>(top.size()) >= k;
        if (full) {
            const Score bound{score.groupsDown, score.guestsDown, score.guestsDown};
            if (!worse(bound, top.back().score))
                return;
        }
        score.stayDown = restart(d, ws, nullptr, nullptr);
        if (full && !worse(score, top.back().score))
            return;
        const auto at = std::upper_bound(top.begin(), top.end(), score,
                                         [](const Score &s, const Kept &kept) { return worse(s, kept.score); });
        top.insert(at, Kept{score, a, b});
        if (static_cast<int>(top.size()) > k)
            top.pop_back();
    };

    for (int a = 0; a < n; ++a) {
        consider(a, -1);
        ++done;
        if (depth >= 2) {
            for (int b = a + 1; b < n; ++b)
                consider(a, b);
            done += n - a - 1;
        }
        if (progress && !progress(done, total))
            return {};
    }

    QVector<ScenarioResult> out;
    out.reserve(static_cast<int>(top.size()));
    for (const Kept &kept : top) {
        QStringList fail{elementId(mTopology, d.nHosts, d.nRacks, kept.a)};
        if (kept.b >= 0)
            fail << elementId(mTopology, d.nHosts, d.nRacks, kept.b);
        out.append(*run(fail));
    }
    return out;
}

QVector<HostLoad> FailureAnalysis::capacity(const ScenarioResult *scenario) const
{
    QVector<HostLoad> out;
    out.reserve(mTopology.hosts.size());
    for (const Host &h : mTopology.hosts)
        out.append(HostLoad{h.id, false, 0, h.cores, 0, static_cast<double>(h.memoryGb)});
    for (const Guest &g : mTopology.guests) {
        const int h = mIndex.host(g.host);
        if (h >= 0) {
            out[h].vcpu += g.vcpu;
            out[h].memoryGb += g.memoryGb;
        }
    }
    if (!scenario)
        return out;
    for (const HostId &id : scenario->hostsDown) {
        const int h = mIndex.host(id);
        if (h >= 0) {
            out[h].down = true;
            out[h].vcpu = 0;
            out[h].memoryGb = 0;
        }
    }
    for (const Restart &r : scenario->restarts) {
        const int h = mIndex.host(r.host);
        const int g = mIndex.guest(r.guest);
        if (h >= 0 && g >= 0) {
            out[h].vcpu += mTopology.guests.at(g).vcpu;
            out[h].memoryGb += mTopology.guests.at(g).memoryGb;
        }
    }
    return out;
}

QVector<ClusterLoad> FailureAnalysis::clusterCapacity(const ScenarioResult *scenario) const
{
    const QVector<HostLoad> hosts = capacity(scenario);
    QVector<ClusterLoad> out;
    out.reserve(mTopology.clusters.size());
    for (const Cluster &c : mTopology.clusters)
        out.append(ClusterLoad{c.id, 0, 0, 0, 0, 0, 0});
    for (int h = 0; h < hosts.size(); ++h) {
        const int c = mData->hostCluster[static_cast<size_t>(h)];
        if (c < 0)
            continue;
        ClusterLoad &load = out[c];
        const HostLoad &host = hosts.at(h);
        if (host.down) {
            ++load.hostsDown;
            continue;
        }
        ++load.hostsUp;
        load.vcpu += host.vcpu;
        load.cores += host.cores;
        load.memoryGb += host.memoryGb;
        load.ramGb += host.ramGb;
    }
    return out;
}

QString FailureAnalysis::sentence(const ScenarioResult &s, const std::function<QString(const QString &)> &nameOf) const
{
    constexpr int kMaxNames = 6;
    const auto name = [&](const QString &id) { return nameOf ? nameOf(id) : mIndex.nameOf(mTopology, id); };
    const auto names = [&](const auto &ids) {
        QStringList out;
        for (const auto &id : ids) {
            if constexpr (std::is_same_v<std::decay_t<decltype(id)>, QString>)
                out << name(id);
            else
                out << name(id.str());
        }
        return out;
    };

    QString text = tr("Losing %1").arg(RuleContext::nameList(names(s.fail)));
    if (s.hostsDown.isEmpty())
        return text + tr(" takes no host down.");
    QStringList hostIds;
    for (const HostId &h : s.hostsDown)
        hostIds << h.str();
    QStringList failed = s.fail;
    failed.removeDuplicates();
    std::sort(hostIds.begin(), hostIds.end());
    std::sort(failed.begin(), failed.end());
    if (hostIds == failed) {
        // Only the failed hosts themselves: "Losing esx01: ..."
    } else if (s.hostsDown.size() <= kMaxNames)
        text += tr(" takes %1 down").arg(RuleContext::nameList(names(s.hostsDown)));
    else
        text += tr(" takes %n hosts down", static_cast<int>(s.hostsDown.size()));
    if (s.guestsDown.isEmpty())
        return text + tr(": no guest runs there.");

    QStringList parts;
    if (!s.groupsDown.isEmpty()) {
        if (s.groupsDown.size() <= kMaxNames)
            parts << tr("%1 down").arg(RuleContext::nameList(names(s.groupsDown)));
        else
            parts << tr("%n groups down", static_cast<int>(s.groupsDown.size()));
    }
    if (!s.groupsDegraded.isEmpty()) {
        if (s.groupsDegraded.size() > kMaxNames) {
            parts << tr("%n groups degraded", static_cast<int>(s.groupsDegraded.size()));
        } else {
            QSet<QString> downGuests;
            for (const GuestId &g : s.guestsDown)
                downGuests.insert(g.str());
            for (const GroupId &id : s.groupsDegraded) {
                const int pos = mIndex.group(id);
                if (pos < 0)
                    continue;
                const Group &grp = mTopology.groups.at(pos);
                QStringList up;
                int placed = 0;
                for (const GuestId &m : grp.members) {
                    const int g = mIndex.guest(m);
                    if (g < 0 || mIndex.host(mTopology.guests.at(g).host) < 0)
                        continue;
                    ++placed;
                    if (!downGuests.contains(m.str()))
                        up << m.str();
                }
                QString detail;
                if (grp.kind == GroupKind::Switchover && grp.members.size() == 2 && up.size() == 1)
                    detail = up.first() == grp.members.at(1).str()
                               ? tr("%1 takes over").arg(name(up.first()))
                               : tr("%1 runs without its backup").arg(name(up.first()));
                else
                    detail = tr("%1 of %2 left").arg(up.size()).arg(placed);
                parts << tr("%1 degraded (%2)").arg(name(id.str()), detail);
            }
        }
    }
    if (!s.stayDown.isEmpty()) {
        if (s.stayDown.size() == 1)
            parts << tr("%1 stays down").arg(name(s.stayDown.first().str()));
        else if (s.stayDown.size() <= kMaxNames)
            parts << tr("%1 stay down").arg(RuleContext::nameList(names(s.stayDown)));
        else
            parts << tr("%n guests stay down", static_cast<int>(s.stayDown.size()));
    }
    if (!s.restarts.isEmpty()) {
        if (s.restarts.size() <= 2 * kMaxNames) {
            // By target host, in the order of the first restart on each.
            QStringList targets;
            QVector<QStringList> guests;
            for (const Restart &r : s.restarts) {
                const int at = static_cast<int>(targets.indexOf(r.host.str()));
                if (at < 0) {
                    targets << r.host.str();
                    guests.append(QStringList{name(r.guest.str())});
                } else {
                    guests[at] << name(r.guest.str());
                }
            }
            for (int i = 0; i < targets.size(); ++i) {
                parts << (guests.at(i).size() == 1 ? tr("%1 restarts on %2") : tr("%1 restart on %2"))
                             .arg(RuleContext::nameList(guests.at(i)), name(targets.at(i)));
            }
        } else {
            parts << tr("%n guests restart on other hosts", static_cast<int>(s.restarts.size()));
        }
    }
    return text + QStringLiteral(": ") + parts.join(QStringLiteral(", ")) + QLatin1Char('.');
}

Topology afterScenario(const Topology &topology, const ScenarioResult &scenario)
{
    QHash<QString, HostId> moved;
    for (const GuestId &g : scenario.guestsDown)
        moved.insert(g.str(), HostId());
    for (const Restart &r : scenario.restarts)
        moved.insert(r.guest.str(), r.host);
    Topology after = topology;
    for (Guest &g : after.guests) {
        const auto it = moved.constFind(g.id.str());
        if (it != moved.constEnd())
            g.host = *it;
    }
    return after;
}

} // namespace td
