#pragma once

#include "document.h"
#include "mainwindow.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace td::test {

// What the offscreen UI tests share: the real window, shown, with a recovery
// folder of its own, and real drag events on its canvas. A suite derives
// from it and calls these from its initTestCase/init/cleanup slots.
class WindowTest : public QObject
{
protected:
    // Settings and standard paths of the test, apart from the user's.
    static void setUpApplication(const char *name)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("TopologyDesignerTests"));
        QCoreApplication::setApplicationName(QString::fromLatin1(name));
        QStandardPaths::setTestModeEnabled(true);
    }
    // A 1400x900 window, on the embedded sample unless told otherwise.
    void openWindow(bool sample = true)
    {
        mWindow = std::make_unique<MainWindow>(mDir.filePath(QStringLiteral("recovery")));
        mWindow->resize(1400, 900);
        if (sample)
            mWindow->openSample();
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    // The same on default settings: none left by an earlier test function.
    void openFreshWindow(bool sample = true)
    {
        QSettings().clear();
        openWindow(sample);
    }
    // Closes the window without the unsaved-changes prompt.
    void closeWindow()
    {
        mWindow->undoStack()->setClean();
        mWindow->close();
        mWindow.reset();
    }

    Document *doc() const { return mWindow->document(); }
    TopologyScene *scene() const { return mWindow->scene(); }
    TopologyView *view() const { return mWindow->view(); }
    QWidget *viewport() const { return view()->viewport(); }

    // Real drag enter, moves (from `from` to `to` in `steps`) and drop on the
    // canvas's viewport; true when the drop was accepted.
    bool dragOnViewport(const QMimeData &data,
                        const QPoint &from,
                        const QPoint &to,
                        int steps = 1,
                        Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction)
    {
        QDragEnterEvent enter(from, actions, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        for (int i = 1; i <= steps; ++i) {
            QDragMoveEvent move(from + (to - from) * i / steps, actions, &data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport(), &move);
        }
        QDropEvent drop(to, actions, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &drop);
        return drop.isAccepted();
    }

    QTemporaryDir mDir;
    std::unique_ptr<MainWindow> mWindow;
};

} // namespace td::test
