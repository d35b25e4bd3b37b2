#pragma once

#include "catalog/catalog.h"
#include "model/topology.h"
#include "model/topologyindex.h"
#include "rules/finding.h"
#include "rules/rule.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace td {

// The objects whose rule checks must run again after an edit, by scope.
struct DirtySet
{
    QSet<QString> ids[kScopeCount]; // indexed by Scope
    bool all = false;               // everything (the platform changed, ...)
    bool waivers = false;           // the waivers changed: re-mark the findings
    // No object was renamed (nor a guest given another product): a rule may
    // keep its finding about subjects that did not change instead of
    // building the same message again (RuleContext::previous).
    bool namesKept = false;

    QSet<QString> &operator[](Scope s) { return ids[static_cast<int>(s)]; }
    const QSet<QString> &operator[](Scope s) const { return ids[static_cast<int>(s)]; }
};

// What one edit touched: objects by kind and id, and/or the header.
struct Touched
{
    QVector<std::pair<ObjectKind, QString>> objects;
    bool header = false;
    bool waivers = false;
};

// How the findings changed in one update.
struct FindingsDelta
{
    bool reset = false; // everything was re-run: take findings() anew
    QVector<Finding> removed;
    QVector<Finding> added;
    bool isEmpty() const { return !reset && removed.isEmpty() && added.isEmpty(); }
};

// Runs the rules. A full run checks every object; an incremental update
// re-checks only the objects in a DirtySet, which addImpact() computes from
// what an edit touched. Both give the same findings (tests prove it).
// Waivers mark the findings they match (Finding::waived), which then count
// toward no severity; a change of the waivers alone re-checks nothing but the
// findings' marks. The waiver-unused findings follow every update.
class Validator final
{
public:
    explicit Validator(const Catalog &catalog = Catalog::builtin());

    // Full run over every object.
    void run(const Topology &topology, const TopologyIndex &index);
    // Adds to dirty every object whose findings may change when the touched
    // objects change. Call it on the state before an edit and after it.
    void addImpact(const Topology &topology, const TopologyIndex &index, const Touched &touched, DirtySet &dirty) const;
    // Re-checks the dirty objects against the (edited) topology.
    FindingsDelta update(const Topology &topology, const TopologyIndex &index, const DirtySet &dirty);

    // All findings, in the stable order.
    const QVector<Finding> &findings() const;
    // Findings of a severity that are not waived.
    int count(Severity severity) const { return mCounts[static_cast<int>(severity)]; }
    // Waived findings.
    int waivedCount() const { return mWaived; }

    // One-shot full validation.
    static QVector<Finding> validate(const Topology &topology, const Catalog &catalog = Catalog::builtin());

private:
    using Slot = QHash<QString, QVector<Finding>>; // one rule's findings by object id
    void store(int rule, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta);
    // The same, with the object's entry in the rule's slot found already.
    void store(int rule, Slot::iterator it, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta);
    void countIn(const QVector<Finding> &findings, int sign) { countIn(findings.constData(), findings.size(), sign); }
    void countIn(const Finding *findings, qsizetype count, int sign);
    // Sets or clears each finding's waived reason from mWaivers.
    void mark(QVector<Finding> &findings) const { mark(findings.data(), findings.size()); }
    void mark(Finding *findings, qsizetype count) const;
    // Moves a full run's findings (mFlat) into mStore, by object, for an
    // update to find them.
    void ensureSlots();
    // Takes the topology's waivers and re-marks every stored finding.
    void takeWaivers(const Topology &topology, FindingsDelta *delta);
    // Re-runs the Waiver-scoped rules (waiver-unused).
    void checkWaivers(const Topology &topology, const TopologyIndex &index, FindingsDelta *delta);

    const Catalog &mCatalog;
    RuleCache mCache;     // kept between runs: storage, parsed message formats
    QVector<Slot> mStore; // per rule: object id -> findings
    // A full run's findings, per rule, object after object, until an update
    // needs them by object (ensureSlots): tables by id cost more to build
    // than the checks, and a run that no edit follows never needs them.
    struct Flat
    {
        QVector<Finding> findings;
        QVector<std::pair<QString, qsizetype>> objects; // id, how many of the findings (in order)
    };
    QVector<Flat> mFlat;
    bool mFlatMode = false; // the findings are in mFlat, mStore is empty
    int mCounts[3] = {0, 0, 0};
    int mWaived = 0;
    QHash<QString, QString> mWaivers;   // Waiver::key -> reason (the first waiver's)
    QHash<QString, int> mWaiverMatches; // Waiver::key -> waived findings it matches
    // Brings mSorted in step with a delta, in one merge (a full sort of
    // every finding costs more than most edits); false when it cannot
    // (then findings() sorts anew).
    bool mergeSorted(const FindingsDelta &delta);

    mutable QVector<Finding> mSorted;
    mutable bool mSortedValid = false;
};

} // namespace td
