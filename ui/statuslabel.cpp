#include "statuslabel.h"

#include <QFontMetrics>

namespace td {

namespace {
// The width grows in these steps, so that counts growing by a digit do not
// resize it each time; it shrinks when twice as much is left over.
constexpr int kWidthStep = 32;
} // namespace

StatusLabel::StatusLabel(QWidget *parent) : QLabel(parent)
{}

void StatusLabel::showText(const QString &text)
{
    // With a fixed size, a new text repaints the label and asks the layouts nothing.
    setText(text);
    // As QLabel measures a plain text (its own sizeHint is never below its
    // minimum size, so it cannot tell that a shorter text needs less).
    const QRect bounds = fontMetrics().boundingRect(QRect(0, 0, 4000, 4000), int(alignment()), text);
    const QMargins margins = contentsMargins();
    const QSize hint(bounds.width() + 2 * margin() + margins.left() + margins.right(),
                     bounds.height() + 2 * margin() + margins.top() + margins.bottom());
    const bool fixed = minimumSize() == maximumSize();
    if (fixed && hint.width() <= width() && width() - hint.width() < 2 * kWidthStep && hint.height() == height())
        return;
    const int w = (hint.width() + kWidthStep - 1) / kWidthStep * kWidthStep;
    setFixedSize(w, hint.height());
}

} // namespace td
