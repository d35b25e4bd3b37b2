#include "apartsets.h"

#include "catalog/catalog.h"
#include "model/topologyindex.h"
#include "scripttext.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSet>

#include <map>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ApartSets", text);
}

// A name as a note shows it: quoted, on one line (script::oneLine).
QString shown(const QString &name)
{
    return QLatin1Char('\'') + script::oneLine(name) + QLatin1Char('\'');
}

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(", "));
}

// Names taken in one namespace of one cluster.
class Namespace
{
public:
    QString take(const QString &name)
    {
        QString candidate = name;
        for (int n = 2; mTaken.contains(candidate); ++n) {
            const QString suffix = QStringLiteral("-%1").arg(n);
            candidate = name.left(ApartSets::kMaxNameLength - suffix.size()) + suffix;
        }
        mTaken.insert(candidate);
        return candidate;
    }

private:
    QSet<QString> mTaken;
};

} // namespace

QString ApartSets::derivedName(const QString &kind, const QString &id)
{
    const QString name = QStringLiteral("td-%1-%2").arg(kind, id);
    if (name.size() <= kMaxNameLength)
        return name;
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return name.left(kMaxNameLength - 9) + QLatin1Char('-') + QString::fromLatin1(hash);
}

QStringList ClusterRules::ruleNames() const
{
    QStringList names;
    for (const ApartSet &a : apart)
        names << a.ruleName;
    for (const PinnedPair &p : pairs) {
        for (const RackPin &pin : p.pins)
            names << pin.ruleName;
    }
    return names;
}

QStringList ClusterRules::groupNames() const
{
    QStringList names;
    for (const RackHostGroup &r : rackGroups)
        names << r.groupName;
    for (const PinnedPair &p : pairs) {
        for (const RackPin &pin : p.pins)
            names << pin.vmGroupName;
    }
    return names;
}

QStringList ApartSets::allNotes() const
{
    QStringList notes;
    for (const ClusterRules &c : mClusters)
        notes += c.notes;
    return notes + mNotes;
}

bool ApartSets::hasRules() const
{
    for (const ClusterRules &c : mClusters) {
        if (c.hasRules())
            return true;
    }
    return false;
}

ApartSets ApartSets::derive(const Topology &t)
{
    ApartSets out;
    out.mHypervisor = t.header.platform.hypervisor;
    bool numeric = false;
    const int version = t.header.platform.version.toInt(&numeric);
    out.mAffinityRules = !numeric || version >= 2022;

    const TopologyIndex index(t);
    const Catalog &catalog = Catalog::builtin();

    // Where each guest is: its host's position, and the cluster's (-1: none).
    auto hostOf = [&](int guestPos) { return index.host(t.guests.at(guestPos).host); };
    auto clusterOfHost = [&](int hostPos) { return hostPos < 0 ? -1 : index.cluster(t.hosts.at(hostPos).cluster); };
    auto guestRef = [&](int pos) { return NamedRef{t.guests.at(pos).id.str(), t.guests.at(pos).name}; };

    out.mClusters.reserve(t.clusters.size());
    for (const Cluster &c : t.clusters)
        out.mClusters.append(ClusterRules{NamedRef{c.id.str(), c.name}, {}, {}, {}, {}, {}});
    QVector<Namespace> ruleSpace(t.clusters.size());
    QVector<Namespace> groupSpace(t.clusters.size());
    QVector<Namespace> classSpace(t.clusters.size());

    for (const Group &g : t.groups) {
        const NamedRef groupRef{g.id.str(), g.name};
        // What a note about the group starts with; built only for a note.
        auto what = [&] {
            return (g.kind == GroupKind::Switchover ? tr("switchover pair %1") : tr("pool %1")).arg(shown(g.name));
        };
        std::map<int, QVector<int>> byCluster; // cluster position -> member positions, group order
        QStringList unplaced;
        QStringList noCluster;
        QVector<int> members;
        for (const GuestId &m : g.members) {
            const int pos = index.guest(m);
            if (pos < 0)
                continue;
            members.append(pos);
            const int host = hostOf(pos);
            const int cluster = clusterOfHost(host);
            if (host < 0)
                unplaced << shown(t.guests.at(pos).name);
            else if (cluster < 0)
                noCluster << tr("%1 (on host %2)").arg(shown(t.guests.at(pos).name), shown(t.hosts.at(host).name));
            else
                byCluster[cluster].append(pos);
        }

        // Notes go with the first cluster (document order) holding a member.
        QStringList *notes = byCluster.empty() ? &out.mNotes : &out.mClusters[byCluster.begin()->first].notes;
        auto prefix = [&] {
            return byCluster.empty() ? QString()
                                     : shown(t.clusters.at(byCluster.begin()->first).name) + QStringLiteral(": ");
        };

        for (const auto &[cluster, placed] : byCluster) {
            if (placed.size() < 2)
                continue;
            ApartSet set;
            set.group = groupRef;
            set.kind = g.kind;
            for (int pos : placed)
                set.members.append(guestRef(pos));
            Namespace &space = out.isVSphere() || out.mAffinityRules ? ruleSpace[cluster] : classSpace[cluster];
            set.ruleName = space.take(derivedName(QStringLiteral("apart"), g.id.str()));
            out.mClusters[cluster].apart.append(set);
        }

        if (byCluster.size() > 1) {
            QStringList parts;
            for (const auto &[cluster, placed] : byCluster) {
                QStringList names;
                for (int pos : placed)
                    names << shown(t.guests.at(pos).name);
                parts << tr("%1 in %2").arg(joined(names), shown(t.clusters.at(cluster).name));
            }
            notes->append(prefix()
                          + tr("%1 is split over clusters (%2): a rule keeps apart only the members of its own "
                               "cluster")
                                .arg(what(), parts.join(QStringLiteral("; "))));
        }
        if (!unplaced.isEmpty())
            notes->append(prefix()
                          + tr("%1: %2 not placed: no rule keeps them apart from the other members")
                                .arg(what(), joined(unplaced)));
        if (!noCluster.isEmpty())
            notes->append(prefix()
                          + tr("%1: %2 in no cluster: no rule keeps them apart from the other members")
                                .arg(what(), joined(noCluster)));

        // Rack pins: a switchover pair whose two members are in one cluster.
        if (g.kind != GroupKind::Switchover || members.size() != 2 || byCluster.size() != 1
            || byCluster.begin()->second.size() != 2)
            continue;
        const int cluster = byCluster.begin()->first;
        ClusterRules &rules = out.mClusters[cluster];
        const int hostA = hostOf(members.at(0));
        const int hostB = hostOf(members.at(1));
        const int rackA = index.rack(t.hosts.at(hostA).rack);
        const int rackB = index.rack(t.hosts.at(hostB).rack);
        if (rackA < 0 || rackB < 0) {
            QStringList unracked;
            for (int host : {hostA, hostB}) {
                if (index.rack(t.hosts.at(host).rack) < 0 && !unracked.contains(shown(t.hosts.at(host).name)))
                    unracked << shown(t.hosts.at(host).name);
            }
            rules.notes.append(prefix()
                               + tr("%1: host %2 is in no rack: no rule keeps the pair in different racks")
                                     .arg(what(), joined(unracked)));
            continue;
        }
        if (rackA == rackB) {
            rules.notes.append(prefix()
                               + tr("%1: both members are in rack %2: no rule can keep the pair in different "
                                    "racks (a rack failure takes both)")
                                     .arg(what(), shown(t.racks.at(rackA).name)));
            continue;
        }
        PinnedPair pair;
        pair.group = groupRef;
        pair.faultDomainRuleName = ruleSpace[cluster].take(derivedName(QStringLiteral("racks"), g.id.str()));
        for (int i = 0; i < 2; ++i) {
            const int rack = i == 0 ? rackA : rackB;
            const Rack &r = t.racks.at(rack);
            int rg = -1;
            for (int k = 0; k < rules.rackGroups.size(); ++k) {
                if (rules.rackGroups.at(k).rack.id == r.id.str())
                    rg = k;
            }
            if (rg < 0) {
                RackHostGroup group;
                group.rack = NamedRef{r.id.str(), r.name};
                for (const Host &h : t.hosts) {
                    if (h.rack == r.id && h.cluster == t.clusters.at(cluster).id)
                        group.hosts.append(NamedRef{h.id.str(), h.name});
                }
                group.groupName = groupSpace[cluster].take(derivedName(QStringLiteral("rack"), r.id.str()));
                rules.rackGroups.append(group);
                rg = rules.rackGroups.size() - 1;
            }
            RackPin pin;
            pin.guest = guestRef(members.at(i));
            pin.rack = rules.rackGroups.at(rg).rack;
            pin.hostGroupName = rules.rackGroups.at(rg).groupName;
            pin.vmGroupName = groupSpace[cluster].take(derivedName(QStringLiteral("vm"), pin.guest.id));
            pin.ruleName = ruleSpace[cluster].take(derivedName(QStringLiteral("pin"), pin.guest.id));
            pair.pins.append(pin);
        }
        rules.pairs.append(pair);
    }

    // DRS overrides: PureConnect guests in fully automated VMware clusters.
    if (out.isVSphere()) {
        for (int pos = 0; pos < t.guests.size(); ++pos) {
            const int cluster = clusterOfHost(hostOf(pos));
            if (cluster < 0 || t.clusters.at(cluster).drs != DrsLevel::FullyAutomated)
                continue;
            const Product *product = catalog.product(t.guests.at(pos).product);
            if (product && product->pureConnect)
                out.mClusters[cluster].overrides.append(DrsOverride{guestRef(pos), DrsLevel::PartiallyAutomated});
        }
    }
    return out;
}

} // namespace td
