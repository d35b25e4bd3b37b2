#include "charts/chartsdock.h"

#include "charts/chartbuilders.h"
#include "document.h"
#include "report/genericnames.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace td {

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
    mTimer.setInterval(kDelayMs);
    connect(&mTimer, &QTimer::timeout, this, &ChartsPanel::refreshNow);
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

void ChartsPanel::markStale()
{
    mStale = true;
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
    if (mStale && !mTimer.isActive())
        mTimer.start(0);
}

void ChartsPanel::refreshNow()
{
    mTimer.stop();
    if (mStale)
        recompute();
}

void ChartsPanel::setHideNames(bool hide)
{
    if (hide == mHideNames)
        return;
    mHideNames = hide;
    mStale = true;
    mImpactStale = true; // its labels
    if (isVisible())
        mTimer.start(0); // the names change at once, not after a pause
}

void ChartsPanel::recompute()
{
    mStale = false;
    ++mRecomputes;
    // Names hidden: the same layout (same ids, in the same places: the
    // document's index serves it) with the labels as names.
    std::optional<Topology> labelled;
    if (mHideNames)
        labelled.emplace(withGenericLabels(mDocument->topology()));
    const Topology &t = labelled ? *labelled : mDocument->topology();
    if (mScenario) {
        // The load, racks and circuits as they run after the scenario.
        const Topology after = afterScenario(t, *mScenario);
        const TopologyIndex index(after);
        mCapacity = capacityByCluster(after, index);
        mPerRack = guestsPerRack(after, index);
        mPerCircuit = guestsPerCircuit(after, index);
        QStringList failed;
        for (const QString &id : std::as_const(mScenario->fail)) {
            const QString name = mDocument->index().nameOf(t, id);
            failed << (name.isEmpty() ? id : name);
        }
        mScenarioNote->setText(tr("What if: after failing %1 (guests restarted by HA: %2; staying down: %3).")
                                   .arg(failed.join(QStringLiteral(", ")))
                                   .arg(mScenario->restarts.size())
                                   .arg(mScenario->stayDown.size()));
    } else {
        mCapacity = capacityByCluster(t, mDocument->index());
        mPerRack = guestsPerRack(t, mDocument->index());
        mPerCircuit = guestsPerCircuit(t, mDocument->index());
    }
    mScenarioNote->setVisible(mScenario.has_value());
    if (mImpactStale) {
        mImpact = singleFailureImpact(t, mDocument->index());
        mImpactStale = false;
    }
    // Keep the chosen cluster by name when the list changes.
    const QString current = mCluster->currentText();
    QStringList names;
    for (const CapacitySeries &s : mCapacity)
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
    if (mStale) {
        refreshNow();
        return;
    }
    const auto kind = static_cast<Kind>(mKind->currentData().toInt());
    const bool perHost = kind == Kind::Vcpu || kind == Kind::Memory;
    mCluster->setEnabled(perHost && mCluster->count() > 1);
    mCluster->setVisible(perHost);
    QChart *chart = nullptr;
    QString note;
    if (perHost) {
        const int i = mCluster->currentIndex();
        if (i >= 0 && i < mCapacity.size())
            chart = ChartBuilders::capacity(mCapacity.at(i), kind == Kind::Memory);
        else
            note = tr("The layout has no hosts.");
    } else if (kind == Kind::GuestsPerRack) {
        if (mPerRack.labels.isEmpty())
            note = tr("The layout has no racks.");
        else
            chart = ChartBuilders::counts(mPerRack, tr("Rack"));
    } else if (kind == Kind::FailureImpact) {
        if (mImpact.labels.isEmpty()) {
            note = tr("The layout has no hosts, racks or circuits.");
        } else {
            // A readable chart: at most the elements whose loss hurts most (core's choice).
            const ImpactSeries shown = worstImpacts(mImpact, kImpactChartMax);
            if (shown.labels.size() < mImpact.labels.size())
                note = tr("The %1 failures (of %2) that take the most guests down.")
                           .arg(shown.labels.size())
                           .arg(mImpact.labels.size());
            chart = ChartBuilders::impact(shown);
        }
    } else {
        if (mPerCircuit.labels.isEmpty())
            note = tr("The layout has no circuits.");
        else
            chart = ChartBuilders::counts(mPerCircuit, tr("Circuit"));
    }
    mNote->setText(note);
    mNote->setVisible(!note.isEmpty());
    // A dock is short: the legend goes beside the chart, not under it.
    if (chart && chart->legend()->isVisible())
        chart->legend()->setAlignment(Qt::AlignRight);
    QChart *old = mView->chart();
    mView->setChart(chart ? chart : new QChart);
    delete old;
}

} // namespace td
