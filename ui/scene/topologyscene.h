#pragma once

#include "analysis/genericlabels.h"
#include "change.h"
#include "model/groupcolor.h"
#include "rules/finding.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <optional>

class QMimeData;
class QUndoStack;
class QUndoCommand;

namespace td {

class AreaItem;
class Document;
class HostItem;
class LegendItem;
class ModelItem;
class OverflowList;
class OverlayItem;
class RackItem;
struct FindingsDelta;

// The canvas: one thin item per model object, kept in step with the
// document (items hold ids, never model data). It turns drops into undo
// commands and shows, while dragging, what a drop would cause.
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    TopologyScene(Document *document, QUndoStack *undoStack, QObject *parent = nullptr);
    ~TopologyScene() override;

    Document *document() const { return mDocument; }
    QUndoStack *undoStack() const { return mUndoStack; }

    // Findings badge of an object: how many findings name it, and the worst.
    struct Badge
    {
        int count = 0;
        Severity worst = Severity::Info;
    };
    Badge badgeFor(const QString &id) const;
    // How a guest shows its group: outline colour and "P"/"B" marker.
    struct GroupLook
    {
        QColor color;
        QString marker;
    };
    // Read from the index when asked (a guest in a pair and a pool shows the
    // pair): nothing to keep in step with every group edit.
    GroupLook groupLookFor(const QString &guestId) const;
    GroupLook groupLookAt(int guestPos) const;

    // The item of an object; a guest behind "+N" may have none.
    ModelItem *itemFor(const QString &id) const { return mItems.value(id); }
    // Every object's item (the minimap draws them as plain shapes).
    const QHash<QString, ModelItem *> &modelItems() const { return mItems; }
    AreaItem *unrackedArea() const { return mUnracked; }
    AreaItem *unplacedArea() const { return mUnplaced; }
    // Selected objects' ids, in the order they were selected (the first
    // selected guest becomes a pair's primary). The selection is kept as
    // ids: guests hidden behind a host's "+N" chip can be selected too.
    QStringList selectedIds() const { return mSelection; }
    bool isSelectedId(const QString &id) const { return mSelectedSet.contains(id); }
    void selectIds(const QStringList &ids);
    // Selects every object of the layout, hidden guests included.
    void selectAllObjects();
    // A host's guests that do not fit its lane (behind its "+N" chip).
    QStringList overflowOf(const QString &hostId) const;
    // Opens the list of a host's hidden guests at a screen point: click one
    // to select it, drag it to move it.
    void showOverflow(const QString &hostId, QWidget *viewport, const QPoint &screenPos);
    OverflowList *overflowList() const;
    // Starts dragging guests (a QDrag, like dragging their chips).
    void startGuestsDrag(const QStringList &guestIds, QWidget *source);
    // Broken-group findings (redundancy-same-*), drawn as dashed lines.
    const QHash<QString, Finding> &brokenGroups() const { return mBroken; }
    // Where an object is drawn (scene coordinates), for tests and navigation.
    QRectF sceneRectOf(const QString &id) const;
    // What the layout occupies: objects and areas, without overlays.
    QRectF contentRect() const { return mContent; }
    // The compact rack view: empty units collapsed, racks in a grid for a
    // 4:3 screen (saved positions kept but not used), chips' names large.
    bool isCompact() const { return mCompact; }
    void setCompact(bool compact);

    // Hide names (presentation): every name on the canvas, in tooltips and
    // in texts the window shows is replaced by its generic label
    // (GenericLabels: Host 1, CIC Server A, ...).
    bool hidesNames() const { return mHideNames; }
    // The colours the groups are drawn in (the reports take them too).
    const GroupColors &groupColors() const { return mGroupColors; }
    void setHideNames(bool hide);
    // The name to show for an object (its label while names are hidden).
    QString displayName(const QString &id, const QString &name) const;
    // The same for tight spots (chips): the short label when hidden.
    QString shortDisplayName(const QString &id, const QString &name) const;
    // text with the real names replaced while names are hidden.
    QString masked(const QString &text) const;
    // The labels of the current document.
    const GenericLabels &labels() const;

    // The tooltip of an object: what it is, and its findings.
    QString toolTipFor(const QString &id) const;

    // What dropping this data at a scene point would do.
    struct DropPlan
    {
        bool ok = false;
        QString reason; // why not, when !ok
        Change change;  // what it does, when ok
        enum class Verb { Add, MoveGuests, MoveHosts, Feed } verb = Verb::Add;
        QString targetId;                // the host/rack/circuit dropped on
        Severity worst = Severity::Info; // worst new finding (guest drops)
        QString firstMessage;            // the worst new finding's message
        bool newFindings = false;
        int rackLowestUnit = 0; // a host drop into a rack
        int rackHeight = 0;
        QStringList newIds;
    };
    DropPlan planDrop(const QMimeData *data, const QPointF &scenePos);
    // Performs a drop (one undo step); returns what it did.
    DropPlan drop(const QMimeData *data, const QPointF &scenePos);

    // Called by items.
    void startMoveDrag(QWidget *source);
    void startFeedDrag(const QString &circuitId, QWidget *source);
    void itemMoved();
    void commitMovedItems();
    void requestRename(const QString &id);
    // Why the last drop was refused (dropRefused said it), once; empty when
    // the last drag ended elsewhere.
    QString takeRefusal();

signals:
    void renameRequested(const QString &id);
    // Before an edit grows the scene rect: views keep what they show.
    void sceneRectAboutToChange();
    void dropRefused(const QString &reason);
    void dropDone(const QStringList &ids);
    void compactChanged(bool compact);
    void hideNamesChanged(bool hide);

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;
    // Right-click on an object with findings (its badge): waive or unwaive them.
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void sync(const Change *change);
    void syncAll();
    ModelItem *ensureItem(ObjectKind kind, const QString &id);
    void deleteItem(const QString &id, QStringList *orphans);
    void layoutFrame();
    void layoutHosts();
    void layoutLane(int hostPos);
    void layoutUnplaced();
    void placeGuest(ModelItem *item, QGraphicsItem *parent, bool visible, const QPointF &pos);
    void updateSceneRect(bool keepViews);
    void updateFindings(const FindingsDelta *delta);
    void countBadge(const Finding &f, int sign, QSet<QString> &touched);
    QRectF lineArea(const Finding &f) const;
    void repaintLine(const QRectF &members);
    void updateGroupLooks();
    void onItemSelectionChanged();
    void execMoveDrag(const QString &payload, const QString &firstId, QWidget *source);
    void setSelection(const QStringList &ids);
    void showSelectionOnItems(bool announce = true);
    void clearDropCues();
    void showDropCues(const DropPlan &plan, const QPointF &scenePos);
    ModelItem *modelItemAt(const QPointF &scenePos, bool skipGuests = false) const;
    AreaItem *areaAt(const QPointF &scenePos) const;
    ModelItem *rackUnder(ModelItem *target) const;
    void planNew(const QString &what, const QPointF &scenePos, DropPlan &plan);
    void planMove(const QString &what, const QPointF &scenePos, DropPlan &plan);
    void planFeed(const QString &circuitId, const QPointF &scenePos, DropPlan &plan);

    Document *mDocument;
    QUndoStack *mUndoStack;
    QHash<QString, ModelItem *> mItems;
    AreaItem *mUnracked = nullptr;
    AreaItem *mUnplaced = nullptr;
    OverlayItem *mOverlay = nullptr;
    OverlayItem *mGroupOverlay = nullptr;
    LegendItem *mLegend = nullptr;
    QGraphicsSimpleTextItem *mHint = nullptr;
    QGraphicsRectItem *mHintBox = nullptr;
    QHash<QString, std::pair<int, int>> mBadges;   // id -> (errors, warnings)
    QHash<QString, Finding> mBroken;               // broken-group findings by key
    QMultiHash<QString, QString> mBrokenBySubject; // guest id -> keys of mBroken
    QHash<QString, QRectF> mMovedFrom;             // guests moved by the last sync: old scene rect
    QHash<QString, QStringList> mOverflow;         // host id -> hidden guest ids
    QRectF computeContentRect() const;

    QHash<QString, Severity> mPreviewCache; // "data|target" -> worst
    QHash<QString, QString> mPreviewMessages;
    QString mLastRefusal; // why the last drag position was refused
    QRectF mContent;
    QRectF mSceneArea; // the scene rect last set (updateSceneRect)
    QPointer<RackItem> mDropRack;
    QPointer<ModelItem> mDropTarget;
    bool mSyncing = false;
    bool mCompact = false;
    bool mHideNames = false;
    GroupColors mGroupColors;
    mutable std::optional<GenericLabels> mLabels; // built on first use after a change
    bool mSelectingItems = false;
    QStringList mSelection; // ids, in selection order
    QSet<QString> mSelectedSet;
    QPointer<OverflowList> mOverflowList;
};

} // namespace td
