#pragma once

#include <QLabel>

namespace td {

// A permanent status bar label that keeps its size while its new text fits
// (it grows in steps when a text does not, and shrinks when much room is
// left). A plain QLabel asks for a new layout on every text change, and
// through the status bar the main window lays out every dock again: after
// each edit that changes the findings' counts, at L, more than a guest
// move itself costs.
class StatusLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusLabel(QWidget *parent = nullptr);
    // Shows text, resizing the label only when it does not fit.
    void showText(const QString &text);
};

} // namespace td
