#include "whatif/failurespanel.h"

#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "mainwindow.h"
#include "scene/topologyscene.h"
#include "whatif/whatifstate.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace td {

namespace {
constexpr int kFailRole = Qt::UserRole + 1;
} // namespace

FailuresPanel::FailuresPanel(MainWindow *window, WhatIfState *state, QWidget *parent)
    : QWidget(parent), mWindow(window), mState(state), mDelay(new QTimer(this))
{
    mDepth = new QComboBox(this);
    mDepth->setObjectName(QStringLiteral("failuresDepth"));
    mDepth->addItem(tr("Single failures"), 1);
    mDepth->addItem(tr("Single and double failures"), 2);
    mDepth->setCurrentIndex(1);
    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("failuresProgress"));
    mProgress->setTextVisible(true);
    mProgress->hide();
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    mList = new QTreeWidget(this);
    mList->setObjectName(QStringLiteral("worstFailures"));
    mList->setRootIsDecorated(false);
    mList->setUniformRowHeights(true);
    mList->setHeaderLabels({tr("Failure"), tr("Groups down"), tr("Stay down"), tr("Guests down")});
    mList->header()->setStretchLastSection(false);
    mList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        mList->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    mSaved = new QListWidget(this);
    mSaved->setObjectName(QStringLiteral("savedScenarios"));
    mSaved->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    mSave = new QPushButton(tr("&Save What-If"), this);
    mSave->setObjectName(QStringLiteral("saveScenario"));
    mSave->setToolTip(tr("Save the failed elements of what-if mode as a scenario of the layout"));
    mDelete = new QPushButton(tr("&Delete"), this);
    mDelete->setObjectName(QStringLiteral("deleteScenario"));
    mUpdate = new QPushButton(tr("&Update"), this);
    mUpdate->setObjectName(QStringLiteral("updateScenario"));
    mUpdate->setToolTip(tr("Make the selected scenario fail what what-if mode fails now"));
    mUp = new QPushButton(tr("Move &Up"), this);
    mUp->setObjectName(QStringLiteral("moveScenarioUp"));
    mUp->setToolTip(tr("Earlier in the walkthrough (Alt+Up)"));
    mDown = new QPushButton(tr("Move Do&wn"), this);
    mDown->setObjectName(QStringLiteral("moveScenarioDown"));
    mDown->setToolTip(tr("Later in the walkthrough (Alt+Down)"));
    mElements = new QListWidget(this);
    mElements->setObjectName(QStringLiteral("scenarioElements"));
    mElements->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mElements->setToolTip(tr("What the selected scenario fails (Delete removes the selected ones)"));
    mAddElement = new QComboBox(this);
    mAddElement->setObjectName(QStringLiteral("scenarioAddElement"));
    mAddElement->setToolTip(tr("Fail one more host, rack or circuit in the selected scenario"));
    mRemoveElement = new QPushButton(tr("&Remove"), this);
    mRemoveElement->setObjectName(QStringLiteral("scenarioRemoveElement"));
    mRemoveElement->setToolTip(tr("The selected scenario no longer fails the selected elements"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Worst:"), this));
    top->addWidget(mDepth, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mSave);
    buttons->addWidget(mUpdate);
    buttons->addWidget(mUp);
    buttons->addWidget(mDown);
    buttons->addWidget(mDelete);
    buttons->addStretch(1);
    auto *elementButtons = new QHBoxLayout;
    elementButtons->addWidget(mAddElement, 1);
    elementButtons->addWidget(mRemoveElement);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(mProgress);
    layout->addWidget(mStatus);
    layout->addWidget(mList, 3);
    layout->addWidget(new QLabel(tr("Saved scenarios (F5 steps through them; double-click to rename):"), this));
    layout->addWidget(mSaved, 2);
    layout->addLayout(buttons);
    mElementsLabel = new QLabel(tr("It fails:"), this);
    layout->addWidget(mElementsLabel);
    layout->addWidget(mElements, 1);
    layout->addLayout(elementButtons);

    connect(mSave, &QPushButton::clicked, this, &FailuresPanel::saveCurrent);
    connect(mDelete, &QPushButton::clicked, this, &FailuresPanel::deleteSelected);
    connect(mSaved, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const auto &scenarios = mWindow->document()->topology().scenarios;
        const int row = mSaved->row(item);
        if (row >= 0 && row < scenarios.size())
            mState->setFailed(scenarios.at(row).fail);
    });
    connect(mSaved, &QListWidget::currentRowChanged, this, &FailuresPanel::showElements);
    connect(mUpdate, &QPushButton::clicked, this, &FailuresPanel::updateSelected);
    connect(mUp, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(mDown, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(mRemoveElement, &QPushButton::clicked, this, &FailuresPanel::removeSelectedElements);
    connect(mElements, &QListWidget::itemSelectionChanged, this, &FailuresPanel::updateButtons);
    connect(mAddElement, &QComboBox::activated, this, &FailuresPanel::addElement);
    mSaved->installEventFilter(this);
    mElements->installEventFilter(this);
    connect(mSaved, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (mShowingSaved)
            return;
        const Document *doc = mWindow->document();
        const int row = mSaved->row(item);
        const QString name = item->text().trimmed();
        if (row < 0 || row >= doc->topology().scenarios.size() || name == doc->topology().scenarios.at(row).name)
            return;
        if (name.isEmpty()) {
            showSaved(); // a scenario needs a name: put it back
            return;
        }
        push(ChangeBuilder(doc->topology(), doc->index()).renameScenario(row, name));
    });
    connect(mState, &WhatIfState::scenarioChanged, this, &FailuresPanel::updateButtons);
    connect(window->document(), &Document::changed, this, &FailuresPanel::showSaved);
    connect(window->document(), &Document::resetDone, this, &FailuresPanel::showSaved);
    showSaved();

    // Edits come in bursts (typing in the inspector): wait for a pause.
    mDelay->setSingleShot(true);
    mDelay->setObjectName(QStringLiteral("failuresDelay"));
    mDelay->setInterval(300);
    connect(mDelay, &QTimer::timeout, this, &FailuresPanel::start);
    connect(mDepth, &QComboBox::currentIndexChanged, this, &FailuresPanel::start);
    Document *doc = window->document();
    connect(doc, &Document::changed, this, &FailuresPanel::schedule);
    connect(doc, &Document::resetDone, this, &FailuresPanel::schedule);
    connect(window->scene(), &TopologyScene::hideNamesChanged, this, [this] {
        showResults();
        showSaved();
    });
    connect(mList, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { mState->setFailed(item->data(0, kFailRole).toStringList()); });
    connect(mList, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { mState->setFailed(item->data(0, kFailRole).toStringList()); });
}

FailuresPanel::~FailuresPanel()
{
    cancel();
    for (QThread *thread : std::as_const(mCancelled)) {
        thread->wait();
        delete thread;
    }
}

void FailuresPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (mStale && !mThread)
        start();
}

void FailuresPanel::schedule()
{
    // The ranking shown is of another layout now: stop the run and clear it.
    cancel();
    mStale = true;
    mResults.clear();
    mList->clear();
    mStatus->setText(tr("The layout changed: ranking again..."));
    if (isVisible())
        mDelay->start();
}

void FailuresPanel::cancel()
{
    ++mGeneration; // results of a run still on its way are dropped
    if (mCancel)
        *mCancel = true;
    if (mThread) {
        // It stops at its next progress report; an edit does not wait for it.
        if (mThread->isFinished()) {
            delete mThread;
        } else {
            mCancelled << mThread;
            connect(mThread, &QThread::finished, this, [this, thread = mThread] {
                if (mCancelled.removeOne(thread))
                    thread->deleteLater();
            });
        }
        mThread = nullptr;
    }
    mProgress->hide();
}

void FailuresPanel::start()
{
    cancel();
    mDelay->stop();
    mStale = false;
    mResults.clear();
    mList->clear();
    const int generation = mGeneration;
    const int depth = mDepth->currentData().toInt();
    mCancel = std::make_shared<std::atomic_bool>(false);
    // The worker reads its own copy: the document may change meanwhile.
    auto topology = std::make_shared<const Topology>(mWindow->document()->topology());
    auto cancelled = mCancel;
    mProgress->setRange(0, 0);
    mProgress->show();
    mStatus->setText(depth == 1 ? tr("Ranking every single failure...")
                                : tr("Ranking every single and double failure..."));
    mThread = QThread::create([this, topology, cancelled, generation, depth] {
        QElapsedTimer timer;
        timer.start();
        const TopologyIndex index(*topology);
        const FailureAnalysis analysis(*topology, index);
        int lastPercent = -1;
        const QVector<ScenarioResult> worst = analysis.worst(kShown, depth, [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
            if (percent != lastPercent) {
                lastPercent = percent;
                QMetaObject::invokeMethod(
                    this, [this, generation, done, total] { onProgress(generation, done, total); },
                    Qt::QueuedConnection);
            }
            return !*cancelled;
        });
        if (*cancelled)
            return;
        const qint64 elapsed = timer.elapsed();
        QMetaObject::invokeMethod(
            this, [this, generation, worst, elapsed] { finished(generation, worst, elapsed); }, Qt::QueuedConnection);
    });
    mThread->setObjectName(QStringLiteral("worst failures"));
    mThread->start(QThread::LowPriority);
}

void FailuresPanel::onProgress(int generation, qint64 done, qint64 total)
{
    if (generation != mGeneration || total <= 0)
        return;
    mProgress->setRange(0, 1000);
    mProgress->setValue(static_cast<int>(done * 1000 / total));
    mProgress->setFormat(tr("%1 of %2 scenarios").arg(done).arg(total));
}

void FailuresPanel::finished(int generation, const QVector<ScenarioResult> &results, qint64 elapsedMs)
{
    if (generation != mGeneration)
        return;
    if (mThread) {
        mThread->wait();
        delete mThread;
        mThread = nullptr;
    }
    mProgress->hide();
    mResults = results;
    mStatus->setText(
        results.isEmpty()
            ? tr("Nothing can fail: the layout has no hosts, racks or circuits.")
            : tr("The %1 worst, ranked in %2 ms. Click one to see it.").arg(results.size()).arg(elapsedMs));
    showResults();
    emit computed();
}

void FailuresPanel::push(Change change)
{
    if (change.isEmpty())
        return;
    mWindow->undoStack()->push(new ChangeCommand(mWindow->document(), std::move(change)));
}

void FailuresPanel::saveCurrent()
{
    const QStringList failed = mState->failed();
    if (!mState->isActive() || failed.isEmpty())
        return;
    const Document *doc = mWindow->document();
    const ChangeBuilder builder(doc->topology(), doc->index());
    push(builder.addScenario(builder.newScenario(failed)));
    mSaved->setCurrentRow(mSaved->count() - 1);
}

void FailuresPanel::deleteSelected()
{
    const int row = mSaved->currentRow();
    const Document *doc = mWindow->document();
    if (row < 0 || row >= doc->topology().scenarios.size())
        return;
    push(ChangeBuilder(doc->topology(), doc->index()).removeScenario(row));
}

bool FailuresPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == mSaved && key->modifiers() == Qt::AltModifier
        && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
        moveSelected(key->key() == Qt::Key_Up ? -1 : 1);
        return true;
    }
    if (watched == mElements && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
        removeSelectedElements();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FailuresPanel::updateSelected()
{
    const int row = mSaved->currentRow();
    const QStringList failed = mState->failed();
    const Document *doc = mWindow->document();
    if (!mState->isActive() || row < 0 || row >= doc->topology().scenarios.size())
        return;
    push(ChangeBuilder(doc->topology(), doc->index()).setScenarioFail(row, failed));
}

void FailuresPanel::moveSelected(int delta)
{
    const int row = mSaved->currentRow();
    const Document *doc = mWindow->document();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= doc->topology().scenarios.size())
        return;
    push(ChangeBuilder(doc->topology(), doc->index()).moveScenario(row, to));
    mSaved->setCurrentRow(to); // it goes with the scenario
}

void FailuresPanel::removeSelectedElements()
{
    const int row = mSaved->currentRow();
    const Document *doc = mWindow->document();
    if (row < 0 || row >= doc->topology().scenarios.size())
        return;
    QStringList ids;
    for (const QListWidgetItem *item : mElements->selectedItems())
        ids << item->data(kFailRole).toString();
    if (ids.isEmpty())
        return;
    push(ChangeBuilder(doc->topology(), doc->index()).removeFromScenario(row, ids));
}

void FailuresPanel::addElement(int comboIndex)
{
    const int row = mSaved->currentRow();
    const QString id = mAddElement->itemData(comboIndex).toString();
    const Document *doc = mWindow->document();
    if (row >= 0 && row < doc->topology().scenarios.size() && !id.isEmpty())
        push(ChangeBuilder(doc->topology(), doc->index()).addToScenario(row, {id}));
    mAddElement->setCurrentIndex(0);
}

void FailuresPanel::showElements()
{
    // The elements the selected scenario fails, and what it could fail too.
    const Document *doc = mWindow->document();
    const TopologyScene *scene = mWindow->scene();
    const Topology &t = doc->topology();
    const int row = mSaved->currentRow();
    const bool shown = row >= 0 && row < t.scenarios.size();
    mElements->clear();
    mAddElement->clear();
    mElementsLabel->setText(shown ? tr("%1 fails:").arg(scene->masked(t.scenarios.at(row).name))
                                  : tr("Select a saved scenario to edit what it fails."));
    if (shown) {
        const QStringList &fail = t.scenarios.at(row).fail;
        for (const QString &id : fail) {
            auto *item = new QListWidgetItem(scene->displayName(id, doc->index().nameOf(t, id)), mElements);
            item->setData(kFailRole, id);
        }
        mAddElement->addItem(tr("Add a host, rack or circuit..."));
        auto offer = [&](const QString &id, const QString &name, const QString &kind) {
            if (!fail.contains(id))
                mAddElement->addItem(tr("%1 (%2)").arg(scene->displayName(id, name), kind), id);
        };
        for (const Rack &r : t.racks)
            offer(r.id.str(), r.name, tr("rack"));
        for (const Circuit &c : t.circuits)
            offer(c.id.str(), c.name, tr("circuit"));
        for (const Host &h : t.hosts)
            offer(h.id.str(), h.name, tr("host"));
    }
    updateButtons();
}

void FailuresPanel::showSaved()
{
    const Document *doc = mWindow->document();
    const TopologyScene *scene = mWindow->scene();
    const auto &scenarios = doc->topology().scenarios;
    const int current = mSaved->currentRow();
    mShowingSaved = true;
    mSaved->clear();
    for (const Scenario &s : scenarios) {
        QStringList names;
        for (const QString &id : s.fail)
            names << scene->displayName(id, doc->index().nameOf(doc->topology(), id));
        auto *item = new QListWidgetItem(scene->masked(s.name), mSaved);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(tr("Fails %1").arg(names.join(QStringLiteral(", "))));
    }
    mSaved->setCurrentRow(std::min(current, static_cast<int>(mSaved->count()) - 1));
    mShowingSaved = false;
    showElements();
}

void FailuresPanel::updateButtons()
{
    mSave->setEnabled(mState->isActive() && !mState->failed().isEmpty());
    const int row = mSaved->currentRow();
    const int count = mSaved->count();
    mDelete->setEnabled(row >= 0);
    mUp->setEnabled(row > 0);
    mDown->setEnabled(row >= 0 && row + 1 < count);
    bool differs = false;
    if (row >= 0 && row < mWindow->document()->topology().scenarios.size())
        differs = mWindow->document()->topology().scenarios.at(row).fail != mState->failed();
    mUpdate->setEnabled(row >= 0 && mState->isActive() && differs);
    mAddElement->setEnabled(row >= 0 && mAddElement->count() > 1);
    mRemoveElement->setEnabled(row >= 0 && !mElements->selectedItems().isEmpty());
    mElements->setEnabled(row >= 0);
}

void FailuresPanel::showResults()
{
    mList->clear();
    const Document *doc = mWindow->document();
    const TopologyScene *scene = mWindow->scene();
    for (const ScenarioResult &r : std::as_const(mResults)) {
        QStringList names;
        for (const QString &id : r.fail)
            names << scene->displayName(id, doc->index().nameOf(doc->topology(), id));
        auto *item = new QTreeWidgetItem(mList);
        item->setText(0, names.join(QStringLiteral(" + ")));
        item->setText(1, QString::number(r.groupsDown.size()));
        item->setText(2, QString::number(r.stayDown.size()));
        item->setText(3, QString::number(r.guestsDown.size()));
        for (int c = 1; c < 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, kFailRole, r.fail);
        item->setToolTip(0, scene->masked(mState->analysis().sentence(r)));
        if (!r.groupsDown.isEmpty())
            item->setForeground(1, QColor(200, 30, 30));
    }
}

} // namespace td
