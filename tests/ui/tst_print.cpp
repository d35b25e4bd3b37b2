// File > Print for the canvas and the report, end to end without a dialog:
// the window's print code paints on a QPrinter writing PDF, and the pages
// are read back as a reader would (pdfinfo, pdftotext, pdftoppm).
#include "report/reportactions.h"
#include "tools.h"
#include "windowtest.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QPrinter>
#include <QRegularExpression>
#include <QTest>

using namespace td;

namespace {

// Runs a tool; its standard output, or a failure when it is missing or fails.
bool run(const char *tool, const QStringList &arguments, QByteArray *out, QString *why)
{
    test::ToolOutput output;
    if (!test::runTool(QString::fromLatin1(tool), arguments, &output, why))
        return false;
    *out = output.out;
    return true;
}

QString normalized(const QString &text)
{
    return QString(text).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

// A printer as File > Print makes one (high resolution), writing PDF to file.
std::unique_ptr<QPrinter> pdfPrinter(const QString &file)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setOutputFormat(QPrinter::PdfFormat);
    printer->setOutputFileName(file);
    printer->setPageSize(QPageSize(QPageSize::A4));
    return printer;
}

int pageCount(const QString &file, QString *why)
{
    QByteArray info;
    if (!run("pdfinfo", {file}, &info, why))
        return -1;
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                                          .match(QString::fromUtf8(info));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// The share of a rendered page's pixels that are not white.
double inked(const QString &png)
{
    const QImage image(png);
    if (image.isNull())
        return 0;
    qint64 dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
    }
    return double(dark) / (double(image.width()) * image.height());
}

} // namespace

class TestPrint : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_print"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void theMenuHasThePrintActions()
    {
        auto *print = mWindow->findChild<QMenu *>(QStringLiteral("printMenu"));
        auto *preview = mWindow->findChild<QMenu *>(QStringLiteral("printPreviewMenu"));
        QVERIFY(print && preview);
        QCOMPARE(print->actions().size(), 2);
        QCOMPARE(preview->actions().size(), 2);
        QCOMPARE(print->actions().first()->shortcut(), QKeySequence(QKeySequence::Print));
    }

    void reportPrintsEveryPage()
    {
        const QString file = mDir.filePath(QStringLiteral("report.pdf"));
        {
            const std::unique_ptr<QPrinter> printer = pdfPrinter(file);
            printReport(mWindow.get(), printer.get());
        }
        QString why;
        const int pages = pageCount(file, &why);
        QVERIFY2(pages > 5, qPrintable(why)); // title, contents and a page per chapter at least
        QByteArray raw;
        QVERIFY2(run("pdftotext", {file, QStringLiteral("-")}, &raw, &why), qPrintable(why));
        const QString text = normalized(QString::fromUtf8(raw));
        const Topology &t = doc()->topology();
        for (const Host &h : t.hosts)
            QVERIFY2(text.contains(h.name), qPrintable(h.name));
        for (const Rack &r : t.racks)
            QVERIFY2(text.contains(r.name), qPrintable(r.name));
        for (int p = 1; p <= pages; ++p)
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)), qPrintable(QString::number(p)));
        // Every page renders, and the first (the title page) carries ink.
        QVERIFY2(run("pdftoppm",
                     {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-png"), file,
                      mDir.filePath(QStringLiteral("report"))},
                     &raw, &why),
                 qPrintable(why));
        const QStringList rendered = QDir(mDir.path()).entryList({QStringLiteral("report-*.png")});
        QCOMPARE(rendered.size(), pages);
        QVERIFY(inked(mDir.filePath(rendered.first())) > 0.001);
    }

    void reportKeepsNamesHiddenWhenTheCanvasHidesThem()
    {
        scene()->setHideNames(true);
        const QString file = mDir.filePath(QStringLiteral("hidden.pdf"));
        {
            const std::unique_ptr<QPrinter> printer = pdfPrinter(file);
            printReport(mWindow.get(), printer.get());
        }
        QByteArray raw;
        QString why;
        QVERIFY2(run("pdftotext", {file, QStringLiteral("-")}, &raw, &why), qPrintable(why));
        const QString text = normalized(QString::fromUtf8(raw));
        for (const Host &h : doc()->topology().hosts)
            QVERIFY2(!text.contains(h.name), qPrintable(h.name));
        QVERIFY(text.contains(QStringLiteral("Host 1")));
    }

    void canvasPrintsOnOnePage()
    {
        // A selection is not part of what is printed, and stays selected.
        const QString selected = doc()->topology().hosts.first().id.str();
        scene()->selectIds({selected});
        const QString file = mDir.filePath(QStringLiteral("canvas.pdf"));
        {
            const std::unique_ptr<QPrinter> printer = pdfPrinter(file);
            printCanvas(mWindow.get(), printer.get());
        }
        QCOMPARE(scene()->selectedIds(), QStringList{selected});
        QString why;
        QCOMPARE(pageCount(file, &why), 1);
        // In drawing order (-raw): the canvas's small texts side by side are not interleaved.
        QByteArray raw;
        QVERIFY2(run("pdftotext", {QStringLiteral("-raw"), file, QStringLiteral("-")}, &raw, &why), qPrintable(why));
        const QString text = normalized(QString::fromUtf8(raw));
        // The canvas draws its names as text: every rack and host is on the page.
        const Topology &t = doc()->topology();
        for (const Rack &r : t.racks)
            QVERIFY2(text.contains(r.name), qPrintable(r.name));
        for (const Host &h : t.hosts)
            QVERIFY2(text.contains(h.name.section(QLatin1Char('.'), 0, 0)), qPrintable(h.name));
        QVERIFY2(run("pdftoppm",
                     {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                      file, mDir.filePath(QStringLiteral("canvas"))},
                     &raw, &why),
                 qPrintable(why));
        QVERIFY(inked(mDir.filePath(QStringLiteral("canvas.png"))) > 0.01);
    }
};

QTEST_MAIN(TestPrint)
#include "tst_print.moc"
