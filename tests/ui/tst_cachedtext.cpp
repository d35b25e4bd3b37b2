// A chip's text drawn from its cached layout looks as drawn by QPainter
// (elided, left-aligned, vertically centred), and follows a new text, width
// or font.
#include "scene/cachedtext.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace td;

namespace {

QImage canvas()
{
    QImage image(240, 40, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

// What QPainter draws for the text in the rect, elided as a chip elides it.
QImage direct(const QFont &font, const QRectF &rect, const QString &text)
{
    QImage image = canvas();
    QPainter p(&image);
    p.setFont(font);
    p.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(font).elidedText(text, Qt::ElideRight, rect.width()));
    return image;
}

QImage cached(CachedText &line, const QFont &font, const QRectF &rect, const QString &text)
{
    QImage image = canvas();
    QPainter p(&image);
    p.setFont(font);
    line.draw(&p, rect, text);
    return image;
}

// Pixels that differ by more than a trace of antialiasing.
int differences(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (std::abs(qGray(p) - qGray(q)) > 40)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestCachedText : public QObject
{
    Q_OBJECT

private slots:
    void drawsAsQPainterDoes()
    {
        QFont font;
        font.setPointSizeF(8);
        font.setBold(true);
        CachedText line;
        const QRectF rect(23, 2, 120, 13);
        const QString name = QStringLiteral("VM00055");
        const QImage first = cached(line, font, rect, name);
        QCOMPARE(differences(first, direct(font, rect, name)), 0);
        QVERIFY(differences(first, canvas()) > 20); // something was drawn
        // Again from the cache, the same.
        QCOMPARE(cached(line, font, rect, name), first);
        // A long name is elided.
        const QString longName = QStringLiteral("cic-primary-datacenter-east-0001.contoso.local");
        const QImage elided = cached(line, font, rect, longName);
        QCOMPARE(differences(elided, direct(font, rect, longName)), 0);
        QVERIFY(differences(elided, first) > 0);
        // A new width, a new font: laid out again.
        const QRectF narrow(23, 2, 60, 13);
        QCOMPARE(differences(cached(line, font, narrow, longName), direct(font, narrow, longName)), 0);
        QFont small = font;
        small.setBold(false);
        small.setPointSizeF(7);
        QCOMPARE(differences(cached(line, small, narrow, longName), direct(small, narrow, longName)), 0);
        QVERIFY(differences(cached(line, small, narrow, longName), direct(font, narrow, longName)) > 0);
    }
};

QTEST_MAIN(TestCachedText)
#include "tst_cachedtext.moc"
