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
    // Applies a change built against the current topology.
    FindingsDelta apply(const Change &change);
    // What the change would add to the findings, without keeping it
    // (for drag previews). The document is left exactly as it was.
    QVector<Finding> preview(const Change &change);

signals:
    void aboutToReset();
    void resetDone();
    void changed(const td::Change &change);
    void findingsChanged(const td::FindingsDelta &delta);

private:
    FindingsDelta applyQuietly(const Change &change);
    void applyEdit(const ObjectEdit &edit, bool &rebuild);
    void applyLayout(const LayoutEdit &edit);

    Topology mTopology;
    TopologyIndex mIndex;
    Validator mValidator;
};

} // namespace td
