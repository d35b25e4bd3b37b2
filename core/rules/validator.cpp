#include "rules/validator.h"

namespace td {

namespace {

ObjectKind kindOfScope(Scope scope)
{
    switch (scope) {
    case Scope::Guest: return ObjectKind::Guest;
    case Scope::Host: return ObjectKind::Host;
    case Scope::Group: return ObjectKind::Group;
    case Scope::Cluster: return ObjectKind::Cluster;
    }
    return ObjectKind::Guest;
}

template <typename List>
const QString &idAt(const List &list, int pos)
{
    return list.at(pos).id.str();
}

int objectCount(const Topology &t, Scope scope)
{
    switch (scope) {
    case Scope::Guest: return static_cast<int>(t.guests.size());
    case Scope::Host: return static_cast<int>(t.hosts.size());
    case Scope::Group: return static_cast<int>(t.groups.size());
    case Scope::Cluster: return static_cast<int>(t.clusters.size());
    }
    return 0;
}

const QString &objectId(const Topology &t, Scope scope, int pos)
{
    switch (scope) {
    case Scope::Guest: return idAt(t.guests, pos);
    case Scope::Host: return idAt(t.hosts, pos);
    case Scope::Group: return idAt(t.groups, pos);
    case Scope::Cluster: break;
    }
    return idAt(t.clusters, pos);
}

// The dependency knowledge of the rules, in one place: which objects' checks
// read a given object. Walks one state of the topology (before or after).
class Impact
{
public:
    Impact(const Topology &t, const TopologyIndex &index, DirtySet &dirty) : mT(t), mIndex(index), mDirty(dirty) {}

    // A guest's checks, its host's, its cluster's, its groups' and the hosts
    // of its fellow members (similar-guests-same-host reads group placement).
    void guest(int g)
    {
        const Guest &guest = mT.guests.at(g);
        mDirty[Scope::Guest].insert(guest.id.str());
        const int h = mIndex.host(guest.host);
        if (h >= 0) {
            mDirty[Scope::Host].insert(mT.hosts.at(h).id.str());
            cluster(mIndex.cluster(mT.hosts.at(h).cluster), false);
        }
        for (int group : mIndex.groupsOfGuest(g))
            this->group(group, false);
    }

    // A group's checks and the hosts of its members.
    void group(int pos, bool members)
    {
        const Group &group = mT.groups.at(pos);
        mDirty[Scope::Group].insert(group.id.str());
        for (const GuestId &m : group.members) {
            const int g = mIndex.guest(m);
            if (g < 0)
                continue;
            if (members) {
                guest(g);
                continue;
            }
            const int h = mIndex.host(mT.guests.at(g).host);
            if (h >= 0)
                mDirty[Scope::Host].insert(mT.hosts.at(h).id.str());
        }
    }

    // A host: its own checks, every guest on it (and so their groups), and the
    // guests of its whole cluster (license-dynamic-mac reads the cluster size).
    void host(int h)
    {
        if (h < 0)
            return;
        mDirty[Scope::Host].insert(mT.hosts.at(h).id.str());
        for (int g : mIndex.guestsOnHost(h))
            guest(g);
        cluster(mIndex.cluster(mT.hosts.at(h).cluster), true);
    }

    void cluster(int c, bool deep)
    {
        if (c < 0)
            return;
        mDirty[Scope::Cluster].insert(mT.clusters.at(c).id.str());
        if (!deep)
            return;
        for (int h : mIndex.hostsInCluster(c)) {
            mDirty[Scope::Host].insert(mT.hosts.at(h).id.str());
            for (int g : mIndex.guestsOnHost(h))
                guest(g);
        }
    }

    void touch(ObjectKind kind, const QString &id)
    {
        // The object's own checks, even when it does not exist in this state.
        switch (kind) {
        case ObjectKind::Guest: mDirty[Scope::Guest].insert(id); break;
        case ObjectKind::Host: mDirty[Scope::Host].insert(id); break;
        case ObjectKind::Group: mDirty[Scope::Group].insert(id); break;
        case ObjectKind::Cluster: mDirty[Scope::Cluster].insert(id); break;
        default: break;
        }
        const int pos = mIndex.indexOf(kind, id);
        if (pos < 0)
            return;
        switch (kind) {
        case ObjectKind::Guest: guest(pos); break;
        case ObjectKind::Host: host(pos); break;
        case ObjectKind::Group: group(pos, true); break;
        case ObjectKind::Cluster: cluster(pos, true); break;
        case ObjectKind::Rack:
            for (int h : mIndex.hostsInRack(pos))
                host(h);
            break;
        case ObjectKind::Circuit:
            for (int h : mIndex.hostsPoweredBy(pos))
                host(h);
            for (int r : mIndex.racksFedBy(pos)) {
                for (int h : mIndex.hostsInRack(r))
                    host(h);
            }
            break;
        }
    }

private:
    const Topology &mT;
    const TopologyIndex &mIndex;
    DirtySet &mDirty;
};

} // namespace

Validator::Validator(const Catalog &catalog) : mCatalog(catalog)
{
    mStore.resize(allRules().size());
}

void Validator::run(const Topology &topology, const TopologyIndex &index)
{
    const RuleContext context(topology, index, mCatalog);
    const auto &rules = allRules();
    for (auto &slot : mStore)
        slot.clear();
    mCounts[0] = mCounts[1] = mCounts[2] = 0;
    for (int r = 0; r < rules.size(); ++r) {
        const Rule *rule = rules.at(r);
        const int n = objectCount(topology, rule->scope());
        for (int pos = 0; pos < n; ++pos) {
            QVector<Finding> found;
            rule->check(context, pos, found);
            if (!found.isEmpty())
                store(r, objectId(topology, rule->scope(), pos), std::move(found), nullptr);
        }
    }
    mSortedValid = false;
}

void Validator::addImpact(const Topology &topology,
                          const TopologyIndex &index,
                          const Touched &touched,
                          DirtySet &dirty) const
{
    if (touched.header) {
        dirty.all = true;
        return;
    }
    Impact impact(topology, index, dirty);
    for (const auto &[kind, id] : touched.objects)
        impact.touch(kind, id);
}

FindingsDelta Validator::update(const Topology &topology, const TopologyIndex &index, const DirtySet &dirty)
{
    FindingsDelta delta;
    if (dirty.all) {
        run(topology, index);
        delta.reset = true;
        return delta;
    }
    const RuleContext context(topology, index, mCatalog);
    const auto &rules = allRules();
    for (int r = 0; r < rules.size(); ++r) {
        const Rule *rule = rules.at(r);
        const ObjectKind kind = kindOfScope(rule->scope());
        for (const QString &id : dirty[rule->scope()]) {
            QVector<Finding> found;
            const int pos = index.indexOf(kind, id);
            if (pos >= 0)
                rule->check(context, pos, found);
            store(r, id, std::move(found), &delta);
        }
    }
    return delta;
}

void Validator::store(int rule, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta)
{
    auto &slot = mStore[rule];
    auto it = slot.find(id);
    if (it == slot.end()) {
        if (findings.isEmpty())
            return;
        countIn(findings, +1);
        if (delta)
            delta->added += findings;
        slot.insert(id, std::move(findings));
        mSortedValid = false;
        return;
    }
    if (it.value() == findings)
        return;
    countIn(it.value(), -1);
    countIn(findings, +1);
    if (delta) {
        for (const Finding &f : it.value()) {
            if (!findings.contains(f))
                delta->removed.append(f);
        }
        for (const Finding &f : findings) {
            if (!it.value().contains(f))
                delta->added.append(f);
        }
    }
    if (findings.isEmpty())
        slot.erase(it);
    else
        it.value() = std::move(findings);
    mSortedValid = false;
}

void Validator::countIn(const QVector<Finding> &findings, int sign)
{
    for (const Finding &f : findings)
        mCounts[static_cast<int>(f.severity)] += sign;
}

const QVector<Finding> &Validator::findings() const
{
    if (!mSortedValid) {
        mSorted.clear();
        for (const auto &slot : mStore) {
            for (const auto &list : slot)
                mSorted += list;
        }
        sortFindings(mSorted);
        mSortedValid = true;
    }
    return mSorted;
}

QVector<Finding> Validator::validate(const Topology &topology, const Catalog &catalog)
{
    Validator validator(catalog);
    validator.run(topology, TopologyIndex(topology));
    return validator.findings();
}

} // namespace td
