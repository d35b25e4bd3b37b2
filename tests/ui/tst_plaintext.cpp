// The PDF report's text fast path (PlainTextShaper): the glyphs, advances and
// line breaks it gives without a QTextLayout are the ones QTextLayout gives,
// and the text it must leave to QTextLayout (right to left, combining marks,
// characters the font lacks) is refused.
#include "report/plaintext.h"

#include <QFont>
#include <QGlyphRun>
#include <QTextLayout>
#include <QtTest>

using namespace td;

namespace {

// The report's body font at the PDF's 300 dpi (9 pt = 37.5 px).
QFont reportFont(bool bold = false)
{
    QFont f(QStringLiteral("Sans Serif"));
    f.setPixelSize(38);
    f.setBold(bold);
    return f;
}

QTextLayout *laidOut(const QString &text, const QFont &font, double width, QTextLayout *layout)
{
    layout->setText(text);
    layout->setFont(font);
    QTextOption option(Qt::AlignLeft);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine())
        line.setLineWidth(width);
    layout->endLayout();
    return layout;
}

const QStringList kPlain = {
    QStringLiteral("esx042.contoso.local"),
    QStringLiteral("IC-PRIMARY-07 (primary) on esx-r01-07"),
    QStringLiteral("Rack R07 \u00b7 42U \u00b7 A: UPS A, B: UPS B"),
    QStringLiteral("AVATAR Wolf Toyota LT Va Te AV \"quoted\" 'single' fj"),
    // Ligatures (fi, fl, ffi): the words shaped alone.
    QStringLiteral("The first affinity rule: config profile of the office, fluffy."),
    QStringLiteral("1,234.56 GB \u2192 98% \u2013 \u2014 \u2022 \u2026"),
    QStringLiteral(
        "\u041f\u0440\u0438\u0432\u0435\u0442 \u03a9\u03bc\u03ad\u03b3\u03b1 \u00c5ngstr\u00f6m Stra\u00dfe"),
    QStringLiteral("Page 12 of 875"),
};

} // namespace

class TestPlainText : public QObject
{
    Q_OBJECT

private slots:
    void glyphsAndAdvancesAreQTextLayouts()
    {
        for (bool bold : {false, true}) {
            const QFont font = reportFont(bold);
            PlainTextShaper shaper(font);
            QVERIFY(shaper.isValid());
            for (const QString &text : kPlain) {
                QVector<quint32> glyphs;
                QVector<double> advances;
                QVector<int> clusters;
                QVERIFY2(shaper.shape(text, &glyphs, &advances, &clusters), qPrintable(text));
                // Every character stands in one glyph's cluster, in order.
                QCOMPARE(clusters.size(), glyphs.size());
                QCOMPARE(clusters.first(), 0);
                for (int i = 1; i < clusters.size(); ++i)
                    QVERIFY(clusters.at(i) > clusters.at(i - 1));
                QVERIFY(clusters.last() < text.size());
                QTextLayout layout;
                laidOut(text, font, 1e9, &layout);
                const QList<QGlyphRun> runs = layout.glyphRuns();
                QCOMPARE(runs.size(), 1);
                QCOMPARE(runs.first().rawFont().familyName(), shaper.rawFont().familyName());
                QCOMPARE(glyphs, runs.first().glyphIndexes());
                const QVector<QPointF> positions = runs.first().positions();
                double x = positions.first().x();
                for (int i = 0; i < glyphs.size(); ++i) {
                    // Where our advances put each glyph, against where QTextLayout put it.
                    QVERIFY2(std::abs(x - positions.at(i).x()) < 0.05,
                             qPrintable(QStringLiteral("%1: glyph %2 at %3, QTextLayout %4")
                                            .arg(text)
                                            .arg(i)
                                            .arg(x)
                                            .arg(positions.at(i).x())));
                    x += advances.at(i);
                }
                QVERIFY(std::abs(shaper.width(text) - layout.lineAt(0).naturalTextWidth()) < 0.05);
            }
        }
    }

    void refusesWhatNeedsShaping()
    {
        const QFont font = reportFont();
        const QRawFont raw = QRawFont::fromFont(font);
        PlainTextShaper shaper(font);
        QVERIFY(!raw.supportsCharacter(QChar(0x0378))); // unassigned in the Greek block
        for (const QString &text :
             {QStringLiteral("\u05e9\u05dc\u05d5\u05dd"),                         // Hebrew: right to left
              QStringLiteral("\u0645\u0631\u062d\u0628\u0627"),                   // Arabic: joined forms
              QStringLiteral("Cafe\u0301"),                                       // a combining mark
              QStringLiteral("\u4e2d\u6587 host"),                                // CJK: a fallback font
              QStringLiteral("Fallback \u1e9e\u2c65"),                            // Latin Extended Additional, C
              QStringLiteral("Greek \u0378 gap"),                                 // a character the font lacks
              QStringLiteral("soft\u00adhyphen"), QStringLiteral("tab\there")}) { // shaped specially
            QVector<quint32> glyphs;
            QVERIFY2(!shaper.shape(text, &glyphs, nullptr), qPrintable(text));
            QVERIFY(glyphs.isEmpty());
            QCOMPARE(shaper.width(text), -1.0);
            QVERIFY(!shaper.wrap(text, 1000, nullptr));
        }
    }

    void wrapsAsQTextLayout()
    {
        const QFont font = reportFont();
        PlainTextShaper shaper(font);
        const QStringList texts = {
            QStringLiteral("The host esx-r01-07 carries both members of the switchover pair IC1 (IC1-A and IC1-B): "
                           "one failure takes the pair down."),
            QStringLiteral("averyveryverylonghostnamewithoutanyspaceatall.contoso.local and then some words"),
            QStringLiteral("two  spaces   three    four words and a trailing space "),
            QStringLiteral("first line\nsecond line, a little longer than the first\n\nafter an empty line"),
            QStringLiteral("well-known pair-wise x-1 A-B-C-D-E-F-G-H-I-J-K-L-M-N-O-P q-r"),
            kPlain.join(QLatin1Char(' ')),
        };
        for (const QString &text : texts) {
            for (double width : {120.0, 300.0, 517.0, 800.0, 1333.0, 2000.0}) {
                QStringList lines;
                QVERIFY(shaper.wrap(text, width, &lines));
                QString lineText = text;
                lineText.replace(QLatin1Char('\n'), QChar::LineSeparator);
                QTextLayout layout;
                laidOut(lineText, font, width, &layout);
                QStringList expected;
                for (int i = 0; i < layout.lineCount(); ++i) {
                    const QTextLine line = layout.lineAt(i);
                    QString s = lineText.mid(line.textStart(), line.textLength());
                    while (!s.isEmpty() && (s.back() == QLatin1Char(' ') || s.back() == QChar::LineSeparator))
                        s.chop(1);
                    expected << s;
                }
                QCOMPARE(lines, expected);
            }
        }
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
