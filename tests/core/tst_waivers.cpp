// Waivers (FORMAT.md "Waivers", RULES.md "waived"): read and written with
// their comments, edited through the Document (undoable, refused whole when
// invalid), matched by rule and set of subjects, kept when their subjects go.
#include "changebuilder.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "report/designreport.h"
#include "report/reportwriters.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace td;

class TestWaivers : public QObject
{
    Q_OBJECT

private:
    static QString golden(const char *path)
    {
        return QStringLiteral(TD_TESTS_DIR "/rules/golden/") + QLatin1String(path);
    }

    static Topology load(const char *path)
    {
        const LoadResult r = LayoutReader::readFile(golden(path));
        if (!r.ok())
            qFatal("%s", qPrintable(r.error->toString()));
        return r.topology;
    }

    // The pair on one host: one error, redundancy-same-host cic-pair,ic1,ic2,esx01.
    static const QStringList &pairSubjects()
    {
        static const QStringList s = {QStringLiteral("cic-pair"), QStringLiteral("ic1"), QStringLiteral("ic2"),
                                      QStringLiteral("esx01")};
        return s;
    }

    static const Finding *find(const QVector<Finding> &findings, const QString &rule)
    {
        const auto it = std::find_if(findings.cbegin(), findings.cend(),
                                     [&](const Finding &f) { return f.rule == rule; });
        return it == findings.cend() ? nullptr : &*it;
    }

private slots:
    void readKeepsEverythingAndWritesCanonically()
    {
        const Topology t = load("redundancy-same-host-waived/fires.topo.yaml");
        QCOMPARE(t.waivers.size(), 1);
        const Waiver &w = t.waivers.first();
        QCOMPARE(w.rule, QStringLiteral("redundancy-same-host"));
        QCOMPARE(w.subjects, QStringList({"esx01", "ic2", "cic-pair", "ic1"})); // as written
        QCOMPARE(w.reason, QStringLiteral("Single host until the Q3 expansion (CHG-1234)"));
        const QByteArray text = LayoutWriter::write(t);
        // Comments stay with the waiver: the line before it, the one after its subjects.
        QVERIFY(text.contains("waivers:\n  # accepted until the second host arrives\n  - rule: redundancy-same-host\n"
                              "    subjects: [esx01, ic2, cic-pair, ic1]   # any order\n"
                              "    reason: Single host until the Q3 expansion (CHG-1234)\n"));
        // After groups, before layout.
        QVERIFY(text.indexOf("\ngroups:") < text.indexOf("\nwaivers:"));
        const LoadResult again = LayoutReader::read(text, QStringLiteral("again"));
        QVERIFY(again.ok());
        QVERIFY(again.topology == t);
        QCOMPARE(LayoutWriter::write(again.topology), text);
    }

    void unknownRuleAndMissingSubjectsAreKept()
    {
        const Topology typo = load("waiver-unused-unknown-rule/fires.topo.yaml");
        QCOMPARE(typo.waivers.first().rule, QStringLiteral("redundancy-same-hots"));
        const Topology gone = load("waiver-unused/fires.topo.yaml");
        QVERIFY(gone.waivers.first().subjects.contains(QStringLiteral("ic3")));
        QVERIFY(LayoutWriter::write(gone).contains("subjects: [cic-pair, ic1, ic3, esx01]"));
    }

    void quotedTextsRoundTrip()
    {
        Topology t = load("redundancy-same-host/fires.topo.yaml");
        Waiver w;
        w.rule = QStringLiteral("redundancy-same-host");
        w.subjects = pairSubjects();
        w.reason = QStringLiteral("yes: \"quoted\", #hash, 'single'");
        t.waivers.append(w);
        const LoadResult again = LayoutReader::read(LayoutWriter::write(t), QStringLiteral("q"));
        QVERIFY2(again.ok(), qPrintable(again.error ? again.error->toString() : QString()));
        QCOMPARE(again.topology.waivers.first().reason, w.reason);
    }

    void keyIsRuleAndSetOfSubjects()
    {
        QCOMPARE(Waiver::key(QStringLiteral("r"), {"b", "a", "b"}), Waiver::key(QStringLiteral("r"), {"a", "b"}));
        QVERIFY(Waiver::key(QStringLiteral("r"), {"a", "b"}) != Waiver::key(QStringLiteral("r"), {"a"}));
        QVERIFY(Waiver::key(QStringLiteral("r"), {"a"}) != Waiver::key(QStringLiteral("s"), {"a"}));
    }

    void waiveAndUndo()
    {
        Document doc(load("redundancy-same-host/fires.topo.yaml"));
        QCOMPARE(doc.validator().count(Severity::Error), 1);
        const Topology before = doc.topology();
        QSignalSpy deltas(&doc, &Document::findingsChanged);
        QStringList reversed = pairSubjects();
        std::reverse(reversed.begin(), reversed.end());
        const Change waive = ChangeBuilder(doc.topology(), doc.index())
                                 .addWaiver(QStringLiteral("redundancy-same-host"), reversed,
                                            QStringLiteral("  One host in the lab  "));
        QCOMPARE(waive.text, QStringLiteral("Waive Finding"));
        QString error;
        const FindingsDelta delta = doc.apply(waive, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(deltas.count(), 1);
        // The finding's status changed, nothing else: one out, the same one waived in.
        QCOMPARE(delta.removed.size(), 1);
        QCOMPARE(delta.added.size(), 1);
        QVERIFY(!delta.removed.first().isWaived());
        QCOMPARE(delta.added.first().waived, std::optional<QString>(QStringLiteral("One host in the lab")));
        QCOMPARE(delta.added.first().subjects, pairSubjects());
        QCOMPARE(doc.validator().count(Severity::Error), 0);
        QCOMPARE(doc.validator().waivedCount(), 1);
        QVERIFY(!find(doc.findings(), QStringLiteral("waiver-unused")));
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));

        const FindingsDelta undone = doc.apply(waive.inverted());
        QVERIFY(doc.topology() == before);
        QCOMPARE(undone.removed.size(), 1);
        QCOMPARE(undone.added.size(), 1);
        QCOMPARE(doc.validator().count(Severity::Error), 1);
        QCOMPARE(doc.validator().waivedCount(), 0);
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
    }

    void emptyReasonIsRefused()
    {
        Document doc(load("redundancy-same-host/fires.topo.yaml"));
        const Topology before = doc.topology();
        QSignalSpy refused(&doc, &Document::refused);
        QString error;
        doc.apply(ChangeBuilder(doc.topology(), doc.index())
                      .addWaiver(QStringLiteral("redundancy-same-host"), pairSubjects(), QStringLiteral("   ")),
                  &error);
        QCOMPARE(refused.count(), 1);
        QVERIFY2(error.contains(QStringLiteral("reason")), qPrintable(error));
        QVERIFY(doc.topology() == before);
        QCOMPARE(doc.validator().count(Severity::Error), 1);
    }

    void staleWaiverEditIsRefused()
    {
        Document doc(load("waiver-unused/near.topo.yaml"));
        const Change remove = ChangeBuilder(doc.topology(), doc.index()).removeWaiver(0);
        QVERIFY(!remove.isEmpty());
        const Change edit = ChangeBuilder(doc.topology(), doc.index()).editWaiver(0, QStringLiteral("Changed"));
        doc.apply(edit);
        QCOMPARE(doc.topology().waivers.first().reason, QStringLiteral("Changed"));
        const Topology before = doc.topology();
        QString error;
        doc.apply(remove, &error); // built against the old reason
        QVERIFY(!error.isEmpty());
        QVERIFY(doc.topology() == before);
    }

    void editAndRemoveChangeOnlyTheStatus()
    {
        Document doc(load("waiver-unused/near.topo.yaml")); // two waivers of the same finding
        const Finding *f = find(doc.findings(), QStringLiteral("redundancy-same-host"));
        QVERIFY(f);
        QCOMPARE(*f->waived, QStringLiteral("Lab layout")); // the first waiver's reason
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).editWaiver(0, QStringLiteral("Lab only")));
        QCOMPARE(*find(doc.findings(), QStringLiteral("redundancy-same-host"))->waived, QStringLiteral("Lab only"));
        // Removing the first: the duplicate still waives it, with its own reason.
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).removeWaiver(0));
        QCOMPARE(*find(doc.findings(), QStringLiteral("redundancy-same-host"))->waived,
                 QStringLiteral("Same finding again"));
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).removeWaiver(0));
        QVERIFY(!find(doc.findings(), QStringLiteral("redundancy-same-host"))->isWaived());
        QCOMPARE(doc.validator().count(Severity::Error), 1);
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));
    }

    void deletingASubjectKeepsTheWaiverUnused()
    {
        Document doc(load("waiver-unused/near.topo.yaml"));
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).removeWaiver(1));
        const Topology before = doc.topology();
        const Change remove = ChangeBuilder(doc.topology(), doc.index())
                                  .remove({QStringLiteral("ic2")}, ChangeBuilder::GuestPolicy::Delete,
                                          QStringLiteral("Delete"));
        QString error;
        doc.apply(remove, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(doc.topology().waivers, before.waivers); // never refused, never dropped
        const Finding *unused = find(doc.findings(), QStringLiteral("waiver-unused"));
        QVERIFY(unused);
        QCOMPARE(unused->severity, Severity::Info);
        QCOMPARE(unused->subjects, pairSubjects()); // the waiver's, ic2 included
        QVERIFY(unused->message.contains(QStringLiteral("redundancy-same-host")));
        QVERIFY(unused->message.contains(QStringLiteral("Lab layout")));
        QCOMPARE(doc.findings(), Validator::validate(doc.topology()));

        doc.apply(remove.inverted());
        QVERIFY(doc.topology() == before);
        QVERIFY(!find(doc.findings(), QStringLiteral("waiver-unused")));
        QVERIFY(find(doc.findings(), QStringLiteral("redundancy-same-host"))->isWaived());
    }

    void renamingKeepsTheWaiver()
    {
        Document doc(load("waiver-unused/near.topo.yaml"));
        Host h = doc.topology().hosts.first();
        h.name = QStringLiteral("renamed.lab.local");
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).replace(h, QStringLiteral("Rename")));
        const Finding *f = find(doc.findings(), QStringLiteral("redundancy-same-host"));
        QVERIFY(f->message.contains(QStringLiteral("renamed.lab.local")));
        QVERIFY(f->isWaived());
    }

    void previewIgnoresWaivedFindings()
    {
        // Moving ic2 back onto esx01 would bring back a waived error: no new finding to show.
        Document doc(load("redundancy-same-host-waived/near.topo.yaml"));
        const Change move = ChangeBuilder(doc.topology(), doc.index())
                                .moveGuest(GuestId(QStringLiteral("ic2")), HostId(QStringLiteral("esx01")));
        const QVector<Finding> added = doc.preview(move);
        QVERIFY(!find(added, QStringLiteral("redundancy-same-host")));
        doc.apply(move);
        QVERIFY(find(doc.findings(), QStringLiteral("redundancy-same-host"))->isWaived());
        QVERIFY(!find(doc.findings(), QStringLiteral("waiver-unused")));
    }

    void designReportListsWaivers()
    {
        const DesignReport waived = DesignReport::build(load("redundancy-same-host-waived/fires.topo.yaml"),
                                                        QStringLiteral("w.topo.yaml"), false);
        QCOMPARE(waived.errors, 0);
        QCOMPARE(waived.waived, 1);
        QCOMPARE(waived.findings.size(), 1);
        QCOMPARE(waived.findings.first().waived, QStringLiteral("Single host until the Q3 expansion (CHG-1234)"));
        QCOMPARE(waived.waivers.rows.size(), 1);
        const QStringList row = waived.waivers.rows.first();
        QCOMPARE(row.at(0), QStringLiteral("redundancy-same-host"));
        QCOMPARE(row.at(1), QStringLiteral("esx01.lab.local, IC2, CIC switchover pair, IC1"));
        QCOMPARE(row.at(2), QStringLiteral("Single host until the Q3 expansion (CHG-1234)"));
        QCOMPARE(row.at(3), waived.findings.first().message);
        const QByteArray markdown = reportMarkdown(waived);
        QVERIFY(markdown.contains("**Waived:** Single host until the Q3 expansion (CHG-1234)"));
        QVERIFY(markdown.contains("### Waivers"));
        QVERIFY(reportHtml(waived).contains("Waived: 1"));

        const DesignReport unused = DesignReport::build(load("waiver-unused/fires.topo.yaml"),
                                                        QStringLiteral("u.topo.yaml"), false);
        QCOMPARE(unused.errors, 1);
        QCOMPARE(unused.waivers.rows.first().at(3), QStringLiteral("nothing (unused)"));
        // No waivers: no such section.
        const DesignReport plain = DesignReport::build(load("redundancy-same-host/fires.topo.yaml"),
                                                       QStringLiteral("p.topo.yaml"), false);
        QVERIFY(plain.waivers.rows.isEmpty());
        QVERIFY(!reportMarkdown(plain).contains("Waive"));
    }

    void diffCarriesWaivers()
    {
        const Topology from = load("redundancy-same-host/fires.topo.yaml");
        const Topology to = load("waiver-unused/near.topo.yaml");
        Document doc(from);
        Topology target = from;
        target.waivers = to.waivers;
        doc.apply(ChangeBuilder::diff(from, target, QStringLiteral("Reload")));
        QCOMPARE(doc.topology().waivers, to.waivers);
    }
};

QTEST_GUILESS_MAIN(TestWaivers)
#include "tst_waivers.moc"
