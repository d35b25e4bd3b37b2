#include "whatif/viewmodes.h"

#include "mainwindow.h"
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
}

void ViewModes::addTo(QMenu *menu)
{
    menu->addAction(mCompact);
}

void ViewModes::setCompact(bool on)
{
    mCompact->setChecked(on);
}

} // namespace td
