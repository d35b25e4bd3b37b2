#include "panels/palettepanel.h"

#include "catalog/catalog.h"
#include "scene/mime.h"
#include "theme.h"

#include <QDrag>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

namespace td {

PaletteTree::PaletteTree(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(22, 22));
    setRootIsDecorated(false);
    setIndentation(8);
}

void PaletteTree::startDrag(Qt::DropActions)
{
    QTreeWidgetItem *item = currentItem();
    QMimeData *payload = item ? mimeData({item}) : nullptr;
    if (!payload)
        return;
    // A small icon beside the cursor, so the drop target stays visible.
    auto *drag = new QDrag(this);
    drag->setMimeData(payload);
    drag->setPixmap(item->icon(0).pixmap(QSize(28, 28), devicePixelRatioF()));
    drag->setHotSpot(QPoint(-6, -6));
    if (drag->exec(Qt::CopyAction) == Qt::IgnoreAction)
        emit dragIgnored();
}

QStringList PaletteTree::mimeTypes() const
{
    return {mime::newObject()};
}

QMimeData *PaletteTree::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty() || items.first()->data(0, kWhatRole).toString().isEmpty())
        return nullptr;
    auto *dragged = new QMimeData;
    dragged->setData(mime::newObject(), items.first()->data(0, kWhatRole).toString().toUtf8());
    return dragged;
}

PalettePanel::PalettePanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    mSearch = new QLineEdit(this);
    mSearch->setPlaceholderText(tr("Search objects and products"));
    mSearch->setClearButtonEnabled(true);
    mTree = new PaletteTree(this);
    layout->addWidget(mSearch);
    layout->addWidget(mTree);

    auto addCategory = [&](const QString &title) {
        auto *c = new QTreeWidgetItem(mTree, {title});
        c->setFlags(Qt::ItemIsEnabled);
        QFont f = c->font(0);
        f.setBold(true);
        c->setFont(0, f);
        c->setExpanded(true);
        return c;
    };
    auto addEntry = [&](QTreeWidgetItem *category, const QString &what, const QString &name, const QString &icon,
                        const QString &tip) {
        auto *e = new QTreeWidgetItem(category, {name});
        e->setData(0, PaletteTree::kWhatRole, what);
        e->setIcon(0, Theme::icon(icon));
        e->setToolTip(0, tip);
        e->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    };
    QTreeWidgetItem *infra = addCategory(tr("Infrastructure"));
    addEntry(infra, QStringLiteral("circuit"), tr("Circuit"), QStringLiteral("circuit"),
             tr("A power circuit or feed (UPS, PDU). Drop on the canvas, or on a rack or host to feed it."));
    addEntry(infra, QStringLiteral("rack"), tr("Rack"), QStringLiteral("rack"),
             tr("A 42U rack. Drop on empty canvas."));
    addEntry(infra, QStringLiteral("host"), tr("Host"), QStringLiteral("host"),
             tr("A 2U hypervisor host with management, migration and VM NICs. Drop into a rack unit or the unracked "
                "area."));
    addEntry(infra, QStringLiteral("nic"), tr("NIC"), QStringLiteral("nic"), tr("A 10 Gbps NIC. Drop onto a host."));
    QTreeWidgetItem *pc = addCategory(tr("PureConnect"));
    QTreeWidgetItem *other = addCategory(tr("Other guests"));
    for (const Product &p : Catalog::builtin().products()) {
        addEntry(p.pureConnect ? pc : other, QStringLiteral("guest:") + p.id, p.name, p.id,
                 tr("%1\nStarting point: %2 vCPU, %3 GB (editable; not vendor sizing).\nDrop onto a host or the "
                    "unplaced area.")
                     .arg(p.description)
                     .arg(p.vcpu)
                     .arg(p.memoryGb));
    }
    connect(mSearch, &QLineEdit::textChanged, this, &PalettePanel::filter);
}

QTreeWidgetItem *PalettePanel::entry(const QString &what) const
{
    for (int c = 0; c < mTree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = mTree->topLevelItem(c);
        for (int i = 0; i < category->childCount(); ++i) {
            if (category->child(i)->data(0, PaletteTree::kWhatRole).toString() == what)
                return category->child(i);
        }
    }
    return nullptr;
}

void PalettePanel::filter(const QString &text)
{
    for (int c = 0; c < mTree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = mTree->topLevelItem(c);
        int visible = 0;
        for (int i = 0; i < category->childCount(); ++i) {
            QTreeWidgetItem *e = category->child(i);
            const bool show = text.isEmpty() || e->text(0).contains(text, Qt::CaseInsensitive)
                           || e->toolTip(0).contains(text, Qt::CaseInsensitive);
            e->setHidden(!show);
            visible += show ? 1 : 0;
        }
        category->setHidden(visible == 0);
    }
}

} // namespace td
