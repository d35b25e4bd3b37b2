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
    QSet<QString> ids[4]; // indexed by Scope
    bool all = false;     // everything (the platform changed, ...)

    QSet<QString> &operator[](Scope s) { return ids[static_cast<int>(s)]; }
    const QSet<QString> &operator[](Scope s) const { return ids[static_cast<int>(s)]; }
};

// What one edit touched: objects by kind and id, and/or the header.
struct Touched
{
    QVector<std::pair<ObjectKind, QString>> objects;
    bool header = false;
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
    int count(Severity severity) const { return mCounts[static_cast<int>(severity)]; }

    // One-shot full validation.
    static QVector<Finding> validate(const Topology &topology, const Catalog &catalog = Catalog::builtin());

private:
    void store(int rule, const QString &id, QVector<Finding> &&findings, FindingsDelta *delta);
    void countIn(const QVector<Finding> &findings, int sign);

    const Catalog &mCatalog;
    QVector<QHash<QString, QVector<Finding>>> mStore; // per rule: object id -> findings
    int mCounts[3] = {0, 0, 0};
    mutable QVector<Finding> mSorted;
    mutable bool mSortedValid = false;
};

} // namespace td
