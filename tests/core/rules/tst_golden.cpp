// Golden cases: for every rule, a layout that fires it and a close one that
// must not. Each expected file lists every finding of its layout.
#include "io/layoutreader.h"
#include "rules/rule.h"
#include "rules/validator.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace td;

class TestGolden : public QObject
{
    Q_OBJECT

private:
    static QString goldenDir() { return QStringLiteral(TD_TESTS_DIR "/rules/golden"); }

    // One expected finding: "<severity> <rule> <subjects>", and the texts its
    // message must contain (names and figures), after " | ".
    struct Expected
    {
        QString finding;
        QStringList texts;
    };

    static QVector<Expected> expected(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {Expected{QStringLiteral("<missing %1>").arg(path), {}}};
        QVector<Expected> out;
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            QStringList parts = line.split(QStringLiteral(" | "));
            const QString finding = parts.takeFirst().trimmed();
            out.append(Expected{finding, parts});
        }
        std::sort(out.begin(), out.end(), [](const Expected &a, const Expected &b) { return a.finding < b.finding; });
        return out;
    }

    static QString findingLine(const Finding &f)
    {
        QString line = severityName(f.severity) + QLatin1Char(' ') + f.rule + QLatin1Char(' ')
                     + f.subjects.join(QLatin1Char(','));
        if (f.waived)
            line += QStringLiteral(" [waived: %1]").arg(*f.waived);
        return line;
    }

    static QStringList actualLines(const QVector<Finding> &findings)
    {
        QStringList lines;
        for (const Finding &f : findings)
            lines << findingLine(f);
        lines.sort();
        return lines;
    }

private slots:
    void everyRuleHasCases()
    {
        for (const Rule *rule : allRules()) {
            const QString dir = goldenDir() + QLatin1Char('/') + rule->id();
            for (const char *name : {"fires.topo.yaml", "fires.expected", "near.topo.yaml", "near.expected"})
                QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(name)),
                         qPrintable(dir + QLatin1Char('/') + QLatin1String(name)));
        }
    }

    void golden_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("fires");
        const QDir dir(goldenDir());
        for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            // Folder "<rule-id>" or "<rule-id>-<variant>": the longest rule id that prefixes it.
            QString rule;
            for (const Rule *r : allRules()) {
                if ((sub == r->id() || sub.startsWith(r->id() + QLatin1Char('-'))) && r->id().size() > rule.size())
                    rule = r->id();
            }
            for (const char *kind : {"fires", "near"}) {
                const QString layout = dir.filePath(sub + QLatin1Char('/') + QLatin1String(kind)
                                                    + QStringLiteral(".topo.yaml"));
                if (QFile::exists(layout))
                    QTest::newRow(qPrintable(sub + QLatin1Char('/') + QLatin1String(kind)))
                        << layout << rule << (qstrcmp(kind, "fires") == 0);
            }
        }
    }

    void golden()
    {
        QFETCH(QString, layout);
        QFETCH(QString, rule);
        QFETCH(bool, fires);
        QVERIFY2(!rule.isEmpty(), "the folder names no rule");
        const LoadResult loaded = LayoutReader::readFile(layout);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error ? loaded.error->toString() : QString()));
        const QVector<Finding> findings = Validator::validate(loaded.topology);
        const QString expectedPath = QString(layout).replace(QStringLiteral(".topo.yaml"), QStringLiteral(".expected"));
        const QVector<Expected> wanted = expected(expectedPath);
        QStringList wantedLines;
        for (const Expected &e : wanted)
            wantedLines << e.finding;
        QCOMPARE(actualLines(findings), wantedLines);
        // Each message names the objects and gives the figures the expected
        // file lists for it (every finding lists at least one).
        bool found = false;
        for (const Finding &f : findings) {
            found = found || f.rule == rule;
            const QString line = findingLine(f);
            const auto e = std::find_if(wanted.cbegin(), wanted.cend(),
                                        [&line](const Expected &x) { return x.finding == line; });
            QVERIFY(e != wanted.cend());
            QVERIFY2(!e->texts.isEmpty(), qPrintable(line + QStringLiteral(": no expected message text")));
            for (const QString &text : e->texts) {
                QVERIFY2(f.message.contains(text),
                         qPrintable(QStringLiteral("%1: message \"%2\" lacks \"%3\"").arg(line, f.message, text)));
            }
        }
        QCOMPARE(found, fires);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
