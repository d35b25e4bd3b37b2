#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace td {

class MainWindow;

// The window's ways of showing the layout to an audience: the compact rack
// view (persisted), and later hide names and presentation mode. Owns their
// actions; the window adds them to its View menu.
class ViewModes final : public QObject
{
    Q_OBJECT

public:
    explicit ViewModes(MainWindow *window);

    // Adds the actions to a menu (the window's View menu).
    void addTo(QMenu *menu);
    QAction *compactAction() const { return mCompact; }
    void setCompact(bool on);
    // Hide names: generic labels instead of host and VM names, on the
    // canvas, in tooltips, the banner and the issues list.
    QAction *hideNamesAction() const { return mHideNames; }
    void setHideNames(bool on);

private:
    MainWindow *mWindow;
    QAction *mCompact;
    QAction *mHideNames;
};

} // namespace td
