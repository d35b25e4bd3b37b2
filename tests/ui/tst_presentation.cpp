// The views for an audience: compact racks, hide names, presentation mode.
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "panels/issuesmodel.h"
#include "panels/issuespanel.h"
#include "scene/geometry.h"
#include "scene/modelitem.h"
#include "scene/rackitem.h"
#include "whatif/viewmodes.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"
#include "windowtest.h"

#include <QAction>
#include <QDockWidget>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QMenuBar>
#include <QPaintEngine>
#include <QPainter>
#include <QSettings>
#include <QToolBar>

using namespace td;

class TstPresentation : public test::WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication("tst_presentation"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeWindow(); }

    void compactFitReadsOnAProjector();
    void compactKeepsHostsInTheirUnits();
    void compactIsPersisted();
    void hideNamesLeavesNoRealName();
    void presentationKeys();
};

// A paint device that keeps the text drawn on it: what a person would read.
class TextRecorder final : public QPaintDevice
{
public:
    class Engine final : public QPaintEngine
    {
    public:
        Engine() : QPaintEngine(QPaintEngine::AllFeatures) {}
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override {}
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
        void drawPath(const QPainterPath &) override {}
        void drawRects(const QRectF *, int) override {}
        void drawEllipse(const QRectF &) override {}
        void drawLines(const QLineF *, int) override {}
        void drawImage(const QRectF &, const QImage &, const QRectF &, Qt::ImageConversionFlags) override {}
        void drawTextItem(const QPointF &, const QTextItem &item) override { texts << item.text(); }
        Type type() const override { return QPaintEngine::User; }
        QStringList texts;
    };
    explicit TextRecorder(const QSize &size) : mSize(size) {}
    QPaintEngine *paintEngine() const override { return &mEngine; }
    QStringList texts() const { return mEngine.texts; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth: return mSize.width();
        case PdmHeight: return mSize.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return 1 * QPaintDevice::devicePixelRatioFScale();
        default: return 1;
        }
    }

private:
    QSize mSize;
    mutable Engine mEngine;
};

// Every text a person can see on the canvas (drawn at actual size, so
// that items draw their details), in item tooltips, and the scene's
// tooltip of every object.
static QStringList visibleTexts(TopologyScene *scene)
{
    const QRectF area = scene->contentRect();
    TextRecorder recorder(area.size().toSize());
    {
        QPainter painter(&recorder);
        scene->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    }
    QStringList texts = recorder.texts();
    for (QGraphicsItem *item : scene->items()) {
        if (!item->isVisible())
            continue;
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts << text->text();
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts << text->toPlainText();
        texts << item->toolTip();
        if (auto *model = dynamic_cast<ModelItem *>(item))
            texts << scene->toolTipFor(model->id());
    }
    return texts;
}

// The real names of the layout found in texts.
static QStringList realNamesIn(const Topology &t, const QStringList &texts)
{
    QStringList names;
    for (const Host &h : t.hosts)
        names << h.name;
    for (const Guest &g : t.guests)
        names << g.name;
    for (const Rack &r : t.racks)
        names << r.name;
    for (const Circuit &c : t.circuits)
        names << c.name;
    for (const Cluster &c : t.clusters)
        names << c.name;
    QStringList found;
    for (const QString &name : std::as_const(names)) {
        for (const QString &text : texts) {
            if (text.contains(name)) {
                found << QStringLiteral("%1 in \"%2\"").arg(name, text.left(80));
                break;
            }
        }
    }
    return found;
}

// The zoom a 1024x768 screen fits the sample at, in this view mode.
static qreal fitZoomOn1024(TopologyScene *scene)
{
    TopologyView view(scene);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(1024, 768);
    view.show();
    view.fitToView();
    return view.zoom();
}

void TstPresentation::compactFitReadsOnAProjector()
{
    // Guest names must be at least 9 pt on screen: the font's size times the zoom.
    const qreal full = fitZoomOn1024(scene()) * geometry::kChipNamePoints;
    QVERIFY2(full < 9, qPrintable(QString::number(full))); // why the compact view exists
    mWindow->viewModes()->compactAction()->trigger();
    QVERIFY(scene()->isCompact());
    const qreal compact = fitZoomOn1024(scene()) * geometry::kCompactChipNamePoints;
    QVERIFY2(compact >= 9, qPrintable(QString::number(compact)));
    qInfo("guest names at fit on 1024x768: %.1f pt full height, %.1f pt compact", full, compact);
    // Every guest of the sample is drawn (none behind "+N"), inside the content.
    for (const Guest &g : doc()->topology().guests) {
        QVERIFY2(scene()->itemFor(g.id.str()) && scene()->itemFor(g.id.str())->isVisible(), qPrintable(g.id.str()));
        QVERIFY(scene()->contentRect().contains(scene()->sceneRectOf(g.id.str())));
    }
    // Off again: the full elevation.
    mWindow->viewModes()->compactAction()->trigger();
    QCOMPARE(fitZoomOn1024(scene()) * geometry::kChipNamePoints, full);
}

void TstPresentation::compactKeepsHostsInTheirUnits()
{
    mWindow->viewModes()->setCompact(true);
    const Topology &t = doc()->topology();
    for (const Rack &r : t.racks) {
        auto *rack = static_cast<RackItem *>(scene()->itemFor(r.id.str()));
        // 42 units would be 42 * 34 px; collapsed, far less.
        QVERIFY(rack->size().height() < 10 * geometry::kUnitHeight);
    }
    for (const Host &h : t.hosts) {
        auto *rack = static_cast<RackItem *>(scene()->itemFor(h.rack.str()));
        const QRectF box = scene()->sceneRectOf(h.id.str());
        QCOMPARE(box.height(), h.heightU * geometry::kUnitHeight); // occupied units keep their height
        QVERIFY(rack->sceneBoundingRect().contains(box));
        // The units under the host are its own.
        QCOMPARE(rack->unitAt(box.bottom() - 1), h.unit);
        QCOMPARE(rack->unitAt(box.top() + 1), h.unit + h.heightU - 1);
        // Just above it: an empty unit, in the collapsed band.
        QCOMPARE(rack->unitAt(box.top() - 0.25), h.unit + h.heightU);
    }
    // Moving a host down one unit (Down key) re-collapses its rack around it.
    const QString id = t.hosts.first().id.str();
    const int unit = t.hosts.first().unit;
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, view()->mapFromScene(scene()->sceneRectOf(id).center()));
    QCOMPARE(scene()->selectedIds(), QStringList{id});
    QTest::keyClick(viewport(), Qt::Key_Down);
    const Host &moved = doc()->topology().hosts.first();
    QCOMPARE(moved.unit, unit - 1);
    auto *rack = static_cast<RackItem *>(scene()->itemFor(moved.rack.str()));
    const QRectF box = scene()->sceneRectOf(id);
    QCOMPARE(rack->unitAt(box.bottom() - 1), unit - 1);
    QCOMPARE(rack->unitAt(box.top() - 0.25), unit + moved.heightU - 1);
}

void TstPresentation::compactIsPersisted()
{
    mWindow->viewModes()->compactAction()->trigger();
    closeWindow();
    openWindow();
    QVERIFY(scene()->isCompact());
    QVERIFY(mWindow->viewModes()->compactAction()->isChecked());
}

void TstPresentation::hideNamesLeavesNoRealName()
{
    // IC2 onto IC1's host: findings that name them.
    mWindow->undoStack()->push(
        new ChangeCommand(doc(), ChangeBuilder(doc()->topology(), doc()->index())
                                     .moveGuest(GuestId(QStringLiteral("ic2")), HostId(QStringLiteral("esx01")))));
    const Topology &t = doc()->topology();
    // Shown as they are: the check finds them (it can fail).
    QStringList texts = visibleTexts(scene());
    QVERIFY(realNamesIn(t, texts).size() > 20);
    QVERIFY(texts.contains(QStringLiteral("IC1")));

    // View > Hide Names (its shortcut, a real key event).
    QTest::keyClick(mWindow.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(mWindow->viewModes()->hideNamesAction()->isChecked());
    QVERIFY(scene()->hidesNames());
    for (bool compact : {false, true}) {
        mWindow->viewModes()->setCompact(compact);
        texts = visibleTexts(scene());
        const QStringList found = realNamesIn(t, texts);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
        // The labels are there instead.
        QVERIFY2(texts.contains(QStringLiteral("Host 1")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("CIC Server A")) || texts.contains(QStringLiteral("IC A")));
    }
    // The issues list: messages and tooltips.
    IssuesModel *issues = mWindow->issues()->model();
    QStringList rows;
    for (int r = 0; r < issues->rowCount(); ++r) {
        rows << issues->data(issues->index(r, IssuesModel::MessageColumn)).toString()
             << issues->data(issues->index(r, IssuesModel::MessageColumn), Qt::ToolTipRole).toString();
    }
    QVERIFY(issues->rowCount() > 0);
    const QStringList inIssues = realNamesIn(t, rows);
    QVERIFY2(inIssues.isEmpty(), qPrintable(inIssues.join(QStringLiteral("; "))));

    // Off again: the names are back.
    QTest::keyClick(mWindow.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!scene()->hidesNames());
    QVERIFY(visibleTexts(scene()).contains(QStringLiteral("IC1")));
}

void TstPresentation::presentationKeys()
{
    const QSize size = mWindow->size();
    QStringList docks;
    for (QDockWidget *dock : mWindow->findChildren<QDockWidget *>()) {
        if (dock->isVisible())
            docks << dock->objectName();
    }
    QVERIFY(docks.size() >= 4);
    WhatIfState *state = mWindow->whatIf()->state();
    // The worst single failures, computed here from the analysis itself:
    // every host, rack and circuit, ranked by groups down, then guests
    // staying down, then guests down.
    QVector<ScenarioResult> singles = state->analysis().singleFailures();
    std::stable_sort(singles.begin(), singles.end(), [](const ScenarioResult &a, const ScenarioResult &b) {
        return std::make_tuple(a.groupsDown.size(), a.stayDown.size(), a.guestsDown.size())
             > std::make_tuple(b.groupsDown.size(), b.stayDown.size(), b.guestsDown.size());
    });

    QTest::keyClick(viewport(), Qt::Key_F5);
    QVERIFY(mWindow->viewModes()->isPresenting());
    QVERIFY(mWindow->windowState() & Qt::WindowFullScreen);
    for (QDockWidget *dock : mWindow->findChildren<QDockWidget *>())
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    for (QToolBar *bar : mWindow->findChildren<QToolBar *>())
        QVERIFY(!bar->isVisible());
    QVERIFY(!mWindow->menuBar()->isVisible());
    QVERIFY(scene()->isCompact());
    QVERIFY(state->isActive());
    QVERIFY(state->failed().isEmpty());
    QVERIFY(mWindow->whatIf()->banner()->isVisible());
    QVERIFY(mWindow->whatIf()->banner()->font().pointSizeF() >= 12); // reads on a projector

    // Right: the worst failure; Right again: the next; Left: back.
    const QVector<QStringList> steps = mWindow->viewModes()->presentationScenarios();
    QVERIFY(steps.size() >= 2);
    QCOMPARE(steps.first(), singles.first().fail);
    QTest::keyClick(viewport(), Qt::Key_Right);
    QCOMPARE(state->failed(), singles.at(0).fail);
    QTest::keyClick(viewport(), Qt::Key_PageDown);
    QCOMPARE(state->failed(), steps.at(1));
    QTest::keyClick(viewport(), Qt::Key_Left);
    QCOMPARE(state->failed(), steps.at(0));
    QTest::keyClick(viewport(), Qt::Key_Left);
    QVERIFY(state->failed().isEmpty());
    QTest::keyClick(viewport(), Qt::Key_Left); // stays at the start
    QVERIFY(state->failed().isEmpty());
    // H: hide names (the menu is hidden); again: shown.
    QTest::keyClick(viewport(), Qt::Key_H);
    QVERIFY(scene()->hidesNames());
    QTest::keyClick(viewport(), Qt::Key_H);
    QVERIFY(!scene()->hidesNames());
    // Saved scenarios instead when the layout has some.
    {
        const ChangeBuilder builder(doc()->topology(), doc()->index());
        mWindow->undoStack()->push(
            new ChangeCommand(doc(), builder.addScenario(builder.newScenario({QStringLiteral("ups-a")}))));
    }
    QCOMPARE(mWindow->viewModes()->presentationScenarios(), QVector<QStringList>{{QStringLiteral("ups-a")}});

    // Esc: the window as it was.
    QTest::keyClick(viewport(), Qt::Key_Escape);
    QVERIFY(!mWindow->viewModes()->isPresenting());
    QVERIFY(!(mWindow->windowState() & Qt::WindowFullScreen));
    QVERIFY(!state->isActive());
    QVERIFY(!scene()->isCompact());
    QVERIFY(!QSettings().value(QStringLiteral("view/compactRacks")).toBool()); // not saved as the user's choice
    QVERIFY(mWindow->menuBar()->isVisible());
    QTRY_COMPARE(mWindow->size(), size);
    QStringList after;
    for (QDockWidget *dock : mWindow->findChildren<QDockWidget *>()) {
        if (dock->isVisible())
            after << dock->objectName();
    }
    QCOMPARE(after, docks);
}

QTEST_MAIN(TstPresentation)
#include "tst_presentation.moc"
