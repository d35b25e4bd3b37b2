// File > Export > Report... as SVG or PNG takes the canvas as the window draws
// it now: compact racks switched on with the View action, hidden names, a
// what-if scenario. Driven as a user drives it: the menu, the dialog's
// format list, file name and Export button.
#include "invariants.h"
#include "report/reportactions.h"
#include "report/uiexporters.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>
#include <functional>

using namespace td;

namespace {

// The texts an SVG draws, in order (QSvgGenerator writes one <text> per run).
QStringList svgTexts(const QByteArray &svg)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    return texts;
}

// The runs of empty units of every rack, counted from the model: what the
// compact view collapses into one band each.
int emptyRuns(const Topology &t)
{
    int runs = 0;
    for (const Rack &rack : t.racks) {
        const int units = rack.units > 0 ? rack.units : Limits::kDefaultRackUnits;
        QVector<bool> occupied(units + 1, false);
        for (const Host &h : t.hosts) {
            if (h.rack != rack.id || h.unit <= 0)
                continue;
            for (int u = h.unit; u < h.unit + std::max(1, h.heightU) && u <= units; ++u)
                occupied[u] = true;
        }
        for (int u = 1; u <= units; ++u)
            runs += !occupied[u] && (u == 1 || occupied[u - 1]) ? 1 : 0;
    }
    return runs;
}

} // namespace

class TestCanvasExport : public test::WindowTest
{
    Q_OBJECT

private:
    QAction *menuAction(const char *name) const { return mWindow->findChild<QAction *>(QLatin1String(name)); }

    // File > Export > Report...: the format, the file, hide names as given,
    // then the Export button. The file's bytes (empty when it was not written).
    QByteArray exportPicture(const QString &format, const QString &file, bool hideNames)
    {
        QAction *action = menuAction("exportReport");
        if (!action)
            return {};
        bool ran = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ExportReportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ran = true;
            QComboBox *formats = dialog->formatBox();
            formats->setFocus();
            QTest::keyClick(formats, Qt::Key_Home);
            for (int i = 0; i < formats->count() && formats->currentData().toString() != format; ++i)
                QTest::keyClick(formats, Qt::Key_Down);
            dialog->pathEdit()->setText(file);
            if (dialog->hideNamesBox()->isChecked() != hideNames)
                QTest::mouseClick(dialog->hideNamesBox(), Qt::LeftButton, {},
                                  QPoint(8, dialog->hideNamesBox()->height() / 2));
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QPushButton *exportButton = nullptr;
            for (QAbstractButton *b : buttons->buttons()) {
                if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
                    exportButton = qobject_cast<QPushButton *>(b);
            }
            if (exportButton)
                QTest::mouseClick(exportButton, Qt::LeftButton);
            if (dialog->isVisible())
                dialog->reject(); // the export failed: the message is in lastMessage()
        });
        action->trigger();
        if (!ran)
            return {};
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        setUpApplication("tst_canvasexport");
        registerUiExporters(); // as main() does
    }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void compactRacksAndHiddenNamesAsOnTheCanvas()
    {
        const Topology t = doc()->topology();
        QAction *compact = menuAction("compactRacks");
        QVERIFY(compact);
        if (scene()->isCompact()) // the view option is remembered between windows
            compact->trigger();
        QVERIFY(!scene()->isCompact());
        const QByteArray normal = exportPicture(QStringLiteral("svg"), mDir.filePath(QStringLiteral("normal.svg")),
                                                false);
        QVERIFY(normal.startsWith("<?xml"));
        const QStringList normalTexts = svgTexts(normal);
        auto bands = [](const QStringList &texts) {
            static const QRegularExpression band(QStringLiteral("^U\\d+(-\\d+)? empty$"));
            return static_cast<int>(texts.filter(band).size());
        };
        // Every unit numbered, no collapsed band.
        QCOMPARE(bands(normalTexts), 0);
        int units = 0;
        for (const Rack &rack : t.racks)
            units += rack.units > 0 ? rack.units : Limits::kDefaultRackUnits;
        QCOMPARE(static_cast<int>(normalTexts.filter(QRegularExpression(QStringLiteral("^\\d+$"))).size()), units);

        // View > Compact Racks, then the same export: one band per run of empty units.
        compact->trigger();
        QVERIFY(scene()->isCompact());
        const QByteArray small = exportPicture(QStringLiteral("svg"), mDir.filePath(QStringLiteral("compact.svg")),
                                               false);
        QVERIFY(small.startsWith("<?xml"));
        const QStringList compactTexts = svgTexts(small);
        const int runs = emptyRuns(t);
        QVERIFY(runs > 0);
        QCOMPARE(bands(compactTexts), runs);
        // Only the occupied units keep their number.
        int occupiedUnits = 0;
        for (const Host &h : t.hosts) {
            if (!h.rack.isNull() && h.unit > 0)
                occupiedUnits += std::max(1, h.heightU);
        }
        QCOMPARE(static_cast<int>(compactTexts.filter(QRegularExpression(QStringLiteral("^\\d+$"))).size()),
                 occupiedUnits);
        // Every rack and host is still drawn.
        for (const Rack &rack : t.racks)
            QVERIFY2(compactTexts.contains(rack.name), qPrintable(rack.name));
        for (const Host &h : t.hosts)
            QVERIFY2(small.contains(h.name.toUtf8()), qPrintable(h.name));

        // Hide names in the dialog: no host or guest name anywhere in the picture.
        const QByteArray hidden = exportPicture(QStringLiteral("svg"), mDir.filePath(QStringLiteral("hidden.svg")),
                                                true);
        QVERIFY(hidden.startsWith("<?xml"));
        const QString text = QString::fromUtf8(hidden);
        for (const Host &h : t.hosts)
            QVERIFY2(!text.contains(h.name), qPrintable(h.name));
        for (const Guest &g : t.guests) {
            const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(g.name)));
            QVERIFY2(!text.contains(word), qPrintable(g.name));
        }
        QVERIFY(svgTexts(hidden).contains(QStringLiteral("Host 1")));
        // Still compact, and the canvas shows the real names again.
        QCOMPARE(bands(svgTexts(hidden)), runs);
        QVERIFY(!scene()->hidesNames());
    }

    void whatIfScenarioAsShown()
    {
        // Fail the first rack in what-if mode: the picture shows its guests' fate.
        WhatIfState *state = mWindow->whatIf()->state();
        state->setFailed({doc()->topology().racks.first().id.str()});
        QVERIFY(state->isActive());
        const QByteArray svg = exportPicture(QStringLiteral("svg"), mDir.filePath(QStringLiteral("whatif.svg")), false);
        QVERIFY(svg.startsWith("<?xml"));
        const QStringList texts = svgTexts(svg);
        // The overlay's tags ("→ esx03", "stays down", "takes over as primary") are drawn.
        bool tagged = false;
        for (const Guest &g : doc()->topology().guests) {
            const QString tag = mWindow->whatIf()->overlay()->tagOf(g.id.str());
            if (!tag.isEmpty()) {
                tagged = true;
                // Whole, or cut to its chip's width as the canvas draws it.
                const bool drawn = std::any_of(texts.cbegin(), texts.cend(), [&](const QString &text) {
                    return text == tag
                        || (text.endsWith(QChar(0x2026)) && text.size() > 2 && tag.startsWith(text.chopped(1)));
                });
                QVERIFY2(drawn, qPrintable(tag));
            }
        }
        QVERIFY(tagged);
        // Without the scenario, no tag.
        state->setActive(false);
        const QByteArray plain = exportPicture(QStringLiteral("svg"), mDir.filePath(QStringLiteral("plain.svg")),
                                               false);
        const QStringList plainTexts = svgTexts(plain);
        QVERIFY(!plainTexts.contains(QStringLiteral("stays down")));
        QVERIFY(plainTexts.size() < texts.size());
    }

    void pngIsTheCanvasToo()
    {
        QAction *compact = menuAction("compactRacks");
        QVERIFY(compact);
        if (scene()->isCompact())
            compact->trigger();
        const QByteArray png = exportPicture(QStringLiteral("png"), mDir.filePath(QStringLiteral("canvas.png")), false);
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        compact->trigger();
        const QByteArray smaller = exportPicture(QStringLiteral("png"), mDir.filePath(QStringLiteral("compact.png")),
                                                 false);
        QImage compactImage;
        QVERIFY(compactImage.loadFromData(smaller, "PNG"));
        // Empty units collapsed: the drawing is less tall.
        QVERIFY2(compactImage.height() < image.height(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(compactImage.height()).arg(image.height())));
    }
};

QTEST_MAIN(TestCanvasExport)
#include "tst_canvasexport.moc"
