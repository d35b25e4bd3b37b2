#include "whatif/whatifmode.h"

#include "document.h"
#include "mainwindow.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "whatif/failurespanel.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"

#include <QAction>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

namespace td {

WhatIfMode::WhatIfMode(MainWindow *window)
    : QObject(window), mWindow(window), mState(new WhatIfState(window->document(), this)),
      mOverlay(new WhatIfOverlay(window->scene(), mState))
{
    mAction = new QAction(tr("&What If It Fails?"), this);
    mAction->setObjectName(QStringLiteral("whatIf"));
    mAction->setCheckable(true);
    mAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    mAction->setToolTip(tr("What-if mode: click hosts, racks and circuits to fail or restore them (Ctrl+Shift+W)"));
    window->addAction(mAction);
    connect(mAction, &QAction::toggled, mState, &WhatIfState::setActive);
    connect(mState, &WhatIfState::activeChanged, mAction, &QAction::setChecked);
    connect(mState, &WhatIfState::scenarioChanged, this, &WhatIfMode::refresh);
    TopologyScene *scene = window->scene();
    connect(scene, &TopologyScene::compactChanged, this, &WhatIfMode::refresh);
    connect(scene, &TopologyScene::hideNamesChanged, this, &WhatIfMode::refresh);

    mBanner = new QLabel(window->view());
    mBanner->setObjectName(QStringLiteral("whatIfBanner"));
    mBanner->setWordWrap(true);
    mBanner->setAlignment(Qt::AlignCenter);
    mBanner->setAutoFillBackground(true);
    mBanner->setMargin(8);
    mBanner->hide();
    setLargeBanner(false);
    window->view()->installEventFilter(this);
    window->view()->viewport()->installEventFilter(this);

    mFailures = new FailuresPanel(window, mState);
    auto *dock = new QDockWidget(tr("Failures"), window);
    dock->setObjectName(QStringLiteral("FailuresDock"));
    dock->setWidget(mFailures);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto *inspector = window->findChild<QDockWidget *>(QStringLiteral("InspectorDock"))) {
        window->tabifyDockWidget(inspector, dock);
        inspector->raise();
    }
}

void WhatIfMode::setLargeBanner(bool large)
{
    mLargeBanner = large;
    QFont f = mBanner->font();
    f.setPointSizeF(large ? 18 : 11);
    f.setBold(true);
    mBanner->setFont(f);
    mBanner->setStyleSheet(QStringLiteral("QLabel#whatIfBanner { background: rgba(40, 40, 48, 225); color: white; "
                                          "border-bottom: 3px solid #c81e1e; padding: 0 8px; }"));
    placeBanner();
}

void WhatIfMode::refresh()
{
    mOverlay->refresh();
    const bool active = mState->isActive();
    if (active) {
        TopologyScene *scene = mWindow->scene();
        const Document *doc = mWindow->document();
        mBanner->setText(mState->sentence([scene, doc](const QString &id) {
            return scene->displayName(id, doc->index().nameOf(doc->topology(), id));
        }));
        placeBanner();
    }
    mBanner->setVisible(active);
    if (!active)
        mWindow->view()->setTopMargin(0);
}

void WhatIfMode::placeBanner()
{
    // Above the canvas (the view's top margin), never over it, and over the
    // canvas's columns only: the vertical scroll bar spans the view's whole
    // height, margin included, and stays uncovered beside the banner.
    TopologyView *view = mWindow->view();
    const int frame = view->frameWidth();
    const QScrollBar *bar = view->verticalScrollBar();
    const int width = view->width() - 2 * frame - (bar->isVisibleTo(view) ? bar->width() : 0);
    // QLabel measures its text for at least its minimum width: the fixed
    // width set last. Set the new one first, or a narrower view keeps the
    // height of the fewer lines of the wider one and cuts the text.
    mBanner->setFixedWidth(width);
    // Large (presentation): as large as fits in a fifth of the screen.
    if (mLargeBanner) {
        QFont f = mBanner->font();
        for (qreal points = 18; points >= 12; points -= 2) {
            f.setPointSizeF(points);
            mBanner->setFont(f);
            if (mBanner->heightForWidth(width) <= view->height() / 5)
                break;
        }
    }
    const int height = mBanner->heightForWidth(width);
    mBanner->setFixedHeight(std::max(height, 0));
    mBanner->move(frame, frame);
    mBanner->raise();
    const int margin = mState->isActive() ? std::max(height, 0) : 0;
    if (view->topMargin() != margin) {
        view->setTopMargin(margin);
        if (mLargeBanner) // presentation shows the whole layout below the banner
            QTimer::singleShot(0, view, &TopologyView::fitToView);
    }
}

QString WhatIfMode::targetAt(const QPointF &scenePos) const
{
    const Document *doc = mWindow->document();
    for (QGraphicsItem *item : mWindow->scene()->items(scenePos)) {
        auto *model = dynamic_cast<ModelItem *>(item);
        if (!model || !model->isVisible())
            continue;
        switch (model->kind()) {
        case ObjectKind::Guest: {
            const int pos = doc->index().guest(GuestId(model->id()));
            if (pos < 0)
                return {};
            const HostId host = doc->topology().guests.at(pos).host;
            return doc->index().host(host) >= 0 ? host.str() : QString();
        }
        case ObjectKind::Host:
        case ObjectKind::Rack:
        case ObjectKind::Circuit: return model->id();
        default: return {};
        }
    }
    return {};
}

bool WhatIfMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mWindow->view()) {
        if (event->type() == QEvent::Resize)
            placeBanner();
        return false;
    }
    // The vertical scroll bar came or went: the canvas is wider or narrower.
    if (event->type() == QEvent::Resize && mBanner->isVisible()
        && static_cast<QResizeEvent *>(event)->size().width() != mBanner->width())
        placeBanner();
    if (!mState->isActive())
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false; // middle-button pan stays
        const QString id = targetAt(mWindow->view()->mapToScene(mouse->position().toPoint()));
        if (!id.isEmpty())
            mState->toggle(id);
        return true;
    }
    case QEvent::MouseButtonRelease: return static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
    case QEvent::MouseMove: return static_cast<QMouseEvent *>(event)->buttons() & Qt::LeftButton;
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        // No edits on the canvas while it shows a scenario.
        event->ignore();
        return true;
    case QEvent::KeyPress:
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !mWindow->viewModes()->isPresenting()) {
            mState->setActive(false);
            return true;
        }
        return false;
    default: return false;
    }
}

} // namespace td
