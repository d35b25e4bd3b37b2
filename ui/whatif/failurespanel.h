#pragma once

#include "analysis/failureanalysis.h"
#include "change.h"

#include <QVector>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QProgressBar;
class QThread;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace td {

class MainWindow;
class WhatIfState;

// The "Failures" dock: the worst failures of the layout (single, or single
// and double: every host, rack and circuit, and every pair of them), ranked
// by groups down, then guests staying down, then guests down. Computed in a
// worker thread on a copy of the layout, with a progress bar; an edit
// cancels the run and starts a new one. Clicking a failure shows it in
// what-if mode. Below, the layout's saved scenarios (FORMAT.md
// "scenarios:", the walkthrough presentation mode steps through): save the
// what-if selection as one, rename one in place, move one up or down, make
// one fail the what-if selection, add or remove the elements it fails,
// delete one; each one undo step through ChangeBuilder. Clicking one shows
// it.
class FailuresPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kShown = 20;

    FailuresPanel(MainWindow *window, WhatIfState *state, QWidget *parent = nullptr);
    ~FailuresPanel() override;

    // The ranking shown (empty while computing).
    const QVector<ScenarioResult> &results() const { return mResults; }
    bool isComputing() const { return mThread != nullptr; }
    QTreeWidget *list() const { return mList; }
    QComboBox *depthBox() const { return mDepth; }
    QListWidget *savedList() const { return mSaved; }
    QPushButton *saveButton() const { return mSave; }
    QPushButton *deleteButton() const { return mDelete; }
    QPushButton *updateButton() const { return mUpdate; }
    QPushButton *upButton() const { return mUp; }
    QPushButton *downButton() const { return mDown; }
    // What the selected saved scenario fails, and the editing of it.
    QListWidget *elementList() const { return mElements; }
    QComboBox *addElementBox() const { return mAddElement; }
    QPushButton *removeElementButton() const { return mRemoveElement; }
    // Saves the what-if selection as a new scenario (one undo step).
    void saveCurrent();
    // Deletes the selected saved scenario (one undo step).
    void deleteSelected();
    // The selected scenario fails what what-if mode fails now.
    void updateSelected();
    // Moves the selected scenario by delta places in the walkthrough.
    void moveSelected(int delta);
    // The selected scenario no longer fails the selected elements.
    void removeSelectedElements();
    QProgressBar *progress() const { return mProgress; }
    // Starts computing now (after an edit it waits for the edits to pause).
    void start();

signals:
    // A ranking was computed and shown.
    void computed();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();
    void cancel();
    void finished(int generation, const QVector<ScenarioResult> &results, qint64 elapsedMs);
    void showResults();
    void onProgress(int generation, qint64 done, qint64 total);
    void showSaved();
    void showElements();
    void updateButtons();
    void addElement(int comboIndex);
    void push(Change change);

    MainWindow *mWindow;
    WhatIfState *mState;
    QComboBox *mDepth;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QTreeWidget *mList;
    QListWidget *mSaved;
    QPushButton *mSave;
    QPushButton *mDelete;
    QPushButton *mUpdate;
    QPushButton *mUp;
    QPushButton *mDown;
    QListWidget *mElements;
    QLabel *mElementsLabel;
    QComboBox *mAddElement;
    QPushButton *mRemoveElement;
    bool mShowingSaved = false;
    QTimer *mDelay;
    QThread *mThread = nullptr;
    // Cancelled runs still finishing (the window does not wait for them;
    // the destructor does).
    QVector<QThread *> mCancelled;
    std::shared_ptr<std::atomic_bool> mCancel;
    int mGeneration = 0;
    bool mStale = true; // the layout changed since the ranking shown
    QVector<ScenarioResult> mResults;
};

} // namespace td
