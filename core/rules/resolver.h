#pragma once

#include "analysis/failuredomains.h"
#include "catalog/catalog.h"
#include "model/topology.h"
#include "model/topologyindex.h"

#include <QVector>

#include <memory>
#include <vector>

namespace td {

// A run of values kept by a Resolver: valid for the Resolver's run.
template <typename T>
class Span
{
public:
    Span() = default;
    Span(const T *first, qsizetype count) : mFirst(first), mCount(count) {}
    const T *begin() const { return mFirst; }
    const T *end() const { return mFirst + mCount; }
    qsizetype size() const { return mCount; }
    bool isEmpty() const { return mCount == 0; }
    const T &at(qsizetype i) const { return mFirst[i]; }
    const T &first() const { return mFirst[0]; }
    QVector<T> toVector() const { return QVector<T>(begin(), end()); }

private:
    const T *mFirst = nullptr;
    qsizetype mCount = 0;
};

// Storage handed out in runs that never move until it is cleared: blocks
// of a fixed size, kept from one clear to the next.
template <typename T>
class StableArena final
{
public:
    // count contiguous slots.
    T *take(qsizetype count)
    {
        while (mBlock < mBlocks.size() && mBlocks[mBlock].size - mUsed < count) {
            ++mBlock;
            mUsed = 0;
        }
        if (mBlock == mBlocks.size())
            mBlocks.push_back(Block{std::make_unique<T[]>(std::max(count, kBlock)), std::max(count, kBlock)});
        T *out = mBlocks[mBlock].data.get() + mUsed;
        mUsed += count;
        return out;
    }
    // Gives back the last count slots of the last take.
    void giveBack(qsizetype count) { mUsed -= count; }
    void clear()
    {
        mBlock = 0;
        mUsed = 0;
    }

private:
    static constexpr qsizetype kBlock = 4096;
    struct Block
    {
        std::unique_ptr<T[]> data;
        qsizetype size;
    };
    std::vector<Block> mBlocks;
    std::size_t mBlock = 0;
    qsizetype mUsed = 0;
};

// What the rules look up by id, resolved to positions once per validation
// run instead of once per rule and object: a guest's host and product, a
// host's guests (in document order), rack, cluster and power feeds, a
// group's placed members and their hosts. A full run resolves the guests
// and hosts at once (resolveAll: by walking the index's relations, no id
// hashed); an incremental run resolves what its checks ask for, when they
// ask, and clears nothing of the layout's size (Store: stamps per run).
class Resolver final
{
public:
    struct Placed
    {
        int guest;
        int host;
    };
    // Where a host sits: its rack, cluster and feeds, as positions.
    struct HostPlace
    {
        HostDomain domain;                         // rack and resolved feeds (FailureDomains)
        int cluster = -1;                          // -1: in no cluster
        const QVector<CircuitId> *feeds = nullptr; // FailureDomains::feeds: its power, else its rack's
    };
    // A group's placed members, in member order, and their distinct hosts in
    // first-seen order.
    struct PlacedGroup
    {
        Span<Placed> placed;
        Span<int> hosts;
    };

    // What a Resolver keeps from one run to the next (a Validator owns one):
    // its lists, grown to the layout once, and valid for a run by stamps.
    class Store
    {
    public:
        Store() = default;
        // A copy starts empty: what it keeps is only ever a shortcut.
        Store(const Store &) {}
        Store &operator=(const Store &) { return *this; }

    private:
        friend class Resolver;
        template <typename T>
        struct Stamped
        {
            QVector<quint32> stamp;
            QVector<T> value;
            void grow(qsizetype size)
            {
                if (stamp.size() < size) {
                    stamp.resize(size);
                    value.resize(size);
                }
            }
        };
        quint32 run = 0;
        Stamped<int> guestHost;
        QVector<QString> productKey; // the product id each guest's product was found by
        QVector<const Product *> productValue;
        Stamped<Span<int>> hostGuests;
        Stamped<HostPlace> hosts;
        Stamped<PlacedGroup> groups;
        QVector<QVector<int>> memberGuests; // a group's members' positions, as last found
        StableArena<int> ints;
        StableArena<Placed> placed;
        QVector<int> productRank; // by catalog position
        const Catalog *rankedCatalog = nullptr;
    };

    // Starts a run on the store: what it resolved for earlier runs is gone.
    Resolver(const Topology &topology, const TopologyIndex &index, const Catalog &catalog, Store &store);
    Resolver(const Resolver &) = delete;
    Resolver &operator=(const Resolver &) = delete;

    // Resolves every guest's host and every host's guests at once.
    void resolveAll();
    // This run's stamp: different for every run on the store.
    quint32 run() const { return mRun; }

    // The guest's host position, -1 if unplaced.
    int hostOf(int guestPos) const
    {
        if (mStore.guestHost.stamp.at(guestPos) != mRun)
            resolveHost(guestPos);
        return mStore.guestHost.value.at(guestPos);
    }
    // The guest's product (null when the catalog does not have it).
    const Product *product(int guestPos) const
    {
        // Kept from run to run with the product id it was found by: the same
        // text (shared, so it cannot have changed) finds the same product.
        const QString &id = mTopology.guests.at(guestPos).product;
        const QString &key = mStore.productKey.at(guestPos);
        if (key.constData() != id.constData() || key.size() != id.size() || key.isNull())
            resolveProduct(guestPos);
        return mStore.productValue.at(guestPos);
    }
    // The position of the guest's product in the catalog's products sorted
    // by id (equal ranks: equal ids), -1 when the catalog does not have it.
    int productRank(int guestPos) const
    {
        const Product *p = product(guestPos);
        return p ? mStore.productRank.at(p - mCatalog.products().constData()) : -1;
    }
    // Guests on a host, in document order.
    Span<int> guestsOn(int hostPos) const;
    const HostPlace &host(int hostPos) const;
    const PlacedGroup &group(int groupPos) const;

private:
    void resolveHost(int guestPos) const;
    void resolveProduct(int guestPos) const;

    const Topology &mTopology;
    const TopologyIndex &mIndex;
    const Catalog &mCatalog;
    Store &mStore;
    quint32 mRun = 0;
};

} // namespace td
