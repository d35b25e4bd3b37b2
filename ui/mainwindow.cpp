#include "mainwindow.h"

#include "changebuilder.h"
#include "charts/chartsdock.h"
#include "commands/changecommand.h"
#include "document.h"
#include "exportdialog.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "panels/inspectorpanel.h"
#include "panels/issuespanel.h"
#include "panels/minimappanel.h"
#include "panels/palettepanel.h"
#include "recovery.h"
#include "report/reportactions.h"
#include "scene/mime.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "statuslabel.h"
#include "theme.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace td {

namespace {

constexpr int kMaxRecent = 8;

// Commits the in-place rename on Enter, cancels on Escape or focus loss.
class RenameFilter final : public QObject
{
public:
    using QObject::QObject;
    std::function<void()> commit;
    std::function<void()> cancel;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                commit();
                return true;
            }
            if (key->key() == Qt::Key_Escape) {
                cancel();
                return true;
            }
        } else if (event->type() == QEvent::FocusOut) {
            commit();
        }
        return QObject::eventFilter(watched, event);
    }
};

// A message with details that may be long (a load error names the file, its
// line and column): a resizable dialog whose details wrap and can be copied.
void showError(QWidget *parent, const QString &title, const QString &summary, const QString &details)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("errorDialog"));
    dialog.setWindowTitle(title);
    dialog.setSizeGripEnabled(true);
    auto *icon = new QLabel(&dialog);
    icon->setPixmap(dialog.style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
    auto *text = new QLabel(summary, &dialog);
    text->setWordWrap(true);
    auto *detailsEdit = new QPlainTextEdit(details, &dialog);
    detailsEdit->setObjectName(QStringLiteral("errorDetails"));
    detailsEdit->setReadOnly(true);
    detailsEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    detailsEdit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    detailsEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(top);
    layout->addWidget(detailsEdit, 1);
    layout->addWidget(buttons);
    // Wide enough for a typical file:line:col line, tall enough for a few.
    const QFontMetrics metrics(detailsEdit->font());
    int widest = 0;
    for (const QString &line : details.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const QRect screen = parent && parent->screen() ? parent->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    dialog.resize(std::clamp(widest + 80, 480, screen.width() * 3 / 4),
                  std::clamp(metrics.lineSpacing() * (int(details.count(QLatin1Char('\n'))) + 4) + 140, 240,
                             screen.height() * 3 / 4));
    buttons->button(QDialogButtonBox::Ok)->setFocus();
    dialog.exec();
}

} // namespace

MainWindow::MainWindow(const QString &recoveryDir, QWidget *parent)
    : QMainWindow(parent), mDocument(new Document(this)), mUndoStack(new QUndoStack(this)),
      mAutosaveTimer(new QTimer(this)), mRecovery(new Recovery(recoveryDir))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Theme::icon(QStringLiteral("topology-designer")));
    setAcceptDrops(true);
    mScene = new TopologyScene(mDocument, mUndoStack, this);
    mView = new TopologyView(mScene, this);
    setCentralWidget(mView);
    createDocks();
    createActions();
    mStatusFindings = new StatusLabel(this);
    mStatusZoom = new StatusLabel(this);
    statusBar()->addPermanentWidget(mStatusFindings);
    statusBar()->addPermanentWidget(mStatusZoom);

    connect(mUndoStack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            mRecovery->discard(); // back to what is on disk: nothing to recover
    });
    // Autosave a few seconds after the last edit (a burst of edits is one
    // write), at the latest some seconds after the first edit not yet saved.
    mAutosaveTimer->setObjectName(QStringLiteral("autosaveTimer"));
    mAutosaveTimer->setSingleShot(true);
    connect(mAutosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    connect(mUndoStack, &QUndoStack::indexChanged, this, [this] {
        constexpr int kAutosaveDelayMs = 3000;
        constexpr int kAutosaveLatestMs = 30000;
        mAutosaveDue = true;
        if (!mAutosavePending.isValid())
            mAutosavePending.start();
        const qint64 left = std::max<qint64>(0, kAutosaveLatestMs - mAutosavePending.elapsed());
        mAutosaveTimer->start(static_cast<int>(std::min<qint64>(kAutosaveDelayMs, left)));
    });
    connect(mDocument, &Document::findingsChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &Document::resetDone, this, &MainWindow::updateStatus);
    connect(mView, &TopologyView::zoomChanged, this, &MainWindow::updateStatus);
    connect(mView, &TopologyView::nudgeRequested, this, &MainWindow::nudge);
    connect(mScene, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = mScene->selectedIds();
        mInspector->showObject(ids.isEmpty() ? QString() : ids.first());
        updateActions();
    });
    connect(mScene, &TopologyScene::renameRequested, this, &MainWindow::renameInPlace);
    connect(mPalette->tree(), &PaletteTree::dragIgnored, this, [this] {
        if (!mScene->takeRefusal().isEmpty())
            return; // dropped on the canvas and refused: its reason stays shown
        statusBar()->showMessage(tr("Nothing was added: drop palette objects on the canvas (racks on empty canvas, "
                                    "hosts in rack units, guests and NICs on hosts)."),
                                 6000);
    });
    connect(mScene, &TopologyScene::dropRefused, this,
            [this](const QString &reason) { statusBar()->showMessage(tr("Cannot drop there: %1").arg(reason), 5000); });
    connect(mIssues, &IssuesPanel::subjectsActivated, this, [this](const QStringList &ids) {
        mScene->selectIds(ids);
        QRectF area;
        for (const QString &id : ids)
            area = area.united(mScene->sceneRectOf(id));
        if (!area.isEmpty())
            mView->ensureVisible(area, 60, 60);
    });

    // An untitled layout is named by its layout name: keep the title in step.
    connect(mDocument, &Document::changed, this, [this](const Change &change) {
        if (change.headerAfter)
            updateTitle();
    });
    restoreSettings();
    updateTitle();
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The undo stack goes with the window's children, after mRecovery:
    // clearing it must not reach back (nor remove the autosave of a window
    // destroyed without a clean exit).
    disconnect(mUndoStack, nullptr, this, nullptr);
    // The scene's items go first, quietly: their selection signals would
    // reach panels and a document that are being destroyed.
    mScene->blockSignals(true);
    mScene->clear();
    delete mRecovery;
}

void MainWindow::createDocks()
{
    auto dock = [&](const QString &title, const QString &name, QWidget *content, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        addDockWidget(area, d);
        return d;
    };
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    mPalette = new PalettePanel(this);
    mInspector = new InspectorPanel(mDocument, mUndoStack, this);
    mIssues = new IssuesPanel(mDocument, this, mUndoStack);
    mMinimap = new MinimapPanel(mView, this);
    dock(tr("Palette"), QStringLiteral("PaletteDock"), mPalette, Qt::LeftDockWidgetArea);
    dock(tr("Minimap"), QStringLiteral("MinimapDock"), mMinimap, Qt::LeftDockWidgetArea);
    dock(tr("Inspector"), QStringLiteral("InspectorDock"), mInspector, Qt::RightDockWidgetArea);
    dock(tr("Issues"), QStringLiteral("IssuesDock"), mIssues, Qt::BottomDockWidgetArea);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("IssuesDock")),
                     dock(tr("Charts"), QStringLiteral("ChartsDock"), new ChartsPanel(mDocument, this),
                          Qt::BottomDockWidgetArea));
    findChild<QDockWidget *>(QStringLiteral("IssuesDock"))->raise();
    resizeDocks(findChildren<QDockWidget *>(QStringLiteral("PaletteDock")), {230}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("PaletteDock")),
                 findChild<QDockWidget *>(QStringLiteral("MinimapDock"))},
                {520, 170}, Qt::Vertical);
    resizeDocks(findChildren<QDockWidget *>(QStringLiteral("InspectorDock")), {320}, Qt::Horizontal);
    resizeDocks(findChildren<QDockWidget *>(QStringLiteral("IssuesDock")), {170}, Qt::Vertical);
}

void MainWindow::createActions()
{
    auto action = [&](const QString &name, const QString &text, const QString &icon, auto slot,
                      const QKeySequence &key = QKeySequence()) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : Theme::icon(icon), text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        mActions.insert(name, a);
        return a;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(Theme::icon(QStringLiteral("new")), tr("&New"));
    newMenu->addAction(action(
        QStringLiteral("newVsphere"), tr("vSphere Layout"), QString(),
        [this] {
            if (maybeSave())
                newLayout(Hypervisor::VSphere);
        },
        QKeySequence::New));
    newMenu->addAction(action(QStringLiteral("newHyperv"), tr("Hyper-V Layout"), QString(), [this] {
        if (maybeSave())
            newLayout(Hypervisor::HyperV);
    }));
    newMenu->addAction(action(QStringLiteral("openSample"), tr("Sample Layout"), QString(), [this] {
        if (maybeSave())
            openSample();
    }));
    file->addAction(action(
        QStringLiteral("open"), tr("&Open..."), QStringLiteral("open"), [this] { open(); }, QKeySequence::Open));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(action(
        QStringLiteral("save"), tr("&Save"), QStringLiteral("save"), [this] { save(); }, QKeySequence::Save));
    file->addAction(action(
        QStringLiteral("saveAs"), tr("Save &As..."), QString(), [this] { saveAs(); }, QKeySequence::SaveAs));
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->addAction(action(QStringLiteral("exportRules"), tr("&DRS Rules..."), QString(), [this] {
        ExportDialog dialog(mDocument->topology(), mPath.isEmpty() ? mDocument->topology().header.name : mPath,
                            QStringLiteral("rules"), this);
        dialog.exec();
    }));
    addReportActions(file, this);
    file->addSeparator();
    file->addAction(action(
        QStringLiteral("quit"), tr("&Quit"), QString(), [this] { close(); }, QKeySequence::Quit));
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mUndoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(Theme::icon(QStringLiteral("undo")));
    undo->setObjectName(QStringLiteral("undo"));
    QAction *redo = mUndoStack->createRedoAction(this, tr("&Redo"));
    // The platform's Redo, and both usual keys, each once (a key listed
    // twice is an ambiguous shortcut that does nothing: Redo is Ctrl+Y on
    // some platforms).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    redo->setShortcuts(redoKeys);
    redo->setIcon(Theme::icon(QStringLiteral("redo")));
    redo->setObjectName(QStringLiteral("redo"));
    mActions.insert(QStringLiteral("undo"), undo);
    mActions.insert(QStringLiteral("redo"), redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(action(
        QStringLiteral("cut"), tr("Cu&t"), QString(),
        [this] {
            copySelection();
            deleteSelection(HostGuests::Ask);
        },
        QKeySequence::Cut));
    edit->addAction(action(
        QStringLiteral("copy"), tr("&Copy"), QString(), [this] { copySelection(); }, QKeySequence::Copy));
    edit->addAction(action(
        QStringLiteral("paste"), tr("&Paste"), QString(), [this] { paste(); }, QKeySequence::Paste));
    edit->addAction(action(
        QStringLiteral("duplicate"), tr("D&uplicate"), QString(), [this] { duplicateSelection(); },
        QKeySequence(Qt::CTRL | Qt::Key_D)));
    edit->addAction(action(
        QStringLiteral("delete"), tr("&Delete"), QStringLiteral("delete"), [this] { deleteSelection(HostGuests::Ask); },
        QKeySequence::Delete));
    edit->addAction(action(
        QStringLiteral("rename"), tr("&Rename"), QString(),
        [this] {
            const QStringList ids = mScene->selectedIds();
            if (!ids.isEmpty())
                renameInPlace(ids.first());
        },
        QKeySequence(Qt::Key_F2)));
    edit->addAction(action(
        QStringLiteral("selectAll"), tr("Select &All"), QString(),
        [this] {
            mScene->selectAllObjects(); // every object, guests behind "+N" too
        },
        QKeySequence::SelectAll));
    edit->addSeparator();
    edit->addAction(action(
        QStringLiteral("makePair"), tr("Make Switchover &Pair"), QStringLiteral("make-pair"), [this] { makePair(); },
        QKeySequence(Qt::CTRL | Qt::Key_G)));
    edit->addAction(action(
        QStringLiteral("makePool"), tr("Make P&ool"), QStringLiteral("make-pool"), [this] { makePool(); },
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G)));
    edit->addAction(action(
        QStringLiteral("ungroup"), tr("&Ungroup"), QStringLiteral("ungroup"), [this] { ungroupSelection(); },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)));
    edit->addAction(action(QStringLiteral("swap"), tr("S&wap Primary/Backup"), QStringLiteral("swap"),
                           [this] { swapPrimaryBackup(); }));

    mViewMenu = menuBar()->addMenu(tr("&View"));
    mViewMenu->addAction(action(
        QStringLiteral("zoomIn"), tr("Zoom &In"), QStringLiteral("zoom-in"), [this] { mView->zoomIn(); },
        QKeySequence::ZoomIn));
    mViewMenu->addAction(action(
        QStringLiteral("zoomOut"), tr("Zoom &Out"), QStringLiteral("zoom-out"), [this] { mView->zoomOut(); },
        QKeySequence::ZoomOut));
    mViewMenu->addAction(action(
        QStringLiteral("zoomReset"), tr("&Actual Size"), QString(), [this] { mView->resetZoom(); },
        QKeySequence(Qt::CTRL | Qt::Key_0)));
    mViewMenu->addAction(action(
        QStringLiteral("fit"), tr("&Fit to View"), QStringLiteral("zoom-fit"), [this] { mView->fitToView(); },
        QKeySequence(Qt::CTRL | Qt::Key_1)));
    mViewMenu->addSeparator();
    mWhatIf = new WhatIfMode(this);
    if (auto *charts = findChild<ChartsPanel *>()) {
        // The charts follow the what-if scenario: the load after HA restarts.
        const auto follow = [this, charts] { charts->setScenario(mWhatIf->state()->result()); };
        connect(mWhatIf->state(), &WhatIfState::scenarioChanged, charts, follow);
        connect(mWhatIf->state(), &WhatIfState::activeChanged, charts, follow);
    }
    mViewMenu->addAction(mWhatIf->action());
    mViewModes = new ViewModes(this);
    mViewModes->addTo(mViewMenu);
    mViewMenu->addSeparator();
    QMenu *theme = mViewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const std::pair<Theme::Mode, QString> modes[] = {{Theme::Mode::System, tr("Follow the &System")},
                                                     {Theme::Mode::Light, tr("&Light")},
                                                     {Theme::Mode::Dark, tr("&Dark")}};
    for (const auto &[mode, text] : modes) {
        QAction *a = theme->addAction(text);
        a->setCheckable(true);
        a->setChecked(Theme::mode() == mode);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode = mode] {
            Theme::apply(*qApp, mode);
            QSettings().setValue(QStringLiteral("theme"), int(mode));
            mScene->update();
        });
    }
    mViewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        mViewMenu->addAction(d->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("about"), tr("&About Topology Designer"), QString(), [this] {
        QMessageBox::about(this, tr("About Topology Designer"),
                           tr("<h3>Topology Designer %1</h3><p>Design virtualized Genesys PureConnect deployments "
                              "and check every placement against the vendor's virtualization guidance.</p>"
                              "<p>Catalog vCPU and memory values are starting points, not vendor sizing.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    }));

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("MainToolBar"));
    for (const char *name : {"open", "save", "", "undo", "redo", "", "delete", "makePair", "makePool", "ungroup", "",
                             "zoomIn", "zoomOut", "fit"}) {
        if (!*name)
            tools->addSeparator();
        else
            tools->addAction(mActions.value(QString::fromLatin1(name)));
    }
    tools->addSeparator();
    tools->addAction(mWhatIf->action());
}

void MainWindow::updateTitle()
{
    const QString name = mPath.isEmpty() ? tr("%1 (unsaved)").arg(mDocument->topology().header.name)
                                         : QFileInfo(mPath).fileName();
    setWindowTitle(name + QStringLiteral("[*] — ") + tr("Topology Designer"));
    setWindowModified(!mUndoStack->isClean());
}

void MainWindow::updateStatus()
{
    const Validator &v = mDocument->validator();
    mStatusFindings->showText(
        tr("%n error(s)", nullptr, v.count(Severity::Error)) + QStringLiteral(" · ")
        + tr("%n warning(s)", nullptr, v.count(Severity::Warning)) + QStringLiteral(" · ")
        + tr("%n info", nullptr, v.count(Severity::Info))
        + (v.waivedCount() > 0 ? QStringLiteral(" · ") + tr("%n waived", nullptr, v.waivedCount()) : QString()));
    mStatusZoom->showText(tr("Zoom %1%").arg(qRound(mView->zoom() * 100)));
}

void MainWindow::updateActions()
{
    // How many guests are selected, counted up to three: the actions need no
    // more (after Select All at L, listing them was 10,000 look-ups).
    int guests = 0;
    for (const QString &id : mScene->selectedIds()) {
        const TopologyIndex::Ref *ref = mDocument->index().find(id);
        if (ref && ref->kind == ObjectKind::Guest && ++guests == 3)
            break;
    }
    const bool any = !mScene->selectedIds().isEmpty();
    for (const char *name : {"cut", "copy", "duplicate", "delete", "rename"})
        mActions.value(QString::fromLatin1(name))->setEnabled(any);
    mActions.value(QStringLiteral("makePair"))->setEnabled(guests == 2);
    mActions.value(QStringLiteral("makePool"))->setEnabled(guests >= 2);
    mActions.value(QStringLiteral("ungroup"))->setEnabled(guests > 0);
    mActions.value(QStringLiteral("swap"))->setEnabled(guests > 0);
}

void MainWindow::resetDocument(Topology topology, const QString &path)
{
    // Nothing of the old document stays selected: a Delete would otherwise
    // remove an object of the new one that has the same id.
    mScene->selectIds({});
    mUndoStack->clear();
    mDocument->reset(std::move(topology));
    mPath = path;
    if (path.isEmpty())
        setDiskState({});
    else
        mDiskStateSoon = std::async(std::launch::async, [path] { return Recovery::DiskState::of(path); });
    mUndoStack->setClean();
    mRecovery->discard();
    updateTitle();
    updateStatus();
    QTimer::singleShot(0, mView, &TopologyView::showStart);
}

void MainWindow::openSample()
{
    const LoadResult r = LayoutReader::read(Samples::contoso(), Samples::displayName());
    resetDocument(r.topology, QString());
}

void MainWindow::newLayout(Hypervisor hypervisor)
{
    Topology t;
    t.header.name = tr("New layout");
    t.header.platform.hypervisor = hypervisor;
    t.header.platform.version = hypervisor == Hypervisor::VSphere ? QStringLiteral("8.0") : QStringLiteral("2025");
    Cluster c;
    c.id = ClusterId(QStringLiteral("cluster-1"));
    c.name = hypervisor == Hypervisor::VSphere ? QStringLiteral("PROD-CL01") : QStringLiteral("PROD-FC01");
    c.drs = DrsLevel::PartiallyAutomated;
    t.clusters.append(c);
    resetDocument(t, QString());
}

const Recovery::DiskState &MainWindow::diskState()
{
    if (mDiskStateSoon.valid())
        mDiskState = mDiskStateSoon.get();
    return mDiskState;
}

void MainWindow::setDiskState(const Recovery::DiskState &state)
{
    if (mDiskStateSoon.valid())
        mDiskStateSoon.wait(); // a hash of an older state, not wanted any more
    mDiskStateSoon = {};
    mDiskState = state;
}

bool MainWindow::openFile(const QString &path, QString *error, bool quiet)
{
    LoadResult r = LayoutReader::readFile(path);
    if (!r.ok()) {
        const QString message = r.error->toString();
        if (error)
            *error = message;
        if (!quiet)
            showError(this, tr("Cannot open layout"), tr("The layout could not be opened; nothing was changed."),
                      message);
        return false;
    }
    resetDocument(std::move(r.topology), QFileInfo(path).absoluteFilePath());
    addRecent(mPath);
    if (!r.warnings.isEmpty()) {
        QStringList lines;
        for (const Diagnostic &w : r.warnings)
            lines << w.toString();
        statusBar()->showMessage((r.warnings.size() == 1
                                      ? tr("Opened with 1 warning: %1").arg(lines.first())
                                      : tr("Opened with %1 warnings: %2").arg(r.warnings.size()).arg(lines.first())),
                                 10000);
    }
    return true;
}

bool MainWindow::saveTo(const QString &path, QString *error)
{
    QString message;
    if (!LayoutWriter::writeFile(mDocument->topology(), path, &message)) {
        if (error)
            *error = message;
        return false;
    }
    mPath = QFileInfo(path).absoluteFilePath();
    setDiskState(Recovery::DiskState::of(mPath));
    mUndoStack->setClean();
    mRecovery->discard(); // superseded by the save, even when the stack was clean already
    addRecent(mPath);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(mPath), 4000);
    return true;
}

bool MainWindow::confirmOverwrite(bool *saved)
{
    *saved = false;
    const Recovery::DiskState now = Recovery::DiskState::of(mPath);
    if (!now.exists || now.sameContent(diskState()))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("File changed on disk"),
                    tr("%1 was changed on disk since this window opened or saved it (by another program or "
                       "another Topology Designer window).")
                        .arg(QDir::toNativeSeparators(mPath)),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("changedOnDiskBox"));
    box.setInformativeText(tr("Reload it (your unsaved changes are lost), overwrite it (its changes are lost), "
                              "or save your layout as another file?"));
    QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
    QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
    QPushButton *saveAsButton = box.addButton(tr("Save &As..."), QMessageBox::AcceptRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    saveAsButton->setObjectName(QStringLiteral("saveAsButton"));
    box.setDefaultButton(saveAsButton);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton *>(overwrite))
        return true;
    if (box.clickedButton() == static_cast<QAbstractButton *>(reload)) {
        openFile(mPath);
    } else if (box.clickedButton() == static_cast<QAbstractButton *>(saveAsButton)) {
        *saved = saveAs();
    }
    return false;
}

bool MainWindow::save()
{
    if (mPath.isEmpty())
        return saveAs();
    bool saved = false;
    if (!confirmOverwrite(&saved))
        return saved;
    QString error;
    if (!saveTo(mPath, &error)) {
        showError(this, tr("Cannot save"), tr("The layout was not saved; the file on disk is unchanged."), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Layout"),
                                                mPath.isEmpty()
                                                    ? mDocument->topology().header.name + QStringLiteral(".topo.yaml")
                                                    : mPath,
                                                tr("Topology layouts (*.topo.yaml);;YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += QStringLiteral(".topo.yaml");
    if (QFileInfo(path).absoluteFilePath() == mPath) {
        bool saved = false;
        if (!confirmOverwrite(&saved))
            return saved;
    }
    QString error;
    if (!saveTo(path, &error)) {
        showError(this, tr("Cannot save"), tr("The layout was not saved."), error);
        return false;
    }
    return true;
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Layout"), QFileInfo(mPath).absolutePath(),
                                                      tr("Topology layouts (*.topo.yaml *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave()
{
    if (mUndoStack->isClean())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The layout has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecent(const QString &path)
{
    if (mRecentWrite.valid())
        mRecentWrite.wait(); // the list as the last open wrote it
    QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    rebuildRecentMenu(recent);
    // Written on a worker: QSettings syncs its file to disk (fdatasync), a
    // wait of milliseconds to tens of them at every open of a busy machine.
    mRecentWrite = std::async(std::launch::async,
                              [recent] { QSettings().setValue(QStringLiteral("recentFiles"), recent); });
}

void MainWindow::rebuildRecentMenu()
{
    rebuildRecentMenu(QSettings().value(QStringLiteral("recentFiles")).toStringList());
}

void MainWindow::rebuildRecentMenu(const QStringList &recent)
{
    mRecentMenu->clear();
    for (const QString &path : recent) {
        QAction *a = mRecentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    mRecentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::autosave()
{
    mAutosavePending.invalidate();
    if (mUndoStack->isClean()) {
        mRecovery->discard();
        return;
    }
    if (!mAutosaveDue && QFile::exists(mRecovery->recoveryFile()))
        return;
    mAutosaveDue = false;
    mAutosaveTimer->stop();
    if (!mRecovery->write(LayoutWriter::write(mDocument->topology()), mPath, diskState())) {
        mAutosaveDue = true; // try again in a while (or after the next edit)
        mAutosaveTimer->start(30000);
        statusBar()->showMessage(
            tr("Could not write the autosave to %1").arg(QDir::toNativeSeparators(mRecovery->dir())), 6000);
    }
}

void MainWindow::offerRecovery()
{
    QList<Recovery::Orphan> orphans = mRecovery->claimOrphans();
    while (!orphans.isEmpty()) {
        RecoveryDialog dialog(orphans, this);
        dialog.exec();
        const int i = dialog.selected();
        if (i < 0 || dialog.choice() == RecoveryDialog::Choice::Keep)
            break;
        if (dialog.choice() == RecoveryDialog::Choice::Discard) {
            mRecovery->remove(orphans.takeAt(i));
            continue;
        }
        if (!mUndoStack->isClean() && !maybeSave())
            break;
        const Recovery::Orphan orphan = orphans.takeAt(i);
        resetDocument(orphan.topology, orphan.originalPath);
        // Changes on disk since the crashed session read the file are not
        // in the recovered layout: Save asks before overwriting them.
        setDiskState(orphan.originalPath.isEmpty() ? Recovery::DiskState() : orphan.baseline);
        // The recovered state is not on disk yet: mark it modified.
        mUndoStack->resetClean();
        updateTitle();
        if (!mRecovery->adopt(orphan)) {
            autosave();
            if (QFile::exists(mRecovery->recoveryFile()))
                mRecovery->remove(orphan);
            else
                mRecovery->keep(orphan);
        }
        statusBar()->showMessage(orphans.isEmpty()     ? tr("Recovered the autosave; save it to keep it.")
                                 : orphans.size() == 1 ? tr("Recovered the autosave; save it to keep it. 1 other "
                                                            "autosave is kept for the next start.")
                                                       : tr("Recovered the autosave; save it to keep it. %1 other "
                                                            "autosaves are kept for the next start.")
                                                             .arg(orphans.size()),
                                 10000);
        break;
    }
    for (const Recovery::Orphan &orphan : std::as_const(orphans))
        mRecovery->keep(orphan);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    mRecovery->release();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()
                && (url.path().endsWith(QLatin1String(".yaml")) || url.path().endsWith(QLatin1String(".yml")))) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            if (maybeSave())
                openFile(url.toLocalFile());
            return;
        }
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // The first start: roomy, but never larger than the screen (on a
        // 1280x800 laptop a 1400-wide window cut the inspector off).
        const QSize roomy(1400, 900);
        resize(screen() ? roomy.boundedTo(screen()->availableGeometry().size()) : roomy);
    }
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
}

// ---------------------------------------------------------------- editing

QStringList MainWindow::selectedGuests() const
{
    QStringList guests;
    for (const QString &id : mScene->selectedIds()) {
        const TopologyIndex::Ref *ref = mDocument->index().find(id);
        if (ref && ref->kind == ObjectKind::Guest)
            guests << id;
    }
    return guests;
}

void MainWindow::deleteSelection(HostGuests hostGuests)
{
    const QStringList ids = mScene->selectedIds();
    if (ids.isEmpty())
        return;
    ChangeBuilder build(mDocument->topology(), mDocument->index());
    // The hosts that run guests, named with their guest count.
    QStringList hostsWithGuests;
    for (const QString &id : ids) {
        const int h = mDocument->index().host(HostId(id));
        const qsizetype guests = h >= 0 ? mDocument->index().guestsOnHost(h).size() : 0;
        if (guests > 0) {
            const QString name = mDocument->topology().hosts.at(h).name;
            hostsWithGuests << (guests == 1 ? tr("%1 (1 guest)").arg(name)
                                            : tr("%1 (%2 guests)").arg(name).arg(guests));
        }
    }
    ChangeBuilder::GuestPolicy policy = hostGuests == HostGuests::Delete ? ChangeBuilder::GuestPolicy::Delete
                                                                         : ChangeBuilder::GuestPolicy::Unplace;
    if (!hostsWithGuests.isEmpty() && hostGuests == HostGuests::Ask) {
        constexpr int kNamed = 8;
        const qsizetype more = hostsWithGuests.size() - kNamed;
        QString named = hostsWithGuests.mid(0, kNamed).join(QStringLiteral(", "));
        if (more > 0)
            named += more == 1 ? tr(" and 1 more host") : tr(" and %1 more hosts").arg(more);
        QMessageBox box(QMessageBox::Question, hostsWithGuests.size() == 1 ? tr("Delete Host") : tr("Delete Hosts"),
                        hostsWithGuests.size() == 1
                            ? tr("%1 runs guests. What should happen to them?").arg(named)
                            : tr("These hosts run guests: %1. What should happen to them?").arg(named),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("deleteHostsDialog"));
        QPushButton *unplace = box.addButton(tr("Unplace the guests"), QMessageBox::AcceptRole);
        QPushButton *remove = box.addButton(tr("Delete the guests too"), QMessageBox::DestructiveRole);
        box.setDefaultButton(unplace);
        box.exec();
        if (box.clickedButton() == static_cast<QAbstractButton *>(remove))
            policy = ChangeBuilder::GuestPolicy::Delete;
        else if (box.clickedButton() != static_cast<QAbstractButton *>(unplace))
            return;
    }
    const Change change = build.remove(
        ids, policy, ids.size() == 1 ? tr("Delete %1").arg(ids.first()) : tr("Delete %1 Objects").arg(ids.size()));
    if (!change.isEmpty())
        mUndoStack->push(new DeleteObjectsCommand(mDocument, change));
}

void MainWindow::copySelection()
{
    const QStringList ids = mScene->selectedIds();
    if (ids.isEmpty())
        return;
    const Topology piece = ChangeBuilder(mDocument->topology(), mDocument->index()).extract(ids);
    const QByteArray yaml = LayoutWriter::write(piece);
    mCopied = yaml;
    mCopiedPiece = piece;
    auto *copied = new QMimeData;
    copied->setData(mime::clipboard(), yaml);
    copied->setText(QString::fromUtf8(yaml));
    QGuiApplication::clipboard()->setMimeData(copied);
}

void MainWindow::paste()
{
    const QMimeData *clip = QGuiApplication::clipboard()->mimeData();
    Topology piece = mCopiedPiece;
    const bool ours = !clip || !clip->hasText()
                   || (clip->hasFormat(mime::clipboard()) && clip->data(mime::clipboard()) == mCopied);
    if (!ours) {
        // Objects copied from another window or written by hand.
        const QByteArray yaml = clip->hasFormat(mime::clipboard()) ? clip->data(mime::clipboard())
                                                                   : clip->text().toUtf8();
        const LoadResult r = LayoutReader::read(yaml, tr("clipboard"));
        if (!r.ok()) {
            statusBar()->showMessage(tr("The clipboard holds no layout objects: %1").arg(r.error->text), 6000);
            return;
        }
        piece = r.topology;
    }
    QStringList newIds;
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).paste(piece, tr("Paste"), &newIds);
    if (change.isEmpty())
        return;
    mUndoStack->push(new AddObjectsCommand(mDocument, change));
    mScene->selectIds(newIds);
}

void MainWindow::duplicateSelection()
{
    const QStringList ids = mScene->selectedIds();
    if (ids.isEmpty())
        return;
    ChangeBuilder build(mDocument->topology(), mDocument->index());
    QStringList newIds;
    const Change change = build.paste(build.extract(ids), tr("Duplicate"), &newIds);
    mUndoStack->push(new AddObjectsCommand(mDocument, change));
    mScene->selectIds(newIds);
}

bool MainWindow::makeGroup(GroupKind kind)
{
    QString why;
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index())
                              .makeGroup(kind, selectedGuests(), &why);
    if (change.isEmpty()) {
        statusBar()->showMessage(why, 4000);
        return false;
    }
    mUndoStack->push(new GroupCommand(mDocument, change));
    return true;
}

bool MainWindow::makePair()
{
    return makeGroup(GroupKind::Switchover);
}

bool MainWindow::makePool()
{
    return makeGroup(GroupKind::Pool);
}

void MainWindow::ungroupSelection()
{
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).ungroup(selectedGuests());
    if (!change.isEmpty())
        mUndoStack->push(new GroupCommand(mDocument, change));
}

void MainWindow::swapPrimaryBackup()
{
    const Change change = ChangeBuilder(mDocument->topology(), mDocument->index()).swapPrimaryBackup(selectedGuests());
    if (!change.isEmpty())
        mUndoStack->push(new GroupCommand(mDocument, change));
}

void MainWindow::renameInPlace(const QString &id)
{
    const TopologyIndex::Ref *ref = mDocument->index().find(id);
    if (!ref || ref->kind == ObjectKind::Cluster || ref->kind == ObjectKind::Group)
        return; // clusters and groups are renamed in the inspector
    const QString name = mDocument->index().nameOf(mDocument->topology(), id);
    delete mRenameEdit;
    mRenameEdit = new QLineEdit(name, mView->viewport());
    mRenameEdit->setObjectName(QStringLiteral("renameEdit"));
    const QRect r = mView->mapFromScene(mScene->sceneRectOf(id)).boundingRect();
    mRenameEdit->setGeometry(r.x(), r.y(), std::max(160, std::min(r.width(), 320)),
                             std::max(24, mRenameEdit->sizeHint().height()));
    mRenameEdit->selectAll();
    mRenameEdit->show();
    mRenameEdit->setFocus();
    auto *filter = new RenameFilter(mRenameEdit);
    QPointer<QLineEdit> edit = mRenameEdit;
    filter->cancel = [this, edit] {
        if (edit)
            edit->deleteLater();
        mRenameEdit = nullptr;
        mView->setFocus();
    };
    filter->commit = [this, edit, id, filter] {
        if (!edit || !edit->isVisible())
            return;
        const QString text = edit->text().trimmed();
        edit->hide();
        const TopologyIndex::Ref *current = mDocument->index().find(id);
        if (!text.isEmpty() && current) {
            const Topology &top = mDocument->topology();
            Object after;
            switch (current->kind) {
            case ObjectKind::Circuit: {
                Circuit o = top.circuits.at(current->pos);
                o.name = text;
                after = o;
                break;
            }
            case ObjectKind::Rack: {
                Rack o = top.racks.at(current->pos);
                o.name = text;
                after = o;
                break;
            }
            case ObjectKind::Host: {
                Host o = top.hosts.at(current->pos);
                o.name = text;
                after = o;
                break;
            }
            default: {
                Guest o = top.guests.at(current->pos);
                o.name = text;
                after = o;
                break;
            }
            }
            const Change change = ChangeBuilder(top, mDocument->index()).replace(after, tr("Rename to %1").arg(text));
            if (!change.isEmpty())
                mUndoStack->push(new EditObjectCommand(mDocument, change, QString()));
        }
        filter->cancel();
    };
    mRenameEdit->installEventFilter(filter);
}

void MainWindow::nudge(int dx, int dy)
{
    // Racked hosts move by whole units (Up/Down); racks and circuits by pixels.
    QStringList hosts;
    for (const QString &id : mScene->selectedIds()) {
        const ModelItem *item = mScene->itemFor(id);
        if (item && item->kind() == ObjectKind::Host)
            hosts << id;
    }
    if (!hosts.isEmpty()) {
        if (dy == 0)
            return;
        QString reason;
        const Change change = ChangeBuilder(mDocument->topology(), mDocument->index())
                                  .nudgeHosts(hosts, dy < 0 ? 1 : -1, &reason);
        if (change.isEmpty())
            statusBar()->showMessage(tr("Cannot move there: %1").arg(reason), 4000);
        else
            mUndoStack->push(new MoveHostsCommand(mDocument, change));
        return;
    }
    ChangeBuilder build(mDocument->topology(), mDocument->index());
    Change all;
    all.text = tr("Nudge");
    for (const QString &id : mScene->selectedIds()) {
        ModelItem *item = mScene->itemFor(id);
        if (!item || (item->kind() != ObjectKind::Rack && item->kind() != ObjectKind::Circuit))
            continue;
        all.layout += build.setPosition(id, item->pos().x() + dx, item->pos().y() + dy).layout;
    }
    if (!all.isEmpty())
        mUndoStack->push(new MovePositionCommand(mDocument, all));
}

} // namespace td
