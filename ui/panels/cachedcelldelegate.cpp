#include "panels/cachedcelldelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QStyle>

namespace td {

CachedCellDelegate::CachedCellDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    // Room for a tall list's cells (a wide message cell is about 100 KB):
    // a cache smaller than one screenful would paint every cell twice.
    constexpr int kCacheKb = 24 * 1024;
    if (QPixmapCache::cacheLimit() < kCacheKb)
        QPixmapCache::setCacheLimit(kCacheKb);
}

void CachedCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QSize size = opt.rect.size();
    const qreal dpr = painter->device()->devicePixelRatio();
    // A cell covers what the view drew under it (the base, the alternate
    // row colour), so the picture is opaque and copied as it is.
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                     : (opt.state & QStyle::State_Active)   ? QPalette::Active
                                                                            : QPalette::Inactive;
    if (size.isEmpty() || painter->opacity() < 1.0 || opt.backgroundBrush.style() != Qt::NoBrush
        || !option.palette.brush(group, QPalette::Base).isOpaque()
        || !option.palette.brush(group, QPalette::AlternateBase).isOpaque()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Everything the picture depends on. The palette is the view's (its key
    // is stable); the colour a row's data gives is added apart.
    const QVariant foreground = index.data(Qt::ForegroundRole);
    const QString key = QStringLiteral("td-cell|%1|%2x%3@%4|%5|%6|%7|%8|%9")
                            .arg(opt.text)
                            .arg(size.width())
                            .arg(size.height())
                            .arg(dpr)
                            .arg(int(opt.state) ^ (int(opt.features) << 20))
                            .arg(opt.icon.cacheKey())
                            .arg(option.palette.cacheKey())
                            .arg(foreground.isValid() ? foreground.value<QBrush>().color().rgba() : 0u)
                            .arg(opt.font.key() + QLatin1Char('|') + QString::number(int(opt.displayAlignment))
                                 + QLatin1Char('|') + QString::number(int(opt.direction)) + QLatin1Char('|')
                                 + QString::number(int(opt.textElideMode)));
    QPixmap picture;
    if (!QPixmapCache::find(key, &picture)) {
        picture = QPixmap(size * dpr);
        picture.setDevicePixelRatio(dpr);
        QStyleOptionViewItem at = option;
        at.rect = QRect(QPoint(0, 0), size);
        QStyleOptionViewItem row = opt;
        row.rect = at.rect;
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        picture.fill(option.palette.color(group, QPalette::Base));
        QPainter p(&picture);
        style->drawPrimitive(QStyle::PE_PanelItemViewRow, &row, &p, widget);
        QStyledItemDelegate::paint(&p, at, index);
        p.end();
        QPixmapCache::insert(key, picture);
        ++mPainted;
    }
    painter->drawPixmap(opt.rect.topLeft(), picture);
}

} // namespace td
