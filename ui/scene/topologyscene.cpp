#include "scene/topologyscene.h"

#include "catalog/catalog.h"
#include "changebuilder.h"
#include "nameallocator.h"
#include "commands/changecommand.h"
#include "document.h"
#include "scene/geometry.h"
#include "scene/guestitem.h"
#include "scene/hostitem.h"
#include "scene/legenditem.h"
#include "scene/mime.h"
#include "scene/overlayitem.h"
#include "scene/rackitem.h"
#include "theme.h"

#include <QDrag>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QWidget>
#include <QGraphicsSceneHelpEvent>
#include <QToolTip>
#include <QUndoStack>

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

    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        QStringList now;
        for (QGraphicsItem *item : selectedItems())
            now << item->data(0).toString();
        mSelectionOrder.erase(std::remove_if(mSelectionOrder.begin(), mSelectionOrder.end(),
                                             [&](const QString &id) { return !now.contains(id); }),
                              mSelectionOrder.end());
        for (const QString &id : now) {
            if (!mSelectionOrder.contains(id))
                mSelectionOrder << id;
        }
    });
    connect(document, &Document::resetDone, this, [this] {
        sync(nullptr);
        updateFindings();
    });
    connect(document, &Document::changed, this, [this](const Change &change) { sync(&change); });
    connect(document, &Document::findingsChanged, this, [this] { updateFindings(); });
    sync(nullptr);
    updateFindings();
}

TopologyScene::~TopologyScene() = default;

QStringList TopologyScene::selectedIds() const
{
    QStringList ids;
    const auto items = selectedItems();
    for (QGraphicsItem *item : items) {
        const QString id = item->data(0).toString();
        if (!id.isEmpty())
            ids << id;
    }
    // Selection order first, then anything selected behind its back.
    QStringList ordered;
    for (const QString &id : mSelectionOrder) {
        if (ids.contains(id))
            ordered << id;
    }
    for (const QString &id : ids) {
        if (!ordered.contains(id))
            ordered << id;
    }
    return ordered;
}

void TopologyScene::selectIds(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (ModelItem *item = mItems.value(id)) {
            if (item->isVisible())
                item->setSelected(true);
        }
    }
}

QRectF TopologyScene::sceneRectOf(const QString &id) const
{
    const ModelItem *item = mItems.value(id);
    if (!item)
        return {};
    return item->mapRectToScene(QRectF(QPointF(0, 0), item->size()));
}

// ---------------------------------------------------------------- sync

void TopologyScene::sync(const Change *change)
{
    mSyncing = true;
    // Repaint what the change names (everything after a reset); positions
    // of the rest are set again, which costs nothing when they stay.
    QSet<QString> changed;
    if (change) {
        for (const ObjectEdit &e : change->edits)
            changed.insert(e.id());
    }
    auto touch = [&](ModelItem *item) {
        if (!change || changed.contains(item->id()))
            item->update();
    };
    const Topology &t = mDocument->topology();
    const TopologyIndex &index = mDocument->index();
    QSet<QString> alive;
    auto item = [&](ObjectKind kind, const QString &id, auto make) -> ModelItem * {
        alive.insert(id);
        ModelItem *it = mItems.value(id);
        if (!it || it->kind() != kind) {
            delete it;
            it = make();
            mItems.insert(id, it);
            addItem(it);
        }
        return it;
    };
    QHash<QString, QPointF> positions;
    for (const LayoutEntry &e : t.layout)
        positions.insert(e.id, QPointF(e.x, e.y));

    // Circuits along the top.
    for (int i = 0; i < t.circuits.size(); ++i) {
        const QString id = t.circuits.at(i).id.str();
        ModelItem *it = item(ObjectKind::Circuit, id, [&] { return new CircuitItem(id); });
        it->setPos(positions.value(id, QPointF(i * (geometry::kCircuitWidth + geometry::kCircuitGap), 0)));
        touch(it);
    }
    // Racks in a grid unless placed.
    qreal racksBottom = geometry::kRacksTop;
    qreal racksRight = 0;
    for (int i = 0; i < t.racks.size(); ++i) {
        const Rack &rack = t.racks.at(i);
        const QString id = rack.id.str();
        auto *it = static_cast<RackItem *>(item(ObjectKind::Rack, id, [&] { return new RackItem(id); }));
        it->setUnits(rack.units > 0 ? rack.units : geometry::kDefaultRackUnits);
        const qreal rowHeight = geometry::kRackHeader + geometry::kDefaultRackUnits * geometry::kUnitHeight + 120;
        const QPointF fallback((i % geometry::kRacksPerRow) * (geometry::kRackWidth + geometry::kRackGap),
                               geometry::kRacksTop + (i / geometry::kRacksPerRow) * rowHeight);
        it->setPos(positions.value(id, fallback));
        touch(it);
        racksBottom = std::max(racksBottom, it->y() + it->size().height());
        racksRight = std::max(racksRight, it->x() + it->size().width());
    }
    // The legend right of the racks.
    mLegend->refresh();
    mLegend->setPos(std::max<qreal>(racksRight, geometry::kRackWidth) + 60, geometry::kRacksTop);
    // Areas below the racks.
    const qreal areaTop = racksBottom + 80;
    mUnracked->setPos(0, areaTop);
    mUnplaced->setPos(geometry::kHostWidth + 40 + 80, areaTop);

    // Hosts: in their rack at their unit, else in the unracked area.
    qreal unrackedY = geometry::kAreaHeader;
    for (int i = 0; i < t.hosts.size(); ++i) {
        const Host &h = t.hosts.at(i);
        const QString id = h.id.str();
        auto *it = static_cast<HostItem *>(item(ObjectKind::Host, id, [&] { return new HostItem(id); }));
        const int rackPos = index.rack(h.rack);
        const qreal height = h.heightU * geometry::kUnitHeight;
        it->setSize(QSizeF(geometry::kHostWidth, height));
        if (rackPos >= 0 && h.unit > 0) {
            auto *rack = static_cast<RackItem *>(mItems.value(h.rack.str()));
            if (it->parentItem() != rack)
                it->setParentItem(rack);
            it->setPos(geometry::kUnitLabelWidth,
                       geometry::kRackHeader + (rack->units() - (h.unit + h.heightU - 1)) * geometry::kUnitHeight);
        } else {
            if (it->parentItem() != mUnracked)
                it->setParentItem(mUnracked);
            it->setPos(10, unrackedY);
            unrackedY += height + 6;
        }
        touch(it);
    }
    mUnracked->setSize(QSizeF(geometry::kHostWidth + 20, std::max<qreal>(unrackedY + 10, 120)));

    // Guests: chips in their host's lane, else in the unplaced area.
    QHash<QString, int> slotOnHost;
    QHash<QString, QStringList> overflow;
    int unplacedCount = 0;
    for (int i = 0; i < t.guests.size(); ++i) {
        const Guest &g = t.guests.at(i);
        const QString id = g.id.str();
        auto *it = static_cast<GuestItem *>(item(ObjectKind::Guest, id, [&] { return new GuestItem(id); }));
        const int hostPos = index.host(g.host);
        if (hostPos >= 0) {
            HostItem *host = static_cast<HostItem *>(mItems.value(g.host.str()));
            const int slot = slotOnHost.value(g.host.str());
            const int rows = std::max(1, t.hosts.at(hostPos).heightU);
            const int capacity = rows * geometry::kChipsPerRow;
            slotOnHost.insert(g.host.str(), slot + 1);
            if (it->parentItem() != host)
                it->setParentItem(host);
            // The last slot is the "+N" chip when there are more guests.
            const int guestsOnHost = static_cast<int>(index.guestsOnHost(hostPos).size());
            const bool overflows = guestsOnHost > capacity;
            if (overflows && slot >= capacity - 1) {
                it->setVisible(false);
                overflow[g.host.str()] << g.name;
                continue;
            }
            it->setVisible(true);
            const int row = slot / geometry::kChipsPerRow;
            const int col = slot % geometry::kChipsPerRow;
            it->setPos(geometry::kHostBarWidth + geometry::kChipGap + col * (geometry::kChipWidth + geometry::kChipGap),
                       (geometry::kUnitHeight - geometry::kChipHeight) / 2 + row * geometry::kUnitHeight);
        } else {
            if (it->parentItem() != mUnplaced)
                it->setParentItem(mUnplaced);
            it->setVisible(true);
            const int row = unplacedCount / geometry::kUnplacedPerRow;
            const int col = unplacedCount % geometry::kUnplacedPerRow;
            it->setPos(10 + col * (geometry::kChipWidth + geometry::kChipGap),
                       geometry::kAreaHeader + row * (geometry::kChipHeight + geometry::kChipGap));
            ++unplacedCount;
        }
        touch(it);
    }
    for (int i = 0; i < t.hosts.size(); ++i) {
        const QString id = t.hosts.at(i).id.str();
        static_cast<HostItem *>(mItems.value(id))->setOverflow(overflow.value(id));
    }
    const int unplacedRows = (unplacedCount + geometry::kUnplacedPerRow - 1) / geometry::kUnplacedPerRow;
    mUnplaced->setSize(QSizeF(10 + geometry::kUnplacedPerRow * (geometry::kChipWidth + geometry::kChipGap) + 6,
                              std::max<qreal>(geometry::kAreaHeader + unplacedRows * (geometry::kChipHeight + geometry::kChipGap) + 10,
                                              120)));

    // Remove items of objects that are gone (children first).
    for (auto it = mItems.begin(); it != mItems.end();) {
        if (!alive.contains(it.key()) && it.value()->kind() == ObjectKind::Guest) {
            delete it.value();
            it = mItems.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = mItems.begin(); it != mItems.end();) {
        if (!alive.contains(it.key())) {
            // Hosts of a deleted rack are re-parented above; guests too.
            for (QGraphicsItem *child : it.value()->childItems())
                child->setParentItem(nullptr);
            delete it.value();
            it = mItems.erase(it);
        } else {
            ++it;
        }
    }
    updateGroupLooks();
    mContent = computeContentRect();
    const QRectF area = mContent.adjusted(-200, -200, 400, 400);
    mOverlay->setArea(area);
    mGroupOverlay->setArea(area);
    setSceneRect(area);
    mPreviewCache.clear();
    mPreviewMessages.clear();
    mSyncing = false;
    update();
}

QRectF TopologyScene::computeContentRect() const
{
    // The objects and the two areas: never the overlays or the hint, whose
    // size follows the scene's (counting them made the scene grow).
    QRectF r = mUnracked->sceneBoundingRect().united(mUnplaced->sceneBoundingRect()).united(mLegend->sceneBoundingRect());
    for (const ModelItem *item : mItems) {
        if (item->isVisible())
            r = r.united(item->mapRectToScene(QRectF(QPointF(0, 0), item->size())));
    }
    return r;
}

void TopologyScene::updateFindings()
{
    QHash<QString, Badge> badges;
    for (const Finding &f : mDocument->findings()) {
        if (f.severity == Severity::Info)
            continue;
        for (const QString &id : f.subjects) {
            Badge &b = badges[id];
            b.worst = b.count == 0 ? f.severity : std::min(b.worst, f.severity);
            ++b.count;
        }
    }
    // Repaint only the items whose badge changed.
    auto differs = [](const Badge &a, const Badge &b) { return a.count != b.count || a.worst != b.worst; };
    for (auto it = badges.cbegin(); it != badges.cend(); ++it) {
        if (differs(it.value(), mBadges.value(it.key())))
            if (ModelItem *item = mItems.value(it.key()))
                item->update();
    }
    for (auto it = mBadges.cbegin(); it != mBadges.cend(); ++it) {
        if (!badges.contains(it.key()))
            if (ModelItem *item = mItems.value(it.key()))
                item->update();
    }
    mBadges = std::move(badges);
    mGroupOverlay->update();
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
        const auto *item = static_cast<const HostItem *>(mItems.value(id));
        if (item && !item->overflow().isEmpty())
            tip += tr("\nAlso runs: %1").arg(item->overflow().join(QStringLiteral(", ")));
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
        if (f.subjects.contains(id))
            lines << QStringLiteral("• %1: %2").arg(severityName(f.severity), f.message);
    }
    if (!lines.isEmpty())
        tip += QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    return tip;
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

void TopologyScene::updateGroupLooks()
{
    mGroupLooks.clear();
    const Topology &t = mDocument->topology();
    for (int i = 0; i < t.groups.size(); ++i) {
        const Group &g = t.groups.at(i);
        const QColor color = Theme::groupColor(i);
        for (int m = 0; m < g.members.size(); ++m) {
            GroupLook look{color, QString()};
            if (g.kind == GroupKind::Switchover)
                look.marker = m == 0 ? tr("P", "primary") : tr("B", "backup");
            // A guest in a pair and a pool shows the pair.
            if (!mGroupLooks.contains(g.members.at(m).str()) || g.kind == GroupKind::Switchover)
                mGroupLooks.insert(g.members.at(m).str(), look);
        }
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
    for (const QString &id : selectedIds()) {
        const ModelItem *item = mItems.value(id);
        if (item && item->kind() == ObjectKind::Guest)
            guests << id;
        else if (item && item->kind() == ObjectKind::Host)
            hosts << id;
    }
    if (guests.isEmpty() && hosts.isEmpty())
        return;
    auto *data = new QMimeData;
    const QString payload = guests.isEmpty() ? QStringLiteral("hosts:") + hosts.join(QLatin1Char(','))
                                             : QStringLiteral("guests:") + guests.join(QLatin1Char(','));
    data->setData(mime::moveObjects(), payload.toUtf8());
    auto *drag = new QDrag(source);
    drag->setMimeData(data);
    const ModelItem *first = mItems.value(guests.isEmpty() ? hosts.first() : guests.first());
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
    if (drag->exec(Qt::MoveAction) == Qt::IgnoreAction && !mLastRefusal.isEmpty())
        emit dropRefused(mLastRefusal);
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
    if (drag->exec(Qt::LinkAction) == Qt::IgnoreAction && !mLastRefusal.isEmpty())
        emit dropRefused(mLastRefusal);
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

Change TopologyScene::nudgeHosts(const QStringList &hostIds, int deltaUnits, QString *reason) const
{
    const Topology &t = mDocument->topology();
    ChangeBuilder build(t, mDocument->index());
    return build.nudgeHosts(hostIds, deltaUnits, reason);
}

TopologyScene::DropPlan TopologyScene::drop(const QMimeData *data, const QPointF &scenePos)
{
    DropPlan plan = planDrop(data, scenePos);
    clearDropCues();
    if (!plan.ok) {
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
        // View pixels below-right of the cursor, clear of the drag image; moved
        // left (or above the cursor) where the view would cut it off.
        QPointF at(18, 22);
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
    const qreal step = 40;
    painter->setPen(QPen(Theme::rackFrame().lighter(Theme::dark() ? 60 : 170), 1.2));
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    if (rect.width() / step * rect.height() / step > 40000)
        return;
    for (qreal x = left; x < rect.right(); x += step) {
        for (qreal y = top; y < rect.bottom(); y += step)
            painter->drawPoint(QPointF(x, y));
    }
}

} // namespace td
