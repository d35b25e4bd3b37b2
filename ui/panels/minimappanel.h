#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace td {

class TopologyView;

// Minimap dock content: the whole layout small, with the main view's
// visible area outlined; click or drag to move the main view there. The
// layout is drawn into a cached picture, redrawn shortly after edits and
// selection changes settle: at L drawing every item again for each edit
// would cost more than the edit.
class MinimapPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit MinimapPanel(TopologyView *mainView, QWidget *parent = nullptr);

public slots:
    void refit();
    // Redraws the picture soon (edits in a burst draw it once).
    void scheduleRedraw();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void redraw();
    QTransform toWidget() const; // scene -> widget coordinates
    QPointF toScene(const QPoint &p) const;

    TopologyView *mMain;
    QRectF mSource; // the scene area shown
    QPixmap mPicture;
    QTimer mRedraw;
};

} // namespace td
