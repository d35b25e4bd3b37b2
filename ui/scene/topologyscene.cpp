#include "scene/topologyscene.h"

#include "catalog/catalog.h"
#include "changebuilder.h"
#include "commands/changecommand.h"
#include "document.h"
#include "model/groupcolor.h"
#include "nameallocator.h"
#include "panels/waiveractions.h"
#include "scene/geometry.h"
#include "scene/guestitem.h"
#include "scene/hostitem.h"
#include "scene/legenditem.h"
#include "scene/mime.h"
#include "scene/overflowlist.h"
#include "scene/overlayitem.h"
#include "scene/rackitem.h"
#include "theme.h"

#include <QDrag>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSet>
#include <QSignalBlocker>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <QUndoStack>
#include <QWidget>

#include <utility>

namespace td {

namespace {

Change merged(const QVector<Change> &changes, const QString &text)
{
    Change out;
    out.text = text;
    for (const Change &c : changes) {
        out.edits += c.edits;
        out.layout += c.layout;
    }
    return out;
}

QColor tintFor(Severity worst, bool newFindings)
{
    if (!newFindings || worst == Severity::Info)
        return Theme::dropOk();
    return worst == Severity::Error ? Theme::dropError() : Theme::dropWarning();
}

} // namespace

TopologyScene::TopologyScene(Document *document, QUndoStack *undoStack, QObject *parent)
    : QGraphicsScene(parent), mDocument(document), mUndoStack(undoStack)
{
    mUnracked = new AreaItem(AreaItem::Kind::UnrackedHosts, tr("Unracked hosts"));
    mUnplaced = new AreaItem(AreaItem::Kind::UnplacedGuests, tr("Unplaced guests"));
    addItem(mUnracked);
    addItem(mUnplaced);
    mOverlay = new OverlayItem(this, OverlayItem::Layer::Feeds);
    mGroupOverlay = new OverlayItem(this, OverlayItem::Layer::Groups);
    addItem(mOverlay);
    addItem(mGroupOverlay);
    mLegend = new LegendItem(this);
    addItem(mLegend);
    mHintBox = addRect(QRectF(), QPen(Qt::NoPen), QBrush(QColor(0x21, 0x21, 0x21, 230)));
    mHintBox->setZValue(100);
    mHintBox->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    mHint = new QGraphicsSimpleTextItem(mHintBox);
    mHint->setBrush(Qt::white);
    mHintBox->setVisible(false);

    // Connected first: the id selection is up to date for every other listener.
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::onItemSelectionChanged);
    connect(document, &Document::resetDone, this, [this] {
        sync(nullptr);
        updateFindings(nullptr);
    });
    connect(document, &Document::changed, this, [this](const Change &change) {
        mLabels.reset();
        sync(&change);
    });
    connect(document, &Document::findingsChanged, this, [this](const FindingsDelta &delta) { updateFindings(&delta); });
    sync(nullptr);
    updateFindings(nullptr);
}

TopologyScene::~TopologyScene()
{
    // The items go here, while this scene's members are alive: the base
    // class would remove them after, and a selected item's removal emits
    // selectionChanged to this scene's bookkeeping (and its listeners) once
    // its members are gone. A scene being destroyed tells no one of a
    // selection change (destroyed() is still emitted).
    blockSignals(true);
    clear();
}

// ---------------------------------------------------------------- selection

void TopologyScene::setSelection(const QStringList &ids)
{
    mSelection.clear();
    mSelectedSet.clear();
    mSelectedSet.reserve(ids.size());
    for (const QString &id : ids) {
        if (mSelectedSet.contains(id))
            continue;
        // Canvas objects only (a guest behind "+N" may have no item yet).
        bool canvas = mItems.contains(id);
        if (!canvas) {
            const TopologyIndex::Ref *ref = mDocument->index().find(id);
            canvas = ref && ref->kind == ObjectKind::Guest;
        }
        if (canvas) {
            mSelectedSet.insert(id);
            mSelection << id;
        }
    }
}

void TopologyScene::showSelectionOnItems(bool announce)
{
    // Items mirror the id selection; one selectionChanged for the whole batch.
    mSelectingItems = true;
    {
        const QSignalBlocker quiet(this);
        const auto selected = selectedItems();
        for (QGraphicsItem *item : selected) {
            if (!mSelectedSet.contains(item->data(0).toString()))
                item->setSelected(false);
        }
        const auto show = [](ModelItem *item) {
            if (item && item->isVisible() && !item->isSelected())
                item->setSelected(true);
        };
        // Whichever is shorter is walked: the selection's ids (a click, a
        // paste) or the items (Select All at L: 10,620 ids, 2,600 items).
        if (mSelection.size() <= mItems.size()) {
            for (const QString &id : std::as_const(mSelection))
                show(mItems.value(id));
        } else {
            for (auto it = mItems.cbegin(); it != mItems.cend(); ++it) {
                if (mSelectedSet.contains(it.key()))
                    show(it.value());
            }
        }
    }
    if (announce)
        emit selectionChanged(); // our own handler ignores it: the ids are already right
    mSelectingItems = false;
}

void TopologyScene::selectIds(const QStringList &ids)
{
    setSelection(ids);
    showSelectionOnItems();
}

void TopologyScene::selectAllObjects()
{
    const Topology &t = mDocument->topology();
    QStringList ids;
    ids.reserve(t.circuits.size() + t.racks.size() + t.hosts.size() + t.guests.size());
    for (const Circuit &c : t.circuits)
        ids << c.id.str();
    for (const Rack &r : t.racks)
        ids << r.id.str();
    for (const Host &h : t.hosts)
        ids << h.id.str();
    for (const Guest &g : t.guests)
        ids << g.id.str();
    // Every id is an object of the canvas, once: no look-up each.
    mSelectedSet = QSet<QString>(ids.cbegin(), ids.cend());
    mSelection = std::move(ids);
    showSelectionOnItems();
}

void TopologyScene::onItemSelectionChanged()
{
    if (mSelectingItems || mSyncing)
        return;
    // The user changed the items' selection (click, rubber band): the ids
    // follow, in a pass linear in the selection. Hidden guests stay selected
    // while visible items do (Ctrl adds to a selection), and go when the
    // visible selection is cleared.
    const auto items = selectedItems();
    if (items.isEmpty() && !(QGuiApplication::keyboardModifiers() & Qt::ControlModifier)) {
        // Nothing visible selected (a click on empty canvas, clearSelection):
        // hidden guests go too; no id of the selection to look at.
        mSelection.clear();
        mSelectedSet.clear();
        return;
    }
    QSet<QString> visible;
    visible.reserve(items.size());
    for (QGraphicsItem *item : items)
        visible.insert(item->data(0).toString());
    const bool keepHidden = !visible.isEmpty() || (QGuiApplication::keyboardModifiers() & Qt::ControlModifier);
    QStringList next;
    for (const QString &id : std::as_const(mSelection)) {
        const ModelItem *item = mItems.value(id);
        if (visible.contains(id) || (keepHidden && (!item || !item->isVisible())))
            next << id;
    }
    QSet<QString> kept(next.cbegin(), next.cend());
    for (QGraphicsItem *item : items) {
        const QString id = item->data(0).toString();
        if (!id.isEmpty() && !kept.contains(id)) {
            next << id;
            kept.insert(id);
        }
    }
    mSelection = next;
    mSelectedSet = kept;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const bool hadHidden = mSelection.size() != selectedItems().size();
    QGraphicsScene::mousePressEvent(event);
    // A plain click that leaves no visible item selected (on empty canvas)
    // also drops the hidden guests of the selection; Qt says nothing when no
    // visible item was selected.
    if (hadHidden && event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ControlModifier)
        && selectedItems().isEmpty() && !mSelection.isEmpty() && !(mOverflowList && mOverflowList->isVisible())) {
        setSelection({});
        showSelectionOnItems();
    }
}

QStringList TopologyScene::overflowOf(const QString &hostId) const
{
    return mOverflow.value(hostId);
}

OverflowList *TopologyScene::overflowList() const
{
    return mOverflowList;
}

void TopologyScene::showOverflow(const QString &hostId, QWidget *viewport, const QPoint &screenPos)
{
    if (mOverflowList)
        mOverflowList->close();
    mOverflowList = new OverflowList(this, hostId, viewport);
    mOverflowList->popup(screenPos);
}

QRectF TopologyScene::sceneRectOf(const QString &id) const
{
    const ModelItem *item = mItems.value(id);
    if (!item)
        return {};
    return item->mapRectToScene(QRectF(QPointF(0, 0), item->size()));
}

// ---------------------------------------------------------------- sync

ModelItem *TopologyScene::ensureItem(ObjectKind kind, const QString &id)
{
    ModelItem *it = mItems.value(id);
    if (it && it->kind() == kind)
        return it;
    if (it)
        deleteItem(id, nullptr);
    switch (kind) {
    case ObjectKind::Circuit: it = new CircuitItem(id); break;
    case ObjectKind::Rack: it = new RackItem(id); break;
    case ObjectKind::Host: it = new HostItem(id); break;
    case ObjectKind::Guest: it = new GuestItem(id); break;
    default: return nullptr;
    }
    mItems.insert(id, it);
    addItem(it);
    return it;
}

void TopologyScene::deleteItem(const QString &id, QStringList *orphans)
{
    if (mSelectedSet.remove(id))
        mSelection.removeOne(id);
    mOverflow.remove(id);
    ModelItem *item = mItems.take(id);
    if (!item)
        return;
    // Children (a rack's hosts, a host's guests) live on as objects: they
    // are placed again by the sync.
    for (QGraphicsItem *child : item->childItems()) {
        const QString childId = child->data(0).toString();
        if (childId.isEmpty())
            continue;
        child->setParentItem(nullptr);
        if (orphans)
            *orphans << childId;
    }
    mMovedFrom.remove(id);
    delete item;
}

void TopologyScene::sync(const Change *change)
{
    if (!change) {
        syncAll();
        return;
    }
    mSyncing = true;
    const QStringList selectionBefore = mSelection;
    if (mOverflowList)
        mOverflowList->close(); // its list may be stale
    mMovedFrom.clear();
    const Topology &t = mDocument->topology();
    const TopologyIndex &index = mDocument->index();
    bool frame = change->headerAfter.has_value() || !change->layout.isEmpty();
    bool hosts = false;
    bool unplaced = false;
    bool looks = false;
    bool clusters = false;
    QSet<QString> lanes; // hosts whose guest lane changes
    QStringList orphans;
    QVector<ModelItem *> repaint;
    auto noteGuestPlace = [&](const std::optional<Object> &o) {
        if (!o)
            return;
        const HostId host = std::get<Guest>(*o).host;
        if (host.isNull())
            unplaced = true;
        else
            lanes.insert(host.str());
    };
    {
        const QSignalBlocker quiet(this); // items deselected by hiding: the ids stay the truth
        for (const ObjectEdit &e : change->edits) {
            const ObjectKind kind = e.kind();
            const QString id = e.id();
            if (kind == ObjectKind::Guest) {
                noteGuestPlace(e.before);
                noteGuestPlace(e.after);
            } else if (kind == ObjectKind::Host) {
                hosts = true;
                lanes.insert(id);
            } else if (kind == ObjectKind::Rack || kind == ObjectKind::Circuit) {
                frame = true;
                hosts = hosts || kind == ObjectKind::Rack;
            } else if (kind == ObjectKind::Cluster) {
                clusters = true;
                frame = true;
            } else if (kind == ObjectKind::Group) {
                looks = true;
            }
            if (kind != ObjectKind::Guest && kind != ObjectKind::Host && kind != ObjectKind::Rack
                && kind != ObjectKind::Circuit)
                continue;
            if (!e.after) {
                deleteItem(id, &orphans);
            } else if (ModelItem *item = ensureItem(kind, id)) {
                repaint << item;
            }
        }
        for (const QString &id : std::as_const(orphans)) {
            const int g = index.guest(GuestId(id));
            if (g >= 0) {
                const HostId host = t.guests.at(g).host;
                if (index.host(host) >= 0)
                    lanes.insert(host.str());
                else
                    unplaced = true;
            } else if (index.host(HostId(id)) >= 0) {
                hosts = true;
            } else if (mItems.contains(id)) {
                deleteItem(id, nullptr); // gone in the same change
            }
        }
        if (frame || (hosts && mCompact))
            layoutFrame();
        if (hosts || frame)
            layoutHosts();
        for (const QString &id : std::as_const(lanes)) {
            const int pos = index.host(HostId(id));
            if (pos >= 0)
                layoutLane(pos);
        }
        if (unplaced)
            layoutUnplaced();
    }
    if (looks) {
        mGroupColors.follow(*change);
        updateGroupLooks();
    }
    for (ModelItem *item : std::as_const(repaint))
        item->update();
    if (clusters) {
        for (const Host &h : t.hosts) {
            if (ModelItem *item = mItems.value(h.id.str()))
                item->update();
        }
    }
    if (frame || hosts || unplaced) {
        mContent = computeContentRect();
        updateSceneRect(true);
    }
    // The feed lines run from circuits to racks and hosts: guests (placed
    // or not) never move them, and repainting them all repaints the view.
    if (frame || hosts)
        mOverlay->update();
    // Broken-group lines through a guest that moved: each line's own area
    // (their union could span the canvas and repaint all of it).
    for (auto it = mMovedFrom.cbegin(); it != mMovedFrom.cend(); ++it) {
        const auto keys = mBrokenBySubject.values(it.key());
        for (const QString &key : keys)
            repaintLine(lineArea(mBroken.value(key)));
    }
    mPreviewCache.clear();
    mPreviewMessages.clear();
    mSyncing = false;
    showSelectionOnItems(false); // guests that became visible show their selection
    if (mSelection != selectionBefore) {
        mSelectingItems = true;
        emit selectionChanged();
        mSelectingItems = false;
    }
}

void TopologyScene::syncAll()
{
    mLabels.reset();
    mSyncing = true;
    if (mOverflowList)
        mOverflowList->close();
    const Topology &t = mDocument->topology();
    {
        const QSignalBlocker quiet(this);
        QSet<QString> alive;
        alive.reserve(t.circuits.size() + t.racks.size() + t.hosts.size() + t.guests.size());
        auto keep = [&](ObjectKind kind, const QString &id) {
            alive.insert(id);
            ensureItem(kind, id)->update();
        };
        // Guests get their chip when they show (layoutLane, layoutUnplaced):
        // most guests of a large layout are behind "+N" and need none.
        auto keepGuest = [&](const QString &id) {
            alive.insert(id);
            if (ModelItem *item = mItems.value(id))
                item->update();
        };
        for (const Circuit &c : t.circuits)
            keep(ObjectKind::Circuit, c.id.str());
        for (const Rack &r : t.racks)
            keep(ObjectKind::Rack, r.id.str());
        for (const Host &h : t.hosts)
            keep(ObjectKind::Host, h.id.str());
        for (const Guest &g : t.guests)
            keepGuest(g.id.str());
        QStringList dead;
        for (auto it = mItems.cbegin(); it != mItems.cend(); ++it) {
            if (!alive.contains(it.key()))
                dead << it.key();
        }
        // Guests first: their hosts' deletion would take them along.
        std::stable_partition(dead.begin(), dead.end(),
                              [this](const QString &id) { return mItems.value(id)->kind() == ObjectKind::Guest; });
        for (const QString &id : std::as_const(dead))
            deleteItem(id, nullptr);
        layoutFrame();
        layoutHosts();
        for (int i = 0; i < t.hosts.size(); ++i)
            layoutLane(i);
        layoutUnplaced();
    }
    mMovedFrom.clear();
    mGroupColors.assign(t);
    updateGroupLooks();
    mContent = computeContentRect();
    updateSceneRect(false);
    mPreviewCache.clear();
    mPreviewMessages.clear();
    mSyncing = false;
    // A new document starts with nothing selected.
    setSelection({});
    showSelectionOnItems();
    update();
}

void TopologyScene::layoutFrame()
{
    const Topology &t = mDocument->topology();
    const TopologyIndex &index = mDocument->index();
    QHash<QString, QPointF> positions;
    positions.reserve(t.layout.size());
    for (const LayoutEntry &e : t.layout)
        positions.insert(e.id, QPointF(e.x, e.y));
    // Circuits along the top (in a row when compact: saved positions are
    // for the full-height racks).
    for (int i = 0; i < t.circuits.size(); ++i) {
        const QString id = t.circuits.at(i).id.str();
        if (ModelItem *it = mItems.value(id)) {
            const QPointF row(i * (geometry::kCircuitWidth + geometry::kCircuitGap), 0);
            it->setPos(mCompact ? row : positions.value(id, row));
            it->setFlag(QGraphicsItem::ItemIsMovable, !mCompact);
        }
    }
    // The units each rack's hosts fill (the compact view collapses the rest).
    QHash<QString, QVector<bool>> occupied;
    if (mCompact) {
        for (const Host &h : t.hosts) {
            const int rackPos = index.rack(h.rack);
            if (rackPos < 0 || h.unit <= 0)
                continue;
            const Rack &rack = t.racks.at(rackPos);
            QVector<bool> &units = occupied[rack.id.str()];
            units.resize((rack.units > 0 ? rack.units : geometry::kDefaultRackUnits) + 1);
            for (int u = h.unit; u < h.unit + std::max(1, h.heightU) && u < units.size(); ++u)
                units[u] = true;
        }
    }
    QVector<RackItem *> racks;
    racks.reserve(t.racks.size());
    for (const Rack &rack : t.racks) {
        auto *it = static_cast<RackItem *>(mItems.value(rack.id.str()));
        if (!it)
            continue;
        it->setUnits(rack.units > 0 ? rack.units : geometry::kDefaultRackUnits, occupied.value(rack.id.str()),
                     mCompact);
        it->setFlag(QGraphicsItem::ItemIsMovable, !mCompact);
        racks << it;
    }
    // Racks where saved, else in a grid; compact: in the grid whose shape
    // reads best on a 4:3 screen.
    int columns = geometry::kRacksPerRow;
    const qreal gap = mCompact ? geometry::kCompactRackGap : geometry::kRackGap;
    if (mCompact && !racks.isEmpty()) {
        qreal best = -1;
        for (int c = 1; c <= racks.size(); ++c) {
            qreal height = geometry::kCompactRacksTop;
            for (int row = 0; row * c < racks.size(); ++row) {
                qreal tallest = 0;
                for (int k = row * c; k < std::min<int>(racks.size(), (row + 1) * c); ++k)
                    tallest = std::max(tallest, racks.at(k)->size().height());
                height += tallest + gap;
            }
            const qreal width = c * (geometry::kRackWidth + gap) + mLegend->boundingRect().width();
            const qreal scale = std::min(4.0 / width, 3.0 / height);
            if (scale > best) {
                best = scale;
                columns = c;
            }
        }
    }
    qreal racksBottom = geometry::kRacksTop;
    qreal racksRight = 0;
    qreal rowTop = mCompact ? geometry::kCompactRacksTop : geometry::kRacksTop;
    qreal rowBottom = rowTop;
    for (int i = 0; i < racks.size(); ++i) {
        RackItem *it = racks.at(i);
        if (i % columns == 0 && i > 0)
            rowTop = rowBottom + gap;
        const QPointF cell((i % columns) * (geometry::kRackWidth + gap), rowTop);
        if (mCompact) {
            it->setPos(cell);
        } else {
            const qreal rowHeight = geometry::kRackHeader + geometry::kDefaultRackUnits * geometry::kUnitHeight + 120;
            const QPointF fallback((i % columns) * (geometry::kRackWidth + gap),
                                   geometry::kRacksTop + (i / columns) * rowHeight);
            it->setPos(positions.value(it->id(), fallback));
        }
        rowBottom = std::max(rowBottom, it->y() + it->size().height());
        racksBottom = std::max(racksBottom, it->y() + it->size().height());
        racksRight = std::max(racksRight, it->x() + it->size().width());
    }
    // The legend right of the racks; the areas below both, so that the
    // legend never covers them.
    mLegend->refresh();
    mLegend->setPos(std::max<qreal>(racksRight, geometry::kRackWidth) + 60,
                    mCompact ? geometry::kCompactRacksTop : geometry::kRacksTop);
    const qreal areaTop = std::max(racksBottom, mLegend->sceneBoundingRect().bottom()) + 80;
    mUnracked->setPos(0, areaTop);
    mUnplaced->setPos(geometry::kHostWidth + 40 + 80, areaTop);
}

void TopologyScene::setHideNames(bool hide)
{
    if (hide == mHideNames)
        return;
    mHideNames = hide;
    update();
    emit hideNamesChanged(hide);
}

const GenericLabels &TopologyScene::labels() const
{
    if (!mLabels)
        mLabels.emplace(mDocument->topology());
    return *mLabels;
}

QString TopologyScene::displayName(const QString &id, const QString &name) const
{
    return mHideNames ? labels().label(id, name) : name;
}

QString TopologyScene::shortDisplayName(const QString &id, const QString &name) const
{
    return mHideNames ? labels().shortLabel(id) : name;
}

QString TopologyScene::masked(const QString &text) const
{
    return mHideNames ? labels().apply(text) : text;
}

void TopologyScene::setCompact(bool compact)
{
    if (compact == mCompact)
        return;
    mCompact = compact;
    mSyncing = true;
    {
        const QSignalBlocker quiet(this);
        layoutFrame();
        layoutHosts();
        layoutUnplaced();
    }
    mContent = computeContentRect();
    updateSceneRect(false);
    mSyncing = false;
    update();
    emit compactChanged(compact);
}

void TopologyScene::layoutHosts()
{
    // Hosts: in their rack at their unit, else in the unracked area.
    const Topology &t = mDocument->topology();
    const TopologyIndex &index = mDocument->index();
    qreal unrackedY = geometry::kAreaHeader;
    for (int i = 0; i < t.hosts.size(); ++i) {
        const Host &h = t.hosts.at(i);
        auto *it = static_cast<HostItem *>(mItems.value(h.id.str()));
        if (!it)
            continue;
        const int rackPos = index.rack(h.rack);
        const qreal height = h.heightU * geometry::kUnitHeight;
        auto *rack = rackPos >= 0 && h.unit > 0 ? static_cast<RackItem *>(mItems.value(h.rack.str())) : nullptr;
        if (rack && h.unit <= rack->units()) {
            if (it->parentItem() != rack)
                it->setParentItem(rack);
            const qreal top = rack->unitTop(std::min(rack->units(), h.unit + std::max(1, h.heightU) - 1));
            it->setSize(QSizeF(geometry::kHostWidth, rack->unitBottom(h.unit) - top));
            it->setPos(geometry::kUnitLabelWidth, top);
        } else {
            it->setSize(QSizeF(geometry::kHostWidth, height));
            if (it->parentItem() != mUnracked)
                it->setParentItem(mUnracked);
            it->setPos(10, unrackedY);
            unrackedY += height + 6;
        }
    }
    mUnracked->setSize(QSizeF(geometry::kHostWidth + 20, std::max<qreal>(unrackedY + 10, 120)));
    mUnracked->setVisible(!mCompact || unrackedY > geometry::kAreaHeader);
}

void TopologyScene::placeGuest(ModelItem *item, QGraphicsItem *parent, bool visible, const QPointF &pos)
{
    if (item->parentItem() == parent && item->isVisible() == visible && (!visible || item->pos() == pos))
        return;
    // Where it was and where it goes: the broken-group lines through it
    // are repainted there.
    const QString &id = item->id();
    const QRectF local(QPointF(0, 0), item->size());
    if (item->parentItem() && item->isVisible())
        mMovedFrom[id] |= item->mapRectToScene(local);
    if (item->parentItem() != parent)
        item->setParentItem(parent);
    item->setVisible(visible);
    if (visible) {
        item->setPos(pos);
        mMovedFrom[id] |= item->mapRectToScene(local);
    } else {
        mMovedFrom[id] |= QRectF();
    }
}

void TopologyScene::layoutLane(int hostPos)
{
    // Chips in the host's lane, in document order; the last slot is the
    // "+N" chip when there are more guests than slots.
    const Topology &t = mDocument->topology();
    const Host &h = t.hosts.at(hostPos);
    auto *host = static_cast<HostItem *>(mItems.value(h.id.str()));
    if (!host)
        return;
    QVector<int> guests = mDocument->index().guestsOnHost(hostPos);
    std::sort(guests.begin(), guests.end());
    const int capacity = std::max(1, h.heightU) * geometry::kChipsPerRow;
    const bool overflows = guests.size() > capacity;
    QStringList hidden;
    for (int slot = 0; slot < guests.size(); ++slot) {
        const QString id = t.guests.at(guests.at(slot)).id.str();
        if (overflows && slot >= capacity - 1) {
            if (ModelItem *it = mItems.value(id))
                placeGuest(it, host, false, QPointF());
            hidden << id;
            continue;
        }
        ModelItem *it = ensureItem(ObjectKind::Guest, id);
        const int row = slot / geometry::kChipsPerRow;
        const int col = slot % geometry::kChipsPerRow;
        placeGuest(it, host, true,
                   QPointF(geometry::kHostBarWidth + geometry::kChipGap
                               + col * (geometry::kChipWidth + geometry::kChipGap),
                           (geometry::kUnitHeight - geometry::kChipHeight) / 2 + row * geometry::kUnitHeight));
    }
    if (hidden.isEmpty())
        mOverflow.remove(h.id.str());
    else
        mOverflow.insert(h.id.str(), hidden);
    host->setOverflow(hidden);
}

void TopologyScene::layoutUnplaced()
{
    const Topology &t = mDocument->topology();
    const TopologyIndex &index = mDocument->index();
    // Placed: on a host the index knows (its guests-on-host lists), found
    // without looking each of 10,000 host ids up again.
    QVector<bool> placed(t.guests.size(), false);
    for (int h = 0; h < t.hosts.size(); ++h) {
        for (int g : index.guestsOnHost(h))
            placed[g] = true;
    }
    int count = 0;
    for (int i = 0; i < t.guests.size(); ++i) {
        if (placed.at(i))
            continue;
        const Guest &g = t.guests.at(i);
        const int row = count / geometry::kUnplacedPerRow;
        const int col = count % geometry::kUnplacedPerRow;
        placeGuest(ensureItem(ObjectKind::Guest, g.id.str()), mUnplaced, true,
                   QPointF(10 + col * (geometry::kChipWidth + geometry::kChipGap),
                           geometry::kAreaHeader + row * (geometry::kChipHeight + geometry::kChipGap)));
        ++count;
    }
    const int rows = (count + geometry::kUnplacedPerRow - 1) / geometry::kUnplacedPerRow;
    mUnplaced->setSize(
        QSizeF(10 + geometry::kUnplacedPerRow * (geometry::kChipWidth + geometry::kChipGap) + 6,
               std::max<qreal>(geometry::kAreaHeader + rows * (geometry::kChipHeight + geometry::kChipGap) + 10, 120)));
    mUnplaced->setVisible(!mCompact || count > 0);
}

void TopologyScene::updateSceneRect(bool keepViews)
{
    QRectF area = mContent.adjusted(-200, -200, 400, 400);
    // While the document stays, the scene rect only grows, and what an
    // editing view shows stays inside it: a scene rect that shrank or moved
    // under the view made it jump after a drop.
    if (keepViews) {
        area |= mSceneArea;
        for (QGraphicsView *view : views()) {
            if (view->isInteractive())
                area |= view->mapToScene(view->viewport()->rect()).boundingRect();
        }
    }
    mOverlay->setArea(area);
    mGroupOverlay->setArea(area);
    if (area == mSceneArea)
        return;
    if (keepViews)
        emit sceneRectAboutToChange();
    // Always set, compared with what was set last: the overlays span the
    // area, so the items' bounding rect equalled it and the scene rect was
    // never set; QGraphicsScene then measured all its items (10,000 at L)
    // on each sceneRect() after an edit, the view's paint included.
    mSceneArea = area;
    setSceneRect(area);
}

QRectF TopologyScene::computeContentRect() const
{
    // The objects and the two areas: never the overlays or the hint, whose
    // size follows the scene's (counting them made the scene grow). Guests
    // sit in their host's lane or in the unplaced area: the containers
    // bound them.
    QRectF r = mLegend->sceneBoundingRect();
    for (const AreaItem *area : {mUnracked, mUnplaced}) {
        if (area->isVisible())
            r |= area->sceneBoundingRect();
    }
    for (const ModelItem *item : mItems) {
        if (item->kind() != ObjectKind::Guest && item->isVisible())
            r = r.united(item->mapRectToScene(QRectF(QPointF(0, 0), item->size())));
    }
    return r;
}

TopologyScene::Badge TopologyScene::badgeFor(const QString &id) const
{
    const auto it = mBadges.constFind(id);
    if (it == mBadges.constEnd())
        return {};
    return Badge{it->first + it->second, it->first > 0 ? Severity::Error : Severity::Warning};
}

void TopologyScene::countBadge(const Finding &f, int sign, QSet<QString> &touched)
{
    // A waived finding is accepted: no badge, no broken-group line.
    if (f.isWaived()) {
        for (const QString &id : f.subjects)
            touched.insert(id);
        return;
    }
    if (f.rule.startsWith(QLatin1String("redundancy-same-"))) {
        const QString key = f.rule + QLatin1Char('|') + f.subjects.join(QLatin1Char(',')) + QLatin1Char('|')
                          + f.message;
        if (sign > 0) {
            mBroken.insert(key, f);
            for (const QString &id : f.subjects)
                mBrokenBySubject.insert(id, key);
        } else if (mBroken.remove(key)) {
            for (const QString &id : f.subjects)
                mBrokenBySubject.remove(id, key);
        }
    }
    if (f.severity == Severity::Info)
        return;
    for (const QString &id : f.subjects) {
        auto &counts = mBadges[id];
        (f.severity == Severity::Error ? counts.first : counts.second) += sign;
        if (counts.first <= 0 && counts.second <= 0)
            mBadges.remove(id);
        touched.insert(id);
    }
}

QRectF TopologyScene::lineArea(const Finding &f) const
{
    QRectF r;
    for (const QString &id : f.subjects) {
        const ModelItem *item = mItems.value(id);
        if (item && item->kind() == ObjectKind::Guest && item->isVisible())
            r |= item->mapRectToScene(QRectF(QPointF(0, 0), item->size()));
        r |= mMovedFrom.value(id);
    }
    return r;
}

void TopologyScene::updateFindings(const FindingsDelta *delta)
{
    QSet<QString> touched;
    if (!delta || delta->reset) {
        for (auto it = mBadges.cbegin(); it != mBadges.cend(); ++it)
            touched.insert(it.key());
        mBadges.clear();
        mBroken.clear();
        mBrokenBySubject.clear();
        for (const Finding &f : mDocument->findings())
            countBadge(f, 1, touched);
        mGroupOverlay->update();
    } else {
        // Only what the delta names: its subjects' badges, its lines. A
        // finding replaced by one like it (a host's similar guests, with one
        // guest more) leaves most badges as they were: only the items whose
        // badge changed are repainted.
        QHash<QString, std::pair<int, int>> before; // id -> (errors, warnings) before the delta
        for (const QVector<Finding> *list : {&delta->removed, &delta->added}) {
            for (const Finding &f : *list) {
                for (const QString &id : f.subjects) {
                    if (!before.contains(id))
                        before.insert(id, mBadges.value(id));
                }
            }
        }
        for (const Finding &f : delta->removed) {
            if (f.rule.startsWith(QLatin1String("redundancy-same-")))
                repaintLine(lineArea(f));
            countBadge(f, -1, touched);
        }
        for (const Finding &f : delta->added) {
            countBadge(f, 1, touched);
            if (f.rule.startsWith(QLatin1String("redundancy-same-")))
                repaintLine(lineArea(f));
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const auto now = mBadges.value(it.key());
            if (now == it.value())
                touched.remove(it.key());
        }
    }
    for (const QString &id : std::as_const(touched)) {
        if (ModelItem *item = mItems.value(id))
            item->update(item->badgeArea());
    }
}

void TopologyScene::repaintLine(const QRectF &members)
{
    // The dashed arch rises above its members' chips (OverlayItem::paint).
    if (!members.isNull())
        mGroupOverlay->update(members.adjusted(-4, -40 - members.width() * 0.15, 4, 4));
}

QString TopologyScene::toolTipFor(const QString &id) const
{
    const TopologyIndex::Ref *ref = mDocument->index().find(id);
    if (!ref)
        return {};
    const Topology &t = mDocument->topology();
    QString tip;
    switch (ref->kind) {
    case ObjectKind::Circuit:
        tip = tr("Circuit %1\nDrag the plug onto a rack or host to feed it.").arg(t.circuits.at(ref->pos).name);
        break;
    case ObjectKind::Rack: {
        const Rack &r = t.racks.at(ref->pos);
        tip = tr("Rack %1, %2 U").arg(r.name).arg(r.units > 0 ? r.units : geometry::kDefaultRackUnits);
        break;
    }
    case ObjectKind::Host: {
        const Host &h = t.hosts.at(ref->pos);
        QStringList nics;
        for (const Nic &n : h.nics)
            nics << QStringLiteral("%1 (%2 Gbps)").arg(n.name).arg(n.gbps);
        tip = tr("%1\n%2 cores, %3 GB, %4\nNICs: %5")
                  .arg(h.name)
                  .arg(h.cores)
                  .arg(h.memoryGb)
                  .arg(h.cpuModel.isEmpty() ? tr("CPU model not given") : h.cpuModel,
                       nics.isEmpty() ? tr("none") : nics.join(QStringLiteral(", ")));
        QStringList hidden;
        for (const QString &guest : mOverflow.value(id))
            hidden << mDocument->index().nameOf(t, guest);
        if (!hidden.isEmpty())
            tip += tr("\nAlso runs: %1 (click \"+%2\" to pick one)")
                       .arg(hidden.join(QStringLiteral(", ")))
                       .arg(hidden.size());
        break;
    }
    case ObjectKind::Guest: {
        const Guest &g = t.guests.at(ref->pos);
        const Product *product = Catalog::builtin().product(g.product);
        tip = tr("%1 (%2)\n%3 vCPU, %4 GB%5%6")
                  .arg(g.name, product ? product->name : g.product)
                  .arg(g.vcpu)
                  .arg(g.memoryGb)
                  .arg(g.ft ? tr(", Fault Tolerance") : QString(),
                       g.mac == MacMode::Static ? tr(", static MAC") : QString());
        break;
    }
    default: break;
    }
    QStringList lines;
    for (const Finding &f : mDocument->findings()) {
        if (f.subjects.contains(id) && f.waived)
            lines << tr("• %1 (waived: %2): %3").arg(severityName(f.severity), *f.waived, f.message);
        else if (f.subjects.contains(id))
            lines << QStringLiteral("• %1: %2").arg(severityName(f.severity), f.message);
    }
    if (!lines.isEmpty())
        tip += QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    return masked(tip);
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    ModelItem *item = modelItemAt(event->scenePos());
    QVector<Finding> findings;
    if (item) {
        // What its badge counts, and what was waived about it.
        for (const Finding &f : mDocument->findings()) {
            if (f.subjects.contains(item->id()) && (f.severity != Severity::Info || f.isWaived())
                && !WaiverActions::isUnusedWaiver(f))
                findings.append(f);
        }
    }
    QWidget *parent = event->widget();
    QMenu menu(parent);
    menu.setObjectName(QStringLiteral("canvasMenu"));
    const WaiverActions actions(mDocument, mUndoStack); // outlives the menu's actions
    if (findings.isEmpty() || actions.addTo(&menu, findings, parent) == 0) {
        event->ignore();
        return;
    }
    event->accept();
    menu.exec(event->screenPos());
}

void TopologyScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    ModelItem *item = modelItemAt(event->scenePos());
    const QString text = item ? toolTipFor(item->id()) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

TopologyScene::GroupLook TopologyScene::groupLookFor(const QString &guestId) const
{
    const int pos = mDocument->index().guest(GuestId(guestId));
    return pos < 0 ? GroupLook() : groupLookAt(pos);
}

TopologyScene::GroupLook TopologyScene::groupLookAt(int guestPos) const
{
    // The last pair it is in, else the first pool (document order).
    const Topology &t = mDocument->topology();
    int chosen = -1;
    bool pair = false;
    for (int gp : mDocument->index().groupsOfGuest(guestPos)) {
        const bool switchover = t.groups.at(gp).kind == GroupKind::Switchover;
        const bool better = switchover ? !pair || gp > chosen : !pair && (chosen < 0 || gp < chosen);
        if (better) {
            chosen = gp;
            pair = switchover;
        }
    }
    if (chosen < 0)
        return {};
    GroupLook look{Theme::groupColor(mGroupColors.slot(t.groups.at(chosen).id)), QString()};
    if (pair)
        look.marker = t.groups.at(chosen).members.lastIndexOf(t.guests.at(guestPos).id) == 0 ? tr("P", "primary")
                                                                                             : tr("B", "backup");
    return look;
}

void TopologyScene::updateGroupLooks()
{
    // A group added, removed or edited changes its members' looks (the
    // other groups keep their colours: GroupColors): repaint the chips whose
    // look is no longer the one they painted.
    for (ModelItem *item : std::as_const(mItems)) {
        if (item->kind() == ObjectKind::Guest && static_cast<GuestItem *>(item)->groupLookChanged())
            item->update();
    }
}

void TopologyScene::itemMoved()
{
    if (!mSyncing) {
        mContent = computeContentRect();
        mOverlay->update();
        mGroupOverlay->update();
    }
}

void TopologyScene::commitMovedItems()
{
    const Topology &t = mDocument->topology();
    QHash<QString, QPointF> positions;
    for (const LayoutEntry &e : t.layout)
        positions.insert(e.id, QPointF(e.x, e.y));
    ChangeBuilder build(t, mDocument->index());
    QVector<Change> changes;
    for (ModelItem *item : std::as_const(mItems)) {
        if (item->kind() != ObjectKind::Rack && item->kind() != ObjectKind::Circuit)
            continue;
        const auto it = positions.constFind(item->id());
        if (it != positions.constEnd() && it.value() == item->pos())
            continue;
        if (it == positions.constEnd() && !item->isSelected())
            continue; // never placed and not dragged: keep the default grid
        changes.append(build.setPosition(item->id(), item->pos().x(), item->pos().y()));
    }
    if (changes.isEmpty())
        return;
    mUndoStack->push(new MovePositionCommand(mDocument, merged(changes, tr("Move"))));
}

void TopologyScene::requestRename(const QString &id)
{
    emit renameRequested(id);
}

// ---------------------------------------------------------------- drag and drop

void TopologyScene::startMoveDrag(QWidget *source)
{
    QStringList guests;
    QStringList hosts;
    for (const QString &id : std::as_const(mSelection)) {
        const TopologyIndex::Ref *ref = mDocument->index().find(id); // hidden guests have no item
        if (ref && ref->kind == ObjectKind::Guest)
            guests << id;
        else if (ref && ref->kind == ObjectKind::Host)
            hosts << id;
    }
    if (!guests.isEmpty())
        startGuestsDrag(guests, source);
    else if (!hosts.isEmpty())
        execMoveDrag(QStringLiteral("hosts:") + hosts.join(QLatin1Char(',')), hosts.first(), source);
}

void TopologyScene::startGuestsDrag(const QStringList &guestIds, QWidget *source)
{
    if (!guestIds.isEmpty())
        execMoveDrag(QStringLiteral("guests:") + guestIds.join(QLatin1Char(',')), guestIds.first(), source);
}

void TopologyScene::execMoveDrag(const QString &payload, const QString &firstId, QWidget *source)
{
    auto *data = new QMimeData;
    data->setData(mime::moveObjects(), payload.toUtf8());
    auto *drag = new QDrag(source);
    drag->setMimeData(data);
    const ModelItem *first = mItems.value(firstId);
    QPixmap pixmap(QSize(static_cast<int>(geometry::kChipWidth), static_cast<int>(geometry::kChipHeight)));
    pixmap.fill(Qt::transparent);
    if (first) {
        QPainter p(&pixmap);
        p.setOpacity(0.85);
        QStyleOptionGraphicsItem option;
        const_cast<ModelItem *>(first)->paint(&p, &option, nullptr);
    }
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(20, 14));
    mLastRefusal.clear();
    drag->exec(Qt::MoveAction); // a refused drop says why itself (drop())
    mLastRefusal.clear();
    clearDropCues();
}

void TopologyScene::startFeedDrag(const QString &circuitId, QWidget *source)
{
    auto *data = new QMimeData;
    data->setData(mime::feed(), circuitId.toUtf8());
    auto *drag = new QDrag(source);
    drag->setMimeData(data);
    drag->setPixmap(Theme::icon(QStringLiteral("circuit")).pixmap(24, 24));
    mLastRefusal.clear();
    drag->exec(Qt::LinkAction);
    mLastRefusal.clear();
    clearDropCues();
}

ModelItem *TopologyScene::modelItemAt(const QPointF &scenePos, bool skipGuests) const
{
    const auto list = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : list) {
        auto *model = dynamic_cast<ModelItem *>(item);
        if (!model || !model->isVisible())
            continue;
        if (!model->mapRectToScene(QRectF(QPointF(0, 0), model->size())).contains(scenePos))
            continue;
        if (skipGuests && model->kind() == ObjectKind::Guest)
            continue;
        return model;
    }
    return nullptr;
}

AreaItem *TopologyScene::areaAt(const QPointF &scenePos) const
{
    for (AreaItem *area : {mUnracked, mUnplaced}) {
        if (area->sceneBoundingRect().contains(scenePos))
            return area;
    }
    return nullptr;
}

TopologyScene::DropPlan TopologyScene::planDrop(const QMimeData *data, const QPointF &scenePos)
{
    DropPlan plan;
    if (data->hasFormat(mime::newObject()))
        planNew(QString::fromUtf8(data->data(mime::newObject())), scenePos, plan);
    else if (data->hasFormat(mime::moveObjects()))
        planMove(QString::fromUtf8(data->data(mime::moveObjects())), scenePos, plan);
    else if (data->hasFormat(mime::feed()))
        planFeed(QString::fromUtf8(data->data(mime::feed())), scenePos, plan);
    else
        plan.reason = tr("nothing Topology Designer can place");
    if (plan.ok && (plan.verb == DropPlan::Verb::MoveGuests || plan.verb == DropPlan::Verb::Add)) {
        // What would the drop cause? Ask the validator, read-only.
        const QString key = QString::fromUtf8(data->data(mime::moveObjects()) + data->data(mime::newObject()))
                          + QLatin1Char('|') + plan.targetId;
        if (mPreviewCache.contains(key) && !plan.targetId.isEmpty()) {
            plan.worst = mPreviewCache.value(key);
            plan.firstMessage = mPreviewMessages.value(key);
            plan.newFindings = plan.worst != Severity::Info;
        } else {
            const QVector<Finding> added = mDocument->preview(plan.change);
            plan.worst = Severity::Info;
            for (const Finding &f : added) {
                if (f.severity != Severity::Info) {
                    plan.newFindings = true;
                    if (plan.firstMessage.isEmpty() || f.severity < plan.worst)
                        plan.firstMessage = f.message;
                    plan.worst = std::min(plan.worst, f.severity);
                }
            }
            if (!plan.newFindings)
                plan.worst = Severity::Info;
            mPreviewCache.insert(key, plan.worst);
            mPreviewMessages.insert(key, plan.firstMessage);
        }
    }
    return plan;
}

void TopologyScene::planNew(const QString &what, const QPointF &scenePos, DropPlan &plan)
{
    const Topology &t = mDocument->topology();
    ChangeBuilder build(t, mDocument->index());
    ModelItem *target = modelItemAt(scenePos, true);
    AreaItem *area = areaAt(scenePos);
    plan.verb = DropPlan::Verb::Add;
    if (what.startsWith(QLatin1String("guest:"))) {
        const Product *product = Catalog::builtin().product(what.mid(6));
        if (!product) {
            plan.reason = tr("unknown product");
            return;
        }
        NameAllocator names(t, mDocument->index());
        Guest g = build.newGuest(*product, names);
        if (target && target->kind() == ObjectKind::Host) {
            g.host = HostId(target->id());
            plan.targetId = target->id();
        } else if (!(area && area->kind() == AreaItem::Kind::UnplacedGuests) && target) {
            plan.reason = tr("drop a guest onto a host, or onto the unplaced guests area");
            return;
        }
        plan.change = build.add(g, tr("Add %1").arg(product->name));
        plan.newIds = {g.id.str()};
        plan.ok = true;
        return;
    }
    if (what == QLatin1String("host")) {
        target = rackUnder(target);
        NameAllocator names(t, mDocument->index());
        Host h = build.newHost(names);
        if (target && target->kind() == ObjectKind::Rack) {
            auto *rack = static_cast<RackItem *>(target);
            const int top = rack->unitAt(scenePos.y());
            QString taken;
            if (top <= 0 || !build.unitsFree(RackId(rack->id()), top - h.heightU + 1, h.heightU, {}, &taken)) {
                plan.reason = top <= 0 ? tr("drop the host on the rack's units") : taken;
                return;
            }
            h.rack = RackId(rack->id());
            h.unit = top - h.heightU + 1;
            plan.targetId = rack->id();
            plan.rackLowestUnit = h.unit;
            plan.rackHeight = h.heightU;
        } else if (target && !(area && area->kind() == AreaItem::Kind::UnrackedHosts)) {
            plan.reason = tr("drop a host into a rack unit, or onto the unracked hosts area");
            return;
        }
        plan.change = build.add(h, tr("Add Host"));
        plan.newIds = {h.id.str()};
        plan.ok = true;
        return;
    }
    if (what == QLatin1String("nic")) {
        if (!target || target->kind() != ObjectKind::Host) {
            plan.reason = tr("drop a NIC onto a host");
            return;
        }
        plan.change = build.addNic(HostId(target->id()));
        plan.targetId = target->id();
        plan.newIds = {target->id()}; // the host stays selected: the inspector shows its new NIC
        plan.verb = DropPlan::Verb::Feed;
        plan.ok = true;
        return;
    }
    if (what == QLatin1String("rack") || what == QLatin1String("circuit")) {
        const bool rack = what == QLatin1String("rack");
        if (rack && (target || area)) {
            plan.reason = tr("drop a rack onto empty canvas");
            plan.targetId = target ? target->id() : QString();
            return;
        }
        Object object;
        QString id;
        if (rack) {
            NameAllocator names(t, mDocument->index());
            const Rack r = build.newRack(names);
            id = r.id.str();
            object = r;
        } else {
            NameAllocator names(t, mDocument->index());
            const Circuit c = build.newCircuit(names);
            id = c.id.str();
            object = c;
        }
        plan.change = build.add(object, rack ? tr("Add Rack") : tr("Add Circuit"));
        const QPointF at(qRound(scenePos.x() / 10) * 10.0, qRound(scenePos.y() / 10) * 10.0);
        plan.change.layout += build.setPosition(id, at.x(), at.y()).layout;
        if (!rack && target && (target->kind() == ObjectKind::Rack || target->kind() == ObjectKind::Host)) {
            // A circuit dropped on a rack or host also feeds it.
            if (target->kind() == ObjectKind::Rack) {
                Rack r = t.racks.at(mDocument->index().rack(RackId(target->id())));
                r.circuits.append(CircuitId(id));
                plan.change.edits += build.replace(r, QString()).edits;
            } else {
                Host h = t.hosts.at(mDocument->index().host(HostId(target->id())));
                h.power.append(CircuitId(id));
                plan.change.edits += build.replace(h, QString()).edits;
            }
            plan.change.layout.last().after->y = 0;
            plan.targetId = target->id();
        } else if (!rack && (target || area)) {
            plan.reason = tr("drop a circuit onto empty canvas, or onto a rack or host to feed it");
            return;
        }
        plan.newIds = {id};
        plan.ok = true;
        return;
    }
    plan.reason = tr("unknown object");
}

ModelItem *TopologyScene::rackUnder(ModelItem *target) const
{
    // A racked host fills its units: dropping a host on it means its rack
    // (and the rack says the units are taken), not "not a rack".
    if (!target || target->kind() != ObjectKind::Host)
        return target;
    const int pos = mDocument->index().host(HostId(target->id()));
    if (pos < 0 || mDocument->topology().hosts.at(pos).rack.isNull())
        return target;
    ModelItem *rack = mItems.value(mDocument->topology().hosts.at(pos).rack.str());
    return rack ? rack : target;
}

void TopologyScene::planMove(const QString &what, const QPointF &scenePos, DropPlan &plan)
{
    const Topology &t = mDocument->topology();
    ChangeBuilder build(t, mDocument->index());
    const QStringList ids = what.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    ModelItem *target = modelItemAt(scenePos, true);
    AreaItem *area = areaAt(scenePos);
    if (what.startsWith(QLatin1String("guests:"))) {
        plan.verb = DropPlan::Verb::MoveGuests;
        HostId host;
        if (target && target->kind() == ObjectKind::Host) {
            host = HostId(target->id());
            plan.targetId = target->id();
        } else if (!(area && area->kind() == AreaItem::Kind::UnplacedGuests && !target)) {
            plan.reason = tr("drop guests onto a host, or onto the unplaced guests area");
            return;
        }
        QVector<Change> changes;
        for (const QString &id : ids)
            changes.append(build.moveGuest(GuestId(id), host));
        plan.change = merged(changes, ids.size() == 1 ? tr("Move Guest") : tr("Move %1 Guests").arg(ids.size()));
        plan.newIds = ids;
        plan.ok = true;
        return;
    }
    if (what.startsWith(QLatin1String("hosts:"))) {
        plan.verb = DropPlan::Verb::MoveHosts;
        target = rackUnder(target);
        if (target && target->kind() == ObjectKind::Rack) {
            auto *rack = static_cast<RackItem *>(target);
            const int top = rack->unitAt(scenePos.y());
            if (top <= 0) {
                plan.reason = tr("drop hosts on the rack's units");
                return;
            }
            QString taken;
            plan.change = build.placeHosts(ids, RackId(rack->id()), top, &taken, &plan.rackLowestUnit,
                                           &plan.rackHeight);
            if (plan.change.isEmpty() && !taken.isEmpty()) {
                plan.reason = taken;
                return;
            }
            plan.targetId = rack->id();
        } else if (area && area->kind() == AreaItem::Kind::UnrackedHosts && !target) {
            plan.change = build.unrackHosts(ids);
        } else {
            plan.reason = tr("drop hosts into a rack unit, or onto the unracked hosts area");
            return;
        }
        plan.newIds = ids;
        plan.ok = true;
        return;
    }
    plan.reason = tr("unknown objects");
}

void TopologyScene::planFeed(const QString &circuitId, const QPointF &scenePos, DropPlan &plan)
{
    const Topology &t = mDocument->topology();
    ChangeBuilder build(t, mDocument->index());
    ModelItem *target = modelItemAt(scenePos, true);
    plan.verb = DropPlan::Verb::Feed;
    if (!target || (target->kind() != ObjectKind::Rack && target->kind() != ObjectKind::Host)) {
        plan.reason = tr("drop the plug onto a rack or a host to feed it");
        return;
    }
    plan.change = build.feed(CircuitId(circuitId), target->id(), &plan.reason);
    if (plan.change.isEmpty())
        return;
    plan.targetId = target->id();
    plan.ok = true;
}

TopologyScene::DropPlan TopologyScene::drop(const QMimeData *data, const QPointF &scenePos)
{
    DropPlan plan = planDrop(data, scenePos);
    clearDropCues();
    if (!plan.ok) {
        mLastRefusal = plan.reason; // said once: see takeRefusal()
        emit dropRefused(plan.reason);
        return plan;
    }
    if (plan.change.isEmpty())
        return plan;
    QUndoCommand *command = nullptr;
    switch (plan.verb) {
    case DropPlan::Verb::Add: command = new AddObjectsCommand(mDocument, plan.change); break;
    case DropPlan::Verb::MoveGuests: command = new MoveGuestsCommand(mDocument, plan.change); break;
    case DropPlan::Verb::MoveHosts: command = new MoveHostsCommand(mDocument, plan.change); break;
    case DropPlan::Verb::Feed: command = new AddObjectsCommand(mDocument, plan.change); break;
    }
    mUndoStack->push(command);
    selectIds(plan.newIds);
    emit dropDone(plan.newIds);
    return plan;
}

void TopologyScene::clearDropCues()
{
    if (mDropTarget)
        mDropTarget->setDropTint(QColor());
    if (mDropRack)
        mDropRack->setDropUnits(0, 0, QColor());
    mDropTarget = nullptr;
    mDropRack = nullptr;
    mUnracked->setDropTint(QColor());
    mUnplaced->setDropTint(QColor());
    mHintBox->setVisible(false);
}

void TopologyScene::showDropCues(const DropPlan &plan, const QPointF &scenePos)
{
    clearDropCues();
    const QColor tint = plan.ok ? tintFor(plan.worst, plan.newFindings) : Theme::dropError();
    ModelItem *target = plan.targetId.isEmpty() ? nullptr : mItems.value(plan.targetId);
    if (plan.rackLowestUnit > 0 && target && target->kind() == ObjectKind::Rack) {
        mDropRack = static_cast<RackItem *>(target);
        mDropRack->setDropUnits(plan.rackLowestUnit, plan.rackHeight, tint);
    } else if (target) {
        mDropTarget = target;
        target->setDropTint(tint);
    } else if (plan.ok) {
        if (AreaItem *area = areaAt(scenePos))
            area->setDropTint(tint);
    }
    QString text;
    if (!plan.ok)
        text = tr("Cannot drop here: %1").arg(plan.reason);
    else if (plan.newFindings)
        text = (plan.worst == Severity::Error ? tr("New error: %1") : tr("New warning: %1")).arg(plan.firstMessage);
    if (!text.isEmpty()) {
        // The whole text, wrapped at about 60 characters (never cut short).
        QString wrapped;
        int lineLength = 0;
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (lineLength > 0 && lineLength + 1 + word.size() > 60) {
                wrapped += QLatin1Char('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                wrapped += QLatin1Char(' ');
                ++lineLength;
            }
            wrapped += word;
            lineLength += int(word.size());
        }
        mHint->setText(wrapped);
        const QRectF r = mHint->boundingRect();
        mHintBox->setPos(scenePos);
        // View pixels below the cursor, clear of the drag image (the
        // palette's 28 px icon sits 6 px right of and below the cursor, a
        // chip around it); moved left (or above the cursor) where the view
        // would cut it off.
        QPointF at(12, 40);
        const QSizeF box(r.width() + 12, r.height() + 8);
        if (!views().isEmpty()) {
            const QGraphicsView *view = views().constFirst();
            const QPoint cursor = view->mapFromScene(scenePos);
            const QSize room = view->viewport()->size();
            at.setX(std::max<qreal>(std::min<qreal>(at.x(), room.width() - cursor.x() - box.width() - 2), -cursor.x()));
            if (cursor.y() + at.y() + box.height() > room.height())
                at.setY(std::max<qreal>(-box.height() - 6, -cursor.y()));
        }
        mHint->setPos(at + QPointF(6, 4));
        mHintBox->setRect(QRectF(at, box));
        mHintBox->setBrush(plan.ok ? QColor(0x33, 0x33, 0x33, 230) : QColor(0xb7, 0x1c, 0x1c, 235));
        mHintBox->setVisible(true);
    }
}

void TopologyScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasFormat(mime::newObject()) || data->hasFormat(mime::moveObjects()) || data->hasFormat(mime::feed())) {
        mPreviewCache.clear();
        mPreviewMessages.clear();
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void TopologyScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    const DropPlan plan = planDrop(event->mimeData(), event->scenePos());
    showDropCues(plan, event->scenePos());
    mLastRefusal = plan.ok ? QString() : plan.reason;
    if (plan.ok) {
        event->setDropAction(event->proposedAction());
        event->accept();
    } else {
        event->ignore();
    }
}

QString TopologyScene::takeRefusal()
{
    return std::exchange(mLastRefusal, QString());
}

void TopologyScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    clearDropCues();
    mLastRefusal.clear();
    event->accept();
}

void TopologyScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const DropPlan plan = drop(event->mimeData(), event->scenePos());
    if (plan.ok) {
        event->setDropAction(event->proposedAction());
        event->accept();
    } else {
        event->ignore();
    }
}

void TopologyScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, Theme::canvas());
    // A light dot grid helps placing racks.
    // Zoomed out (dots closer than 10 px) it is noise, and thousands of
    // points cost a good part of a full repaint: none then. Else one batch.
    const qreal step = 40;
    if (step * painter->worldTransform().m11() < 10)
        return;
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    if (rect.width() / step * rect.height() / step > 40000)
        return;
    QPolygonF dots;
    dots.reserve(static_cast<qsizetype>((rect.width() / step + 1) * (rect.height() / step + 1)));
    for (qreal x = left; x < rect.right(); x += step) {
        for (qreal y = top; y < rect.bottom(); y += step)
            dots << QPointF(x, y);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(Theme::rackFrame().lighter(Theme::dark() ? 60 : 170), 1.2));
    painter->drawPoints(dots);
    painter->restore();
}

} // namespace td
