// Comments and blank lines a person wrote survive load, edit and save
// (FORMAT.md), attached to what they annotate; the writer stays canonical.
//   comments/annotated.topo.yaml  a canonical file with comments everywhere:
//                                 load -> save gives the same bytes
//   comments/messy.topo.yaml      a file far from canonical: every comment
//                                 (marker-NN) is kept and a second save is stable

#include "changebuilder.h"
#include "document.h"
#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace td;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(TD_TESTS_DIR "/io/comments/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return f.readAll();
}

LoadResult load(const QByteArray &data)
{
    return LayoutReader::read(data, QStringLiteral("c.topo.yaml"));
}

QString describe(const LoadResult &r)
{
    return r.error ? r.error->toString() : QStringLiteral("(loaded)");
}

// The note for key; an empty one with key "(missing)" when there is none.
const CommentNote *note(const Comments &c, const char *key)
{
    static const CommentNote missing{QStringLiteral("(missing)"), {}, {}, {}};
    const CommentNote *n = c.find(QString::fromLatin1(key));
    return n ? n : &missing;
}

template <typename List>
const auto &byId(const List &list, const char *id)
{
    for (const auto &item : list) {
        if (item.id.str() == QLatin1String(id))
            return item;
    }
    qFatal("no %s", id);
    return list.front();
}

// The lines that differ between two texts of the same number of lines; -1
// when the number of lines differs.
int changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    if (la.size() != lb.size())
        return -1;
    int n = 0;
    for (int i = 0; i < la.size(); ++i)
        n += la.at(i) != lb.at(i) ? 1 : 0;
    return n;
}

} // namespace

class TestComments : public QObject
{
    Q_OBJECT

private slots:
    void annotatedCanonicalFileIsByteIdentical()
    {
        const QByteArray data = readData("annotated.topo.yaml");
        const LoadResult r = load(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray written = LayoutWriter::write(r.topology);
        QCOMPARE(written, data);
        QCOMPARE(LayoutWriter::write(load(written).topology), written);
        QVERIFY(load(written).topology == r.topology);
    }

    void commentsAttachToWhatTheyAnnotate()
    {
        const LoadResult r = load(readData("annotated.topo.yaml"));
        QVERIFY(r.ok());
        const Topology &t = r.topology;
        // The file's first and last lines.
        const CommentNote *file = note(t.header.comments, "");
        QCOMPARE(file->before, QStringList({QStringLiteral("# Contoso layout"),
                                            QStringLiteral("# owned by the infra team"), QString()}));
        QCOMPARE(file->end, QStringList({QStringLiteral("# trailing comment")}));
        // End-of-line comments on top-level keys keep their spacing.
        QCOMPARE(note(t.header.comments, "format")->after, QStringLiteral("  # do not change"));
        QCOMPARE(note(t.header.comments, "name")->after, QStringLiteral("   # the site"));
        QCOMPARE(note(t.header.comments, "owner")->after, QStringLiteral("  # unknown top-level key"));
        // A block's own first and last comments.
        QCOMPARE(note(t.header.platform.comments, "hypervisor")->before,
                 QStringList({QStringLiteral("# vSphere 8 since March")}));
        QCOMPARE(note(t.header.platform.comments, "")->end, QStringList({QStringLiteral("# end of platform")}));
        // A flow list's end-of-line comment.
        QCOMPARE(note(byId(t.racks, "rack-1").comments, "circuits")->after, QStringLiteral("  # only A for now"));
        // A list item (an object), its first key, a NIC, the NIC list, the host, the list.
        const Host &esx01 = byId(t.hosts, "esx01");
        QCOMPARE(note(esx01.comments, "")->before, QStringList({QString(), QStringLiteral("# the big one")}));
        QCOMPARE(note(esx01.comments, "id")->after, QStringLiteral("  # primary host"));
        QCOMPARE(note(esx01.nics.at(0).comments, "name")->after, QStringLiteral("  # onboard"));
        QCOMPARE(note(esx01.nics.at(0).comments, "")->end, QStringList({QStringLiteral("# end of nic")}));
        QCOMPARE(note(esx01.comments, "nics")->end, QStringList({QStringLiteral("# end of nics")}));
        QCOMPARE(note(esx01.comments, "")->end, QStringList({QStringLiteral("# end of host")}));
        QVERIFY(byId(t.hosts, "esx02").comments.isEmpty());
        QCOMPARE(note(t.header.comments, "hosts")->end, QStringList({QStringLiteral("# end of hosts")}));
        // A field of an object; '#' inside a quoted name is text.
        const Guest &ic1 = byId(t.guests, "ic1");
        QCOMPARE(note(ic1.comments, "host")->before,
                 QStringList({QStringLiteral("# primary stays on esx01 during the migration")}));
        QCOMPARE(ic1.name, QStringLiteral("IC1 'quoted' # not a comment"));
        QCOMPARE(note(ic1.comments, "name")->key, QStringLiteral("(missing)"));
        QCOMPARE(byId(t.circuits, "ups-a").name, QStringLiteral("UPS A # left"));
        QVERIFY(byId(t.circuits, "ups-a").comments.isEmpty());
        // '#', quotes and non-ASCII inside a comment.
        const Guest &ic2 = byId(t.guests, "ic2");
        QCOMPARE(ic2.name, QStringLiteral("IC2 — ünïcödé"));
        QCOMPARE(note(ic2.comments, "vcpu")->after,
                 QStringLiteral("  # sized by “Vendor” #2, 'quoted' and \"double\""));
        // A comment indented into the list above closes it, blank line included;
        // unknown keys have their comments.
        QCOMPARE(note(t.header.comments, "guests")->end,
                 QStringList({QString(), QStringLiteral("# the switchover pair")}));
        QCOMPARE(note(t.header.comments, "groups")->key, QStringLiteral("(missing)"));
        const Group &pair = byId(t.groups, "cic-pair");
        QCOMPARE(note(pair.comments, "members")->after, QStringLiteral("  # primary first"));
        QCOMPARE(note(pair.comments, "ticket")->after, QStringLiteral("  # an unknown key, kept"));
        // Layout positions.
        QCOMPARE(note(t.layout.at(0).comments, "")->after, QStringLiteral("  # top left"));
        QCOMPARE(note(t.layout.at(1).comments, "")->before,
                 QStringList({QStringLiteral("# esx positions follow the rack")}));
        QCOMPARE(note(t.header.comments, "layout")->end, QStringList({QStringLiteral("# end of layout")}));
    }

    void movingOneGuestIsAOneLineDiff()
    {
        const QByteArray data = readData("annotated.topo.yaml");
        const LoadResult r = load(data);
        QVERIFY(r.ok());
        Document doc(r.topology);
        const Change move = ChangeBuilder(doc.topology(), doc.index())
                                .moveGuest(GuestId(QStringLiteral("ic1")), HostId(QStringLiteral("esx02")));
        QVERIFY(!move.isEmpty());
        doc.apply(move);
        const QByteArray moved = LayoutWriter::write(doc.topology());
        QCOMPARE(changedLines(data, moved), 1);
        QVERIFY(moved.contains("    # primary stays on esx01 during the migration\n    host: esx02\n"));
        // Undo gives the file back, byte for byte.
        doc.apply(move.inverted());
        QCOMPARE(LayoutWriter::write(doc.topology()), data);
    }

    void renamingKeepsTheObjectsComments()
    {
        const LoadResult r = load(readData("annotated.topo.yaml"));
        QVERIFY(r.ok());
        Document doc(r.topology);
        Host host = byId(doc.topology().hosts, "esx01");
        host.name = QStringLiteral("esx01.contoso.local");
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).replace(host, QStringLiteral("Rename")));
        const QByteArray written = LayoutWriter::write(doc.topology());
        QCOMPARE(changedLines(readData("annotated.topo.yaml"), written), 1);
        QVERIFY(written.contains("  # the big one\n  - id: esx01  # primary host\n    name: esx01.contoso.local\n"));
    }

    void aCommentOnARemovedKeyIsKept()
    {
        const QByteArray data = readData("messy.topo.yaml");
        const LoadResult r = load(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        Document doc(r.topology);
        Host host = byId(doc.topology().hosts, "h1");
        host.rack = RackId();
        doc.apply(ChangeBuilder(doc.topology(), doc.index()).replace(host, QStringLiteral("Unrack")));
        const QByteArray written = LayoutWriter::write(doc.topology());
        QVERIFY(!written.contains("rack: r1"));
        QVERIFY2(written.contains("    # marker-10 on a key that an edit removes\n"), written.constData());
        QCOMPARE(LayoutWriter::write(load(written).topology), written);
    }

    void everyCommentOfAMessyFileIsKeptAndSavingIsStable()
    {
        const QByteArray data = readData("messy.topo.yaml");
        const LoadResult r = load(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray first = LayoutWriter::write(r.topology);
        // Count the markers in the source independently of the scanner.
        static const QRegularExpression marker(QStringLiteral("marker-(\\d\\d)"));
        QSet<QString> expected;
        for (auto it = marker.globalMatch(QString::fromUtf8(data)); it.hasNext();)
            expected.insert(it.next().captured(1));
        QCOMPARE(expected.size(), 15);
        for (const QString &m : expected)
            QVERIFY2(first.contains(("marker-" + m).toUtf8()), qPrintable(m));
        // Text that only looks like a comment stays text, and is no comment.
        QVERIFY(first.contains("notes: \"# not a comment: block scalar\\nline two # still text\\n\""));
        QVERIFY(first.contains("quote: \"a multi-line # not a comment either quoted text\""));
        QVERIFY(first.contains("name: \"it's # text\""));
        QCOMPARE(first.count("\n# not a comment"), 0);
        // Blank lines: at most one in a row, none at the top.
        QVERIFY(!first.contains("\n\n\n"));
        QVERIFY(first.startsWith("# marker-01"));
        // Canonical after one save: the next saves are byte-identical.
        const LoadResult again = load(first);
        QVERIFY(again.ok());
        QCOMPARE(LayoutWriter::write(again.topology), first);
    }

    void randomCommentsAreKeptAndStable()
    {
        // Comments, blank lines and end-of-line comments put at random
        // places in real files: whatever loads keeps every comment, and the
        // first save is canonical (the second changes nothing).
        const QList<QByteArray> sources = {readData("annotated.topo.yaml"), readData("messy.topo.yaml"),
                                           Samples::contoso()};
        QRandomGenerator random(20261126);
        int loaded = 0;
        for (int round = 0; round < 300; ++round) {
            QList<QByteArray> lines = sources.at(round % sources.size()).split('\n');
            QStringList markers;
            const int edits = 1 + random.bounded(8);
            for (int k = 0; k < edits; ++k) {
                const int at = random.bounded(int(lines.size()));
                const QByteArray marker = "m" + QByteArray::number(round) + "-" + QByteArray::number(k);
                switch (random.bounded(4)) {
                case 0:
                    lines.insert(at, QByteArray(random.bounded(11), ' ') + "# " + marker + " \"q\" 'x' #");
                    markers << QString::fromLatin1(marker);
                    break;
                case 1: lines.insert(at, QByteArray()); break;
                default:
                    if (!lines.at(at).trimmed().isEmpty() && !lines.at(at).trimmed().startsWith('#')) {
                        lines[at] += QByteArray(1 + random.bounded(3), random.bounded(2) ? ' ' : '\t') + "# " + marker
                                   + " é";
                        markers << QString::fromLatin1(marker);
                    }
                }
            }
            const QByteArray text = lines.join('\n');
            const LoadResult r = load(text);
            if (!r.ok())
                continue; // a comment inside a block scalar, say, made it another file
            ++loaded;
            const QByteArray first = LayoutWriter::write(r.topology);
            for (const QString &m : markers) {
                // A marker that landed inside a text value is text, not a comment.
                const bool isText = r.topology.header.name.contains(m);
                QVERIFY2(isText || first.contains(("# " + m).toUtf8()),
                         qPrintable(QStringLiteral("%1 lost from:\n%2").arg(m, QString::fromUtf8(text))));
            }
            const LoadResult again = load(first);
            QVERIFY2(again.ok(), qPrintable(describe(again)));
            QVERIFY2(LayoutWriter::write(again.topology) == first, qPrintable(QString::fromUtf8(text)));
        }
        QVERIFY2(loaded > 200, qPrintable(QString::number(loaded)));
    }

    void blankLinesBetweenItemsAreKept()
    {
        const QByteArray data = "format: 1\nname: x\nplatform:\n  hypervisor: vsphere\n  version: \"8.0\"\n"
                                "  edition: enterprise-plus\n  licensing: host-id\n\ncircuits:\n"
                                "  - id: a\n    name: A\n\n  - id: b\n    name: B\nracks: []\nclusters: []\n"
                                "hosts: []\nguests: []\ngroups: []\n";
        const LoadResult r = load(data);
        QVERIFY(r.ok());
        QCOMPARE(LayoutWriter::write(r.topology), data);
    }

    void warningsWhereMeaningCouldChange()
    {
        const QByteArray data = "format: 1\nname: !!str x\nplatform: {hypervisor: vsphere, version: !v \"8.0\"}\n"
                                "circuits:\n  - &c {id: a, name: A}\n  - <<: *c\n    id: b\n    name: B\n";
        const LoadResult r = load(data);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QStringList warnings;
        for (const Diagnostic &w : r.warnings)
            warnings << QStringLiteral("%1:%2 %3").arg(w.line).arg(w.column).arg(w.text);
        const QString all = warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("2:7 the tag '!!str' is ignored")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("3:42 the tag '!v' is ignored")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("6:5 merge key '<<'")), qPrintable(all));
    }

    void aSecondDocumentIsALoadError()
    {
        const QByteArray one = "format: 1\nname: x\nplatform: {hypervisor: vsphere, version: \"8.0\"}\n";
        LoadResult r = load("---\n" + one + "...\n");
        QVERIFY(r.ok());
        r = load(one + "---\nformat: 1\nname: y\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 4);
        QCOMPARE(r.error->column, 1);
        QVERIFY2(r.error->text.contains(QLatin1String("second YAML document")), qPrintable(r.error->text));
        r = load("# c\n---\n" + one + "--- # next\n- a\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 6);
    }
};

QTEST_GUILESS_MAIN(TestComments)
#include "tst_comments.moc"
