#pragma once

#include "model/topology.h"
#include "recovery.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <future>

class QLineEdit;
class QMenu;
class QTimer;
class QUndoStack;

namespace td {

class Document;
class InspectorPanel;
class IssuesPanel;
class MinimapPanel;
class PalettePanel;
class StatusLabel;
class TopologyScene;
class TopologyView;
class ViewModes;
class WhatIfMode;

// The designer's window: canvas, palette, inspector, issues and minimap
// docks, menus and shortcuts, files (new/open/save, recent files, drop a
// file to open it, unsaved-changes prompt), autosave and crash recovery.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // recoveryDir: where autosave files go (tests pass a temporary folder).
    explicit MainWindow(const QString &recoveryDir = QString(), QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return mDocument; }
    TopologyScene *scene() const { return mScene; }
    TopologyView *view() const { return mView; }
    QUndoStack *undoStack() const { return mUndoStack; }
    PalettePanel *palette() const { return mPalette; }
    InspectorPanel *inspector() const { return mInspector; }
    IssuesPanel *issues() const { return mIssues; }
    QString filePath() const { return mPath; }
    Recovery *recovery() const { return mRecovery; }
    ViewModes *viewModes() const { return mViewModes; }
    // What-if mode; its state() is the current scenario (for other docks).
    WhatIfMode *whatIf() const { return mWhatIf; }

    // Opens the embedded sample (a new, untitled document).
    void openSample();
    // Starts a blank layout.
    void newLayout(Hypervisor hypervisor);
    // Opens a file; on error shows a dialog (unless quiet) and keeps the
    // current document. Returns false on error, with the message in *error.
    bool openFile(const QString &path, QString *error = nullptr, bool quiet = false);
    // Saves to path (atomic), without asking. Returns false with a message.
    bool saveTo(const QString &path, QString *error = nullptr);
    // Offers the autosaves of sessions that are gone (crashed), if any.
    void offerRecovery();
    // Writes this window's autosave now (the timer calls it a few seconds
    // after the last edit: a burst of edits is written once, and nothing
    // is written while no edit is made);
    // removes it when the document has no unsaved changes.
    void autosave();

    // Editing commands, also used by tests.
    // What happens to the guests of deleted hosts.
    enum class HostGuests { Ask, Unplace, Delete };
    void deleteSelection(HostGuests hostGuests = HostGuests::Ask);
    void copySelection();
    void paste();
    void duplicateSelection();
    bool makePair();
    bool makePool();
    void ungroupSelection();
    void swapPrimaryBackup();
    void renameInPlace(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void updateTitle();
    void updateStatus();
    void updateActions();
    bool maybeSave();
    // File > Save: asks first when the file changed on disk since this
    // window opened or saved it (Reload / Overwrite / Save As / Cancel).
    bool save();
    bool saveAs();
    // How to go on when the file at mPath changed on disk since this window
    // read or wrote it: true = write it, false = stop (reloaded, saved as
    // another file, or cancelled; *saved tells whether it was saved).
    bool confirmOverwrite(bool *saved);
    void open();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void rebuildRecentMenu(const QStringList &recent);
    void resetDocument(Topology topology, const QString &path);
    void nudge(int dx, int dy);
    QStringList selectedGuests() const;
    bool makeGroup(GroupKind kind);
    void restoreSettings();
    void saveSettings();

    Document *mDocument;
    QUndoStack *mUndoStack;
    TopologyScene *mScene;
    TopologyView *mView;
    PalettePanel *mPalette = nullptr;
    InspectorPanel *mInspector = nullptr;
    IssuesPanel *mIssues = nullptr;
    MinimapPanel *mMinimap = nullptr;
    QMenu *mRecentMenu = nullptr;
    QMenu *mViewMenu = nullptr;
    ViewModes *mViewModes = nullptr;
    WhatIfMode *mWhatIf = nullptr;
    StatusLabel *mStatusFindings = nullptr;
    StatusLabel *mStatusZoom = nullptr;
    QLineEdit *mRenameEdit = nullptr;
    QTimer *mAutosaveTimer;
    Recovery *mRecovery;
    QString mPath;
    // mPath as this window last read or wrote it, to notice other writers.
    // Its SHA-256 is worked out on a worker after an open (at L, hashing the
    // file again cost a fifth of what the window adds to the load);
    // diskState() waits for it where it is needed (save, autosave).
    const Recovery::DiskState &diskState();
    void setDiskState(const Recovery::DiskState &state);
    Recovery::DiskState mDiskState;
    std::future<Recovery::DiskState> mDiskStateSoon;
    // The recent files being written (addRecent), waited for by the next.
    std::future<void> mRecentWrite;
    // An edit, undo or redo since the last autosave (the timer skips
    // writing out an unchanged layout, which takes a while at scale).
    bool mAutosaveDue = false;
    // Since the first edit not yet autosaved: steady editing still
    // autosaves at least this often (kAutosaveLatestMs).
    QElapsedTimer mAutosavePending;
    // The last copy: its objects (references outside it are kept as ids,
    // which a layout file could not hold) and the YAML put on the clipboard.
    Topology mCopiedPiece;
    QByteArray mCopied;
    QHash<QString, QAction *> mActions;
};

} // namespace td
