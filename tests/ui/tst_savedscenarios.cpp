// Saved scenarios in the Failures dock, driven with real clicks and keys:
// reorder (buttons, Alt+Up/Down), make one fail the what-if selection, add
// and remove the elements one fails; each one undo step, and saved and
// opened again the layout has them as edited.
#include "mainwindow.h"
#include "whatif/failurespanel.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace td;

class TstSavedScenarios : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_savedscenarios"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeWindow(); }

    void reorder();
    void updateFromWhatIf();
    void addAndRemoveElements();
    void roundTrip();

private:
    WhatIfState *state() const { return mWindow->whatIf()->state(); }
    FailuresPanel *panel() const
    {
        auto *dock = mWindow->findChild<QDockWidget *>(QStringLiteral("FailuresDock"));
        dock->show();
        dock->raise();
        return mWindow->whatIf()->failures();
    }
    // Saves what-if scenarios failing each of these id lists, with the
    // Save button, and returns their names (document order).
    QStringList saveAll(const QVector<QStringList> &fails)
    {
        for (const QStringList &fail : fails) {
            state()->setFailed(fail);
            QTest::mouseClick(panel()->saveButton(), Qt::LeftButton);
        }
        QStringList names;
        for (const Scenario &s : doc()->topology().scenarios)
            names << s.name;
        return names;
    }
    QStringList names() const
    {
        QStringList out;
        for (const Scenario &s : doc()->topology().scenarios)
            out << s.name;
        return out;
    }
    QStringList shownNames() const
    {
        QStringList out;
        QListWidget *list = mWindow->whatIf()->failures()->savedList();
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->text();
        return out;
    }
    void clickRow(QListWidget *list, int row)
    {
        list->scrollToItem(list->item(row));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    }
};

void TstSavedScenarios::reorder()
{
    const QStringList saved = saveAll(
        {{QStringLiteral("rack-1")}, {QStringLiteral("ups-a")}, {QStringLiteral("esx02")}});
    QCOMPARE(saved.size(), 3);
    FailuresPanel *p = panel();
    QListWidget *list = p->savedList();
    const int steps = mWindow->undoStack()->count();

    // The last one up, with the button: it stays selected.
    clickRow(list, 2);
    QVERIFY(p->upButton()->isEnabled());
    QVERIFY(!p->downButton()->isEnabled()); // already last
    QTest::mouseClick(p->upButton(), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{saved.at(0), saved.at(2), saved.at(1)}));
    QCOMPARE(shownNames(), names());
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(mWindow->undoStack()->count(), steps + 1);

    // And to the top with Alt+Up on the list.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(names(), (QStringList{saved.at(2), saved.at(0), saved.at(1)}));
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(!p->upButton()->isEnabled());
    // Alt+Down twice: to the bottom; one undo step each.
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(names(), (QStringList{saved.at(0), saved.at(1), saved.at(2)}));
    QCOMPARE(mWindow->undoStack()->count(), steps + 4);
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Move Scenario"));

    // Undo goes back one move at a time.
    mWindow->undoStack()->undo();
    QCOMPARE(names(), (QStringList{saved.at(0), saved.at(2), saved.at(1)}));
    QCOMPARE(shownNames(), names());
    // The fails moved with the names.
    QCOMPARE(doc()->topology().scenarios.at(1).fail, QStringList{QStringLiteral("esx02")});
}

void TstSavedScenarios::updateFromWhatIf()
{
    saveAll({{QStringLiteral("rack-1")}});
    FailuresPanel *p = panel();
    clickRow(p->savedList(), 0);
    QCOMPARE(state()->failed(), QStringList{QStringLiteral("rack-1")}); // the click shows it
    QVERIFY(!p->updateButton()->isEnabled());                           // it fails that already
    // Fail more on the canvas... (the state, as the canvas clicks do)
    state()->toggle(QStringLiteral("ups-b"));
    QVERIFY(p->updateButton()->isEnabled());
    const int steps = mWindow->undoStack()->count();
    QTest::mouseClick(p->updateButton(), Qt::LeftButton);
    const QStringList expected{QStringLiteral("rack-1"), QStringLiteral("ups-b")};
    QCOMPARE(doc()->topology().scenarios.at(0).fail, expected);
    QCOMPARE(mWindow->undoStack()->count(), steps + 1);
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Edit Scenario"));
    QCOMPARE(p->elementList()->count(), 2);
    QVERIFY(!p->updateButton()->isEnabled());
    mWindow->undoStack()->undo();
    QCOMPARE(doc()->topology().scenarios.at(0).fail, QStringList{QStringLiteral("rack-1")});
    QCOMPARE(p->elementList()->count(), 1);
}

void TstSavedScenarios::addAndRemoveElements()
{
    saveAll({{QStringLiteral("rack-1"), QStringLiteral("ups-a")}});
    FailuresPanel *p = panel();
    clickRow(p->savedList(), 0);
    QListWidget *elements = p->elementList();
    QCOMPARE(elements->count(), 2);
    // The names shown, from the model.
    const Topology &t = doc()->topology();
    QCOMPARE(elements->item(0)->text(), t.racks.at(0).name);
    QCOMPARE(elements->item(1)->text(), t.circuits.at(0).name);

    // Add esx04 from the combo box: every host, rack and circuit it does not
    // fail yet is offered.
    QComboBox *add = p->addElementBox();
    const int offered = static_cast<int>(t.hosts.size() + t.racks.size() + t.circuits.size()) - 2;
    QCOMPARE(add->count(), offered + 1); // and the prompt
    const int esx04 = add->findData(QStringLiteral("esx04"));
    QVERIFY(esx04 > 0);
    QVERIFY(add->findData(QStringLiteral("rack-1")) < 0); // already failed
    const int steps = mWindow->undoStack()->count();
    add->setFocus();
    // Real keys: open the list, walk to the host, take it.
    QTest::keyClick(add, Qt::Key_Space);
    QAbstractItemView *popup = add->view();
    QTRY_VERIFY(popup->isVisible());
    popup->setCurrentIndex(add->model()->index(esx04, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    const QStringList three{QStringLiteral("rack-1"), QStringLiteral("ups-a"), QStringLiteral("esx04")};
    QTRY_COMPARE(doc()->topology().scenarios.at(0).fail, three);
    QCOMPARE(mWindow->undoStack()->count(), steps + 1);
    QCOMPARE(elements->count(), 3);
    QCOMPARE(add->currentIndex(), 0); // back to the prompt
    QVERIFY(add->findData(QStringLiteral("esx04")) < 0);

    // Remove two with the Delete key after selecting them with the mouse.
    QVERIFY(!p->removeElementButton()->isEnabled());
    clickRow(elements, 0);
    QTest::mouseClick(elements->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      elements->visualItemRect(elements->item(2)).center());
    QVERIFY(p->removeElementButton()->isEnabled());
    QTest::keyClick(elements, Qt::Key_Delete);
    QCOMPARE(doc()->topology().scenarios.at(0).fail, QStringList{QStringLiteral("ups-a")});
    QCOMPARE(mWindow->undoStack()->count(), steps + 2);
    // And the last with the button: a scenario may fail nothing.
    clickRow(elements, 0);
    QTest::mouseClick(p->removeElementButton(), Qt::LeftButton);
    QVERIFY(doc()->topology().scenarios.at(0).fail.isEmpty());
    QCOMPARE(elements->count(), 0);
    mWindow->undoStack()->undo();
    mWindow->undoStack()->undo();
    mWindow->undoStack()->undo();
    const QStringList two{QStringLiteral("rack-1"), QStringLiteral("ups-a")};
    QCOMPARE(doc()->topology().scenarios.at(0).fail, two);
}

void TstSavedScenarios::roundTrip()
{
    const QStringList saved = saveAll({{QStringLiteral("rack-1")}, {QStringLiteral("ups-a")}});
    FailuresPanel *p = panel();
    clickRow(p->savedList(), 1);
    QTest::mouseClick(p->upButton(), Qt::LeftButton);
    state()->toggle(QStringLiteral("esx05"));
    QTest::mouseClick(p->updateButton(), Qt::LeftButton);
    const QVector<Scenario> edited = doc()->topology().scenarios;
    QCOMPARE(edited.at(0).name, saved.at(1));
    const QStringList fail{QStringLiteral("ups-a"), QStringLiteral("esx05")};
    QCOMPARE(edited.at(0).fail, fail);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("walkthrough.topo.yaml"));
    QString error;
    QVERIFY2(mWindow->saveTo(path, &error), qPrintable(error));
    mWindow->newLayout(Hypervisor::VSphere);
    QVERIFY(doc()->topology().scenarios.isEmpty());
    QVERIFY2(mWindow->openFile(path, &error, true), qPrintable(error));
    QCOMPARE(doc()->topology().scenarios, edited);
    QCOMPARE(shownNames(), (QStringList{saved.at(1), saved.at(0)}));
}

QTEST_MAIN(TstSavedScenarios)
#include "tst_savedscenarios.moc"
