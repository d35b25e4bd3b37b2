#include "io/layoutreader.h"
#include "io/layoutwriter.h"
#include "io/samples.h"
#include "io/yamltext.h"
#include "topologygenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace td;

class TestLayoutWriter : public QObject
{
    Q_OBJECT

private:
    static void roundTrip(const Topology &t)
    {
        const QByteArray first = LayoutWriter::write(t);
        const LoadResult loaded = LayoutReader::read(first, QStringLiteral("rt"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error ? loaded.error->toString() : QString()));
        QVERIFY(loaded.warnings.isEmpty());
        QVERIFY(loaded.topology == t);
        QCOMPARE(LayoutWriter::write(loaded.topology), first);
    }

private slots:
    void sampleRoundTrips()
    {
        const LoadResult r = LayoutReader::read(Samples::contoso(), QStringLiteral("s"));
        QVERIFY(r.ok());
        roundTrip(r.topology);
    }

    void generatedRoundTrips()
    {
        roundTrip(test::generateTopology(test::GeneratorParams::small(), 11));
        auto p = test::GeneratorParams::small();
        p.hypervisor = Hypervisor::HyperV;
        roundTrip(test::generateTopology(p, 12));
    }

    void oddNamesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"plain name",  "Row 3 / Rack 1",
                              "yes",         "no",
                              "null",        "~",
                              "8.0",         "0x1F",
                              "1e3",         "-leading dash",
                              "- item",      "key: value",
                              "trailing:",   "a #comment",
                              "#hash",       "'single'",
                              "\"double\"",  "back\\slash",
                              "  padded  ",  "tab\there",
                              "line\nbreak", "[flow]",
                              "{map}",       "a, b",
                              "*alias",      "&anchor",
                              "!tag",        "%percent",
                              "@at",         "`tick`",
                              "|pipe",       ">fold",
                              "?question",   "ünïcödé ✓",
                              "O'Brien’s",   "\xc2\x85nel",
                              "true",        "False",
                              ".inf",        "-.5"})
            QTest::newRow(n) << QString::fromUtf8(n);
    }

    void oddNamesRoundTrip()
    {
        QFETCH(QString, name);
        Topology t;
        t.header.name = name;
        t.circuits.append(Circuit{CircuitId(QStringLiteral("c1")), name, {}});
        Guest g;
        g.id = GuestId(QStringLiteral("g1"));
        g.name = name;
        g.product = QStringLiteral("generic");
        t.guests.append(g);
        Host h;
        h.id = HostId(QStringLiteral("h1"));
        h.name = name;
        h.cpuModel = name;
        h.nics.append(Nic{name, 10, bit(Traffic::Vm), {}});
        t.hosts.append(h);
        roundTrip(t);
    }

    // isYamlSpecialWord rules most texts out before its pattern; the
    // reference here is the pattern alone, over every short text of the
    // characters that matter, and over every special word (the count below
    // shows the pattern is the real one: it matches hundreds of them).
    void specialWordsAreThePatternsWords()
    {
        const QRegularExpression &reference = yamlSpecialWordPattern();
        QStringList texts;
        for (const char *w :
             {"null",   "Null",   "NULL",      "true",  "True",  "TRUE",     "false",   "False",   "FALSE",
              "yes",    "Yes",    "YES",       "no",    "No",    "NO",       "on",      "On",      "ON",
              "off",    "Off",    "OFF",       "~",     ".inf",  "-.Inf",    "+.INF",   ".nan",    ".NaN",
              ".NAN",   "0x1F",   "0o17",      "0b101", "1_000", "12:30:45", "-1.5e+3", "6.02E23", "nulls",
              "falsey", "offset", "yesterday", "esx01", "g-0001"})
            texts << QString::fromLatin1(w);
        const QString alphabet = QStringLiteral("~+-.019_:eExXoObBnNuUlLtTrRfFaAsSyYiI a");
        texts << QString();
        for (const QChar a : alphabet) {
            texts << QString(a);
            for (const QChar b : alphabet) {
                texts << QString(a) + b;
                for (const QChar c : alphabet)
                    texts << QString(a) + b + c;
            }
        }
        int special = 0;
        for (const QString &text : std::as_const(texts)) {
            const bool expected = reference.match(text).hasMatch();
            special += expected;
            QVERIFY2(isYamlSpecialWord(text) == expected, qPrintable(text));
        }
        QVERIFY(special > 200);
    }

    void fractionalPositionsStayExact()
    {
        Topology t;
        t.header.name = QStringLiteral("x");
        t.layout.append(LayoutEntry{QStringLiteral("r1"), 0.1, -2.5, {}});
        t.layout.append(LayoutEntry{QStringLiteral("r2"), 100, 1e6, {}});
        const QByteArray text = LayoutWriter::write(t);
        QVERIFY2(text.contains("r1: {x: 0.1, y: -2.5}"), text.constData());
        QVERIFY2(text.contains("r2: {x: 100, y: 1000000}"), text.constData());
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.topo.yaml"));
        Topology t = test::generateTopology(test::GeneratorParams::small(), 3);
        QString error;
        QVERIFY(LayoutWriter::writeFile(t, path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), LayoutWriter::write(t));
        f.close();
        // Writing into a folder that does not exist fails and says why.
        QVERIFY(!LayoutWriter::writeFile(t, dir.filePath(QStringLiteral("no/such/dir/x.topo.yaml")), &error));
        QVERIFY(error.contains(QLatin1String("x.topo.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestLayoutWriter)
#include "tst_layoutwriter.moc"
