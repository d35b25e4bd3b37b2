#include "rules/validator.h"

#include <algorithm>

namespace td {

namespace {

ObjectKind kindOfScope(Scope scope)
{
    switch (scope) {
    case Scope::Guest: return ObjectKind::Guest;
    case Scope::Host: return ObjectKind::Host;
    case Scope::Group: return ObjectKind::Group;
    case Scope::Cluster: return ObjectKind::Cluster;
    case Scope::Waiver: break;
    }
    return ObjectKind::Guest;
}

// Drops what a delta both removes and adds (a finding re-marked, then
// re-checked away or back).
void normalize(FindingsDelta &delta)
{
    for (qsizetype i = delta.removed.size() - 1; i >= 0; --i) {
        const qsizetype j = delta.added.indexOf(delta.removed.at(i));
        if (j >= 0) {
            delta.added.removeAt(j);
            delta.removed.removeAt(i);
        }
    }
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
    case Scope::Waiver: break;
    }
    return 0;
}

const QString &objectId(const Topology &t, Scope scope, int pos)
{
    switch (scope) {
    case Scope::Guest: return idAt(t.guests, pos);
    case Scope::Host: return idAt(t.hosts, pos);
    case Scope::Group: return idAt(t.groups, pos);
    case Scope::Cluster:
    case Scope::Waiver: break;
    }
    return idAt(t.clusters, pos);
}

// The first 8 characters of a finding's first subject, one byte each, the
// first in the highest byte: of two findings of one rule, the one with the
// smaller key comes first (shorter ids have zeros where longer ones go on,
// and ids have no character zero). Clears keyed when a character does not
// fit a byte.
quint64 sortKey(const Finding &f, bool &keyed)
{
    if (f.subjects.isEmpty())
        return 0;
    const QString &first = f.subjects.first();
    quint64 key = 0;
    for (qsizetype i = 0; i < 8; ++i) {
        char16_t c = 0;
        if (i < first.size()) {
            c = first.at(i).unicode();
            if (c == 0 || c > 0xff)
                keyed = false;
        }
        key = key << 8 | (c & 0xff);
    }
    return key;
}

// Rule positions in the order findingLess puts their findings: severity,
// then id (every finding of a rule has the rule's severity and id).
const QVector<int> &rulesInFindingOrder()
{
    static const QVector<int> order = [] {
        const auto &rules = allRules();
        QVector<int> out(rules.size());
        for (int r = 0; r < out.size(); ++r)
            out[r] = r;
        std::sort(out.begin(), out.end(), [&rules](int a, int b) {
            if (rules.at(a)->severity() != rules.at(b)->severity())
                return rules.at(a)->severity() < rules.at(b)->severity();
            return rules.at(a)->id().compare(rules.at(b)->id()) < 0;
        });
        return out;
    }();
    return order;
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
    mFlat.resize(allRules().size());
}

void Validator::run(const Topology &topology, const TopologyIndex &index)
{
    const auto &rules = allRules();
    if (!mFlatMode) {
        for (auto &slot : mStore)
            slot.clear();
    }
    for (Flat &flat : mFlat) {
        flat.findings.clear(); // keeps its storage for this run's findings
        flat.objects.clear();
    }
    mFlatMode = true;
    mCounts[0] = mCounts[1] = mCounts[2] = 0;
    mWaived = 0;
    mWaiverMatches.clear();
    takeWaivers(topology, nullptr);
    {
        RuleContext context(topology, index, mCatalog, mCache);
        context.resolveAll();
        for (int r = 0; r < rules.size(); ++r) {
            const Rule *rule = rules.at(r);
            Flat &flat = mFlat[r];
            const int n = objectCount(topology, rule->scope());
            for (int pos = 0; pos < n; ++pos) {
                const qsizetype before = flat.findings.size();
                rule->check(context, pos, flat.findings);
                const qsizetype found = flat.findings.size() - before;
                if (found == 0)
                    continue;
                flat.objects.append({objectId(topology, rule->scope(), pos), found});
                Finding *first = flat.findings.data() + before;
                mark(first, found);
                countIn(first, found, +1);
            }
        }
    }
    checkWaivers(topology, index, nullptr);
    mSortedValid = false;
}

void Validator::addImpact(const Topology &topology,
                          const TopologyIndex &index,
                          const Touched &touched,
                          DirtySet &dirty) const
{
    dirty.waivers = dirty.waivers || touched.waivers;
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
    ensureSlots();
    const bool sorted = mSortedValid;
    if (dirty.waivers)
        takeWaivers(topology, &delta);
    {
        RuleContext context(topology, index, mCatalog, mCache);
        context.namesKept = dirty.namesKept;
        // Each dirty object's position, found once for all the rules of its scope.
        QVector<std::pair<const QString *, int>> dirtyAt[kScopeCount];
        for (int s = 0; s < kScopeCount; ++s) {
            const Scope scope = static_cast<Scope>(s);
            if (scope == Scope::Waiver)
                continue;
            dirtyAt[s].reserve(dirty[scope].size());
            for (const QString &id : dirty[scope])
                dirtyAt[s].append({&id, index.indexOf(kindOfScope(scope), id)});
        }
        const auto &rules = allRules();
        for (int r = 0; r < rules.size(); ++r) {
            const Rule *rule = rules.at(r);
            if (rule->scope() == Scope::Waiver)
                continue;
            Slot &slot = mStore[r];
            for (const auto &[id, pos] : std::as_const(dirtyAt[static_cast<int>(rule->scope())])) {
                QVector<Finding> found;
                const auto previous = slot.find(*id);
                context.previous = previous == slot.end() ? nullptr : &previous.value();
                if (pos >= 0)
                    rule->check(context, pos, found);
                store(r, previous, *id, std::move(found), &delta);
            }
        }
    }
    checkWaivers(topology, index, &delta);
    if (dirty.waivers)
        normalize(delta);
    mSortedValid = sorted && mergeSorted(delta);
    return delta;
}

bool Validator::mergeSorted(const FindingsDelta &delta)
{
    if (delta.isEmpty())
        return true;
    // Each removed finding at its place (equal findings sit together).
    QVector<bool> isGone(mSorted.size(), false);
    QVector<qsizetype> gone;
    gone.reserve(delta.removed.size());
    for (const Finding &f : delta.removed) {
        qsizetype i = std::lower_bound(mSorted.cbegin(), mSorted.cend(), f, findingLess) - mSorted.cbegin();
        while (i < mSorted.size() && !findingLess(f, mSorted.at(i)) && (isGone.at(i) || mSorted.at(i) != f))
            ++i;
        if (i >= mSorted.size() || isGone.at(i) || mSorted.at(i) != f)
            return false;
        isGone[i] = true;
        gone.append(i);
    }
    QVector<Finding> added = delta.added;
    sortFindings(added);
    if (gone.size() + added.size() <= 64) {
        // In place: a copy of every finding costs far more than moving the
        // ones after the first change (a move swaps pointers). The removed
        // ones out, from the front; then each added one in after its
        // equals, from the back.
        std::sort(gone.begin(), gone.end());
        Finding *sorted = mSorted.data();
        const qsizetype size = mSorted.size();
        qsizetype kept = gone.isEmpty() ? size : gone.first();
        for (qsizetype k = 0; k < gone.size(); ++k) {
            const qsizetype next = k + 1 < gone.size() ? gone.at(k + 1) : size;
            kept = std::move(sorted + gone.at(k) + 1, sorted + next, sorted + kept) - sorted;
        }
        const qsizetype total = kept + added.size();
        if (total != size)
            mSorted.resize(total);
        sorted = mSorted.data();
        qsizetype end = kept; // the kept findings not yet placed: [0, end)
        qsizetype to = total; // the placed ones: [to, total)
        for (qsizetype a = added.size() - 1; a >= 0; --a) {
            Finding *const after = std::upper_bound(sorted, sorted + end, added.at(a), findingLess);
            const qsizetype from = after - sorted;
            to -= end - from;
            std::move_backward(after, sorted + end, sorted + to + (end - from));
            end = from;
            sorted[--to] = std::move(added[a]);
        }
    } else {
        // Many changes: one merge into a new list.
        QVector<Finding> merged;
        merged.reserve(mSorted.size() - delta.removed.size() + added.size());
        qsizetype a = 0;
        for (qsizetype i = 0; i < mSorted.size(); ++i) {
            if (isGone.at(i))
                continue;
            while (a < added.size() && findingLess(added.at(a), mSorted.at(i)))
                merged.append(added.at(a++));
            merged.append(mSorted.at(i));
        }
        while (a < added.size())
            merged.append(added.at(a++));
        mSorted = std::move(merged);
    }
    // Every stored finding is counted once, by severity or as waived.
    return mSorted.size() == mCounts[0] + mCounts[1] + mCounts[2] + mWaived;
}

void Validator::ensureSlots()
{
    if (!mFlatMode)
        return;
    for (int r = 0; r < mFlat.size(); ++r) {
        Flat &flat = mFlat[r];
        Slot &slot = mStore[r];
        slot.reserve(flat.objects.size());
        auto from = std::make_move_iterator(flat.findings.begin());
        for (const auto &[id, count] : std::as_const(flat.objects)) {
            slot.insert(id, QVector<Finding>(from, from + count));
            from += count;
        }
        // Kept apart from now on: the next full run grows its lists again.
        flat = Flat();
    }
    mFlatMode = false;
}

void Validator::mark(Finding *findings, qsizetype count) const
{
    Finding *const end = findings + count;
    if (mWaivers.isEmpty()) {
        for (Finding *f = findings; f != end; ++f)
            f->waived.reset();
        return;
    }
    for (Finding *f = findings; f != end; ++f) {
        const auto it = mWaivers.constFind(Waiver::key(f->rule, f->subjects));
        if (it == mWaivers.constEnd())
            f->waived.reset();
        else
            f->waived = it.value();
    }
}

void Validator::takeWaivers(const Topology &topology, FindingsDelta *delta)
{
    QHash<QString, QString> waivers;
    for (const Waiver &w : topology.waivers) {
        const QString key = w.key();
        if (!waivers.contains(key))
            waivers.insert(key, w.reason);
    }
    if (waivers == mWaivers)
        return;
    mWaivers = std::move(waivers);
    const auto &rules = allRules();
    for (int r = 0; r < rules.size(); ++r) {
        if (rules.at(r)->scope() == Scope::Waiver)
            continue;
        for (QVector<Finding> &list : mStore[r]) {
            QVector<Finding> marked = list;
            mark(marked);
            if (marked == list)
                continue;
            countIn(list, -1);
            countIn(marked, +1);
            if (delta) {
                for (qsizetype i = 0; i < list.size(); ++i) {
                    if (list.at(i) != marked.at(i)) {
                        delta->removed.append(list.at(i));
                        delta->added.append(marked.at(i));
                    }
                }
            }
            list = std::move(marked);
            mSortedValid = false;
        }
    }
}

void Validator::checkWaivers(const Topology &topology, const TopologyIndex &index, FindingsDelta *delta)
{
    const auto &rules = allRules();
    QVector<bool> used;
    used.reserve(topology.waivers.size());
    for (const Waiver &w : topology.waivers)
        used.append(mWaiverMatches.value(w.key()) > 0);
    RuleContext context(topology, index, mCatalog, mCache);
    context.waiverUsed = &used;
    for (int r = 0; r < rules.size(); ++r) {
        if (rules.at(r)->scope() != Scope::Waiver)
            continue;
        if (topology.waivers.isEmpty() && mStore.at(r).isEmpty())
            continue;
        QVector<Finding> found;
        for (int pos = 0; pos < topology.waivers.size(); ++pos)
            rules.at(r)->check(context, pos, found);
        // One slot for them all: they are few, and a waiver has no id.
        if (mFlatMode) {
            if (found.isEmpty())
                continue;
            countIn(found, +1);
            mFlat[r].objects.append({QString(), found.size()});
            mFlat[r].findings += std::move(found);
            continue;
        }
        store(r, QString(), std::move(found), delta);
    }
}

void Validator::store(int rule, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta)
{
    store(rule, mStore[rule].find(id), id, std::move(findings), delta);
}

void Validator::store(int rule, Slot::iterator it, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta)
{
    if (allRules().at(rule)->scope() != Scope::Waiver)
        mark(findings);
    Slot &slot = mStore[rule];
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

void Validator::countIn(const Finding *findings, qsizetype count, int sign)
{
    for (const Finding &f : Span<Finding>(findings, count)) {
        if (!f.waived) {
            mCounts[static_cast<int>(f.severity)] += sign;
            continue;
        }
        mWaived += sign;
        const QString key = Waiver::key(f.rule, f.subjects);
        const int matches = mWaiverMatches.value(key) + sign;
        if (matches > 0)
            mWaiverMatches.insert(key, matches);
        else
            mWaiverMatches.remove(key);
    }
}

const QVector<Finding> &Validator::findings() const
{
    if (!mSortedValid) {
        // Rule by rule in the order of findingLess: each rule's findings
        // share its severity and id, so only their subjects are compared.
        qsizetype total = 0;
        for (const auto &slot : mStore) {
            for (const auto &list : slot)
                total += list.size();
        }
        for (const Flat &flat : mFlat)
            total += flat.findings.size();
        mSorted.clear();
        mSorted.reserve(total);
        QVector<std::pair<quint64, const Finding *>> ofRule;
        for (int r : rulesInFindingOrder()) {
            ofRule.clear();
            bool keyed = true;
            if (mFlatMode) {
                for (const Finding &f : mFlat.at(r).findings)
                    ofRule.append({sortKey(f, keyed), &f});
            }
            for (const auto &list : mStore.at(r)) {
                for (const Finding &f : list)
                    ofRule.append({sortKey(f, keyed), &f});
            }
            // By the keys (the first subject's first characters), and where
            // they are equal by the findings; by the findings alone when a
            // key could not hold its characters.
            const auto less = [keyed](const std::pair<quint64, const Finding *> &a,
                                      const std::pair<quint64, const Finding *> &b) {
                if (keyed && a.first != b.first)
                    return a.first < b.first;
                return sameRuleFindingLess(*a.second, *b.second);
            };
            if (!std::is_sorted(ofRule.cbegin(), ofRule.cend(), less)) // rules of hosts often come sorted
                std::sort(ofRule.begin(), ofRule.end(), less);
            for (const auto &f : std::as_const(ofRule))
                mSorted.append(*f.second);
        }
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
