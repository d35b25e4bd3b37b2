#pragma once

#include "model/topology.h"

#include <QMainWindow>

class QLabel;
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
class Recovery;
class TopologyScene;
class TopologyView;

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

    // Opens the embedded sample (a new, untitled document).
    void openSample();
    // Starts a blank layout.
    void newLayout(Hypervisor hypervisor);
    // Opens a file; on error shows a dialog (unless quiet) and keeps the
    // current document. Returns false on error, with the message in *error.
    bool openFile(const QString &path, QString *error = nullptr, bool quiet = false);
    // Saves to path (atomic). Returns false with a message.
    bool saveTo(const QString &path, QString *error = nullptr);
    // Offers to recover an autosaved session, if one is pending.
    void offerRecovery();
    // Writes the autosave file now (the timer calls it every minute).
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
    bool save();
    bool saveAs();
    void open();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
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
    QLabel *mStatusFindings = nullptr;
    QLabel *mStatusZoom = nullptr;
    QLineEdit *mRenameEdit = nullptr;
    QTimer *mAutosaveTimer;
    Recovery *mRecovery;
    QString mPath;
    // The last copy: its objects (references outside it are kept as ids,
    // which a layout file could not hold) and the YAML put on the clipboard.
    Topology mCopiedPiece;
    QByteArray mCopied;
    QHash<QString, QAction *> mActions;
};

} // namespace td
