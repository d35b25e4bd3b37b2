#include "charts/chartsdock.h"

#include "charts/chartbuilders.h"
#include "document.h"
#include "report/genericnames.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QPromise>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace td {

namespace {

bool same(const CapacitySeries &a, const CapacitySeries &b)
{
    return a.cluster == b.cluster && a.hosts == b.hosts && a.products == b.products
        && a.vcpuByProduct == b.vcpuByProduct && a.memoryByProduct == b.memoryByProduct && a.cores == b.cores
        && a.memoryGb == b.memoryGb;
}

bool same(const CountSeries &a, const CountSeries &b)
{
    return a.title == b.title && a.labels == b.labels && a.values == b.values;
}

bool same(const ImpactSeries &a, const ImpactSeries &b)
{
    return a.labels == b.labels && a.down == b.down && a.restarted == b.restarted && a.stayDown == b.stayDown;
}

template <typename T>
bool same(const std::optional<T> &a, const std::optional<T> &b)
{
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

} // namespace

ChartsPanel::ChartsPanel(Document *document, QWidget *parent) : QWidget(parent), mDocument(document)
{
    mKind = new QComboBox(this);
    mKind->setObjectName(QStringLiteral("chartKind"));
    mKind->addItem(tr("vCPU per host"), static_cast<int>(Kind::Vcpu));
    mKind->addItem(tr("Memory per host"), static_cast<int>(Kind::Memory));
    mKind->addItem(tr("Guests per rack"), static_cast<int>(Kind::GuestsPerRack));
    mKind->addItem(tr("Guests per circuit"), static_cast<int>(Kind::GuestsPerCircuit));
    mKind->addItem(tr("Impact of each single failure"), static_cast<int>(Kind::FailureImpact));
    mCluster = new QComboBox(this);
    mCluster->setObjectName(QStringLiteral("chartCluster"));
    mCluster->setToolTip(tr("The cluster whose hosts the chart shows"));
    mCluster->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mCluster->setMinimumContentsLength(12);
    mView = new QChartView(this);
    mView->setRenderHint(QPainter::Antialiasing);
    mView->setMinimumHeight(160);
    mNote = new QLabel(this);
    mNote->setWordWrap(true);
    mNote->hide();
    mScenarioNote = new QLabel(this);
    mScenarioNote->setWordWrap(true);
    mScenarioNote->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(mKind);
    bar->addWidget(mCluster, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(mScenarioNote);
    layout->addWidget(mNote);
    layout->addWidget(mView, 1);

    mTimer.setSingleShot(true);
    mTimer.setParent(this); // found by name (bench_window keeps it out of callgrind counts)
    mTimer.setObjectName(QStringLiteral("chartsDelay"));
    mTimer.setInterval(kDelayMs);
    connect(&mTimer, &QTimer::timeout, this, [this] {
        if (mStale)
            startCompute();
    });
    mPool.setMaxThreadCount(1);
    mPool.setObjectName(QStringLiteral("charts"));
    connect(&mWatcher, &QFutureWatcherBase::finished, this, &ChartsPanel::computed);
    // The impact of each single failure is the design's: a what-if
    // scenario leaves it as it is (it was a sixth of charting one at L).
    const auto layoutChanged = [this] {
        mImpactStale = true;
        markStale();
    };
    connect(mDocument, &Document::changed, this, layoutChanged);
    connect(mDocument, &Document::resetDone, this, layoutChanged);
    connect(mKind, &QComboBox::currentIndexChanged, this, &ChartsPanel::showChart);
    connect(mCluster, &QComboBox::currentIndexChanged, this, &ChartsPanel::showChart);
}

ChartsPanel::~ChartsPanel()
{
    // The worker reads only its own copy; a cancelled one ends at its next
    // step, and the pool waits for it.
    cancelCompute();
}

void ChartsPanel::markStale()
{
    mStale = true;
    ++mGeneration;
    // A computation of an older state is of no use any more.
    cancelCompute();
    // Wait for a pause in the edits: each edit restarts the timer, so a burst
    // (a drag, typing, a run of undos) is charted once, after it, and never
    // in the middle of the next edit.
    if (isVisible())
        mTimer.start(kDelayMs); // the interval again: showing starts it at 0
}

void ChartsPanel::setScenario(const ScenarioResult *scenario)
{
    if (scenario)
        mScenario = *scenario;
    else
        mScenario.reset();
    markStale();
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (mStale && !mTimer.isActive() && !mComputing)
        mTimer.start(0);
}

void ChartsPanel::refreshNow()
{
    mTimer.stop();
    if (!mStale)
        return;
    cancelCompute();
    if (const std::optional<Data> result = compute(input(), [] { return false; }))
        take(*result);
}

void ChartsPanel::setHideNames(bool hide)
{
    if (hide == mHideNames)
        return;
    mHideNames = hide;
    mImpactStale = true; // its labels
    markStale();
    if (isVisible())
        mTimer.start(0); // the names change at once, not after a pause
}

ChartsPanel::Input ChartsPanel::input() const
{
    return {mDocument->topology(), mScenario, mHideNames, mImpactStale};
}

std::optional<ChartsPanel::Data> ChartsPanel::compute(const Input &in, const std::function<bool()> &cancelled)
{
    Data result;
    // Names hidden: the same layout (same ids, in the same places) with the
    // labels as names.
    const Topology t = in.hideNames ? withGenericLabels(in.topology) : in.topology;
    if (cancelled())
        return std::nullopt;
    std::optional<TopologyIndex> ownIndex;
    const auto index = [&]() -> const TopologyIndex & {
        if (!ownIndex)
            ownIndex.emplace(t);
        return *ownIndex;
    };
    if (in.scenario) {
        // The load, racks and circuits as they run after the scenario.
        const Topology after = afterScenario(t, *in.scenario);
        const TopologyIndex afterIndex(after);
        if (cancelled())
            return std::nullopt;
        result.capacity = capacityByCluster(after, afterIndex);
        result.perRack = guestsPerRack(after, afterIndex);
        result.perCircuit = guestsPerCircuit(after, afterIndex);
        for (const QString &id : std::as_const(in.scenario->fail)) {
            const QString name = index().nameOf(t, id);
            result.failed << (name.isEmpty() ? id : name);
        }
        result.restarts = int(in.scenario->restarts.size());
        result.stayDown = int(in.scenario->stayDown.size());
    } else {
        result.capacity = capacityByCluster(t, index());
        if (cancelled())
            return std::nullopt;
        result.perRack = guestsPerRack(t, index());
        result.perCircuit = guestsPerCircuit(t, index());
    }
    if (cancelled())
        return std::nullopt;
    // The impact of each single failure is the design's: a what-if scenario
    // leaves it as it is (it was a sixth of charting one at L).
    if (in.impact)
        result.impact = singleFailureImpact(t, index());
    if (cancelled())
        return std::nullopt;
    return result;
}

void ChartsPanel::startCompute()
{
    cancelCompute();
    auto promise = std::make_shared<QPromise<Data>>();
    mWatcher.setFuture(promise->future());
    promise->start();
    mComputing = true;
    mComputedGeneration = mGeneration;
    // The worker reads its own copy: the document may change meanwhile.
    mPool.start([promise, in = input()] {
        if (const std::optional<Data> result = compute(in, [&promise] { return promise->isCanceled(); }))
            promise->addResult(*result);
        promise->finish();
    });
    emit computeStarted();
}

void ChartsPanel::cancelCompute()
{
    if (!mComputing)
        return;
    mComputing = false;
    QFuture<Data> future = mWatcher.future();
    future.cancel();
    mWatcher.setFuture(QFuture<Data>()); // its result, should it come, is not wanted
}

void ChartsPanel::computed()
{
    if (!mComputing)
        return;
    mComputing = false;
    const QFuture<Data> future = mWatcher.future();
    // A newer edit cancels the computation; the generation guards anyway.
    if (future.isCanceled() || future.resultCount() == 0 || mComputedGeneration != mGeneration || !mStale)
        return;
    QElapsedTimer timer;
    timer.start();
    take(future.result());
    mLastDeliveryNs = timer.nsecsElapsed();
}

void ChartsPanel::take(const Data &result)
{
    mStale = false;
    mHasData = true;
    ++mRecomputes;
    mCapacity = result.capacity;
    mPerRack = result.perRack;
    mPerCircuit = result.perCircuit;
    if (result.impact) {
        mImpact = *result.impact;
        mImpactStale = false;
    }
    if (mScenario) {
        mScenarioNote->setText(tr("What if: after failing %1 (guests restarted by HA: %2; staying down: %3).")
                                   .arg(result.failed.join(QStringLiteral(", ")))
                                   .arg(result.restarts)
                                   .arg(result.stayDown));
    }
    mScenarioNote->setVisible(mScenario.has_value());
    // Keep the chosen cluster by name when the list changes.
    const QString current = mCluster->currentText();
    QStringList names;
    for (const CapacitySeries &s : std::as_const(mCapacity))
        names << s.cluster;
    QStringList old;
    for (int i = 0; i < mCluster->count(); ++i)
        old << mCluster->itemText(i);
    if (names != old) {
        const QSignalBlocker blocker(mCluster);
        mCluster->clear();
        mCluster->addItems(names);
        mCluster->setCurrentIndex(std::max<int>(0, int(names.indexOf(current))));
    }
    showChart();
}

void ChartsPanel::showChart()
{
    if (mStale && !mHasData) {
        // Nothing computed yet (a kind chosen before the first result).
        refreshNow();
        return;
    }
    // Stale (a result is on its way): the last data; the result shows when it comes.
    if (mStale && isVisible() && !mTimer.isActive() && !mComputing)
        mTimer.start(0);
    const auto kind = static_cast<Kind>(mKind->currentData().toInt());
    const bool perHost = kind == Kind::Vcpu || kind == Kind::Memory;
    mCluster->setEnabled(perHost && mCluster->count() > 1);
    mCluster->setVisible(perHost);
    // What to show; the chart is built only when it differs from what is shown.
    Shown shown;
    shown.kind = static_cast<int>(kind);
    if (perHost) {
        const int i = mCluster->currentIndex();
        if (i >= 0 && i < mCapacity.size())
            shown.capacity = mCapacity.at(i);
        else
            shown.note = tr("The layout has no hosts.");
    } else if (kind == Kind::GuestsPerRack) {
        if (mPerRack.labels.isEmpty())
            shown.note = tr("The layout has no racks.");
        else
            shown.counts = mPerRack;
    } else if (kind == Kind::FailureImpact) {
        if (mImpact.labels.isEmpty()) {
            shown.note = tr("The layout has no hosts, racks or circuits.");
        } else {
            // A readable chart: at most the elements whose loss hurts most (core's choice).
            shown.impact = worstImpacts(mImpact, kImpactChartMax);
            if (shown.impact->labels.size() < mImpact.labels.size())
                shown.note = tr("The %1 failures (of %2) that take the most guests down.")
                                 .arg(shown.impact->labels.size())
                                 .arg(mImpact.labels.size());
        }
    } else {
        if (mPerCircuit.labels.isEmpty())
            shown.note = tr("The layout has no circuits.");
        else
            shown.counts = mPerCircuit;
    }
    mNote->setText(shown.note);
    mNote->setVisible(!shown.note.isEmpty());
    if (mView->chart() && shown.kind == mShown.kind && shown.note == mShown.note
        && same(shown.capacity, mShown.capacity) && same(shown.counts, mShown.counts)
        && same(shown.impact, mShown.impact))
        return; // the same chart
    // The same kind of chart with other values: set in place, if it can be.
    if (mView->chart() && shown.kind == mShown.kind && shown.note == mShown.note) {
        bool updated = false;
        if (shown.capacity && mShown.capacity)
            updated = ChartBuilders::update(mView->chart(), *mShown.capacity, *shown.capacity, kind == Kind::Memory,
                                            kind == Kind::Memory);
        else if (shown.counts && mShown.counts)
            updated = ChartBuilders::update(mView->chart(), *mShown.counts, *shown.counts);
        else if (shown.impact && mShown.impact)
            updated = ChartBuilders::update(mView->chart(), *mShown.impact, *shown.impact);
        if (updated) {
            ++mChartUpdates;
            mShown = std::move(shown);
            return;
        }
    }
    QChart *chart = nullptr;
    if (shown.capacity)
        chart = ChartBuilders::capacity(*shown.capacity, kind == Kind::Memory);
    else if (shown.counts)
        chart = ChartBuilders::counts(*shown.counts, kind == Kind::GuestsPerRack ? tr("Rack") : tr("Circuit"));
    else if (shown.impact)
        chart = ChartBuilders::impact(*shown.impact);
    ++mChartBuilds;
    mShown = std::move(shown);
    // A dock is short: the legend goes beside the chart, not under it.
    if (chart && chart->legend()->isVisible())
        chart->legend()->setAlignment(Qt::AlignRight);
    QChart *old = mView->chart();
    mView->setChart(chart ? chart : new QChart);
    delete old;
}

} // namespace td
