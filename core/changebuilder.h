#pragma once

#include "change.h"
#include "model/topology.h"
#include "model/topologyindex.h"
#include "rules/finding.h"

#include <QStringList>

namespace td {

class NameAllocator;
struct Product;

// Builds Changes against a topology, keeping it consistent: removing a host
// unplaces or deletes its guests, removing a guest takes it out of its groups
// (and dissolves a group left too small), removing a rack, cluster or circuit
// clears the references to it.
class ChangeBuilder final
{
public:
    enum class GuestPolicy { Unplace, Delete };

    ChangeBuilder(const Topology &topology, const TopologyIndex &index) : mTopology(topology), mIndex(index) {}

    // Moves a guest to a host (null host = unplace).
    Change moveGuest(const GuestId &guest, const HostId &host) const;
    // Replaces the object with the same id (same kind) by this one.
    Change replace(const Object &after, const QString &text) const;
    // Adds an object at the end of its list (ids must be new).
    Change add(const Object &object, const QString &text) const;
    // Removes objects by id, with the cascade described above.
    Change remove(const QStringList &ids, GuestPolicy policy, const QString &text) const;
    // Sets the canvas position of an object.
    Change setPosition(const QString &id, double x, double y) const;
    // Changes name/platform.
    Change setHeader(const Header &header, const QString &text) const;
    // A self-contained piece of the topology for copy/paste: the chosen
    // objects, a rack's hosts and a host's guests with them, and every group
    // all of whose members are in the piece (a chosen group brings its
    // members).
    Topology extract(const QStringList &ids) const;
    // Adds a piece with fresh ids and names, keeping its internal references
    // (a pasted pair stays a pair). A reference outside the piece is kept when
    // it exists here, except a host's rack place (it would overlap): such a
    // host lands unracked. newIds receives the ids of the added objects.
    Change paste(const Topology &piece, const QString &text, QStringList *newIds = nullptr) const;

    // ---- New objects: the domain's defaults with a fresh id and name (not
    // added yet; add() them). Names come from `names`, so several new objects
    // of one edit get different ones.
    Circuit newCircuit(NameAllocator &names) const;
    // 42 units.
    Rack newRack(NameAllocator &names) const;
    Cluster newCluster(NameAllocator &names) const;
    // esx01, esx02 (hv01 on Hyper-V), with the domain all hosts share; 2U,
    // 32 cores, 512 GB, in the only cluster when there is one, with a
    // management, a migration and a VM NIC.
    Host newHost(NameAllocator &names) const;
    // The product's starting vCPU and memory, static MAC when it is bound to
    // the host-id licence; named IC1, IC2, ... (the product's name prefix).
    Guest newGuest(const Product &product, NameAllocator &names) const;
    // vmnicN (nicN on Hyper-V), the first free N; 10 Gbps, VM traffic.
    Nic newNic(const Host &host) const;

    // ---- Rack space.
    // True when units lowest..lowest+height-1 are inside the rack and no host
    // (other than ignoreHosts) takes one of them; else *why says what is wrong.
    bool unitsFree(const RackId &rack, int lowest, int height, const QStringList &ignoreHosts, QString *why) const;
    // Puts hosts into a rack: the first with its top unit at topUnit, each
    // next one right below the previous. Empty change and *why when they do
    // not fit. *lowestUnit / *units receive the span they take.
    Change placeHosts(const QStringList &hostIds,
                      const RackId &rack,
                      int topUnit,
                      QString *why,
                      int *lowestUnit = nullptr,
                      int *units = nullptr) const;
    // Takes hosts out of their racks.
    Change unrackHosts(const QStringList &hostIds) const;
    // Moves racked hosts by whole units, never out of the rack nor into
    // another host. Empty change and *why when it cannot.
    Change nudgeHosts(const QStringList &hostIds, int deltaUnits, QString *why) const;

    // ---- Other edits a user makes.
    // Adds newNic() to the host.
    Change addNic(const HostId &host) const;
    // A circuit feeds a rack or a host (refused when it already does).
    Change feed(const CircuitId &circuit, const QString &rackOrHost, QString *why) const;
    // A new switchover pair (exactly 2 guests, first = primary, none already
    // in a pair) or pool (2 or more guests). *groupId receives its id.
    Change makeGroup(GroupKind kind, const QStringList &guestIds, QString *why, QString *groupId = nullptr) const;
    // Dissolves every group of these guests.
    Change ungroup(const QStringList &guestIds) const;
    // Swaps primary and backup of the switchover pairs of these guests.
    Change swapPrimaryBackup(const QStringList &guestIds) const;

    // ---- Waivers (FORMAT.md "Waivers"): one undoable change each.
    // The first waiver whose rule and set of subjects are these, or -1.
    int findWaiver(const QString &rule, const QStringList &subjects) const;
    // Waives the finding of this rule and these subjects (at the end of the
    // list). An empty reason is refused by the document.
    Change addWaiver(const QString &rule, const QStringList &subjects, const QString &reason) const;
    // Removes the waiver at index (empty change when there is none).
    Change removeWaiver(int index) const;
    // Gives the waiver at index a new reason (empty change when unchanged).
    Change editWaiver(int index, const QString &reason) const;
    // Removes every waiver of this rule and set of subjects (the finding
    // counts again).
    Change unwaive(const QString &rule, const QStringList &subjects) const;
    // Removes the waiver a waiver-unused finding reports: the first waiver
    // with its subjects that matches none of `findings` (the current ones).
    Change removeUnusedWaiver(const Finding &unused, const QVector<Finding> &findings) const;

    // ---- Scenarios (FORMAT.md "scenarios:"), by position in the list; one
    // undoable change each, empty when it changes nothing or there is no
    // such scenario. The document refuses a scenario without a name or one
    // that fails an id that is not a host, rack or circuit.
    // A new scenario failing these ids, named after them ("Lose Rack 1 and
    // UPS A"), with a name no other scenario has (not added yet).
    Scenario newScenario(const QStringList &fail) const;
    Change addScenario(const Scenario &scenario) const;
    Change renameScenario(int index, const QString &name) const;
    // Sets the ids the scenario fails (document order is the user's).
    Change setScenarioFail(int index, const QStringList &fail) const;
    // Fails these ids too (after the scenario's own, each once: ids it
    // already fails are left where they are).
    Change addToScenario(int index, const QStringList &ids) const;
    // No longer fails these ids (the scenario may end up failing nothing).
    Change removeFromScenario(int index, const QStringList &ids) const;
    Change replaceScenario(int index, const Scenario &scenario) const;
    Change removeScenario(int index) const;
    // Moves a scenario to another place in the walkthrough.
    Change moveScenario(int index, int newIndex) const;

    // The change that turns `from` into `to` (objects matched by id; the
    // relative order of kept objects must be the same in both).
    static Change diff(const Topology &from, const Topology &to, const QString &text);

private:
    const Topology &mTopology;
    const TopologyIndex &mIndex;
};

} // namespace td
