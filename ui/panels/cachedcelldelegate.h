#pragma once

#include <QStyledItemDelegate>

namespace td {

// Paints an item view's cells as QStyledItemDelegate does, from pictures
// kept in QPixmapCache: a cell is laid out and painted once for what it
// shows (text, icon, colours, size, state) and copied afterwards. The issues
// list is repainted whole after every edit that adds or removes findings
// (the view lays itself out again), and laying out its long messages to
// elide them was most of an edit's cost; its rows are the same ones again.
class CachedCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CachedCellDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Cells painted anew (not found in the cache) so far, for tests.
    int cellsPainted() const { return mPainted; }

private:
    mutable int mPainted = 0;
};

} // namespace td
