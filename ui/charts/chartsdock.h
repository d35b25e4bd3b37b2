#pragma once

#include "analysis/failureanalysis.h"
#include "report/chartdata.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;

namespace td {

class Document;

// The Charts dock's content: per host vCPU and memory used against capacity
// (one cluster at a time, chosen in a selector), guests per rack and per
// circuit, and the impact of each single failure (guests down, restarted,
// staying down; for a large layout, the 40 worst). Follows the document: edits only mark the charts stale, and a
// timer coalesces them into one recompute, never inside the edit itself;
// nothing is computed while the dock is hidden.
class ChartsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Vcpu, Memory, GuestsPerRack, GuestsPerCircuit, FailureImpact };

    explicit ChartsPanel(Document *document, QWidget *parent = nullptr);

    QChartView *chartView() const { return mView; }
    QComboBox *kindBox() const { return mKind; }
    QComboBox *clusterBox() const { return mCluster; }
    // Charts the layout as it runs after this what-if scenario (null: as
    // designed). The failure-impact chart always shows the design.
    void setScenario(const ScenarioResult *scenario);
    // Hide names (presentation): hosts, racks, circuits and clusters by
    // their generic labels (Host 1, Rack 1, ...) on the axes, the cluster
    // list and the scenario's note.
    void setHideNames(bool hide);
    // Recomputes now if stale (tests; the timer does it otherwise).
    void refreshNow();
    bool isStale() const { return mStale; }
    // How many times the charts were recomputed (tests).
    int recomputeCount() const { return mRecomputes; }

    // The delay that coalesces edits (ms).
    static constexpr int kDelayMs = 300;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void markStale();
    void recompute();
    void showChart();

    Document *mDocument;
    QComboBox *mKind;
    QComboBox *mCluster;
    QChartView *mView;
    QLabel *mNote;
    QLabel *mScenarioNote;
    std::optional<ScenarioResult> mScenario;
    QTimer mTimer;
    bool mStale = true;
    bool mHideNames = false;
    bool mImpactStale = true; // the layout changed since mImpact
    int mRecomputes = 0;
    QVector<CapacitySeries> mCapacity;
    CountSeries mPerRack;
    CountSeries mPerCircuit;
    ImpactSeries mImpact;
};

} // namespace td
