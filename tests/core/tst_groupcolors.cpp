#include "change.h"
#include "model/groupcolor.h"
#include "model/topology.h"
#include "report/designreport.h"

#include <QTest>

using namespace td;

// Group colours: by position as a layout opens; edits keep every group's
// colour (tests/ui/tst_canvas checks the chips show them).
class TestGroupColors : public QObject
{
    Q_OBJECT

private:
    static Topology withGroups(int n)
    {
        Topology t;
        for (int i = 0; i < n; ++i) {
            Group g;
            g.id = GroupId(QStringLiteral("g%1").arg(i));
            g.name = QStringLiteral("group %1").arg(i);
            g.kind = GroupKind::Pool;
            t.groups.append(g);
        }
        return t;
    }
    static Group group(const QString &id)
    {
        Group g;
        g.id = GroupId(id);
        g.name = id;
        return g;
    }
    // The changes a delete and an add (or their undo) make of a group.
    static Change removing(const Group &g)
    {
        Change c;
        c.edits.append(ObjectEdit{Object(g), std::nullopt, -1});
        return c;
    }
    static Change adding(const Group &g)
    {
        Change c;
        c.edits.append(ObjectEdit{std::nullopt, Object(g), -1});
        return c;
    }
    static QVector<int> slotsOf(const GroupColors &c, const Topology &t)
    {
        QVector<int> s;
        for (const Group &g : t.groups)
            s << c.slot(g.id);
        return s;
    }

private slots:
    void openedByPosition()
    {
        const Topology t = withGroups(11);
        const GroupColors colors(t);
        QCOMPARE(slotsOf(colors, t), QVector<int>({0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2}));
        QCOMPARE(colors.slot(GroupId(QStringLiteral("unknown"))), 0);
    }

    void deletingKeepsTheOthers()
    {
        Topology t = withGroups(5);
        GroupColors colors(t);
        colors.follow(removing(t.groups.takeAt(1))); // g1 (slot 1) goes
        QCOMPARE(slotsOf(colors, t), QVector<int>({0, 2, 3, 4}));
    }

    void newGroupsTakeTheLeastUsedColour()
    {
        Topology t = withGroups(3); // slots 0 1 2
        GroupColors colors(t);
        t.groups.append(group(QStringLiteral("new1")));
        colors.follow(adding(t.groups.last()));
        QCOMPARE(colors.slot(GroupId(QStringLiteral("new1"))), 3); // 3..7 unused: the first
        colors.follow(removing(t.groups.takeFirst()));             // slot 0 is free again
        t.groups.append(group(QStringLiteral("new2")));
        colors.follow(adding(t.groups.last()));
        QCOMPARE(colors.slot(GroupId(QStringLiteral("new2"))), 0);
        QCOMPARE(slotsOf(colors, t), QVector<int>({1, 2, 3, 0}));

        // Every colour used once (10 groups: 0..7, 0, 1): a new one takes 2.
        Topology many = withGroups(10);
        GroupColors manyColors(many);
        many.groups.append(group(QStringLiteral("new")));
        manyColors.follow(adding(many.groups.last()));
        QCOMPARE(manyColors.slot(GroupId(QStringLiteral("new"))), 2);
    }

    void undoBringsTheOldColourBack()
    {
        Topology t = withGroups(4);
        GroupColors colors(t);
        const Group g2 = t.groups.takeAt(2);
        const Change deletion = removing(g2);
        colors.follow(deletion);
        t.groups.append(group(QStringLiteral("other"))); // takes the least used: 2
        colors.follow(adding(t.groups.last()));
        QCOMPARE(colors.slot(GroupId(QStringLiteral("other"))), 2);
        t.groups.insert(2, g2); // undo of the delete: g2's colour, though 4 is less used
        colors.follow(deletion.inverted());
        QCOMPARE(colors.slot(g2.id), 2);
        QCOMPARE(slotsOf(colors, t), QVector<int>({0, 1, 2, 3, 2}));
    }

    void reportsTakeTheCanvasColours()
    {
        Topology t = withGroups(4);
        GroupColors colors(t);
        colors.follow(removing(t.groups.takeFirst()));
        // As the canvas shows them (g1 g2 g3 keep 1 2 3) ...
        const DesignReport shown = DesignReport::build(t, QStringLiteral("x"), false, &colors);
        QCOMPARE(shown.groups.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(shown.groups.at(i).color, reportGroupColor(i + 1));
        // ... and, without them, as the layout would open (by position).
        const DesignReport opened = DesignReport::build(t, QStringLiteral("x"), false);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(opened.groups.at(i).color, reportGroupColor(i));
    }
};

QTEST_GUILESS_MAIN(TestGroupColors)
#include "tst_groupcolors.moc"
