#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>

class QAction;
class QMenu;

namespace td {

class MainWindow;

// The window's ways of showing the layout to an audience: the compact rack
// view (persisted), hide names, and presentation mode (F5: full screen,
// the canvas and the what-if banner only, compact racks, large banner;
// arrow keys, Page Up/Down and Space step through the scenarios, H hides
// names; Esc leaves and puts the window back as it was). Owns their actions; the
// window adds them to its View menu.
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

    QAction *presentAction() const { return mPresent; }
    bool isPresenting() const { return mPresenting; }
    void setPresenting(bool on);
    // The scenarios presentation mode steps through: the layout's saved
    // scenarios when it has some, else the worst single failures (most
    // groups down first), at most 20.
    QVector<QStringList> presentationScenarios() const;
    // Index of the scenario shown (-1: none failed yet).
    int presentationStep() const { return mStep; }
    void step(int delta);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Shows a status bar message again with the labels, if it names objects.
    void maskStatusMessage(const QString &message);
    static constexpr int kMaskedMessageMs = 5000;

    MainWindow *mWindow;
    QAction *mCompact;
    QAction *mHideNames;
    QAction *mPresent;
    bool mPresenting = false;
    int mStep = -1;
    QVector<QStringList> mSteps;
    // The window as it was before presenting.
    struct Saved
    {
        QByteArray geometry;
        QByteArray state;
        Qt::WindowStates windowState;
        bool compact = false;
        bool whatIf = false;
        QStringList failed;
        bool menuBar = true;
        bool statusBar = true;
    } mSaved;
};

} // namespace td
