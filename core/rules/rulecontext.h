#pragma once

#include "catalog/catalog.h"
#include "model/topology.h"
#include "model/topologyindex.h"
#include "rules/finding.h"
#include "rules/messageformat.h"
#include "rules/resolver.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <initializer_list>

namespace td {

// What a Validator keeps for the contexts of its runs: the resolver's
// storage and the message formats parsed so far (with the translation each
// was parsed from: a run uses it only while the translation is the same).
struct RuleCache
{
    struct Format
    {
        QString translated;
        MessageFormat format;
        quint32 run = 0; // the run that last checked the translation
    };
    Resolver::Store resolver;
    QHash<const char *, Format> formats[2]; // by MessageFormat::Arg
};

// What a rule reads: the topology, its index, the catalog, and small helpers
// shared by the rules (guests of a host in document order, names, ...). One
// context serves one validation run: what it resolves (Resolver) is valid for
// that run only, so one context of a cache is used at a time.
class RuleContext final
{
public:
    RuleContext(const Topology &t, const TopologyIndex &i, const Catalog &c, RuleCache &cache)
        : topology(t), index(i), catalog(c), mResolver(t, i, c, cache.resolver), mCache(cache)
    {}
    RuleContext(const RuleContext &) = delete;
    RuleContext &operator=(const RuleContext &) = delete;

    const Topology &topology;
    const TopologyIndex &index;
    const Catalog &catalog;
    // For the Waiver-scoped rules: whether each waiver (by position) matches
    // a finding of the other rules. Set by the validator.
    const QVector<bool> *waiverUsed = nullptr;
    // Set by the validator's incremental update for the object being
    // checked: this rule's findings about it before the edit, and whether
    // the edit renamed nothing (DirtySet::namesKept). A rule whose messages
    // name only its subjects may then keep a finding whose subjects are
    // unchanged instead of building its message again.
    const QVector<Finding> *previous = nullptr;
    bool namesKept = false;
    // The finding of previous with exactly these subjects, when it may be kept.
    const Finding *keptFinding(const QStringList &subjects) const;

    const Platform &platform() const { return topology.header.platform; }
    bool vsphere() const { return platform().hypervisor == Hypervisor::VSphere; }
    bool hyperv() const { return platform().hypervisor == Hypervisor::HyperV; }
    bool hostIdLicensing() const { return platform().licensing == Licensing::LegacyHostId; }

    // Resolves every position a full run reads at once (see Resolver).
    void resolveAll() { mResolver.resolveAll(); }
    const Resolver &resolved() const { return mResolver; }

    // Guests on a host, in document order.
    Span<int> guestsOn(int hostPos) const { return mResolver.guestsOn(hostPos); }
    // Hosts of a cluster, in document order.
    QVector<int> hostsOf(int clusterPos) const;
    // The product of a guest (never null for a loaded topology).
    const Product *product(int guestPos) const { return mResolver.product(guestPos); }
    bool pureConnect(int guestPos) const
    {
        const Product *p = product(guestPos);
        return p && p->pureConnect;
    }
    bool licensed(int guestPos) const
    {
        const Product *p = product(guestPos);
        return p && p->licensed;
    }
    bool switchoverBuilt(int guestPos) const
    {
        const Product *p = product(guestPos);
        return p && p->switchoverBuilt();
    }
    // The guest's host position, -1 if unplaced.
    int hostOf(int guestPos) const { return mResolver.hostOf(guestPos); }
    // The host's cluster position, -1 if in none.
    int clusterOf(int hostPos) const { return mResolver.host(hostPos).cluster; }
    bool inSwitchoverGroup(int guestPos) const;
    bool inAnyGroup(int guestPos) const { return !index.groupsOfGuest(guestPos).isEmpty(); }

    // A group's placed members, in member order: guest and host positions.
    using Placed = Resolver::Placed;
    Span<Placed> placedMembers(int groupPos) const { return mResolver.group(groupPos).placed; }
    // Distinct hosts of the group's placed members, in first-seen order.
    Span<int> placedHosts(int groupPos) const { return mResolver.group(groupPos).hosts; }
    QStringList placedGuestIds(Span<Placed> placed) const;
    // Their names, "a, b and c", in a buffer of the context: valid until the
    // next call that names guests (a message takes a copy).
    QStringView placedGuestNames(Span<Placed> placed) const;
    // The subjects of a finding about a group: its id, its placed members'
    // ids, then one more id (the host, rack or circuit they share).
    QStringList groupSubjects(int groupPos, Span<Placed> placed, const QString &last) const;
    // FailureDomains::allDown, with the hosts' domains resolved once per run.
    bool allDown(const Failure &failure, Span<int> hostPositions) const;

    // tr(text).arg(a1, a2, ...) in the rules' translation context, with text
    // translated and parsed once per run (MessageFormat).
    QString message(const char *text, std::initializer_list<QStringView> args) const
    {
        return format(text, static_cast<int>(args.size()), MessageFormat::Arg::Multi).fill(args);
    }
    // tr(text).arg(a1).arg(a2)..., likewise.
    QString chainedMessage(const char *text, std::initializer_list<QStringView> args) const
    {
        return format(text, static_cast<int>(args.size()), MessageFormat::Arg::Chained).fill(args);
    }

    // Names for messages, e.g. "IC1, IC2 and IC3".
    static QString nameList(const QStringList &names);
    // The guests' names in a buffer of the context, like placedGuestNames.
    QStringView guestNames(Span<int> guestPositions) const;
    QStringView guestNames(const QVector<int> &guestPositions) const
    {
        return guestNames(Span<int>(guestPositions.constData(), guestPositions.size()));
    }
    // The guests' ids, then last when given (the subjects of most findings
    // about several guests end with their host or cluster).
    QStringList guestIds(Span<int> guestPositions, const QString *last = nullptr) const;
    QStringList guestIds(const QVector<int> &guestPositions, const QString *last = nullptr) const
    {
        return guestIds(Span<int>(guestPositions.constData(), guestPositions.size()), last);
    }

    // A number as QString::number writes it, without allocating: for
    // message arguments.
    class Number final
    {
    public:
        explicit Number(qint64 value);
        operator QStringView() const { return QStringView(mText + mFirst, kSize - mFirst); }

    private:
        static constexpr int kSize = 24;
        char16_t mText[kSize];
        int mFirst = kSize;
    };

private:
    // " and " between the last two names, translated once per run.
    const QString &andWord() const;
    const MessageFormat &format(const char *text, int argCount, MessageFormat::Arg kind) const;

    Resolver mResolver;
    RuleCache &mCache;
    mutable QString mAnd;
    mutable QString mNames; // the last names joined: reused, so it rarely allocates
};

} // namespace td
