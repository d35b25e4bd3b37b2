#include "export/scripttext.h"

#include <QTest>

using namespace td;

// The comment text of the rule scripts, checked against the rules of its
// contract (scripttext.h) computed here on their own.
class TestScriptText : public QObject
{
    Q_OBJECT

private:
    // The wrapping written out plainly: words split at every space, a line
    // closed when the next word does not fit, a word longer than a line cut
    // (never between the halves of a surrogate pair), trailing spaces dropped.
    static QStringList reference(const QString &prefix, const QString &flat, int width)
    {
        QStringList lines;
        QString line;
        const QStringList words = flat.split(QLatin1Char(' '));
        for (QString rest : words) {
            if (!line.isEmpty() && line.size() + 1 + rest.size() > width) {
                lines << prefix + line;
                line.clear();
            }
            while (rest.size() > width) {
                if (!line.isEmpty()) {
                    lines << prefix + line;
                    line.clear();
                }
                const int cut = rest.at(width - 1).isHighSurrogate() ? width - 1 : width;
                lines << prefix + rest.left(cut);
                rest = rest.mid(cut);
            }
            if (!line.isEmpty())
                line += QLatin1Char(' ');
            line += rest;
        }
        if (!line.isEmpty() || lines.isEmpty())
            lines << prefix + line;
        for (QString &l : lines) {
            while (l.endsWith(QLatin1Char(' ')))
                l.chop(1);
        }
        return lines;
    }

private slots:
    void oneLineEscapesOnlyControlCharacters()
    {
        QCOMPARE(script::oneLine(QStringLiteral("plain name")), QStringLiteral("plain name"));
        QCOMPARE(script::oneLine(QStringLiteral("a\nb\rc\td")), QStringLiteral("a\\nb\\rc\\td"));
        QCOMPARE(script::oneLine(QString::fromUtf8("x\x01y\xc2\x85z\xe2\x80\xa8!")),
                 QStringLiteral("x\\u0001y\\u0085z\\u2028!"));
        QCOMPARE(script::oneLine(QString::fromUtf8("ünïcödé ✓")), QString::fromUtf8("ünïcödé ✓"));
        QCOMPARE(script::oneLine(QString()), QString());
    }

    void commentLinesWrapLikeTheReference_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80"); // a surrogate pair
        QTest::newRow("empty") << QString() << 10;
        QTest::newRow("spaces only") << QStringLiteral("    ") << 10;
        QTest::newRow("short") << QStringLiteral("fits on one line") << 40;
        QTest::newRow("wraps") << QStringLiteral("the quick brown fox jumps over the lazy dog") << 10;
        QTest::newRow("exact width") << QStringLiteral("abcde fghij") << 5;
        QTest::newRow("double spaces") << QStringLiteral("a  b   c    d") << 3;
        QTest::newRow("trailing spaces") << QStringLiteral("word   ") << 4;
        QTest::newRow("long word") << QStringLiteral("ab averyveryverylongword cd") << 6;
        QTest::newRow("long words in a row") << QStringLiteral("aaaaaaaaaaaaa bbbbbbbbbbbbbbbbb") << 4;
        QTest::newRow("surrogate at the cut") << (QStringLiteral("abcd") + emoji + QStringLiteral("efgh")) << 5;
        QTest::newRow("surrogates") << (emoji + emoji + emoji + QLatin1Char(' ') + emoji) << 3;
        QTest::newRow("control characters") << QStringLiteral("line one\nline two\tand more") << 8;
    }

    void commentLinesWrapLikeTheReference()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        for (const QString &prefix : {QStringLiteral("# "), QStringLiteral("// "), QString()}) {
            const QStringList lines = script::commentLines(prefix, text, width);
            QCOMPARE(lines, reference(prefix, script::oneLine(text), width));
            for (const QString &l : lines) {
                QVERIFY(l.startsWith(prefix.trimmed()));
                QVERIFY(!l.endsWith(QLatin1Char(' ')));
                QVERIFY(l.size() <= prefix.size() + width);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestScriptText)
#include "tst_scripttext.moc"
