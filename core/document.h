#pragma once

#include "change.h"
#include "model/topology.h"
#include "model/topologyindex.h"
#include "rules/validator.h"

#include <QObject>

namespace td {

// The only way to change a Topology. Holds the topology, its index and the
// live findings; apply() makes one Change, updates the index and re-checks
// only what the change can affect, then tells listeners.
class Document final : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    explicit Document(Topology topology, QObject *parent = nullptr);

    const Topology &topology() const { return mTopology; }
    const TopologyIndex &index() const { return mIndex; }
    const Validator &validator() const { return mValidator; }
    const QVector<Finding> &findings() const { return mValidator.findings(); }

    // Replaces the whole topology (new, open); a full validation.
    void reset(Topology topology);
    // Applies a change built against the current topology, whole or not at
    // all: a change whose objects are not as it expects (built against an
    // older state), or that would break an invariant (Invariants), is
    // refused, the document is left as it was, `refused` is emitted and the
    // reason is put in *error.
    FindingsDelta apply(const Change &change, QString *error = nullptr);
    // What the change would add to the findings, without keeping it
    // (for drag previews; waived findings are left out). The document is
    // left exactly as it was.
    QVector<Finding> preview(const Change &change);

signals:
    void aboutToReset();
    void resetDone();
    void changed(const td::Change &change);
    void findingsChanged(const td::FindingsDelta &delta);
    // A change was refused; message says why, for a person.
    void refused(const QString &message);

private:
    // Applies the change and re-checks; false (document untouched) when refused.
    bool applyQuietly(const Change &change, FindingsDelta &delta, QString *error);
    bool applyEdits(const Change &change, QString *error);
    void undoEdits(const Change &change, int appliedEdits);
    // Applies the edits in order, then brings the index in step. applied
    // tells how many were applied (all of them when it returns true), failed
    // which one did not fit (when it returns false).
    bool applyObjectEdits(const QVector<ObjectEdit> &edits, int &applied, int &failed);
    void applyLayout(const LayoutEdit &edit);
    // False (waivers untouched) when the edit does not fit them.
    static bool applyWaiver(QVector<Waiver> &waivers, const WaiverEdit &edit);

    Topology mTopology;
    TopologyIndex mIndex;
    Validator mValidator;
};

} // namespace td
