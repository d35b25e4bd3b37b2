// Hide names leaves no real host or guest name on screen, in any dock: every
// visible widget's text and tooltip (labels, fields, buttons, combo boxes,
// every row of the item views, chart axes and series), the window title and
// the status bar, with each object shown in the inspector in turn. The real
// names are read from the model; the same walk with names shown finds them
// (the check can fail). The inspector's name fields show the labels and are
// read-only while names are hidden.
#include "changebuilder.h"
#include "charts/chartsdock.h"
#include "commands/changecommand.h"
#include "mainwindow.h"
#include "panels/inspectorpanel.h"
#include "whatif/failurespanel.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStatusBar>
#include <QUndoStack>

using namespace td;

namespace {

// Every text of a model's rows (display and tooltip), children included.
void modelTexts(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex index = model->index(r, c, parent);
            out << model->data(index, Qt::DisplayRole).toString() << model->data(index, Qt::ToolTipRole).toString();
        }
        const QModelIndex first = model->index(r, 0, parent);
        if (model->hasChildren(first))
            modelTexts(model, first, out);
    }
}

// The texts of every visible widget of the window: "widget: text".
QStringList windowTexts(QMainWindow *window)
{
    QStringList out;
    out << window->windowTitle() << window->statusBar()->currentMessage();
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        QStringList texts{w->toolTip(), w->windowTitle()};
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *line = qobject_cast<QLineEdit *>(w))
            texts << line->text() << line->placeholderText();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *box = qobject_cast<QGroupBox *>(w))
            texts << box->title();
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
            modelTexts(view->model(), view->rootIndex(), texts);
        if (auto *chartView = qobject_cast<QChartView *>(w); chartView && chartView->chart()) {
            QChart *chart = chartView->chart();
            texts << chart->title();
            for (QAbstractAxis *axis : chart->axes()) {
                texts << axis->titleText();
                if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                    texts << categories->categories();
            }
            for (QAbstractSeries *series : chart->series())
                texts << series->name();
        }
        for (const QString &text : std::as_const(texts)) {
            if (!text.isEmpty())
                out << QStringLiteral("%1 %2: %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text);
        }
    }
    return out;
}

} // namespace

class TstHideNames : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_hidenames"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeWindow(); }

    void noRealNameInAnyDock();
    void inspectorNameFieldsAreLabels();

private:
    // The real host and guest names (and racks, circuits, clusters, groups),
    // from the model.
    QStringList realNames() const
    {
        const Topology &t = doc()->topology();
        QStringList names;
        for (const Host &h : t.hosts)
            names << h.name;
        for (const Guest &g : t.guests)
            names << g.name;
        for (const Rack &r : t.racks)
            names << r.name;
        for (const Circuit &c : t.circuits)
            names << c.name;
        for (const Cluster &c : t.clusters)
            names << c.name;
        for (const Group &g : t.groups)
            names << g.name;
        return names;
    }
    // "name in <where>" for each real name some text holds.
    QStringList found(const QStringList &texts) const
    {
        QStringList out;
        for (const QString &name : realNames()) {
            for (const QString &text : texts) {
                if (text.contains(name)) {
                    out << QStringLiteral("%1 in \"%2\"").arg(name, text.left(120));
                    break;
                }
            }
        }
        return out;
    }
    // The texts of the window with each dock raised in turn, and each of
    // these objects shown in the inspector in turn.
    QStringList everyText(const QStringList &objects)
    {
        QStringList texts;
        auto *charts = mWindow->findChild<ChartsPanel *>();
        const QList<QDockWidget *> docks = mWindow->findChildren<QDockWidget *>();
        for (const QString &id : objects) {
            scene()->selectIds(id.isEmpty() ? QStringList() : QStringList{id});
            QCoreApplication::processEvents();
            for (QDockWidget *dock : docks) {
                dock->show();
                dock->raise();
                QCoreApplication::processEvents();
                if (charts && charts->isVisible()) {
                    // Every chart kind and cluster.
                    for (int k = 0; k < charts->kindBox()->count(); ++k) {
                        charts->kindBox()->setCurrentIndex(k);
                        charts->refreshNow();
                        texts << windowTexts(mWindow.get());
                    }
                }
                texts << windowTexts(mWindow.get());
            }
        }
        return texts;
    }
};

void TstHideNames::noRealNameInAnyDock()
{
    // Findings that name guests and hosts (IC2 onto IC1's host), a saved
    // scenario, what-if on with a rack failed, a status bar message naming
    // a host.
    {
        const ChangeBuilder build(doc()->topology(), doc()->index());
        mWindow->undoStack()->push(
            new ChangeCommand(doc(), build.moveGuest(GuestId(QStringLiteral("ic2")), HostId(QStringLiteral("esx01")))));
    }
    {
        const ChangeBuilder build(doc()->topology(), doc()->index());
        mWindow->undoStack()->push(
            new ChangeCommand(doc(), build.addScenario(build.newScenario({QStringLiteral("esx02")}))));
    }
    WhatIfState *state = mWindow->whatIf()->state();
    state->setFailed({QStringLiteral("rack-1")});
    FailuresPanel *failures = mWindow->whatIf()->failures();
    failures->start();
    QTRY_VERIFY(!failures->isComputing());
    failures->savedList()->setCurrentRow(0);
    const Topology &t = doc()->topology();
    const QString hostName = t.hosts.first().name;
    mWindow->statusBar()->showMessage(QStringLiteral("Cannot move there: %1 is full").arg(hostName));

    const QStringList objects{QString(), QStringLiteral("esx01"), QStringLiteral("ic1"), QStringLiteral("rack-1"),
                              QStringLiteral("ups-a")};
    // Shown: the walk finds the names (it can fail).
    const QStringList shown = found(everyText(objects));
    QVERIFY2(shown.size() > 20, qPrintable(shown.join(QLatin1Char('\n'))));

    // Hidden with the real shortcut.
    QTest::keyClick(mWindow.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(scene()->hidesNames());
    QVERIFY2(!mWindow->statusBar()->currentMessage().contains(hostName),
             qPrintable(mWindow->statusBar()->currentMessage()));
    const QStringList texts = everyText(objects);
    const QStringList left = found(texts);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
    // The labels are there instead.
    QVERIFY(std::any_of(texts.cbegin(), texts.cend(),
                        [](const QString &s) { return s.endsWith(QLatin1String(": Host 1")); }));
    // A message shown while hidden is shown with labels.
    mWindow->statusBar()->showMessage(QStringLiteral("Cannot drop there: %1").arg(hostName));
    QVERIFY(!mWindow->statusBar()->currentMessage().contains(hostName));
    QVERIFY(mWindow->statusBar()->currentMessage().contains(QLatin1String("Host ")));

    // Shown again: the names are back in the docks.
    QTest::keyClick(mWindow.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!scene()->hidesNames());
    QVERIFY(found(everyText({QStringLiteral("esx01")})).size() > 20);
}

void TstHideNames::inspectorNameFieldsAreLabels()
{
    InspectorPanel *inspector = mWindow->inspector();
    const Topology &t = doc()->topology();
    const Host host = t.hosts.first();
    mWindow->viewModes()->hideNamesAction()->trigger();
    scene()->selectIds({host.id.str()});
    QCoreApplication::processEvents();
    QCOMPARE(inspector->shownId(), host.id.str());
    QLineEdit *nameField = nullptr;
    for (QLineEdit *line : inspector->findChildren<QLineEdit *>()) {
        if (line->text() == scene()->labels().label(host.id.str()))
            nameField = line;
        QVERIFY2(line->text() != host.name, qPrintable(line->text()));
    }
    QVERIFY(nameField);
    QVERIFY(nameField->isReadOnly());
    // The title is the label; the id (often a name too) is not shown.
    QStringList labels;
    for (QLabel *label : inspector->findChildren<QLabel *>())
        labels << label->text();
    QVERIFY2(labels.contains(scene()->labels().label(host.id.str())), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(!labels.contains(host.id.str()), qPrintable(labels.join(QLatin1Char('|'))));
    // Typing does nothing: the document keeps the real name, no undo step.
    const int steps = mWindow->undoStack()->count();
    nameField->setFocus();
    QTest::keyClicks(nameField, QStringLiteral("renamed"));
    QTest::keyClick(nameField, Qt::Key_Return);
    QCOMPARE(doc()->topology().hosts.first().name, host.name);
    QCOMPARE(mWindow->undoStack()->count(), steps);

    // Names shown again: the field is the real name, and edits it.
    mWindow->viewModes()->hideNamesAction()->trigger();
    QLineEdit *real = nullptr;
    for (QLineEdit *line : inspector->findChildren<QLineEdit *>()) {
        if (line->text() == host.name)
            real = line;
    }
    QVERIFY(real);
    QVERIFY(!real->isReadOnly());
    real->setFocus();
    real->selectAll();
    QTest::keyClicks(real, QStringLiteral("esx99.contoso.local"));
    QTest::keyClick(real, Qt::Key_Return);
    QCOMPARE(doc()->topology().hosts.first().name, QStringLiteral("esx99.contoso.local"));
}

QTEST_MAIN(TstHideNames)
#include "tst_hidenames.moc"
