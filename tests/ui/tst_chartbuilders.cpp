// The report charts as SVG: drawn through DeferredStateDevice they look the
// same as drawn straight into QSvgGenerator, the inline SVG fits HTML, the
// legend and the value axis read well, and the HTML export puts every chart
// where the report asks for it.
#include "charts/chartbuilders.h"
#include "charts/deferredstatedevice.h"
#include "export/exporter.h"
#include "io/layoutreader.h"
#include "io/samples.h"
#include "report/designreport.h"
#include "report/reportwriters.h"
#include "report/uiexporters.h"

#include <QBuffer>
#include <QChart>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QScreen>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace td;

namespace {

QByteArray svgOf(const QSize &size, const std::function<void(QPainter *)> &draw, bool deferred)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(QGuiApplication::primaryScreen()->logicalDotsPerInchY()); // as ChartBuilders::svg
    {
        QPainter svg(&generator);
        if (deferred) {
            DeferredStateDevice device(&svg, size);
            QPainter painter(&device);
            draw(&painter);
        } else {
            draw(&svg);
        }
    }
    return buffer.data();
}

QImage rendered(const QByteArray &svg, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QSvgRenderer renderer(svg);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

int differingPixels(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    return n;
}

int countOf(const QByteArray &text, const char *what)
{
    return static_cast<int>(text.count(what));
}

// A drawing with what charts use: state saved and restored around items that
// draw nothing, transforms, pens, brushes, opacity, text, polygons.
void scene(QPainter *p)
{
    p->fillRect(QRectF(0, 0, 300, 200), QColor(0xf5, 0xf5, 0xf5));
    for (int i = 0; i < 6; ++i) {
        p->save();
        p->translate(20 + 40 * i, 150);
        p->setPen(QPen(QColor(0x30, 0x30, 0x30), 1 + i % 2));
        p->setBrush(QColor::fromHsv(i * 50, 200, 220));
        p->save(); // an item that draws nothing
        p->setPen(Qt::red);
        p->rotate(15);
        p->restore();
        p->drawRect(QRectF(0, -20.0 * (i + 1), 30, 20.0 * (i + 1)));
        p->restore();
    }
    p->save();
    p->setPen(QPen(Qt::darkRed, 2, Qt::DashLine));
    const QPointF line[] = {{10, 40}, {100, 20}, {200, 60}, {290, 30}};
    p->drawPolyline(line, 4);
    p->restore();
    p->save();
    p->translate(150, 100);
    p->rotate(-30);
    p->scale(1.5, 1.5);
    p->setFont(QFont(QStringLiteral("Sans Serif"), 9, QFont::Bold));
    p->drawText(QPointF(0, 0), QStringLiteral("esx01.contoso.local"));
    p->restore();
    p->setOpacity(0.5);
    p->setBrush(Qt::blue);
    p->setPen(Qt::NoPen);
    p->drawEllipse(QRectF(240, 10, 40, 40));
    QPainterPath path;
    path.moveTo(10, 190);
    path.cubicTo(60, 120, 120, 220, 180, 170);
    path.closeSubpath();
    p->drawPath(path);
}

CapacitySeries longNamedSeries(double perHost, int hosts = 12)
{
    CapacitySeries s;
    s.cluster = QStringLiteral("<b>PROD</b> & \"1\"");
    s.products = {QStringLiteral("Media Server"),
                  QStringLiteral("CIC Server"),
                  QStringLiteral("Media Streaming Server"),
                  QStringLiteral("Session Manager"),
                  QStringLiteral("Dialer CCS"),
                  QStringLiteral("Remote Content Service"),
                  QStringLiteral("Generic VM"),
                  QStringLiteral("Interaction Director"),
                  QStringLiteral("Database Server")};
    for (int h = 0; h < hosts; ++h) {
        s.hosts << (h == 0 ? QStringLiteral("<i>esx</i> & co")
                           : QStringLiteral("esx%1.contoso.local").arg(h + 1, 2, 10, QLatin1Char('0')));
        s.cores << 48;
        s.memoryGb << 512;
    }
    for (int p = 0; p < s.products.size(); ++p) {
        s.vcpuByProduct << QVector<double>(s.hosts.size(), perHost / s.products.size());
        s.memoryByProduct << QVector<double>(s.hosts.size(), 8);
    }
    return s;
}

} // namespace

class TestChartBuilders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerUiExporters(); }

    void deferredStateDrawsTheSame()
    {
        const QSize size(300, 200);
        const QByteArray direct = svgOf(size, scene, false);
        const QByteArray deferred = svgOf(size, scene, true);
        const QImage a = rendered(direct, size);
        const QImage b = rendered(deferred, size);
        // Something was drawn: the picture is not the background alone.
        QImage blank(size, QImage::Format_ARGB32);
        blank.fill(Qt::white);
        QVERIFY(differingPixels(a, blank) > 5000);
        QCOMPARE(differingPixels(a, b), 0);
        // The states nothing was drawn with are not written.
        QVERIFY2(
            countOf(deferred, "<g") < countOf(direct, "<g"),
            qPrintable(
                QStringLiteral("%1 groups, straight: %2").arg(countOf(deferred, "<g")).arg(countOf(direct, "<g"))));
        QCOMPARE(countOf(deferred, "<rect"), countOf(direct, "<rect"));
        QCOMPARE(countOf(deferred, "<text"), countOf(direct, "<text"));
    }

    void chartThroughDeferredStateLooksTheSame()
    {
        const CapacitySeries s = longNamedSeries(40);
        const QSize size = ChartBuilders::reportSize(s.hosts.size());
        std::unique_ptr<QChart> chart(ChartBuilders::capacity(s, false));
        const QByteArray viaBuilder = ChartBuilders::svg(chart.get(), size);
        std::unique_ptr<QChart> again(ChartBuilders::capacity(s, false));
        const QByteArray direct = svgOf(
            size, [&](QPainter *p) { ChartBuilders::paint(again.get(), p, QRectF(QPointF(0, 0), size)); }, false);
        QCOMPARE(differingPixels(rendered(viaBuilder, size), rendered(direct, size)), 0);
        QVERIFY(viaBuilder.size() * 3 < direct.size() * 2);
    }

    void capacitySvgFitsInlineHtml()
    {
        const CapacitySeries s = longNamedSeries(40);
        const QString svg = QtChartRenderer().capacitySvg(s, false);
        QVERIFY(svg.startsWith(QLatin1String("<svg")));
        const QString root = svg.left(svg.indexOf(QLatin1Char('>')) + 1);
        QVERIFY2(!root.contains(QLatin1String("xmlns")) && !root.contains(QLatin1String(" width="))
                     && !root.contains(QLatin1String(" height=")) && root.contains(QLatin1String("viewBox=")),
                 qPrintable(root));
        QVERIFY(svg.endsWith(QLatin1String("</svg>")));
        QVERIFY(!svg.contains(QRegularExpression(QStringLiteral("<g[^>]*>\\s*</g>"))));
        // Its title is the chart's, escaped (a browser shows it as a tooltip).
        QVERIFY2(svg.contains(
                     QLatin1String("<title>vCPU per host: &lt;b&gt;PROD&lt;/b&gt; &amp; &quot;1&quot;</title>")),
                 qPrintable(svg.left(400)));
        // Names read as written, not as markup: QtCharts shows rich text.
        QVERIFY2(svg.contains(QLatin1String("&lt;i&gt;esx&lt;/i&gt; &amp; co")), qPrintable(svg));
        QVERIFY(svg.contains(QLatin1String(">vCPU per host: &lt;b&gt;PROD&lt;/b&gt; &amp; &quot;1&quot;<")));
        // Every host has its label, the first too (QtCharts hides a label
        // that reaches out of the chart, as a slanted first one does).
        for (const QString &host : s.hosts.mid(1))
            QVERIFY2(svg.contains(QLatin1Char('>') + host.left(17)), qPrintable(host));
        // The legend names every product whole, the longest too.
        for (const QString &product : s.products)
            QVERIFY2(svg.contains(QLatin1Char('>') + product + QLatin1Char('<')), qPrintable(product));
    }

    void fewHostsWithLongNamesAllLabelled()
    {
        // Five hosts side by side: their names are wider than their bars.
        const CapacitySeries s = longNamedSeries(40, 5);
        const QString svg = QtChartRenderer().capacitySvg(s, true);
        for (const QString &host : s.hosts.mid(1))
            QVERIFY2(svg.contains(QLatin1Char('>') + host.left(17)), qPrintable(host));
        QVERIFY(svg.contains(QLatin1String("&lt;i&gt;esx&lt;/i&gt; &amp; co")));
        // Upright: a quarter turn, not overlapping side by side.
        QVERIFY(svg.contains(QLatin1String("transform=\"matrix(0,-1,1,0,")));
    }

    void chartPaintedTwiceKeepsItsLabels()
    {
        const CapacitySeries s = longNamedSeries(40);
        std::unique_ptr<QChart> chart(ChartBuilders::capacity(s, false));
        const QSize size = ChartBuilders::reportSize(s.hosts.size());
        const QByteArray first = ChartBuilders::svg(chart.get(), size);
        const QByteArray second = ChartBuilders::svg(chart.get(), size);
        for (const QString &host : s.hosts.mid(1)) {
            const QByteArray label = '>' + host.left(17).toUtf8();
            QVERIFY2(first.contains(label) && second.contains(label), label.constData());
        }
        QCOMPARE(differingPixels(rendered(first, size), rendered(second, size)), 0);
    }

    void valueAxisTicksAreRound_data()
    {
        QTest::addColumn<double>("used");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("ticks");
        // niceMax(used * 1.05), then a tick every whole round step.
        QTest::newRow("0") << 0.0 << 1.0 << 2;
        QTest::newRow("7") << 7.0 << 8.0 << 5;       // every 2
        QTest::newRow("95") << 95.0 << 100.0 << 5;   // every 25
        QTest::newRow("140") << 140.0 << 150.0 << 4; // every 50, not 37.5
        QTest::newRow("115") << 115.0 << 150.0 << 4;
        QTest::newRow("56") << 56.0 << 60.0 << 4;       // every 20
        QTest::newRow("290") << 290.0 << 400.0 << 5;    // every 100
        QTest::newRow("1100") << 1100.0 << 1200.0 << 5; // every 300
    }
    void valueAxisTicksAreRound()
    {
        QFETCH(double, used);
        QFETCH(double, max);
        QFETCH(int, ticks);
        CapacitySeries s = longNamedSeries(used);
        s.cores.fill(0);
        std::unique_ptr<QChart> chart(ChartBuilders::capacity(s, false));
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
        QCOMPARE(y->max(), max);
        QCOMPARE(y->tickCount(), ticks);
        const double step = max / (ticks - 1);
        QCOMPARE(step, std::floor(step)); // "%d" labels are exact
    }

    void htmlExportPutsEveryChartInItsPlace()
    {
        const LoadResult loaded = LayoutReader::read(Samples::contoso(), Samples::displayName());
        QVERIFY(loaded.ok());
        const Exporter *exporter = ExporterRegistry::instance().find(QStringLiteral("html"));
        QVERIFY(exporter);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QStringList notes;
        QString error;
        QVERIFY2(exporter->write(ExportInput{loaded.topology, QStringLiteral("site.topo.yaml"), ExportOptions()},
                                 buffer, &notes, &error),
                 qPrintable(error));
        // Written on one thread, straight: the same page.
        const QtChartRenderer charts;
        const QByteArray straight = reportHtml(
            DesignReport::build(loaded.topology, QStringLiteral("site.topo.yaml"), false), &charts);
        QVERIFY(straight.count("<svg") >= 5);
        QCOMPARE(buffer.data().count("<svg"), straight.count("<svg"));
        QVERIFY(!buffer.data().contains("<\x01"));
        QVERIFY(buffer.data() == straight);
    }
};

QTEST_MAIN(TestChartBuilders)
#include "tst_chartbuilders.moc"
