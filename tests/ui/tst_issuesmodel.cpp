// The issues list as a model: it follows the document's findings deltas
// (rows inserted, removed or changed in place, one signal per run, never
// rebuilt) through random edits and undo, its rows always equal a full
// validation run from scratch, and the severity and text filters show
// exactly the matching findings.
#include "changebuilder.h"
#include "document.h"
#include "panels/cachedcelldelegate.h"
#include "panels/issuesmodel.h"
#include "panels/issuespanel.h"
#include "rules/validator.h"
#include "topologygenerator.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPixmapCache>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace td;

namespace {

QVector<Finding> rowsOf(const QAbstractItemModel &model)
{
    // Read back through the model's interface, as a view does.
    QVector<Finding> rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        Finding f;
        f.severity = Severity(model.index(r, 0).data(IssuesModel::SeverityRole).toInt());
        f.rule = model.index(r, IssuesModel::RuleColumn).data().toString();
        f.message = model.index(r, IssuesModel::MessageColumn).data().toString();
        f.subjects = model.index(r, 0).data(IssuesModel::SubjectsRole).toStringList();
        rows.append(f);
    }
    return rows;
}

} // namespace

class TestIssuesModel : public QObject
{
    Q_OBJECT

private slots:
    void followsDeltasThroughRandomEditsAndUndo()
    {
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(rowsOf(model), Validator::validate(doc.topology()));
        QVERIFY(model.rowCount() > 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        test::Random rnd(99);
        QVector<Change> done;
        for (int step = 0; step < 300; ++step) {
            const Topology &t = doc.topology();
            const int what = rnd.below(10);
            Change change;
            if (what < 2 && !done.isEmpty()) {
                change = done.takeLast().inverted(); // undo
            } else if (what < 8 || t.guests.size() < 20) {
                const Guest &g = t.guests.at(rnd.below(static_cast<int>(t.guests.size())));
                const HostId to = rnd.chance(10) ? HostId()
                                                 : t.hosts.at(rnd.below(static_cast<int>(t.hosts.size()))).id;
                change = ChangeBuilder(t, doc.index()).moveGuest(g.id, to);
            } else {
                const Guest &g = t.guests.at(rnd.below(static_cast<int>(t.guests.size())));
                change = ChangeBuilder(t, doc.index())
                             .remove({g.id.str()}, ChangeBuilder::GuestPolicy::Unplace, QStringLiteral("Delete"));
            }
            if (change.isEmpty())
                continue;
            doc.apply(change);
            if (!(what < 2))
                done.append(change);
            // Computed from scratch, not from the document's live findings.
            const QVector<Finding> expected = Validator::validate(doc.topology());
            if (rowsOf(model) != expected)
                QFAIL(qPrintable(QStringLiteral("step %1: the rows differ from a full run").arg(step)));
        }
        QCOMPARE(resets.count(), 0); // followed by deltas, never rebuilt
        QVERIFY(inserted.count() > 0);
        QVERIFY(removed.count() > 0);
        // A new document resets it.
        doc.reset(test::generateTopology(test::GeneratorParams::small(), 6));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(rowsOf(model), Validator::validate(doc.topology()));
    }

    void changedFindingsStayTheirRowAndRunsAreOneSignal()
    {
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesModel model(&doc);
        const QVector<Finding> before = model.findings();
        QVERIFY(before.size() > 20);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // Rows 3-5 and 10 go; rows 3 and 4 come back with a new message (they
        // sort where they were: the message is the last key), and one new
        // finding sorts after every other.
        FindingsDelta delta;
        delta.removed = {before.at(3), before.at(4), before.at(5), before.at(10)};
        Finding three = before.at(3);
        three.message += QStringLiteral(" (changed)");
        Finding four = before.at(4);
        four.message += QStringLiteral(" (changed)");
        Finding last = before.last();
        last.rule = QStringLiteral("~last");
        last.severity = Severity::Info;
        delta.added = {last, four, three};
        emit doc.findingsChanged(delta);
        QVector<Finding> expected = before;
        expected[3] = three;
        expected[4] = four;
        expected.removeAt(10);
        expected.removeAt(5);
        expected.append(last);
        QCOMPARE(model.findings(), expected);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1); // rows 3 and 4 in place
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 4);
        QCOMPARE(removed.count(), 2); // row 5, row 10: two runs
        QCOMPARE(inserted.count(), 1);
    }

    void randomDeltasKeepTheModelAndTheFilterRight()
    {
        // Random deltas of many neighbouring rows (removed, changed, new),
        // against the rows computed by sorting, through the filter proxy.
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        IssuesFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setText(QStringLiteral("host"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVector<Finding> expected = model.findings();
        test::Random rnd(7);
        for (int step = 0; step < 200; ++step) {
            FindingsDelta delta;
            const int start = rnd.below(static_cast<int>(expected.size()));
            const int count = std::min(1 + rnd.below(6), static_cast<int>(expected.size()) - start);
            QVector<Finding> next = expected;
            QVector<int> goneRows;
            for (int k = start; k < start + count; ++k) {
                if (rnd.chance(70))
                    goneRows.append(k);
            }
            for (int k = static_cast<int>(goneRows.size()) - 1; k >= 0; --k) {
                const Finding &f = expected.at(goneRows.at(k));
                delta.removed.append(f);
                next.removeAt(goneRows.at(k));
                if (rnd.chance(60)) { // changed: the same place, or another one
                    Finding g = f;
                    g.message += QStringLiteral(" #%1").arg(step);
                    if (rnd.chance(30))
                        g.subjects.prepend(QStringLiteral("z%1").arg(rnd.below(1000)));
                    delta.added.append(g);
                    next.append(g);
                }
            }
            for (int k = rnd.below(3); k > 0; --k) { // new ones, anywhere
                Finding g = expected.at(rnd.below(static_cast<int>(expected.size())));
                g.subjects.append(QStringLiteral("new%1").arg(step));
                delta.added.append(g);
                next.append(g);
            }
            std::stable_sort(next.begin(), next.end(), findingLess);
            emit doc.findingsChanged(delta);
            expected = next;
            if (model.findings() != expected)
                QFAIL(qPrintable(QStringLiteral("step %1: the rows differ from the sorted findings").arg(step)));
            int shown = 0;
            for (const Finding &f : std::as_const(expected))
                shown += f.rule.contains(QStringLiteral("host"), Qt::CaseInsensitive)
                              || f.message.contains(QStringLiteral("host"), Qt::CaseInsensitive)
                              || f.subjects.contains(QStringLiteral("host"), Qt::CaseInsensitive)
                           ? 1
                           : 0;
            QCOMPARE(filter.rowCount(), shown);
            for (int r = 0; r < filter.rowCount(); ++r) {
                const Finding &f = model.finding(filter.mapToSource(filter.index(r, 0)).row());
                QVERIFY(f.rule.contains(QStringLiteral("host"), Qt::CaseInsensitive)
                        || f.message.contains(QStringLiteral("host"), Qt::CaseInsensitive));
            }
        }
        QCOMPARE(resets.count(), 0);
    }

    void cachedCellsPaintAsTheStyleDoes()
    {
        // The list painted from the cell cache, then again (from the cache:
        // no cell painted anew), equals the list painted by the plain
        // delegate, pixel for pixel, with a selected row, a waived one and
        // alternate rows.
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesPanel panel(&doc);
        panel.resize(700, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *cached = qobject_cast<CachedCellDelegate *>(panel.view()->itemDelegate());
        QVERIFY(cached);
        panel.view()->selectionModel()->select(panel.view()->model()->index(2, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QPixmapCache::clear();
        const QImage first = panel.view()->viewport()->grab().toImage();
        const int painted = cached->cellsPainted();
        QVERIFY(painted >= 3 * 5); // the rows shown, each column
        const QImage again = panel.view()->viewport()->grab().toImage();
        QCOMPARE(cached->cellsPainted(), painted); // all from the cache
        QStyledItemDelegate plain;
        panel.view()->setItemDelegate(&plain);
        const QImage direct = panel.view()->viewport()->grab().toImage();
        panel.view()->setItemDelegate(cached);
        QCOMPARE(first, direct);
        QCOMPARE(again, direct);
        // A row's text changed: its cells are painted anew, and show it.
        const QString message = panel.view()->model()->index(0, IssuesModel::MessageColumn).data().toString();
        FindingsDelta delta;
        delta.removed = {panel.model()->finding(0)};
        Finding changed = panel.model()->finding(0);
        changed.message.prepend(QStringLiteral("Changed: "));
        delta.added = {changed};
        emit doc.findingsChanged(delta);
        const QImage after = panel.view()->viewport()->grab().toImage();
        QVERIFY(cached->cellsPainted() > painted);
        panel.view()->setItemDelegate(&plain);
        QCOMPARE(after, panel.view()->viewport()->grab().toImage());
        panel.view()->setItemDelegate(cached);
        QVERIFY(after != direct);
        QVERIFY(!message.isEmpty());
    }

    void toolTipExplainsTheRuleOnDemand()
    {
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesModel model(&doc);
        QVERIFY(model.rowCount() > 0);
        const Finding &f = model.finding(0);
        const QString tip = model.index(0, IssuesModel::MessageColumn).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("Source:")));
        // The subjects by their names.
        const QString first = doc.index().nameOf(doc.topology(), f.subjects.first());
        QVERIFY(!first.isEmpty());
        QVERIFY2(tip.contains(first.toHtmlEscaped()), qPrintable(tip));
    }

    void filtersBySeverityAndText()
    {
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        IssuesPanel panel(&doc);
        const QVector<Finding> all = Validator::validate(doc.topology());
        QCOMPARE(panel.shownCount(), all.size());
        auto expectCount = [&](int severity, const QString &text) {
            int n = 0;
            for (const Finding &f : all) {
                bool show = severity < 0 || int(f.severity) == severity;
                if (show && !text.isEmpty()) {
                    bool subject = false;
                    for (const QString &s : f.subjects)
                        subject = subject || s.compare(text, Qt::CaseInsensitive) == 0;
                    show = f.rule.contains(text, Qt::CaseInsensitive) || f.message.contains(text, Qt::CaseInsensitive)
                        || subject;
                }
                n += show ? 1 : 0;
            }
            return n;
        };
        // Typed, as a user does.
        QTest::keyClicks(panel.textFilter(), QStringLiteral("SAME-host"));
        const int sameHost = expectCount(-1, QStringLiteral("SAME-host"));
        QVERIFY(sameHost > 0 && sameHost < all.size());
        QCOMPARE(panel.shownCount(), sameHost);
        for (int r = 0; r < panel.shownCount(); ++r)
            QVERIFY(panel.view()->model()->index(r, 1).data().toString().contains(QStringLiteral("same-host")));
        // A subject id finds its findings.
        const QString id = all.first().subjects.first();
        panel.textFilter()->setText(id);
        QCOMPARE(panel.shownCount(), expectCount(-1, id));
        panel.textFilter()->clear();
        for (int s = 0; s < 3; ++s) {
            panel.severityFilter()->setCurrentIndex(s + 1);
            QCOMPARE(panel.shownCount(), expectCount(s, QString()));
        }
        // Both filters, and the list follows an edit while filtered.
        panel.severityFilter()->setCurrentIndex(1); // errors
        panel.textFilter()->setText(QStringLiteral("redundancy"));
        QCOMPARE(panel.shownCount(), expectCount(0, QStringLiteral("redundancy")));
        const Topology &t = doc.topology();
        const Guest &g = t.guests.at(3);
        doc.apply(ChangeBuilder(t, doc.index())
                      .remove({g.id.str()}, ChangeBuilder::GuestPolicy::Unplace, QStringLiteral("Delete")));
        const QVector<Finding> now = Validator::validate(doc.topology());
        int expected = 0;
        for (const Finding &f : now)
            expected += f.severity == Severity::Error
                             && (f.rule.contains(QStringLiteral("redundancy"))
                                 || f.message.contains(QStringLiteral("redundancy"), Qt::CaseInsensitive))
                          ? 1
                          : 0;
        QCOMPARE(panel.shownCount(), expected);
    }
};

QTEST_MAIN(TestIssuesModel)
#include "tst_issuesmodel.moc"
