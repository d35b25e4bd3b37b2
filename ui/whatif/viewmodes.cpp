#include "whatif/viewmodes.h"

#include "charts/chartsdock.h"
#include "document.h"
#include "mainwindow.h"
#include "panels/inspectorpanel.h"
#include "panels/issuesmodel.h"
#include "panels/issuespanel.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace td {

namespace {
const QString kCompactKey = QStringLiteral("view/compactRacks");
} // namespace

ViewModes::ViewModes(MainWindow *window) : QObject(window), mWindow(window)
{
    mCompact = new QAction(tr("&Compact Racks"), this);
    mCompact->setObjectName(QStringLiteral("compactRacks"));
    mCompact->setCheckable(true);
    mCompact->setToolTip(tr("Collapse the empty units of the racks, to read the layout on a small screen"));
    connect(mCompact, &QAction::toggled, this, [this](bool on) {
        mWindow->scene()->setCompact(on);
        QSettings().setValue(kCompactKey, on);
        mWindow->view()->fitToView();
    });
    mCompact->setChecked(QSettings().value(kCompactKey, false).toBool());

    mHideNames = new QAction(tr("&Hide Names"), this);
    mHideNames->setObjectName(QStringLiteral("hideNames"));
    mHideNames->setCheckable(true);
    mHideNames->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    mHideNames->setToolTip(tr("Show generic labels (Host 1, CIC Server A) instead of host and VM names"));
    connect(mHideNames, &QAction::toggled, this, [this](bool on) {
        TopologyScene *scene = mWindow->scene();
        scene->setHideNames(on);
        if (on)
            mWindow->issues()->model()->setTextMask([scene](const QString &text) { return scene->masked(text); });
        else
            mWindow->issues()->model()->setTextMask({});
        // The inspector shows the labels too, its name fields read-only (a
        // label is not a name to edit); the charts label their axes so.
        if (on) {
            mWindow->inspector()->setNameMask(
                [scene](const QString &id, const QString &name) { return scene->displayName(id, name); });
        } else {
            mWindow->inspector()->setNameMask({});
        }
        if (auto *charts = mWindow->findChild<ChartsPanel *>())
            charts->setHideNames(on);
        maskStatusMessage(mWindow->statusBar()->currentMessage());
    });
    // A status bar message that names a host or guest ("Cannot drop there:
    // ..."), shown while names are hidden, is shown with the labels.
    connect(mWindow->statusBar(), &QStatusBar::messageChanged, this, &ViewModes::maskStatusMessage);
    window->addAction(mHideNames);

    mPresent = new QAction(tr("&Presentation Mode"), this);
    mPresent->setObjectName(QStringLiteral("presentation"));
    mPresent->setCheckable(true);
    mPresent->setShortcut(QKeySequence(Qt::Key_F5));
    mPresent->setToolTip(tr("Full screen, the canvas and the what-if banner only; arrow keys step through the "
                            "scenarios, Esc leaves (F5)"));
    connect(mPresent, &QAction::toggled, this, &ViewModes::setPresenting);
    window->addAction(mPresent);
}

void ViewModes::maskStatusMessage(const QString &message)
{
    if (message.isEmpty() || !mWindow->scene()->hidesNames())
        return;
    const QString masked = mWindow->scene()->masked(message);
    if (masked != message)
        mWindow->statusBar()->showMessage(masked, kMaskedMessageMs);
}

QVector<QStringList> ViewModes::presentationScenarios() const
{
    QVector<QStringList> steps;
    for (const Scenario &s : mWindow->document()->topology().scenarios)
        steps << s.fail;
    if (!steps.isEmpty())
        return steps;
    for (const ScenarioResult &r : mWindow->whatIf()->state()->analysis().worst(20, 1))
        steps << r.fail;
    return steps;
}

void ViewModes::setPresenting(bool on)
{
    if (on == mPresenting)
        return;
    mPresenting = on;
    mPresent->setChecked(on);
    WhatIfState *state = mWindow->whatIf()->state();
    if (on) {
        mSaved.geometry = mWindow->saveGeometry();
        mSaved.state = mWindow->saveState();
        mSaved.windowState = mWindow->windowState();
        mSaved.compact = mCompact->isChecked();
        mSaved.whatIf = state->isActive();
        mSaved.failed = state->failed();
        mSaved.menuBar = mWindow->menuBar()->isVisible();
        mSaved.statusBar = mWindow->statusBar()->isVisible();
        for (QDockWidget *dock : mWindow->findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *bar : mWindow->findChildren<QToolBar *>())
            bar->hide();
        mWindow->menuBar()->hide();
        mWindow->statusBar()->hide();
        // Compact racks without saving the choice: it is the presentation's.
        {
            const QSignalBlocker quiet(mCompact);
            mCompact->setChecked(true);
        }
        mWindow->scene()->setCompact(true);
        mWindow->whatIf()->setLargeBanner(true);
        mSteps = presentationScenarios();
        mStep = -1;
        state->setFailed({});
        mWindow->view()->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        mWindow->view()->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // Without a window manager full screen is only a wish: the screen's
        // size first, the same either way.
        if (QScreen *screen = mWindow->screen())
            mWindow->setGeometry(screen->geometry());
        mWindow->showFullScreen();
        qApp->installEventFilter(this);
        QTimer::singleShot(0, mWindow->view(), &TopologyView::fitToView);
    } else {
        qApp->removeEventFilter(this);
        mWindow->whatIf()->setLargeBanner(false);
        mWindow->view()->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        mWindow->view()->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        if (mSaved.whatIf)
            state->setFailed(mSaved.failed);
        else
            state->setActive(false);
        {
            const QSignalBlocker quiet(mCompact);
            mCompact->setChecked(mSaved.compact);
        }
        mWindow->scene()->setCompact(mSaved.compact);
        mWindow->menuBar()->setVisible(mSaved.menuBar);
        mWindow->statusBar()->setVisible(mSaved.statusBar);
        mWindow->setWindowState(mSaved.windowState);
        mWindow->restoreGeometry(mSaved.geometry);
        mWindow->restoreState(mSaved.state);
        QTimer::singleShot(0, mWindow->view(), &TopologyView::fitToView);
    }
}

void ViewModes::step(int delta)
{
    if (mSteps.isEmpty())
        return;
    // -1 is the layout with nothing failed, before the first scenario.
    mStep = std::clamp(mStep + delta, -1, static_cast<int>(mSteps.size()) - 1);
    mWindow->whatIf()->state()->setFailed(mStep < 0 ? QStringList() : mSteps.at(mStep));
}

bool ViewModes::eventFilter(QObject *watched, QEvent *event)
{
    if (!mPresenting)
        return false;
    if (event->type() == QEvent::Resize && watched == mWindow->view()) {
        // The whole layout, whatever size full screen turns out to be.
        QTimer::singleShot(0, mWindow->view(), &TopologyView::fitToView);
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return false;
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Escape: setPresenting(false); return true;
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown: // presenter remotes
    case Qt::Key_Space: step(1); return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp: step(-1); return true;
    case Qt::Key_Home: step(-static_cast<int>(mSteps.size()) - 1); return true;
    case Qt::Key_H: // hide names, without the hidden menu
        if (static_cast<QKeyEvent *>(event)->modifiers() != Qt::NoModifier)
            return false;
        mHideNames->toggle();
        return true;
    default: return false;
    }
}

void ViewModes::addTo(QMenu *menu)
{
    menu->addAction(mCompact);
    menu->addAction(mHideNames);
    menu->addAction(mPresent);
}

void ViewModes::setHideNames(bool on)
{
    mHideNames->setChecked(on);
}

void ViewModes::setCompact(bool on)
{
    mCompact->setChecked(on);
}

} // namespace td
