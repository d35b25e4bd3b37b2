#pragma once

#include "catalog/catalog.h"
#include "model/topology.h"
#include "model/topologyindex.h"
#include "rules/finding.h"

#include <QStringList>
#include <QVector>

namespace td {

// What a rule reads: the topology, its index, the catalog, and small helpers
// shared by the rules (guests of a host in document order, names, ...).
class RuleContext final
{
public:
    RuleContext(const Topology &t, const TopologyIndex &i, const Catalog &c) : topology(t), index(i), catalog(c) {}

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

    // Guests on a host, in document order.
    QVector<int> guestsOn(int hostPos) const;
    // Hosts of a cluster, in document order.
    QVector<int> hostsOf(int clusterPos) const;
    // The product of a guest (never null for a loaded topology).
    const Product *product(const Guest &guest) const { return catalog.product(guest.product); }
    bool pureConnect(const Guest &guest) const;
    bool licensed(const Guest &guest) const;
    bool switchoverBuilt(const Guest &guest) const;
    // The guest's host position, -1 if unplaced.
    int hostOf(const Guest &guest) const { return index.host(guest.host); }
    bool inSwitchoverGroup(int guestPos) const;
    bool inAnyGroup(int guestPos) const { return !index.groupsOfGuest(guestPos).isEmpty(); }

    // A group's placed members, in member order: guest and host positions.
    struct Placed
    {
        int guest;
        int host;
    };
    QVector<Placed> placedMembers(int groupPos) const;
    // Distinct hosts of placed members, in first-seen order.
    static QVector<int> distinctHosts(const QVector<Placed> &placed);
    QStringList placedGuestIds(const QVector<Placed> &placed) const;
    QString placedGuestNames(const QVector<Placed> &placed) const;

    // Names for messages, e.g. "IC1, IC2 and IC3".
    static QString nameList(const QStringList &names);
    QString guestNames(const QVector<int> &guestPositions) const;
    QStringList guestIds(const QVector<int> &guestPositions) const;
};

} // namespace td
