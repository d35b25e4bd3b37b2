#include "whatif/viewmodes.h"

#include "mainwindow.h"
#include "panels/issuesmodel.h"
#include "panels/issuespanel.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

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
    });
    window->addAction(mHideNames);
}

void ViewModes::addTo(QMenu *menu)
{
    menu->addAction(mCompact);
    menu->addAction(mHideNames);
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
