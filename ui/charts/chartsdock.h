#pragma once

#include "analysis/failureanalysis.h"
#include "report/chartdata.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

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
// nothing is computed while the dock is hidden. The data is computed in a
// worker thread on a copy of the layout; an edit meanwhile cancels it (a
// result older than the last edit is never shown), and the chart is rebuilt
// only when what it shows changed.
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
    // Recomputes now, on this thread, if stale (tests, benchmarks; the timer
    // starts the worker otherwise).
    void refreshNow();
    // Whether the charts show an older state than the document's and scenario's.
    bool isStale() const { return mStale; }
    // Whether a worker computes the charts' data now (its result not yet delivered).
    bool isComputing() const { return mComputing; }
    // How many times computed charts' data was taken (tests).
    int recomputeCount() const { return mRecomputes; }
    // How many times the chart was built (tests: not when its data is unchanged).
    int chartBuilds() const { return mChartBuilds; }
    // The GUI-thread time of taking the last worker result (ns; benchmarks):
    // the dock's whole share of the event loop after an edit.
    qint64 lastDeliveryNs() const { return mLastDeliveryNs; }
    // How many times the chart shown was given other values in place (tests).
    int chartUpdates() const { return mChartUpdates; }

    // The delay that coalesces edits (ms).
    static constexpr int kDelayMs = 300;

    ~ChartsPanel() override;

signals:
    // A worker started computing the charts' data (tests).
    void computeStarted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // What the worker needs: its own copy of the layout (implicitly shared).
    struct Input
    {
        Topology topology;
        std::optional<ScenarioResult> scenario;
        bool hideNames = false;
        bool impact = false; // compute the single failures' impact too
    };
    // What it computes.
    struct Data
    {
        QVector<CapacitySeries> capacity;
        CountSeries perRack;
        CountSeries perCircuit;
        std::optional<ImpactSeries> impact;
        QStringList failed; // the scenario's failed elements, by name
        int restarts = 0;
        int stayDown = 0;
    };
    // Safe on any thread; returns nothing when cancelled says so.
    static std::optional<Data> compute(const Input &input, const std::function<bool()> &cancelled);

    Input input() const;
    void markStale();
    void startCompute();
    void cancelCompute();
    void computed();
    void take(const Data &result);
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
    bool mHasData = false;
    bool mComputing = false;
    int mRecomputes = 0;
    int mChartBuilds = 0;
    int mChartUpdates = 0;
    qint64 mLastDeliveryNs = 0;
    // Bumped by every edit, scenario or names change: a result computed for
    // an older generation is dropped.
    quint64 mGeneration = 0;
    quint64 mComputedGeneration = 0; // of the running computation
    QVector<CapacitySeries> mCapacity;
    CountSeries mPerRack;
    CountSeries mPerCircuit;
    ImpactSeries mImpact;
    // What the chart shows (it is rebuilt only when this changes).
    struct Shown
    {
        int kind = -1;
        QString note;
        std::optional<CapacitySeries> capacity;
        std::optional<CountSeries> counts;
        std::optional<ImpactSeries> impact;
    };
    Shown mShown;
    // One worker at a time: a cancelled one ends at its next step.
    QThreadPool mPool;
    QFutureWatcher<Data> mWatcher;
};

} // namespace td
