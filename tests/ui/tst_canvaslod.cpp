// The canvas's level of detail. At and above kDetailLevel every item is drawn
// as it always was: golden pictures of a generated layout at 50%, 100% and
// 200% (findings, groups, broken-group lines, "+N", a selection, a what-if
// scenario, compact racks) are matched pixel for pixel, to a level or two of
// each colour (TD_UPDATE_GOLDEN=1 rewrites them: review the pictures before
// committing them). Zoomed out, each chip still shows its group's colour,
// its worst finding's colour and its selection (computed from the model and
// a validation of it), and a failed host's chips their what-if look. The
// view paints without saving the painter's state around each item: the
// same pixels as with it.
#include "document.h"
#include "model/groupcolor.h"
#include "rules/validator.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/overlayitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"
#include "topologygenerator.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace td;

namespace {

const QSize kPicture(800, 600);

QString goldenDir()
{
    return QStringLiteral(TD_TESTS_DIR "/golden/canvas");
}

// A canvas of its own: the scene of a generated layout, with the what-if
// overlay the window puts on it (the scene owns it).
struct Canvas
{
    explicit Canvas(const Topology &t) : doc(t), state(&doc), scene(&doc, &undo)
    {
        overlay = new WhatIfOverlay(&scene, &state);
        QObject::connect(&state, &WhatIfState::scenarioChanged, overlay, &WhatIfOverlay::refresh);
    }
    Document doc;
    QUndoStack undo;
    WhatIfState state;
    TopologyScene scene;
    WhatIfOverlay *overlay = nullptr;
};

// The scene from topLeft at zoom, as the view paints it (its render hints).
QImage render(TopologyScene &scene, const QPointF &topLeft, qreal zoom, const QSize &size = kPicture)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(topLeft, QSizeF(size) / zoom));
    return image;
}

// Pixels that differ in a colour channel by more than 2 levels: where
// antialiased lines cross, the order they are drawn in (the order findings
// arrive from the validation's threads) moves a level or two.
int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const bool same = std::abs(qRed(p[x]) - qRed(q[x])) <= 2 && std::abs(qGreen(p[x]) - qGreen(q[x])) <= 2
                           && std::abs(qBlue(p[x]) - qBlue(q[x])) <= 2 && std::abs(qAlpha(p[x]) - qAlpha(q[x])) <= 2;
            n += same ? 0 : 1;
        }
    }
    return n;
}

// A rectangle as the raster engine fills it without antialiasing: the
// pixels from the rounded left/top edge up to the rounded right/bottom one.
// Null when an edge falls on half a pixel (either way would be right).
QRect filledPixels(const QRectF &device)
{
    const qreal edges[] = {device.left(), device.top(), device.right(), device.bottom()};
    for (qreal e : edges) {
        if (std::abs(e - std::floor(e) - 0.5) < 1e-3)
            return {};
    }
    return QRect(QPoint(qRound(device.left()), qRound(device.top())),
                 QPoint(qRound(device.right()) - 1, qRound(device.bottom()) - 1));
}

// Each guest's worst unwaived error or warning, from a validation of its own.
QHash<QString, Severity> worstFindings(const Topology &t)
{
    QHash<QString, Severity> worst;
    for (const Finding &f : Validator::validate(t)) {
        if (f.isWaived() || f.severity == Severity::Info)
            continue;
        for (const QString &id : f.subjects) {
            if (!worst.contains(id) || f.severity == Severity::Error)
                worst.insert(id, f.severity);
        }
    }
    return worst;
}

// The group a guest shows: the last switchover pair it is in, else the
// first pool (document order); its colour as the layout opened.
QColor groupColourOf(const Topology &t, const QString &guest)
{
    const GroupColors colours(t);
    int chosen = -1;
    for (int g = 0; g < t.groups.size(); ++g) {
        bool member = false;
        for (const GuestId &m : t.groups.at(g).members)
            member = member || m.str() == guest;
        if (!member)
            continue;
        if (t.groups.at(g).kind == GroupKind::Switchover)
            chosen = g;
        else if (chosen < 0)
            chosen = g;
    }
    return chosen < 0 ? QColor() : Theme::groupColor(colours.slot(t.groups.at(chosen).id));
}

} // namespace

class TestCanvasLod : public QObject
{
    Q_OBJECT

private:
    // The top-left of the first rack's hosts, with a margin.
    static QPointF firstHosts(const Canvas &c)
    {
        QRectF hosts;
        for (const Host &h : c.doc.topology().hosts) {
            if (h.rack == c.doc.topology().racks.first().id)
                hosts |= c.scene.sceneRectOf(h.id.str());
        }
        return hosts.topLeft() - QPointF(60, 60);
    }

    void matchGolden(const QImage &actual, const QString &name)
    {
        const QString path = goldenDir() + QLatin1Char('/') + name + QStringLiteral(".png");
        if (qEnvironmentVariableIntValue("TD_UPDATE_GOLDEN") == 1) {
            QDir().mkpath(goldenDir());
            QVERIFY2(actual.save(path), qPrintable(path));
            qInfo("rewrote %s", qPrintable(path));
            return;
        }
        const QImage expected = QImage(path).convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QVERIFY2(!expected.isNull(), qPrintable(QStringLiteral("no golden picture %1").arg(path)));
        const int differing = differingPixels(actual.convertToFormat(QImage::Format_ARGB32_Premultiplied), expected);
        if (differing != 0) {
            const QString saved = QDir::temp().filePath(QStringLiteral("tst_canvaslod-%1.png").arg(name));
            actual.save(saved);
            QFAIL(qPrintable(QStringLiteral("%1: %2 pixels differ from %3 (the picture drawn: %4)")
                                 .arg(name)
                                 .arg(differing)
                                 .arg(path, saved)));
        }
    }

private slots:
    // A scene goes with its items selected (a window closed with a
    // selection): its items' removal must not reach the scene's selection
    // bookkeeping once its own members are gone, and nobody hears of a
    // selection change from a scene being destroyed.
    void destroyedWithASelection()
    {
        auto c = std::make_unique<Canvas>(test::generateTopology(test::GeneratorParams::small(), 7));
        const QList<QGraphicsItem *> items = c->scene.items();
        int selected = 0;
        for (QGraphicsItem *item : items) {
            if (item->flags() & QGraphicsItem::ItemIsSelectable) {
                item->setSelected(true);
                ++selected;
            }
        }
        QVERIFY(selected > 10);
        QCOMPARE(c->scene.selectedItems().size(), selected);
        int heard = 0;
        QObject::connect(&c->scene, &TopologyScene::selectionChanged, [&heard] { ++heard; });
        c.reset();
        QCOMPARE(heard, 0);
    }

    void detailedLooksUnchanged_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qreal>("zoom");
        QTest::addColumn<bool>("scenario");
        QTest::addColumn<bool>("compact");
        QTest::newRow("50%") << QStringLiteral("small-50") << 0.5 << false << false;
        QTest::newRow("100%") << QStringLiteral("small-100") << 1.0 << false << false;
        QTest::newRow("200%") << QStringLiteral("small-200") << 2.0 << false << false;
        QTest::newRow("100%, selection and what-if") << QStringLiteral("small-100-whatif") << 1.0 << true << false;
        QTest::newRow("50%, selection and what-if") << QStringLiteral("small-50-whatif") << 0.5 << true << false;
        QTest::newRow("100%, compact") << QStringLiteral("small-100-compact") << 1.0 << false << true;
    }

    void detailedLooksUnchanged()
    {
        QFETCH(QString, name);
        QFETCH(qreal, zoom);
        QFETCH(bool, scenario);
        QFETCH(bool, compact);
        QVERIFY(zoom >= kDetailLevel); // these are the detailed looks
        Canvas c(test::generateTopology(test::GeneratorParams::small(), 7));
        const Topology &t = c.doc.topology();
        if (compact)
            c.scene.setCompact(true);
        const QPointF topLeft = firstHosts(c);
        if (scenario) {
            // A host of the first rack down (its guests restart elsewhere:
            // arrows, tags, strikes), a guest and a host selected.
            QString failed;
            QStringList selected;
            for (const Host &h : t.hosts) {
                if (h.rack != t.racks.first().id)
                    continue;
                if (failed.isEmpty())
                    failed = h.id.str();
                else if (selected.isEmpty())
                    selected << h.id.str();
            }
            for (const Guest &g : t.guests) {
                if (g.host.str() == selected.value(0) && c.scene.itemFor(g.id.str())) {
                    selected << g.id.str();
                    break;
                }
            }
            QCOMPARE(selected.size(), 2);
            c.scene.selectIds(selected);
            c.state.setFailed({failed});
            QVERIFY(c.state.result());
            QVERIFY(!c.state.result()->hostsDown.isEmpty());
        }
        matchGolden(render(c.scene, topLeft, zoom), name);
    }

    // Zoomed out, every chip drawn is its group's colour around the chip's
    // fill, with its worst finding's colour on its right, each pixel where
    // the model says; the selected chip is outlined in the highlight colour.
    void zoomedOutChipsKeepTheirColours_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::newRow("40%") << 0.4;
        QTest::newRow("30%") << 0.3;
        QTest::newRow("13%") << 0.13;
        QTest::newRow("6%") << 0.06;
    }

    void zoomedOutChipsKeepTheirColours()
    {
        QFETCH(qreal, zoom);
        QVERIFY(zoom < kDetailLevel);
        Canvas c(test::generateTopology(test::GeneratorParams::small(), 7));
        const Topology &t = c.doc.topology();
        // The broken-group lines cross chips: out of the way.
        for (QGraphicsItem *item : c.scene.items()) {
            if (dynamic_cast<OverlayItem *>(item) && item->zValue() > 10)
                item->setVisible(false);
        }
        QString selected;
        for (const Guest &g : t.guests) {
            if (c.scene.itemFor(g.id.str()) && c.scene.itemFor(g.id.str())->isVisible()) {
                selected = g.id.str();
                break;
            }
        }
        c.scene.selectIds({selected});
        const QHash<QString, Severity> worst = worstFindings(t);
        const QPointF topLeft = c.scene.contentRect().topLeft();
        const QSize size(1600, 1200);
        const QImage picture = render(c.scene, topLeft, zoom, size);
        const QTransform toDevice = QTransform::fromScale(zoom, zoom).translate(-topLeft.x(), -topLeft.y());
        const QRect shown(QPoint(0, 0), size);
        int chips = 0;
        int checked = 0;
        int groupPixels = 0;
        int badgePixels = 0;
        for (const Guest &g : t.guests) {
            const ModelItem *item = c.scene.itemFor(g.id.str());
            if (!item || !item->isVisible() || g.id.str() == selected)
                continue;
            const QRectF chip = c.scene.sceneRectOf(g.id.str());
            const QRect outer = filledPixels(toDevice.mapRect(chip.adjusted(1, 1, -1, -1)));
            const QRect inner = filledPixels(toDevice.mapRect(chip.adjusted(3, 3, -3, -3)));
            const QRect badge = filledPixels(toDevice.mapRect(chip.adjusted(chip.width() * 0.6, 3, -3, -3)));
            if (outer.isNull() || inner.isNull() || badge.isNull() || !shown.contains(outer))
                continue;
            ++chips;
            const QColor group = groupColourOf(t, g.id.str());
            const QColor frame = group.isValid() ? group : Theme::rackFrame();
            const QColor mark = worst.contains(g.id.str()) ? Theme::severity(worst.value(g.id.str()))
                                                           : Theme::chipFill();
            for (int y = outer.top(); y <= outer.bottom(); ++y) {
                for (int x = outer.left(); x <= outer.right(); ++x) {
                    const QPoint p(x, y);
                    const QColor expected = badge.contains(p) ? mark : inner.contains(p) ? Theme::chipFill() : frame;
                    QCOMPARE(picture.pixelColor(p).rgb(), expected.rgb());
                    ++checked;
                    groupPixels += !inner.contains(p) && group.isValid() ? 1 : 0;
                    badgePixels += badge.contains(p) && worst.contains(g.id.str()) ? 1 : 0;
                }
            }
        }
        QVERIFY2(chips > 20, qPrintable(QString::number(chips)));
        QVERIFY(checked > 100);
        QVERIFY(badgePixels > 0); // findings were drawn
        if (zoom >= 0.25)
            QVERIFY(groupPixels > 0); // group colours were drawn
        // The selection: highlight-coloured pixels around the selected chip.
        const QRect around = toDevice.mapRect(c.scene.sceneRectOf(selected)).toAlignedRect().adjusted(-3, -3, 3, 3);
        const QRgb highlight = QGuiApplication::palette().color(QPalette::Highlight).rgb();
        int highlighted = 0;
        for (int y = around.top(); y <= around.bottom(); ++y) {
            for (int x = around.left(); x <= around.right(); ++x)
                highlighted += shown.contains(QPoint(x, y)) && picture.pixel(x, y) == highlight ? 1 : 0;
        }
        QVERIFY2(highlighted > 0, "the selected chip is not outlined");
    }

    // Zoomed out, a failed host's chips are drawn down (red over them).
    void zoomedOutWhatIfMarksChips()
    {
        Canvas c(test::generateTopology(test::GeneratorParams::small(), 7));
        const Topology &t = c.doc.topology();
        const qreal zoom = 0.25;
        const QPointF topLeft = c.scene.contentRect().topLeft();
        const QImage before = render(c.scene, topLeft, zoom);
        QString host;
        QStringList chips;
        for (const Host &h : t.hosts) {
            chips.clear();
            for (const Guest &g : t.guests) {
                if (g.host == h.id && c.scene.itemFor(g.id.str()) && c.scene.itemFor(g.id.str())->isVisible())
                    chips << g.id.str();
            }
            if (!chips.isEmpty() && !h.rack.isNull()) {
                host = h.id.str();
                break;
            }
        }
        QVERIFY(!host.isEmpty());
        c.state.setFailed({host});
        QVERIFY(c.state.result());
        const QImage after = render(c.scene, topLeft, zoom);
        const QTransform toDevice = QTransform::fromScale(zoom, zoom).translate(-topLeft.x(), -topLeft.y());
        for (const QString &id : std::as_const(chips)) {
            // The chip's fill (left of its finding's mark, above its tag):
            // changed, and red where the restart arrows (from the middle
            // of the chips) do not cross it; none of it was red before.
            const QRectF chip = c.scene.sceneRectOf(id);
            const QRect fill = toDevice.mapRect(QRectF(chip.left() + 4, chip.top() + 4, chip.width() * 0.5, 16))
                                   .toAlignedRect()
                                   .adjusted(1, 1, -1, -1);
            int changed = 0;
            int red = 0;
            for (int y = fill.top(); y <= fill.bottom(); ++y) {
                for (int x = fill.left(); x <= fill.right(); ++x) {
                    const QColor now = after.pixelColor(x, y);
                    changed += now != before.pixelColor(x, y) ? 1 : 0;
                    red += now.red() > now.green() + 20 && now.red() > now.blue() + 20 ? 1 : 0;
                }
            }
            const int pixels = fill.width() * fill.height();
            QVERIFY2(pixels > 4, qPrintable(id));
            QVERIFY2(changed == pixels, qPrintable(QStringLiteral("%1: %2 of %3").arg(id).arg(changed).arg(pixels)));
            QVERIFY2(red * 4 > pixels, qPrintable(QStringLiteral("%1: %2 of %3 red").arg(id).arg(red).arg(pixels)));
        }
    }

    // The view draws without saving the painter's state around each item:
    // every item sets what it draws with, so the pixels are those drawn with
    // the state saved, zoomed out and in, with a selection and a scenario.
    void viewWithoutSavedStateDrawsTheSame_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::newRow("fit") << 0.0;
        QTest::newRow("25%") << 0.25;
        QTest::newRow("100%") << 1.0;
    }

    void viewWithoutSavedStateDrawsTheSame()
    {
        QFETCH(qreal, zoom);
        Canvas c(test::generateTopology(test::GeneratorParams::small(), 7));
        const Topology &t = c.doc.topology();
        TopologyView view(&c.scene);
        view.resize(900, 700);
        view.show();
        QVERIFY(view.optimizationFlags() & QGraphicsView::DontSavePainterState);
        if (zoom > 0) {
            view.setZoom(zoom);
            view.centerOn(c.scene.sceneRectOf(t.hosts.first().id.str()).center());
        } else {
            view.fitToView();
        }
        QStringList ids{t.hosts.at(1).id.str()};
        for (const Guest &g : t.guests) {
            if (c.scene.itemFor(g.id.str()) && c.scene.itemFor(g.id.str())->isVisible()) {
                ids << g.id.str();
                if (ids.size() > 3)
                    break;
            }
        }
        c.scene.selectIds(ids);
        c.state.setFailed({t.hosts.first().id.str()});
        const QImage fast = view.viewport()->grab().toImage();
        view.setOptimizationFlag(QGraphicsView::DontSavePainterState, false);
        const QImage saved = view.viewport()->grab().toImage();
        QCOMPARE(fast.size(), saved.size());
        QCOMPARE(differingPixels(fast.convertToFormat(QImage::Format_ARGB32_Premultiplied),
                                 saved.convertToFormat(QImage::Format_ARGB32_Premultiplied)),
                 0);
    }
};

QTEST_MAIN(TestCanvasLod)
#include "tst_canvaslod.moc"
