#pragma once

#include <QObject>

class QAction;
class QLabel;
class QPointF;

namespace td {

class FailuresPanel;
class MainWindow;
class WhatIfOverlay;
class WhatIfState;

// What-if mode of a window (a toolbar toggle, Ctrl+Shift+W): clicks on the
// canvas fail and restore hosts, racks and circuits (a guest's chip means
// its host) instead of selecting and dragging; the overlay draws what the
// scenario does and a banner over the canvas says it in one sentence. The
// document is never changed; edits made elsewhere (inspector, menus) are
// followed: the same elements fail in the edited layout. Esc leaves.
class WhatIfMode final : public QObject
{
    Q_OBJECT

public:
    explicit WhatIfMode(MainWindow *window);

    WhatIfState *state() const { return mState; }
    WhatIfOverlay *overlay() const { return mOverlay; }
    QAction *action() const { return mAction; }
    QLabel *banner() const { return mBanner; }
    // The "Failures" dock's content (tabbed with the inspector).
    FailuresPanel *failures() const { return mFailures; }
    // The id a click at a scene point fails or restores (empty: none).
    QString targetAt(const QPointF &scenePos) const;
    // Large banner text (presentation mode).
    void setLargeBanner(bool large);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void placeBanner();

    MainWindow *mWindow;
    WhatIfState *mState;
    WhatIfOverlay *mOverlay;
    QAction *mAction;
    QLabel *mBanner;
    FailuresPanel *mFailures;
    bool mLargeBanner = false;
};

} // namespace td
