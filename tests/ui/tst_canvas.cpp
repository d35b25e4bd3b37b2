// The canvas at scale and its finer points, in the real window (offscreen):
// Select All selects every object of an L layout (guests hidden behind "+N"
// included), a guest behind "+N" is reached with real mouse clicks and
// moved by dropping what its list drags, the view stays put after drops,
// and the legend leaves the "Unplaced guests" area uncovered.
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "io/layoutwriter.h"
#include "mainwindow.h"
#include "model/groupcolor.h"
#include "panels/inspectorpanel.h"
#include "panels/minimappanel.h"
#include "scene/geometry.h"
#include "scene/guestitem.h"
#include "scene/hostitem.h"
#include "scene/legenditem.h"
#include "scene/mime.h"
#include "scene/modelitem.h"
#include "scene/overflowlist.h"
#include "scene/rackitem.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "theme.h"
#include "topologygenerator.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMimeData>
#include <QPainter>
#include <QScreen>
#include <QStandardPaths>
#include <QStyleOptionGraphicsItem>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace td;

class TestCanvas : public test::WindowTest
{
    Q_OBJECT

private:
    const Topology &topology() const { return mWindow->document()->topology(); }

    void open(const Topology &t)
    {
        const QString path = mDir.filePath(QStringLiteral("layout.topo.yaml"));
        QString error;
        QVERIFY2(LayoutWriter::writeFile(t, path, &error), qPrintable(error));
        QVERIFY2(mWindow->openFile(path, &error, true), qPrintable(error));
        QCoreApplication::processEvents();
    }
    // The guests of a host in document order, from the topology.
    QStringList guestsOn(const QString &hostId) const
    {
        QStringList ids;
        for (const Guest &g : topology().guests) {
            if (g.host.str() == hostId)
                ids << g.id.str();
        }
        return ids;
    }
    // Real drag enter/move/drop events at a viewport point.
    bool dropAtViewport(const QMimeData &data, const QPoint &p)
    {
        return dragOnViewport(data, p, p, 1, Qt::MoveAction);
    }

    // How each guest shows its group, as the scene once kept it: groups in
    // document order, a pair's look replacing any earlier one (P on its
    // first member, B on the second), a pool's only where there is none yet;
    // a group's colour is the one of its position when the layout was opened
    // (opened: group id -> colour slot).
    static QHash<QString, int> openedSlots(const Topology &t)
    {
        QHash<QString, int> opened;
        for (int i = 0; i < t.groups.size(); ++i)
            opened.insert(t.groups.at(i).id.str(), i % 8);
        return opened;
    }
    static QHash<QString, TopologyScene::GroupLook> expectedLooks(const Topology &t, const QHash<QString, int> &opened)
    {
        QHash<QString, TopologyScene::GroupLook> looks;
        for (int i = 0; i < t.groups.size(); ++i) {
            const Group &g = t.groups.at(i);
            for (int m = 0; m < g.members.size(); ++m) {
                TopologyScene::GroupLook look{Theme::groupColor(opened.value(g.id.str(), 0)), QString()};
                if (g.kind == GroupKind::Switchover)
                    look.marker = m == 0 ? QStringLiteral("P") : QStringLiteral("B");
                if (!looks.contains(g.members.at(m).str()) || g.kind == GroupKind::Switchover)
                    looks.insert(g.members.at(m).str(), look);
            }
        }
        return looks;
    }
    void compareLooks(const QHash<QString, int> &opened)
    {
        const auto expected = expectedLooks(topology(), opened);
        for (const Guest &g : topology().guests) {
            const auto look = mWindow->scene()->groupLookFor(g.id.str());
            const auto want = expected.value(g.id.str());
            QVERIFY2(look.color == want.color && look.marker == want.marker, qPrintable(g.id.str()));
        }
    }

private slots:
    void initTestCase() { setUpApplication("tst_canvas"); }
    void init() { openWindow(false); }
    void cleanup() { closeWindow(); }

    void selectAllSelectsEveryObjectAtL()
    {
        open(test::generateTopology(test::GeneratorParams::large(), 42));
        const Topology &t = topology();
        QSet<QString> every;
        for (const Circuit &c : t.circuits)
            every.insert(c.id.str());
        for (const Rack &r : t.racks)
            every.insert(r.id.str());
        for (const Host &h : t.hosts)
            every.insert(h.id.str());
        for (const Guest &g : t.guests)
            every.insert(g.id.str());
        QCOMPARE(every.size(), 10620);
        // Many guests are behind "+N" at L: a host of height U shows 4 x U - 1 chips
        // when more guests run on it.
        int hidden = 0;
        for (const Host &h : t.hosts) {
            const int n = static_cast<int>(guestsOn(h.id.str()).size());
            const int capacity = std::max(1, h.heightU) * geometry::kChipsPerRow;
            hidden += n > capacity ? n - capacity + 1 : 0;
        }
        QVERIFY(hidden > 5000);
        view()->setFocus();
        QTest::keyClick(view()->viewport(), Qt::Key_A, Qt::ControlModifier); // the real shortcut
        const QStringList selected = scene()->selectedIds();
        QCOMPARE(selected.size(), every.size());
        QCOMPARE(QSet<QString>(selected.cbegin(), selected.cend()), every);
        // A plain click on empty canvas clears all of it, hidden guests too.
        const QPointF empty = scene()->contentRect().topLeft() - QPointF(100, 100);
        view()->centerOn(empty);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, view()->mapFromScene(empty));
        QCOMPARE(scene()->selectedIds().size(), 0);
    }

    void guestBehindPlusNIsReachedWithTheMouse()
    {
        open(test::generateTopology(test::GeneratorParams::small(), 42));
        view()->resetZoom();
        // A racked 1U host with more guests than its lane holds.
        QString hostId;
        for (const Host &h : topology().hosts) {
            if (!h.rack.isNull() && h.heightU == 1 && guestsOn(h.id.str()).size() > geometry::kChipsPerRow + 1) {
                hostId = h.id.str();
                break;
            }
        }
        QVERIFY(!hostId.isEmpty());
        const QStringList all = guestsOn(hostId);
        const QStringList hidden = all.mid(geometry::kChipsPerRow - 1); // the last slot is "+N"
        QCOMPARE(scene()->overflowOf(hostId), hidden);
        auto *host = static_cast<HostItem *>(scene()->itemFor(hostId));
        const QPointF more = host->mapToScene(host->moreRect().center());
        view()->centerOn(more);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, view()->mapFromScene(more));
        OverflowList *list = scene()->overflowList();
        QVERIFY(list);
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), hidden.size());
        // Click the last hidden guest in the list: it is selected, the inspector shows it.
        const int row = static_cast<int>(hidden.size()) - 1;
        QCOMPARE(list->guestAt(row), hidden.last());
        QVERIFY(QTest::qWaitForWindowExposed(list));
        const QRect rowRect = list->visualItemRect(list->item(row));
        QVERIFY2(list->viewport()->rect().contains(rowRect.center()),
                 qPrintable(QStringLiteral("row %1,%2 %3x%4 outside the list")
                                .arg(rowRect.x())
                                .arg(rowRect.y())
                                .arg(rowRect.width())
                                .arg(rowRect.height())));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, rowRect.center());
        QCOMPARE(scene()->selectedIds(), QStringList{hidden.last()});
        QCOMPARE(mWindow->inspector()->shownId(), hidden.last());
        // What the list drags, dropped on another host's lane, moves the guest there.
        QString otherHost;
        for (const Host &h : topology().hosts) {
            if (!h.rack.isNull() && h.id.str() != hostId
                && (otherHost.isEmpty() || guestsOn(h.id.str()).size() < guestsOn(otherHost).size()))
                otherHost = h.id.str();
        }
        QVERIFY(!otherHost.isEmpty());
        const Host &other = topology().hosts.at(mWindow->document()->index().host(HostId(otherHost)));
        const bool shownThere = guestsOn(otherHost).size() + 1 <= std::max(1, other.heightU) * geometry::kChipsPerRow;
        std::unique_ptr<QMimeData> dragged(list->model()->mimeData({list->model()->index(row, 0)}));
        QVERIFY(dragged->hasFormat(mime::moveObjects()));
        list->close();
        const QRectF lane = scene()->sceneRectOf(otherHost);
        const QPointF target(lane.right() - 10, lane.center().y());
        view()->centerOn(target);
        QVERIFY(dropAtViewport(*dragged, view()->mapFromScene(target)));
        QVERIFY(guestsOn(otherHost).contains(hidden.last()));
        QVERIFY(!guestsOn(hostId).contains(hidden.last()));
        QCOMPARE(scene()->itemFor(hidden.last())->isVisible(), shownThere);
        QCOMPARE(scene()->overflowOf(otherHost).contains(hidden.last()), !shownThere);
        QCOMPARE(scene()->selectedIds(), QStringList{hidden.last()});
    }

    void viewStaysPutAfterDrops()
    {
        // A small layout, smaller than the view: each drop grows it.
        mWindow->newLayout(Hypervisor::VSphere);
        QCoreApplication::processEvents();
        const QPointF anchor(0, 0); // a fixed scene point
        const QPoint before = view()->mapFromScene(anchor);
        auto drop = [&](const QByteArray &what, const QPointF &scenePoint) {
            QMimeData data;
            data.setData(mime::newObject(), what);
            QVERIFY(dropAtViewport(data, view()->mapFromScene(scenePoint)));
            QCoreApplication::processEvents();
            const QPoint after = view()->mapFromScene(anchor);
            QVERIFY2((after - before).manhattanLength() <= 2,
                     qPrintable(QStringLiteral("after dropping %1: the canvas moved by (%2, %3)")
                                    .arg(QString::fromLatin1(what))
                                    .arg(after.x() - before.x())
                                    .arg(after.y() - before.y())));
        };
        const QRectF unracked = scene()->unrackedArea()->sceneBoundingRect();
        drop("host", QPointF(unracked.center().x(), unracked.top() + 40));
        const QRectF unplaced = scene()->unplacedArea()->sceneBoundingRect();
        for (int i = 0; i < 6; ++i)
            drop("guest:media-server", QPointF(unplaced.center().x(), unplaced.top() + 20));
        const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
        drop("circuit", QPointF(visible.left() + 40, visible.top() + 40));
        drop("rack", QPointF(visible.right() - 60, visible.top() + 60));
    }

    void legendLeavesTheAreasUncovered()
    {
        // A new layout has no racks: the legend and the areas meet at the top.
        mWindow->newLayout(Hypervisor::VSphere);
        QCoreApplication::processEvents();
        LegendItem *legend = nullptr;
        for (QGraphicsItem *item : scene()->items()) {
            if (auto *l = dynamic_cast<LegendItem *>(item))
                legend = l;
        }
        QVERIFY(legend);
        QVERIFY(!legend->sceneBoundingRect().intersects(scene()->unplacedArea()->sceneBoundingRect()));
        QVERIFY(!legend->sceneBoundingRect().intersects(scene()->unrackedArea()->sceneBoundingRect()));
    }

    // Chips show their group's colour, and P/B on a pair; the looks are read
    // from the index when painted. A layout opens with its groups coloured
    // by position; deleting the first group leaves the colours of the others
    // (no shift), only the chips whose look changed (the deleted group's
    // members) are repainted, and undoing the delete brings the group back
    // in its old colour.
    void groupLooksFollowTheGroups()
    {
        open(test::generateTopology(test::GeneratorParams::small(), 3));
        const QHash<QString, int> opened = openedSlots(topology());
        compareLooks(opened);
        QImage image(1200, 900, QImage::Format_ARGB32);
        QPainter painter(&image);
        mWindow->scene()->render(&painter); // every chip paints its look
        QStringList later;                  // chips of the groups after the first one
        for (int i = 1; i < topology().groups.size(); ++i) {
            for (const GuestId &m : topology().groups.at(i).members) {
                auto *chip = qobject_cast<GuestItem *>(mWindow->scene()->itemFor(m.str()));
                if (chip && chip->isVisible())
                    later << m.str();
            }
        }
        QVERIFY(later.size() > 10);
        for (const QString &id : std::as_const(later))
            QVERIFY(!qobject_cast<GuestItem *>(mWindow->scene()->itemFor(id))->groupLookChanged());
        const Document *doc = mWindow->document();
        const Group first = topology().groups.first();
        const auto before = expectedLooks(topology(), opened);
        const Change deletion = ChangeBuilder(topology(), doc->index())
                                    .remove({first.id.str()}, ChangeBuilder::GuestPolicy::Unplace,
                                            QStringLiteral("Delete"));
        mWindow->document()->apply(deletion);
        compareLooks(opened);
        const auto after = expectedLooks(topology(), opened);
        int kept = 0;
        for (const QString &id : std::as_const(later)) {
            const auto *chip = qobject_cast<GuestItem *>(mWindow->scene()->itemFor(id));
            const bool changed = before.value(id).color != after.value(id).color
                              || before.value(id).marker != after.value(id).marker;
            QCOMPARE(chip->groupLookChanged(), changed);
            if (changed)
                QVERIFY2(first.members.contains(GuestId(id)), qPrintable(id)); // only its members' looks change
            else
                ++kept;
        }
        QVERIFY(kept > 10);
        mWindow->scene()->render(&painter);
        for (const QString &id : std::as_const(later))
            QVERIFY(!qobject_cast<GuestItem *>(mWindow->scene()->itemFor(id))->groupLookChanged());
        // Undo: the group is back, in the colour it had.
        mWindow->document()->apply(deletion.inverted());
        QCOMPARE(topology().groups.first().id, first.id);
        compareLooks(opened);
    }

    // What the window shows after an edit (its backing store, as the
    // offscreen platform keeps it) equals a full repaint of the view: the
    // partial repaints of an edit (chips, lanes, badges, "+N", group looks)
    // leave no stale pixels. Deleting pair members breaks their pairs (the
    // partners lose their looks); undo, redo and a move follow.
    void partialRepaintsLeaveNoStalePixels()
    {
        open(test::generateTopology(test::GeneratorParams::small(), 3));
        QStringList doomed;
        for (const Group &g : topology().groups) {
            const GuestId first = g.members.value(0);
            const auto *chip = qobject_cast<GuestItem *>(scene()->itemFor(first.str()));
            if (g.kind == GroupKind::Switchover && chip && chip->isVisible() && doomed.size() < 6)
                doomed << first.str();
        }
        QVERIFY(doomed.size() >= 3);
        view()->fitToView(); // every chip in sight: the pairs' other members too
        const auto shown = [this] {
            QCoreApplication::processEvents();
            const QRect r(view()->viewport()->mapTo(mWindow.get(), QPoint(0, 0)), view()->viewport()->size());
            return mWindow->screen()->grabWindow(mWindow->winId()).toImage().copy(r);
        };
        const auto fresh = [this, &shown] {
            view()->viewport()->repaint();
            return shown();
        };
        int differs = 0;
        const auto check = [&](const char *what) {
            const QImage partial = shown();
            const QImage full = fresh();
            QVERIFY(!partial.isNull());
            QCOMPARE(partial.size(), full.size());
            if (partial != full) {
                partial.save(mDir.filePath(QStringLiteral("partial.png")));
                full.save(mDir.filePath(QStringLiteral("full.png")));
                ++differs;
                qWarning("stale pixels after %s", what);
            }
        };
        check("opening");
        const QImage before = shown();
        scene()->selectIds(doomed);
        check("selecting");
        mWindow->deleteSelection(MainWindow::HostGuests::Unplace);
        QVERIFY(!scene()->itemFor(doomed.first()) || !scene()->itemFor(doomed.first())->isVisible());
        check("deleting pair members");
        QVERIFY(shown() != before); // the edit shows
        mWindow->undoStack()->undo();
        check("undo");
        mWindow->undoStack()->redo();
        check("redo");
        const Guest &g = topology().guests.at(topology().guests.size() / 2);
        mWindow->undoStack()->push(new MoveGuestsCommand(
            doc(), ChangeBuilder(topology(), doc()->index()).moveGuest(g.id, topology().hosts.first().id)));
        check("a move");
        // The selection's look: every chip, host, rack and circuit in sight
        // outlined by Select All, and none once it is cleared (by the scene,
        // and by a click on empty canvas).
        const QImage unselected = shown();
        auto *selectAll = mWindow->findChild<QAction *>(QStringLiteral("selectAll"));
        QVERIFY(selectAll);
        selectAll->trigger();
        check("Select All");
        QVERIFY(shown() != unselected);
        scene()->clearSelection();
        check("clearing the selection");
        QCOMPARE(shown(), unselected);
        selectAll->trigger();
        check("Select All again");
        const QPointF empty = scene()->contentRect().bottomRight() + QPointF(40, 40);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, Qt::NoModifier, view()->mapFromScene(empty));
        QVERIFY(scene()->selectedIds().isEmpty());
        check("a click on empty canvas");
        QCOMPARE(differs, 0);
    }

    // The minimap gathers each kind's rectangles by colour and draws them in
    // one call per colour: the same picture as drawing them one by one, back
    // to front (racks, circuits, hosts, guests), before and after an edit.
    void minimapDrawsWhatItemByItemDrawing()
    {
        open(test::generateTopology(test::GeneratorParams::small(), 3));
        auto *minimap = mWindow->findChild<MinimapPanel *>();
        QVERIFY(minimap);
        for (QWidget *w = minimap; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w)) {
                dock->show();
                dock->raise();
            }
        }
        QTRY_VERIFY(minimap->isVisible());
        const auto reference = [&] {
            QPixmap picture(minimap->size());
            picture.fill(minimap->palette().color(QPalette::Base));
            QPainter p(&picture);
            p.setTransform(minimap->sceneToPicture());
            p.setPen(QPen(Theme::rackFrame(), 0));
            p.setBrush(Qt::NoBrush);
            for (const AreaItem *area : {scene()->unrackedArea(), scene()->unplacedArea()})
                p.drawRect(area->mapRectToScene(area->boundingRect()));
            p.setPen(Qt::NoPen);
            const QColor highlight = minimap->palette().color(QPalette::Highlight);
            const auto fill = [&](const ModelItem *item, const QColor &normal) {
                const TopologyScene::Badge badge = scene()->badgeFor(item->id());
                return item->isSelected() ? highlight : badge.count > 0 ? Theme::severity(badge.worst) : normal;
            };
            for (const ObjectKind kind : {ObjectKind::Rack, ObjectKind::Circuit, ObjectKind::Host, ObjectKind::Guest}) {
                for (const ModelItem *item : scene()->modelItems()) {
                    if (item->kind() != kind || !item->isVisible())
                        continue;
                    const QRectF r(item->scenePos(), item->size());
                    if (kind == ObjectKind::Rack) {
                        p.setBrush(item->isSelected() ? highlight : Theme::rackFrame());
                        p.drawRect(r);
                        p.setBrush(Theme::rackFill());
                        p.drawRect(r.adjusted(4, geometry::kRackHeader, -4, -4));
                    } else if (kind == ObjectKind::Host) {
                        const Host &h = topology().hosts.at(doc()->index().host(HostId(item->id())));
                        const int cluster = doc()->index().cluster(h.cluster);
                        p.setBrush(Theme::laneFill());
                        p.drawRect(r);
                        p.setBrush(fill(item, cluster >= 0 ? Theme::clusterColor(cluster) : Theme::hostFill()));
                        p.drawRect(QRectF(r.topLeft(),
                                          QSizeF(std::min<qreal>(r.width(), geometry::kHostBarWidth), r.height())));
                    } else {
                        p.setBrush(fill(item, kind == ObjectKind::Guest ? Theme::mutedText() : Theme::rackFrame()));
                        p.drawRect(r);
                    }
                }
            }
            p.end();
            return picture.toImage();
        };
        minimap->refit();
        QImage drawn = minimap->picture();
        QVERIFY(!drawn.isNull());
        QCOMPARE(drawn, reference());
        // An edit: guests deleted (chips shift, badges change) and some selected.
        QStringList some;
        for (int i = 0; i < topology().guests.size() && some.size() < 5; i += 7)
            some << topology().guests.at(i).id.str();
        scene()->selectIds(some);
        mWindow->deleteSelection(MainWindow::HostGuests::Unplace);
        scene()->selectIds({topology().guests.first().id.str(), topology().hosts.first().id.str()});
        QTRY_VERIFY(minimap->picture() != drawn); // redrawn when the edits settle
        QTest::qWait(400);
        drawn = minimap->picture();
        QCOMPARE(drawn, reference());
    }

    // A finding replaced by one like it (the same rule, subjects and
    // severity: a guest renamed changes only its message) leaves the badges
    // as they were, and the items it names are not repainted for it.
    void badgesRepaintOnlyWhenTheyChange()
    {
        open(test::generateTopology(test::GeneratorParams::small(), 3));
        const Topology &t = topology();
        const TopologyIndex &index = mWindow->document()->index();
        const Finding *named = nullptr; // names a guest and a host
        QString guestId;
        QString hostId;
        for (const Finding &f : mWindow->document()->findings()) {
            if (f.severity == Severity::Info || f.isWaived())
                continue;
            for (const QString &g : f.subjects) {
                const int gp = index.guest(GuestId(g));
                if (gp < 0 || !f.message.contains(t.guests.at(gp).name))
                    continue;
                for (const QString &h : f.subjects) {
                    if (index.host(HostId(h)) >= 0) {
                        named = &f;
                        guestId = g;
                        hostId = h;
                    }
                }
            }
            if (named)
                break;
        }
        QVERIFY2(named, "no finding names a guest and a host");
        const QString rule = named->rule;
        const auto badgeBefore = mWindow->scene()->badgeFor(hostId);
        QVERIFY(badgeBefore.count > 0);
        QCoreApplication::processEvents();
        QList<QRectF> repainted;
        connect(mWindow->scene(), &QGraphicsScene::changed, this,
                [&repainted](const QList<QRectF> &region) { repainted += region; });
        Guest renamed = t.guests.at(index.guest(GuestId(guestId)));
        renamed.name += QStringLiteral("-renamed");
        const FindingsDelta delta = mWindow->document()->apply(
            ChangeBuilder(topology(), mWindow->document()->index()).replace(renamed, QStringLiteral("Rename")));
        bool replaced = false;
        for (const Finding &f : delta.added)
            replaced = replaced || (f.rule == rule && f.subjects.contains(hostId));
        QVERIFY(replaced); // the host's finding came again, with the new name
        QCoreApplication::processEvents();
        QCOMPARE(mWindow->scene()->badgeFor(hostId).count, badgeBefore.count);
        const ModelItem *host = mWindow->scene()->itemFor(hostId);
        QVERIFY(host);
        const QRectF bar = host->mapRectToScene(QRectF(0, 0, geometry::kHostBarWidth - 4, host->size().height()));
        for (const QRectF &r : std::as_const(repainted))
            QVERIFY2(!r.contains(bar), qPrintable(QStringLiteral("host %1 repainted whole").arg(hostId)));
    }

    // Racks and hosts draw only what lies in the exposed rect (a chip
    // repainted over them): painted in strips, as the view repaints parts of
    // them, they must give exactly the picture of one whole repaint.
    void partialRepaintsMatchTheWhole()
    {
        Topology t = test::generateTopology(test::GeneratorParams::small(), 3);
        open(t);
        int checked = 0;
        for (ModelItem *item : mWindow->scene()->modelItems()) {
            if (item->kind() != ObjectKind::Rack && item->kind() != ObjectKind::Host)
                continue;
            const QRectF bounds = item->boundingRect();
            const QSize size = bounds.size().toSize() + QSize(2, 2);
            auto paint = [&](QImage &image, const QRectF &part) {
                QPainter painter(&image);
                painter.translate(-bounds.topLeft());
                painter.setClipRect(part);
                QStyleOptionGraphicsItem option;
                option.exposedRect = part;
                option.state = item->isSelected() ? QStyle::State_Selected : QStyle::State_None;
                item->paint(&painter, &option, nullptr);
            };
            QImage whole(size, QImage::Format_ARGB32_Premultiplied);
            whole.fill(Qt::white);
            paint(whole, bounds);
            for (const bool across : {false, true}) {
                QImage parts(size, QImage::Format_ARGB32_Premultiplied);
                parts.fill(Qt::white);
                const qreal step = 7; // odd: strips start anywhere in a unit, a text or a line
                const qreal length = across ? bounds.width() : bounds.height();
                for (qreal at = 0; at < length; at += step) {
                    paint(parts, across ? QRectF(bounds.left() + at, bounds.top(), step, bounds.height())
                                        : QRectF(bounds.left(), bounds.top() + at, bounds.width(), step));
                }
                // The same picture (up to a rounding at a strip's border):
                // no part left out.
                int worst = 0;
                for (int y = 0; y < whole.height(); ++y) {
                    for (int x = 0; x < whole.width(); ++x) {
                        const QRgb a = whole.pixel(x, y);
                        const QRgb b = parts.pixel(x, y);
                        worst = std::max({worst, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                          std::abs(qBlue(a) - qBlue(b))});
                    }
                }
                QVERIFY2(worst <= 2,
                         qPrintable(QStringLiteral("%1 painted in strips differs by %2").arg(item->id()).arg(worst)));
            }
            ++checked;
        }
        QVERIFY(checked > 20);
    }
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
