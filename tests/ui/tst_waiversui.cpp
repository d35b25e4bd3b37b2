// Waivers in the designer, driven as a user does: right-click a finding in
// the issues list (or an object on the canvas), pick Waive..., type the
// reason in the dialog, OK; the finding turns grey with its reason, leaves
// the counts and the badge; Ctrl+Z gives it back.

// Mouse events go through the window, as the platform delivers them: a
// right-click then makes the context menu event a user's does.
#define QTEST_QPA_MOUSE_HANDLING
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "panels/issuesmodel.h"
#include "panels/issuespanel.h"
#include "panels/waiveractions.h"
#include "windowtest.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <functional>

using namespace td;

class TestWaiversUi : public test::WindowTest
{
    Q_OBJECT

private:
    static QString golden(const char *path)
    {
        return QStringLiteral(TD_TESTS_DIR "/../core/rules/golden/") + QLatin1String(path);
    }

    QAbstractItemView *issuesView() const { return mWindow->issues()->view(); }

    // The row of the issues list (as shown) whose rule is this.
    int shownRow(const QString &rule) const
    {
        const QAbstractItemModel *m = issuesView()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, IssuesModel::RuleColumn).data().toString() == rule)
                return r;
        }
        return -1;
    }

    QString statusText() const
    {
        for (const QLabel *l : mWindow->statusBar()->findChildren<QLabel *>()) {
            if (l->text().contains(QLatin1String("error(s)")))
                return l->text();
        }
        return {};
    }

    // Runs `step` once the widget `find` returns shows up (a popup menu, a
    // modal dialog): they run their own event loop, so the test acts from a
    // timer.
    static void whenShown(std::function<QWidget *()> find, std::function<void(QWidget *)> step)
    {
        auto *timer = new QTimer;
        timer->setInterval(20);
        auto tries = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, timer, [timer, find, step, tries] {
            QWidget *w = find();
            if (!w || !w->isVisible()) {
                if (++*tries > 1500) { // 30 s: give up, the test's checks then fail
                    qWarning("whenShown: nothing showed up");
                    timer->deleteLater();
                }
                return;
            }
            timer->stop();
            timer->deleteLater();
            step(w);
        });
        timer->start();
    }

    // Clicks the action named objectName in the popup menu that opens next.
    static void pickFromNextMenu(const QString &objectName, bool *picked)
    {
        *picked = false;
        whenShown([] { return QApplication::activePopupWidget(); },
                  [objectName, picked](QWidget *w) {
                      auto *menu = qobject_cast<QMenu *>(w);
                      QAction *action = nullptr;
                      for (QAction *a : menu ? menu->actions() : QList<QAction *>()) {
                          if (a->objectName() == objectName && !action)
                              action = a;
                      }
                      if (!action) {
                          w->close();
                          return;
                      }
                      *picked = true;
                      QTest::mouseClick(menu, Qt::LeftButton, Qt::NoModifier, menu->actionGeometry(action).center());
                  });
    }

    // Types the reason into the waive dialog that opens next and presses Enter.
    static void answerNextWaiveDialog(const QString &reason, bool *okWasDisabledWhileEmpty)
    {
        whenShown([] { return QApplication::activeModalWidget(); },
                  [reason, okWasDisabledWhileEmpty](QWidget *w) {
                      auto *edit = w->findChild<QLineEdit *>(QStringLiteral("waiverReason"));
                      QPushButton *ok = nullptr;
                      for (QPushButton *b : w->findChildren<QPushButton *>()) {
                          if (b->text().remove(QLatin1Char('&')) == QLatin1String("Waive"))
                              ok = b;
                      }
                      if (!edit || !ok) {
                          qWarning("not the waive dialog: %s", qPrintable(w->objectName()));
                          w->close();
                          return;
                      }
                      *okWasDisabledWhileEmpty = !ok->isEnabled();
                      QTest::keyClicks(edit, QStringLiteral("   ")); // blanks are no reason
                      *okWasDisabledWhileEmpty = *okWasDisabledWhileEmpty && !ok->isEnabled();
                      edit->clear();
                      QTest::keyClicks(edit, reason);
                      // Enter takes the default button (Waive): the right button that
                      // opened the menu is still down, so the mouse belongs to the list.
                      QTest::keyClick(edit, Qt::Key_Return);
                  });
    }

    // Ctrl+Z where the user is: in the issues list.
    void pressUndo()
    {
        mWindow->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
        issuesView()->setFocus();
        QTest::keyClick(issuesView(), Qt::Key_Z, Qt::ControlModifier);
    }

    // Right-clicks the shown row of this rule in the issues list.
    void rightClickIssue(const QString &rule)
    {
        const int row = shownRow(rule);
        QVERIFY2(row >= 0, qPrintable(rule));
        const QRect rect = issuesView()->visualRect(issuesView()->model()->index(row, IssuesModel::MessageColumn));
        QTest::mouseClick(issuesView()->viewport(), Qt::RightButton, Qt::NoModifier, rect.center());
    }

private slots:
    void initTestCase() { setUpApplication("tst_waiversui"); }

    void init()
    {
        openWindow(false);
        QString error;
        QVERIFY2(mWindow->openFile(golden("redundancy-same-host/fires.topo.yaml"), &error, true), qPrintable(error));
        QCOMPARE(doc()->validator().count(Severity::Error), 1);
    }

    void cleanup() { closeWindow(); }

    void waiveFromTheIssuesListAndUndo()
    {
        const QString rule = QStringLiteral("redundancy-same-host");
        QCOMPARE(scene()->badgeFor(QStringLiteral("esx01")).count, 1);
        QVERIFY(statusText().startsWith(QLatin1String("1 error(s)")));

        bool picked = false;
        bool okDisabled = false;
        pickFromNextMenu(QStringLiteral("waive"), &picked);
        answerNextWaiveDialog(QStringLiteral("Lab until CHG-42"), &okDisabled);
        rightClickIssue(rule);
        QTRY_VERIFY(picked);
        QTRY_COMPARE(doc()->validator().waivedCount(), 1);
        QVERIFY(okDisabled);

        // Grey, with the reason beside the message; out of the counts and the badge.
        QCOMPARE(doc()->validator().count(Severity::Error), 0);
        const int row = shownRow(rule);
        QVERIFY(row >= 0);
        const QModelIndex message = issuesView()->model()->index(row, IssuesModel::MessageColumn);
        QVERIFY(message.data().toString().endsWith(QLatin1String("[waived: Lab until CHG-42]")));
        QVERIFY(message.data(Qt::ForegroundRole).isValid());
        QCOMPARE(scene()->badgeFor(QStringLiteral("esx01")).count, 0);
        QCOMPARE(scene()->badgeFor(QStringLiteral("ic1")).count, 0);
        QVERIFY2(statusText().startsWith(QLatin1String("0 error(s)")), qPrintable(statusText()));
        QVERIFY(statusText().contains(QLatin1String("1 waived")));
        QCOMPARE(doc()->topology().waivers.size(), 1);
        QCOMPARE(doc()->topology().waivers.first().reason, QStringLiteral("Lab until CHG-42"));
        QCOMPARE(mWindow->undoStack()->count(), 1);
        QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Waive redundancy-same-host"));

        // The filter hides and shows waived findings.
        QCheckBox *showWaived = mWindow->issues()->waivedFilter();
        QTest::mouseClick(showWaived, Qt::LeftButton, Qt::NoModifier, QPoint(8, showWaived->height() / 2));
        QVERIFY(!showWaived->isChecked());
        QCOMPARE(mWindow->issues()->shownCount(), 0);
        QTest::mouseClick(showWaived, Qt::LeftButton, Qt::NoModifier, QPoint(8, showWaived->height() / 2));
        QCOMPARE(mWindow->issues()->shownCount(), 1);

        // Ctrl+Z: the error is back, with its badge.
        pressUndo();
        QCOMPARE(doc()->validator().count(Severity::Error), 1);
        QCOMPARE(doc()->validator().waivedCount(), 0);
        QVERIFY(doc()->topology().waivers.isEmpty());
        QCOMPARE(scene()->badgeFor(QStringLiteral("esx01")).count, 1);
        QVERIFY(!issuesView()
                     ->model()
                     ->index(shownRow(rule), IssuesModel::MessageColumn)
                     .data()
                     .toString()
                     .contains(QLatin1String("waived")));
        QVERIFY(statusText().startsWith(QLatin1String("1 error(s)")));
    }

    void cancellingWaivesNothing()
    {
        bool picked = false;
        pickFromNextMenu(QStringLiteral("waive"), &picked);
        whenShown([] { return QApplication::activeModalWidget(); },
                  [](QWidget *w) { QTest::keyClick(w, Qt::Key_Escape); });
        rightClickIssue(QStringLiteral("redundancy-same-host"));
        QTRY_VERIFY(picked);
        QTest::qWait(100);
        QCOMPARE(doc()->validator().count(Severity::Error), 1);
        QCOMPARE(mWindow->undoStack()->count(), 0);
    }

    void unwaiveFromTheIssuesList()
    {
        mWindow->undoStack()->push(
            new WaiverCommand(doc(), ChangeBuilder(doc()->topology(), doc()->index())
                                         .addWaiver(QStringLiteral("redundancy-same-host"),
                                                    {QStringLiteral("esx01"), QStringLiteral("ic1"),
                                                     QStringLiteral("ic2"), QStringLiteral("cic-pair")},
                                                    QStringLiteral("Accepted"))));
        QCOMPARE(doc()->validator().count(Severity::Error), 0);
        bool picked = false;
        pickFromNextMenu(QStringLiteral("unwaive"), &picked);
        rightClickIssue(QStringLiteral("redundancy-same-host"));
        QTRY_VERIFY(picked);
        QTRY_COMPARE(doc()->validator().count(Severity::Error), 1);
        QVERIFY(doc()->topology().waivers.isEmpty());
        QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Unwaive redundancy-same-host"));
    }

    void waiveFromTheCanvas()
    {
        // Right-click the host whose badge shows the error.
        const QRectF rect = scene()->sceneRectOf(QStringLiteral("esx01"));
        QVERIFY(!rect.isEmpty());
        view()->ensureVisible(rect);
        const QPoint at = view()->mapFromScene(rect.topLeft() + QPointF(12, 12));
        bool picked = false;
        bool okDisabled = false;
        pickFromNextMenu(QStringLiteral("waive"), &picked);
        answerNextWaiveDialog(QStringLiteral("From the canvas"), &okDisabled);
        QTest::mouseClick(viewport(), Qt::RightButton, Qt::NoModifier, at);
        QTRY_VERIFY(picked);
        QTRY_COMPARE(doc()->validator().waivedCount(), 1);
        QCOMPARE(scene()->badgeFor(QStringLiteral("esx01")).count, 0);
    }

    void removeAnUnusedWaiver()
    {
        QString error;
        QVERIFY2(mWindow->openFile(golden("waiver-unused/fires.topo.yaml"), &error, true), qPrintable(error));
        QVERIFY(shownRow(QStringLiteral("waiver-unused")) >= 0);
        QCOMPARE(doc()->topology().waivers.size(), 1);
        bool picked = false;
        pickFromNextMenu(QStringLiteral("removeUnusedWaiver"), &picked);
        rightClickIssue(QStringLiteral("waiver-unused"));
        QTRY_VERIFY(picked);
        QTRY_VERIFY(doc()->topology().waivers.isEmpty());
        QCOMPARE(shownRow(QStringLiteral("waiver-unused")), -1);
        pressUndo();
        QCOMPARE(doc()->topology().waivers.size(), 1);
        QVERIFY(shownRow(QStringLiteral("waiver-unused")) >= 0);
    }
};

QTEST_MAIN(TestWaiversUi)
#include "tst_waiversui.moc"
