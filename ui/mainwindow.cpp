#include "mainwindow.h"

#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "panels/inspectorpanel.h"
#include "panels/issuespanel.h"
#include "panels/minimappanel.h"
#include "panels/palettepanel.h"
#include "recovery.h"
#include "scene/mime.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

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
    mStatusFindings = new QLabel(this);
    mStatusZoom = new QLabel(this);
    statusBar()->addPermanentWidget(mStatusFindings);
    statusBar()->addPermanentWidget(mStatusZoom);

    connect(mUndoStack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
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
    mAutosaveTimer->setInterval(60 * 1000);
    connect(mAutosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    mAutosaveTimer->start();

    restoreSettings();
    updateTitle();
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
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
    mIssues = new IssuesPanel(mDocument, this);
    mMinimap = new MinimapPanel(mView, this);
    dock(tr("Palette"), QStringLiteral("PaletteDock"), mPalette, Qt::LeftDockWidgetArea);
    dock(tr("Minimap"), QStringLiteral("MinimapDock"), mMinimap, Qt::LeftDockWidgetArea);
    dock(tr("Inspector"), QStringLiteral("InspectorDock"), mInspector, Qt::RightDockWidgetArea);
    dock(tr("Issues"), QStringLiteral("IssuesDock"), mIssues, Qt::BottomDockWidgetArea);
    resizeDocks(findChildren<QDockWidget *>(QStringLiteral("PaletteDock")), {230}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("PaletteDock")), findChild<QDockWidget *>(QStringLiteral("MinimapDock"))},
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
    newMenu->addAction(action(QStringLiteral("newVsphere"), tr("vSphere Layout"), QString(), [this] {
        if (maybeSave())
            newLayout(Hypervisor::VSphere);
    }, QKeySequence::New));
    newMenu->addAction(action(QStringLiteral("newHyperv"), tr("Hyper-V Layout"), QString(), [this] {
        if (maybeSave())
            newLayout(Hypervisor::HyperV);
    }));
    newMenu->addAction(action(QStringLiteral("openSample"), tr("Sample Layout"), QString(), [this] {
        if (maybeSave())
            openSample();
    }));
    file->addAction(action(QStringLiteral("open"), tr("&Open..."), QStringLiteral("open"), [this] { open(); },
                           QKeySequence::Open));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(action(QStringLiteral("save"), tr("&Save"), QStringLiteral("save"), [this] { save(); },
                           QKeySequence::Save));
    file->addAction(action(QStringLiteral("saveAs"), tr("Save &As..."), QString(), [this] { saveAs(); },
                           QKeySequence::SaveAs));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit"), tr("&Quit"), QString(), [this] { close(); }, QKeySequence::Quit));
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mUndoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(Theme::icon(QStringLiteral("undo")));
    undo->setObjectName(QStringLiteral("undo"));
    QAction *redo = mUndoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(QKeySequence::Redo), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(Theme::icon(QStringLiteral("redo")));
    redo->setObjectName(QStringLiteral("redo"));
    mActions.insert(QStringLiteral("undo"), undo);
    mActions.insert(QStringLiteral("redo"), redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("cut"), tr("Cu&t"), QString(), [this] {
        copySelection();
        deleteSelection(HostGuests::Ask);
    }, QKeySequence::Cut));
    edit->addAction(action(QStringLiteral("copy"), tr("&Copy"), QString(), [this] { copySelection(); },
                           QKeySequence::Copy));
    edit->addAction(action(QStringLiteral("paste"), tr("&Paste"), QString(), [this] { paste(); }, QKeySequence::Paste));
    edit->addAction(action(QStringLiteral("duplicate"), tr("D&uplicate"), QString(), [this] { duplicateSelection(); },
                           QKeySequence(Qt::CTRL | Qt::Key_D)));
    edit->addAction(action(QStringLiteral("delete"), tr("&Delete"), QStringLiteral("delete"), [this] {
        deleteSelection(HostGuests::Ask);
    }, QKeySequence::Delete));
    edit->addAction(action(QStringLiteral("rename"), tr("&Rename"), QString(), [this] {
        const QStringList ids = mScene->selectedIds();
        if (!ids.isEmpty())
            renameInPlace(ids.first());
    }, QKeySequence(Qt::Key_F2)));
    edit->addAction(action(QStringLiteral("selectAll"), tr("Select &All"), QString(), [this] {
        mScene->selectAllObjects(); // every object, guests behind "+N" too
    }, QKeySequence::SelectAll));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("makePair"), tr("Make Switchover &Pair"), QStringLiteral("make-pair"),
                           [this] { makePair(); }, QKeySequence(Qt::CTRL | Qt::Key_G)));
    edit->addAction(action(QStringLiteral("makePool"), tr("Make P&ool"), QStringLiteral("make-pool"),
                           [this] { makePool(); }, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G)));
    edit->addAction(action(QStringLiteral("ungroup"), tr("&Ungroup"), QStringLiteral("ungroup"),
                           [this] { ungroupSelection(); }, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)));
    edit->addAction(action(QStringLiteral("swap"), tr("S&wap Primary/Backup"), QStringLiteral("swap"),
                           [this] { swapPrimaryBackup(); }));

    mViewMenu = menuBar()->addMenu(tr("&View"));
    mViewMenu->addAction(action(QStringLiteral("zoomIn"), tr("Zoom &In"), QStringLiteral("zoom-in"),
                                [this] { mView->zoomIn(); }, QKeySequence::ZoomIn));
    mViewMenu->addAction(action(QStringLiteral("zoomOut"), tr("Zoom &Out"), QStringLiteral("zoom-out"),
                                [this] { mView->zoomOut(); }, QKeySequence::ZoomOut));
    mViewMenu->addAction(action(QStringLiteral("zoomReset"), tr("&Actual Size"), QString(),
                                [this] { mView->resetZoom(); }, QKeySequence(Qt::CTRL | Qt::Key_0)));
    mViewMenu->addAction(action(QStringLiteral("fit"), tr("&Fit to View"), QStringLiteral("zoom-fit"),
                                [this] { mView->fitToView(); }, QKeySequence(Qt::CTRL | Qt::Key_1)));
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
    mStatusFindings->setText(tr("%n error(s)", nullptr, v.count(Severity::Error)) + QStringLiteral(" · ")
                             + tr("%n warning(s)", nullptr, v.count(Severity::Warning)) + QStringLiteral(" · ")
                             + tr("%n info", nullptr, v.count(Severity::Info)));
    mStatusZoom->setText(tr("Zoom %1%").arg(qRound(mView->zoom() * 100)));
}

void MainWindow::updateActions()
{
    const QStringList guests = selectedGuests();
    const bool any = !mScene->selectedIds().isEmpty();
    for (const char *name : {"cut", "copy", "duplicate", "delete", "rename"})
        mActions.value(QString::fromLatin1(name))->setEnabled(any);
    mActions.value(QStringLiteral("makePair"))->setEnabled(guests.size() == 2);
    mActions.value(QStringLiteral("makePool"))->setEnabled(guests.size() >= 2);
    mActions.value(QStringLiteral("ungroup"))->setEnabled(!guests.isEmpty());
    mActions.value(QStringLiteral("swap"))->setEnabled(!guests.isEmpty());
}

void MainWindow::resetDocument(Topology topology, const QString &path)
{
    mUndoStack->clear();
    mDocument->reset(std::move(topology));
    mPath = path;
    mUndoStack->setClean();
    updateTitle();
    updateStatus();
    QTimer::singleShot(0, mView, &TopologyView::fitToView);
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

bool MainWindow::openFile(const QString &path, QString *error, bool quiet)
{
    const LoadResult r = LayoutReader::readFile(path);
    if (!r.ok()) {
        const QString message = r.error->toString();
        if (error)
            *error = message;
        if (!quiet)
            QMessageBox::critical(this, tr("Cannot open layout"),
                                  tr("<p>The layout could not be opened; nothing was changed.</p><pre>%1</pre>")
                                      .arg(message.toHtmlEscaped()));
        return false;
    }
    resetDocument(r.topology, QFileInfo(path).absoluteFilePath());
    addRecent(mPath);
    if (!r.warnings.isEmpty()) {
        QStringList lines;
        for (const Diagnostic &w : r.warnings)
            lines << w.toString();
        statusBar()->showMessage(tr("Opened with %1 warning(s): %2").arg(r.warnings.size()).arg(lines.first()), 10000);
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
    mUndoStack->setClean();
    addRecent(mPath);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(mPath), 4000);
    return true;
}

bool MainWindow::save()
{
    if (mPath.isEmpty())
        return saveAs();
    QString error;
    if (!saveTo(mPath, &error)) {
        QMessageBox::critical(this, tr("Cannot save"), tr("The layout was not saved; the file on disk is unchanged.\n\n%1").arg(error));
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Layout"),
                                                mPath.isEmpty() ? mDocument->topology().header.name + QStringLiteral(".topo.yaml") : mPath,
                                                tr("Topology layouts (*.topo.yaml);;YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += QStringLiteral(".topo.yaml");
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::critical(this, tr("Cannot save"), tr("The layout was not saved.\n\n%1").arg(error));
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
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    mRecentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
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
    if (mUndoStack->isClean())
        return;
    mRecovery->write(LayoutWriter::write(mDocument->topology()), mPath);
}

void MainWindow::offerRecovery()
{
    if (!mRecovery->pending()) {
        mRecovery->claim();
        return;
    }
    const LoadResult r = LayoutReader::readFile(mRecovery->recoveryFile());
    const QString original = mRecovery->pendingOriginalPath();
    if (r.ok()
        && QMessageBox::question(this, tr("Recover unsaved work?"),
                                 tr("Topology Designer did not close properly last time. Recover the unsaved "
                                    "changes to %1?")
                                     .arg(original.isEmpty() ? r.topology.header.name : original))
               == QMessageBox::Yes) {
        resetDocument(r.topology, original);
        // The recovered state is not on disk yet: mark it modified.
        mUndoStack->resetClean();
        updateTitle();
    }
    mRecovery->discard();
    mRecovery->claim();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    mRecovery->discard();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile() && (url.path().endsWith(QLatin1String(".yaml")) || url.path().endsWith(QLatin1String(".yml")))) {
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
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
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
    bool hostsWithGuests = false;
    for (const QString &id : ids) {
        const int h = mDocument->index().host(HostId(id));
        hostsWithGuests = hostsWithGuests || (h >= 0 && !mDocument->index().guestsOnHost(h).isEmpty());
    }
    ChangeBuilder::GuestPolicy policy = hostGuests == HostGuests::Delete ? ChangeBuilder::GuestPolicy::Delete
                                                                         : ChangeBuilder::GuestPolicy::Unplace;
    if (hostsWithGuests && hostGuests == HostGuests::Ask) {
        QMessageBox box(QMessageBox::Question, tr("Delete host"),
                        tr("The selected hosts run guests. What should happen to them?"), QMessageBox::Cancel, this);
        QPushButton *unplace = box.addButton(tr("Unplace the guests"), QMessageBox::AcceptRole);
        QPushButton *remove = box.addButton(tr("Delete the guests too"), QMessageBox::DestructiveRole);
        box.setDefaultButton(unplace);
        box.exec();
        if (box.clickedButton() == static_cast<QAbstractButton *>(remove))
            policy = ChangeBuilder::GuestPolicy::Delete;
        else if (box.clickedButton() != static_cast<QAbstractButton *>(unplace))
            return;
    }
    const Change change = build.remove(ids, policy, ids.size() == 1 ? tr("Delete %1").arg(ids.first())
                                                                    : tr("Delete %1 Objects").arg(ids.size()));
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
    const bool ours = !clip || !clip->hasText() || (clip->hasFormat(mime::clipboard()) && clip->data(mime::clipboard()) == mCopied);
    if (!ours) {
        // Objects copied from another window or written by hand.
        const QByteArray yaml = clip->hasFormat(mime::clipboard()) ? clip->data(mime::clipboard()) : clip->text().toUtf8();
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

bool MainWindow::makePair()
{
    const QStringList guests = selectedGuests();
    if (guests.size() != 2) {
        statusBar()->showMessage(tr("Select exactly two guests to make a switchover pair."), 4000);
        return false;
    }
    const Topology &t = mDocument->topology();
    for (const QString &id : guests) {
        for (int g : mDocument->index().groupsOfGuest(mDocument->index().guest(GuestId(id)))) {
            if (t.groups.at(g).kind == GroupKind::Switchover) {
                statusBar()->showMessage(tr("%1 is already in a switchover pair.").arg(id), 4000);
                return false;
            }
        }
    }
    Group g;
    int n = 1;
    while (mDocument->index().find(QStringLiteral("pair-%1").arg(n)))
        ++n;
    g.id = GroupId(QStringLiteral("pair-%1").arg(n));
    const Guest &primary = t.guests.at(mDocument->index().guest(GuestId(guests.first())));
    g.name = tr("%1 switchover pair").arg(primary.name);
    g.kind = GroupKind::Switchover;
    g.members = {GuestId(guests.at(0)), GuestId(guests.at(1))};
    mUndoStack->push(new GroupCommand(mDocument, ChangeBuilder(t, mDocument->index()).add(g, tr("Make Switchover Pair"))));
    return true;
}

bool MainWindow::makePool()
{
    const QStringList guests = selectedGuests();
    if (guests.size() < 2) {
        statusBar()->showMessage(tr("Select two or more guests to make a pool."), 4000);
        return false;
    }
    const Topology &t = mDocument->topology();
    Group g;
    int n = 1;
    while (mDocument->index().find(QStringLiteral("pool-%1").arg(n)))
        ++n;
    g.id = GroupId(QStringLiteral("pool-%1").arg(n));
    g.name = tr("Pool %1").arg(n);
    g.kind = GroupKind::Pool;
    for (const QString &id : guests)
        g.members.append(GuestId(id));
    mUndoStack->push(new GroupCommand(mDocument, ChangeBuilder(t, mDocument->index()).add(g, tr("Make Pool"))));
    return true;
}

void MainWindow::ungroupSelection()
{
    QStringList groups;
    for (const QString &id : selectedGuests()) {
        for (int g : mDocument->index().groupsOfGuest(mDocument->index().guest(GuestId(id)))) {
            const QString gid = mDocument->topology().groups.at(g).id.str();
            if (!groups.contains(gid))
                groups << gid;
        }
    }
    if (groups.isEmpty())
        return;
    mUndoStack->push(new GroupCommand(mDocument, ChangeBuilder(mDocument->topology(), mDocument->index())
                                                     .remove(groups, ChangeBuilder::GuestPolicy::Unplace, tr("Ungroup"))));
}

void MainWindow::swapPrimaryBackup()
{
    for (const QString &id : selectedGuests()) {
        for (int g : mDocument->index().groupsOfGuest(mDocument->index().guest(GuestId(id)))) {
            Group group = mDocument->topology().groups.at(g);
            if (group.kind != GroupKind::Switchover)
                continue;
            std::swap(group.members[0], group.members[1]);
            mUndoStack->push(new GroupCommand(mDocument, ChangeBuilder(mDocument->topology(), mDocument->index())
                                                             .replace(group, tr("Swap Primary/Backup"))));
            return;
        }
    }
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
    mRenameEdit->setGeometry(r.x(), r.y(), std::max(160, std::min(r.width(), 320)), std::max(24, mRenameEdit->sizeHint().height()));
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
            case ObjectKind::Circuit: { Circuit o = top.circuits.at(current->pos); o.name = text; after = o; break; }
            case ObjectKind::Rack: { Rack o = top.racks.at(current->pos); o.name = text; after = o; break; }
            case ObjectKind::Host: { Host o = top.hosts.at(current->pos); o.name = text; after = o; break; }
            default: { Guest o = top.guests.at(current->pos); o.name = text; after = o; break; }
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
        const Change change = mScene->nudgeHosts(hosts, dy < 0 ? 1 : -1, &reason);
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
