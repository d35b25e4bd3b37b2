// The canvas's level of detail. At and above kDetailLevel every item is drawn
// as it always was: golden pictures of a generated layout at 50%, 100% and
// 200% (findings, groups, broken-group lines, "+N", a selection, a what-if
// scenario, compact racks) are matched pixel for pixel, to a level or two of
// each colour (TD_UPDATE_GOLDEN=1 rewrites them: review the pictures before
// committing them).
#include "document.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/topologyscene.h"
#include "topologygenerator.h"
#include "whatif/whatifoverlay.h"
#include "whatif/whatifstate.h"

#include <QDir>
#include <QImage>
#include <QPainter>
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
    // (A scene destroyed with selected items would follow the selection
    // while its items go, after its own members are gone.)
    ~Canvas() { scene.blockSignals(true); }
    Document doc;
    QUndoStack undo;
    WhatIfState state;
    TopologyScene scene;
    WhatIfOverlay *overlay = nullptr;
};

// The scene from topLeft at zoom, as the view paints it (its render hints).
QImage render(TopologyScene &scene, const QPointF &topLeft, qreal zoom)
{
    QImage image(kPicture, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene.render(&painter, QRectF(QPointF(0, 0), kPicture), QRectF(topLeft, QSizeF(kPicture) / zoom));
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
};

QTEST_MAIN(TestCanvasLod)
#include "tst_canvaslod.moc"
