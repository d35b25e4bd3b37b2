#include "scene/overflowlist.h"

#include "document.h"
#include "scene/mime.h"
#include "scene/topologyscene.h"
#include "theme.h"

#include <QGuiApplication>
#include <QMimeData>
#include <QScreen>

namespace td {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

OverflowList::OverflowList(TopologyScene *scene, const QString &hostId, QWidget *parent)
    : QListWidget(parent), mScene(scene), mHostId(hostId)
{
    setWindowFlags(Qt::Popup);
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("overflowList"));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setUniformItemSizes(true);
    const Document *doc = scene->document();
    const Topology &t = doc->topology();
    for (const QString &id : scene->overflowOf(hostId)) {
        const int pos = doc->index().guest(GuestId(id));
        if (pos < 0)
            continue;
        const Guest &g = t.guests.at(pos);
        auto *item = new QListWidgetItem(
            Theme::icon(g.product),
            tr("%1  (%2 vCPU, %3 GB)").arg(scene->displayName(id, g.name)).arg(g.vcpu).arg(g.memoryGb), this);
        item->setData(kIdRole, id);
        item->setToolTip(scene->toolTipFor(id));
        if (scene->isSelectedId(id))
            item->setSelected(true);
    }
    connect(this, &QListWidget::itemSelectionChanged, this, [this] {
        QStringList ids;
        for (QListWidgetItem *item : selectedItems())
            ids << item->data(kIdRole).toString();
        if (!ids.isEmpty())
            mScene->selectIds(ids);
    });
}

void OverflowList::popup(const QPoint &screenPos)
{
    const int rows = std::min(count(), 14);
    const int width = std::max(sizeHintForColumn(0) + 2 * frameWidth() + 24, 220);
    const int height = rows * std::max(sizeHintForRow(0), 1) + 2 * frameWidth() + 4;
    QRect r(screenPos, QSize(width, height));
    if (const QScreen *screen = QGuiApplication::screenAt(screenPos)) {
        const QRect room = screen->availableGeometry();
        if (r.right() > room.right())
            r.moveRight(room.right());
        if (r.bottom() > room.bottom())
            r.moveBottom(room.bottom());
    }
    setGeometry(r);
    show();
    setFocus();
}

QString OverflowList::guestAt(int row) const
{
    const QListWidgetItem *it = item(row);
    return it ? it->data(kIdRole).toString() : QString();
}

QStringList OverflowList::mimeTypes() const
{
    return {mime::moveObjects()};
}

QMimeData *OverflowList::mimeData(const QList<QListWidgetItem *> &items) const
{
    QStringList ids;
    for (const QListWidgetItem *item : items)
        ids << item->data(kIdRole).toString();
    auto *out = new QMimeData;
    out->setData(mime::moveObjects(), (QStringLiteral("guests:") + ids.join(QLatin1Char(','))).toUtf8());
    return out;
}

void OverflowList::startDrag(Qt::DropActions)
{
    QStringList ids;
    for (QListWidgetItem *item : selectedItems())
        ids << item->data(kIdRole).toString();
    if (ids.isEmpty())
        return;
    // The list makes way for the canvas the guests are dropped on.
    QWidget *source = parentWidget();
    TopologyScene *scene = mScene;
    hide();
    scene->startGuestsDrag(ids, source);
    close();
}

} // namespace td
