#pragma once

#include <QFont>
#include <QRectF>
#include <QStaticText>
#include <QString>

class QPainter;

namespace td {

// One line of a chip's text (left-aligned, vertically centred, elided to
// its rectangle), laid out once for its text, width and font and drawn from
// a QStaticText on the screen: shaping and eliding the chips' names again on
// every repaint was a third of the canvas's painting (Select All, a lane
// laid out again). On other devices (print, PDF, SVG) it is drawn as text,
// as before, so that exports keep real, selectable text.
class CachedText final
{
public:
    void draw(QPainter *painter, const QRectF &rect, const QString &text);

private:
    QString mText;
    qreal mWidth = -1;
    QFont mFont;
    QString mElided;
    qreal mHeight = 0;
    QStaticText mStatic;
};

} // namespace td
