#include "changebuilder.h"
#include "document.h"
#include "indexcheck.h"
#include "io/layoutreader.h"
#include "io/samples.h"
#include "topologygenerator.h"

#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace td;

class TestDocument : public QObject
{
    Q_OBJECT

private:
    static Topology sample()
    {
        const LoadResult r = LayoutReader::read(Samples::contoso(), QStringLiteral("s"));
        return r.topology;
    }
    static const Guest &guest(const Document &d, const char *id)
    {
        return d.topology().guests.at(d.index().guest(GuestId(QString::fromLatin1(id))));
    }

private slots:
    void moveGuestAndUndo()
    {
        Document doc(sample());
        QVERIFY(doc.findings().isEmpty());
        const Topology before = doc.topology();
        const Group &pair = doc.topology().groups.first();
        const GuestId primary = pair.members.at(0);
        const GuestId backup = pair.members.at(1);
        const HostId primaryHost = doc.topology().guests.at(doc.index().guest(primary)).host;

        QSignalSpy changed(&doc, &Document::changed);
        QSignalSpy findingsChanged(&doc, &Document::findingsChanged);
        const Change move = ChangeBuilder(doc.topology(), doc.index()).moveGuest(backup, primaryHost);
        QCOMPARE(move.edits.size(), 1);
        const FindingsDelta delta = doc.apply(move);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(findingsChanged.count(), 1);
        bool sameHost = false;
        for (const Finding &f : delta.added)
            sameHost = sameHost
                    || (f.rule == QLatin1String("redundancy-same-host") && f.subjects.first() == pair.id.str());
        QVERIFY(sameHost);
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));

        doc.apply(move.inverted());
        QVERIFY(doc.topology() == before);
        QVERIFY(doc.findings().isEmpty());
    }

    void previewLeavesDocumentUntouched()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        const Group &pair = doc.topology().groups.first();
        const HostId primaryHost = doc.topology().guests.at(doc.index().guest(pair.members.at(0))).host;
        QSignalSpy changed(&doc, &Document::changed);
        const QVector<Finding> added = doc.preview(
            ChangeBuilder(doc.topology(), doc.index()).moveGuest(pair.members.at(1), primaryHost));
        QVERIFY(!added.isEmpty());
        QCOMPARE(added.first().severity, Severity::Error);
        QCOMPARE(changed.count(), 0);
        QVERIFY(doc.topology() == before);
        QVERIFY(doc.findings().isEmpty());
    }

    void removeHostUnplacesOrDeletesGuests()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        const Host host = doc.topology().hosts.first();
        const QVector<int> onHost = doc.index().guestsOnHost(0);
        QVERIFY(!onHost.isEmpty());
        const GuestId someGuest = doc.topology().guests.at(onHost.first()).id;

        ChangeBuilder build(doc.topology(), doc.index());
        const Change unplace = build.remove({host.id.str()}, ChangeBuilder::GuestPolicy::Unplace,
                                            QStringLiteral("Delete Host"));
        doc.apply(unplace);
        QCOMPARE(doc.index().host(host.id), -1);
        QVERIFY(guest(doc, someGuest.str().toLatin1().constData()).host.isNull());
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
        doc.apply(unplace.inverted());
        QVERIFY(doc.topology() == before);

        const Change del = ChangeBuilder(doc.topology(), doc.index())
                               .remove({host.id.str()}, ChangeBuilder::GuestPolicy::Delete,
                                       QStringLiteral("Delete Host"));
        doc.apply(del);
        QCOMPARE(doc.index().guest(someGuest), -1);
        // No group refers to a deleted guest, and no group is left too small.
        for (const Group &g : doc.topology().groups) {
            QVERIFY(g.members.size() >= 2);
            for (const GuestId &m : g.members)
                QVERIFY(doc.index().guest(m) >= 0);
        }
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
        doc.apply(del.inverted());
        QVERIFY(doc.topology() == before);
    }

    void removeCircuitClearsReferences()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        const CircuitId circuit = doc.topology().circuits.first().id;
        doc.apply(ChangeBuilder(doc.topology(), doc.index())
                      .remove({circuit.str()}, ChangeBuilder::GuestPolicy::Unplace, QStringLiteral("Delete")));
        for (const Rack &r : doc.topology().racks)
            QVERIFY(!r.circuits.contains(circuit));
        for (const Host &h : doc.topology().hosts)
            QVERIFY(!h.power.contains(circuit));
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
        // Every rack now hangs off one circuit: the pairs share it.
        bool circuitFinding = false;
        for (const Finding &f : doc.findings())
            circuitFinding = circuitFinding || f.rule == QLatin1String("redundancy-same-circuit");
        QVERIFY(circuitFinding);
        QVERIFY(doc.topology() != before);
    }

    void headerChangeRevalidatesEverything()
    {
        Document doc(sample());
        Header h = doc.topology().header;
        h.platform.hypervisor = Hypervisor::HyperV;
        h.platform.version = QStringLiteral("2022");
        const Change c = ChangeBuilder(doc.topology(), doc.index()).setHeader(h, QStringLiteral("Change Platform"));
        const FindingsDelta delta = doc.apply(c);
        QVERIFY(delta.reset);
        bool lmMissing = false;
        for (const Finding &f : doc.findings())
            lmMissing = lmMissing || f.rule == QLatin1String("live-migration-nic-missing");
        QVERIFY(lmMissing);
        doc.apply(c.inverted());
        QVERIFY(doc.findings().isEmpty());
    }

    // Runs of additions and removals are applied in one pass each
    // (Document's EditApplier); the result must be exactly that of applying
    // the edits one by one, as a plain list does it, and undo must restore
    // the list. Random runs over a few hundred guests.
    void editRunsApplyAsOneByOne()
    {
        Topology start = sample();
        const Guest model = start.guests.first();
        test::addUnplacedGuests(start, 300);
        Document doc(start);
        std::mt19937 random(7);
        const auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
        int fresh = 0;
        for (int round = 0; round < 40; ++round) {
            const QVector<Guest> before = doc.topology().guests;
            QVector<Guest> expected = before; // applied one by one
            Change change;
            change.text = QStringLiteral("round %1").arg(round);
            const auto removeSome = [&](int count) {
                for (int k = 0; k < count; ++k) {
                    QVector<int> extras;
                    for (int i = 0; i < expected.size(); ++i) {
                        if (expected.at(i).id.str().startsWith(QLatin1String("extra-")))
                            extras.append(i);
                    }
                    if (extras.isEmpty())
                        return;
                    const int pos = extras.at(below(static_cast<int>(extras.size())));
                    change.edits.append(ObjectEdit{Object(expected.at(pos)), std::nullopt, pos});
                    expected.removeAt(pos);
                }
            };
            const auto addSome = [&](int count) {
                for (int k = 0; k < count; ++k) {
                    const Guest g = test::unplacedCopy(model, QStringLiteral("extra-new-%1").arg(fresh),
                                                       QStringLiteral("new%1").arg(fresh));
                    ++fresh;
                    // Anywhere, at the end (-1) or past it (taken as the end).
                    const int size = static_cast<int>(expected.size());
                    const int choice = below(10);
                    const int index = choice == 0 ? -1 : (choice == 1 ? size + 5 : below(size + 1));
                    change.edits.append(ObjectEdit{std::nullopt, Object(g), index});
                    expected.insert(index < 0 || index > size ? size : index, g);
                }
            };
            removeSome(1 + below(12));
            addSome(1 + below(12));
            // A replacement between runs: a renamed guest.
            const int renamed = below(static_cast<int>(expected.size()));
            Guest after = expected.at(renamed);
            after.name += QStringLiteral("-r");
            change.edits.append(ObjectEdit{Object(expected.at(renamed)), Object(after), -1});
            expected[renamed] = after;
            addSome(below(5));
            removeSome(below(5));

            QString error;
            doc.apply(change, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(doc.topology().guests == expected);
            for (int i = 0; i < expected.size(); ++i)
                QCOMPARE(doc.index().guest(expected.at(i).id), i);
            QString diff = test::indexDifference(doc.topology(), doc.index());
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            if (round % 3 == 0) {
                doc.apply(change.inverted(), &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY(doc.topology().guests == before);
                diff = test::indexDifference(doc.topology(), doc.index());
                QVERIFY2(diff.isEmpty(), qPrintable(diff));
                doc.apply(change, &error);
                QVERIFY(doc.topology().guests == expected);
            }
        }
    }

    // The index is kept in step with runs of removals and additions of every
    // kind (TopologyIndex::removing, inserted), also where a run leaves
    // references to what it removed (a group's member deleted before the
    // group is edited) or brings back what others still refer to (the undo
    // of such a delete): random deletes of several objects of mixed kinds
    // with their cascade, pastes, and their undo, each compared with an
    // index built anew.
    void indexFollowsRunsOfEveryKind()
    {
        Document doc(test::generateTopology(test::GeneratorParams::small(), 5));
        test::Random rnd(17);
        QVector<Change> done;
        for (int round = 0; round < 150; ++round) {
            const Topology &t = doc.topology();
            const ChangeBuilder build(t, doc.index());
            QStringList ids = test::randomObjectIds(t, rnd, 15);
            ids.removeDuplicates();
            Change change;
            const int what = rnd.below(10);
            if (what < 2 && !done.isEmpty())
                change = done.takeLast().inverted();
            else if (what < 5)
                change = build.paste(build.extract(ids), QStringLiteral("Paste"));
            else
                change = build.remove(ids,
                                      rnd.chance(50) ? ChangeBuilder::GuestPolicy::Unplace
                                                     : ChangeBuilder::GuestPolicy::Delete,
                                      QStringLiteral("Delete"));
            if (change.isEmpty())
                continue;
            QString error;
            doc.apply(change, &error);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(error)));
            if (what >= 2)
                done.append(change);
            const QString diff = test::indexDifference(doc.topology(), doc.index());
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("round %1 (%2): %3").arg(round).arg(change.text, diff)));
        }
        // Everything undone: the index of the start, kept in step all along.
        while (!done.isEmpty())
            doc.apply(done.takeLast().inverted());
        QVERIFY(doc.topology() == test::generateTopology(test::GeneratorParams::small(), 5));
        const QString diff = test::indexDifference(doc.topology(), doc.index());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // A run that does not fit (its third removal names a guest as it never
    // was) is refused whole: nothing of the change stays, the index holds.
    void refusedRunLeavesNothing()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        Change change;
        change.text = QStringLiteral("Delete");
        Guest stale = before.guests.at(2);
        stale.name = QStringLiteral("not its name");
        change.edits.append(ObjectEdit{Object(before.guests.at(0)), std::nullopt, 0});
        change.edits.append(ObjectEdit{Object(before.guests.at(1)), std::nullopt, 0});
        change.edits.append(ObjectEdit{Object(stale), std::nullopt, 0});
        QString error;
        doc.apply(change, &error);
        QVERIFY(error.contains(before.guests.at(2).id.str()));
        QVERIFY(doc.topology() == before);
        for (int i = 0; i < before.guests.size(); ++i)
            QCOMPARE(doc.index().guest(before.guests.at(i).id), i);
    }

    void positions()
    {
        Document doc(sample());
        const Topology before = doc.topology();
        ChangeBuilder build(doc.topology(), doc.index());
        const Change move = build.setPosition(QStringLiteral("rack-1"), 12, 34);
        doc.apply(move);
        bool found = false;
        for (const LayoutEntry &e : doc.topology().layout)
            found = found || (e.id == QLatin1String("rack-1") && e.x == 12 && e.y == 34);
        QVERIFY(found);
        doc.apply(move.inverted());
        QVERIFY(doc.topology() == before);
        // The sample places rack-1 at (0, 120) (its layout section): setting
        // that again is no change, and any other place is one.
        const LayoutEntry *rack1 = nullptr;
        for (const LayoutEntry &e : before.layout)
            rack1 = e.id == QLatin1String("rack-1") ? &e : rack1;
        QVERIFY(rack1);
        QCOMPARE(rack1->x, 0.0);
        QCOMPARE(rack1->y, 120.0);
        const ChangeBuilder again(doc.topology(), doc.index());
        QVERIFY(again.setPosition(QStringLiteral("rack-1"), 0, 120).isEmpty());
        QVERIFY(!again.setPosition(QStringLiteral("rack-1"), 0, 130).isEmpty());
        QVERIFY(!again.setPosition(QStringLiteral("rack-1"), 10, 120).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
