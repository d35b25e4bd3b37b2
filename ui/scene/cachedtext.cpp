#include "scene/cachedtext.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>

namespace td {

void CachedText::draw(QPainter *painter, const QRectF &rect, const QString &text)
{
    const QFont &font = painter->font();
    if (text != mText || rect.width() != mWidth || font != mFont) {
        mText = text;
        mWidth = rect.width();
        mFont = font;
        const QFontMetricsF metrics(font);
        mElided = metrics.elidedText(text, Qt::ElideRight, rect.width());
        mHeight = metrics.height();
        mStatic = QStaticText(mElided);
        mStatic.setTextFormat(Qt::PlainText);
    }
    if (!painter->paintEngine() || painter->paintEngine()->type() != QPaintEngine::Raster) {
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, mElided);
        return;
    }
    painter->drawStaticText(QPointF(rect.left(), rect.top() + (rect.height() - mHeight) / 2), mStatic);
}

} // namespace td
