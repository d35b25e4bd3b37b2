#include "rules/resolver.h"

#include <algorithm>

namespace td {

Resolver::Resolver(const Topology &topology, const TopologyIndex &index, const Catalog &catalog, Store &store)
    : mTopology(topology), mIndex(index), mCatalog(catalog), mStore(store)
{
    if (++mStore.run == 0) {
        // The stamps went round: none may look current.
        for (auto *stamps :
             {&mStore.guestHost.stamp, &mStore.hostGuests.stamp, &mStore.hosts.stamp, &mStore.groups.stamp})
            stamps->fill(0);
        mStore.run = 1;
    }
    mRun = mStore.run;
    mStore.guestHost.grow(topology.guests.size());
    if (mStore.productKey.size() < topology.guests.size()) {
        mStore.productKey.resize(topology.guests.size());
        mStore.productValue.resize(topology.guests.size());
    }
    mStore.hostGuests.grow(topology.hosts.size());
    mStore.hosts.grow(topology.hosts.size());
    mStore.groups.grow(topology.groups.size());
    if (mStore.memberGuests.size() < topology.groups.size())
        mStore.memberGuests.resize(topology.groups.size());
    mStore.ints.clear();
    mStore.placed.clear();
    if (mStore.rankedCatalog != &catalog) {
        std::fill(mStore.productKey.begin(), mStore.productKey.end(), QString());
        const QVector<Product> &products = catalog.products();
        QVector<int> byId(products.size());
        for (int i = 0; i < byId.size(); ++i)
            byId[i] = i;
        std::stable_sort(byId.begin(), byId.end(),
                         [&products](int a, int b) { return products.at(a).id < products.at(b).id; });
        mStore.productRank = QVector<int>(products.size(), 0);
        for (int r = 0; r < byId.size(); ++r) {
            // Equal ids (a catalog should not have them) share a rank.
            const bool same = r > 0 && products.at(byId.at(r)).id == products.at(byId.at(r - 1)).id;
            mStore.productRank[byId.at(r)] = same ? mStore.productRank.at(byId.at(r - 1)) : r;
        }
        mStore.rankedCatalog = &catalog;
    }
}

void Resolver::resolveAll()
{
    const int guests = static_cast<int>(mTopology.guests.size());
    const int hosts = static_cast<int>(mTopology.hosts.size());
    // Every guest's host from the index's guests-by-host lists: no id hashed.
    std::fill(mStore.guestHost.stamp.begin(), mStore.guestHost.stamp.begin() + guests, mRun);
    std::fill(mStore.guestHost.value.begin(), mStore.guestHost.value.begin() + guests, -1);
    int placed = 0;
    for (int h = 0; h < hosts; ++h) {
        const QVector<int> &on = mIndex.guestsOnHost(h);
        for (int g : on)
            mStore.guestHost.value[g] = h;
        placed += static_cast<int>(on.size());
    }
    // Every host's guests in document order, by one walk over the guests.
    int *all = mStore.ints.take(placed);
    QVector<int> next(hosts);
    int from = 0;
    for (int h = 0; h < hosts; ++h) {
        const int count = static_cast<int>(mIndex.guestsOnHost(h).size());
        mStore.hostGuests.stamp[h] = mRun;
        mStore.hostGuests.value[h] = Span<int>(all + from, count);
        next[h] = from;
        from += count;
    }
    for (int g = 0; g < guests; ++g) {
        const int h = mStore.guestHost.value.at(g);
        if (h >= 0)
            all[next[h]++] = g;
    }
}

void Resolver::resolveHost(int guestPos) const
{
    // The host found in an earlier run is still right when it has the id.
    const HostId &id = mTopology.guests.at(guestPos).host;
    int &h = mStore.guestHost.value[guestPos];
    if (id.isNull())
        h = -1;
    else if (h < 0 || h >= mTopology.hosts.size() || mTopology.hosts.at(h).id != id)
        h = mIndex.host(id);
    mStore.guestHost.stamp[guestPos] = mRun;
}

void Resolver::resolveProduct(int guestPos) const
{
    // Catalog::product, with the ids' sizes and first characters compared
    // inline before the text (every guest of a full run comes here once).
    const QString &id = mTopology.guests.at(guestPos).product;
    const Product *found = nullptr;
    const QVector<Product> &products = mCatalog.products();
    for (const Product &p : products) {
        if (p.id.size() == id.size() && (id.isEmpty() || p.id.front() == id.front()) && p.id == id) {
            found = &p;
            break;
        }
    }
    Q_ASSERT(found == mCatalog.product(id));
    mStore.productValue[guestPos] = found;
    mStore.productKey[guestPos] = id;
}

Span<int> Resolver::guestsOn(int hostPos) const
{
    if (mStore.hostGuests.stamp.at(hostPos) != mRun) {
        const QVector<int> &on = mIndex.guestsOnHost(hostPos);
        int *out = mStore.ints.take(on.size());
        std::copy(on.cbegin(), on.cend(), out);
        std::sort(out, out + on.size());
        mStore.hostGuests.stamp[hostPos] = mRun;
        mStore.hostGuests.value[hostPos] = Span<int>(out, on.size());
    }
    return mStore.hostGuests.value.at(hostPos);
}

const Resolver::HostPlace &Resolver::host(int hostPos) const
{
    HostPlace &place = mStore.hosts.value[hostPos];
    if (mStore.hosts.stamp.at(hostPos) != mRun) {
        const FailureDomains domains(mTopology, mIndex);
        place.domain = domains.domain(hostPos);
        place.cluster = mIndex.cluster(mTopology.hosts.at(hostPos).cluster);
        place.feeds = &domains.feeds(hostPos);
        mStore.hosts.stamp[hostPos] = mRun;
    }
    return place;
}

const Resolver::PlacedGroup &Resolver::group(int groupPos) const
{
    PlacedGroup &group = mStore.groups.value[groupPos];
    if (mStore.groups.stamp.at(groupPos) == mRun)
        return group;
    const QVector<GuestId> &members = mTopology.groups.at(groupPos).members;
    Placed *placed = mStore.placed.take(members.size());
    int *hosts = mStore.ints.take(members.size());
    qsizetype placedCount = 0;
    qsizetype hostCount = 0;
    // A member's position found in an earlier run is still right when the
    // guest there has its id (ids are unique): no id hashed then.
    QVector<int> &found = mStore.memberGuests[groupPos];
    if (found.size() != members.size())
        found = QVector<int>(members.size(), -1);
    for (qsizetype i = 0; i < members.size(); ++i) {
        const GuestId &m = members.at(i);
        int &g = found[i];
        if (g < 0 || g >= mTopology.guests.size() || mTopology.guests.at(g).id != m)
            g = mIndex.guest(m);
        if (g < 0)
            continue;
        const int h = hostOf(g);
        if (h < 0)
            continue;
        placed[placedCount++] = Placed{g, h};
        if (std::find(hosts, hosts + hostCount, h) == hosts + hostCount)
            hosts[hostCount++] = h;
    }
    mStore.placed.giveBack(members.size() - placedCount);
    mStore.ints.giveBack(members.size() - hostCount);
    group.placed = Span<Placed>(placed, placedCount);
    group.hosts = Span<int>(hosts, hostCount);
    mStore.groups.stamp[groupPos] = mRun;
    return group;
}

} // namespace td
