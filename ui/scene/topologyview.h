#pragma once

#include <QGraphicsView>
#include <QTimer>

namespace td {

// The canvas view: Ctrl+wheel zoom (around the cursor), fit to view, pan with
// the middle button or Space+drag, rubber-band selection, arrow-key nudging;
// scrolls by itself while something is dragged near its edges.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(QGraphicsScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal factor);
    // Room above the canvas for a banner (the what-if sentence).
    void setTopMargin(int height) { setViewportMargins(0, height, 0, 0); }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();
    // How a layout is first shown: fitted when that is readable, else at a
    // readable zoom (names legible) from the layout's top-left corner.
    void showStart();

signals:
    void zoomChanged(qreal zoom);
    void viewportMoved();
    // Arrow keys with a selection: move it by (dx, dy) canvas pixels.
    void nudgeRequested(int dx, int dy);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void keepShownArea();

    bool mSpaceHeld = false;
    bool mKeeping = false;
    QPointF mKeptTopLeft; // the scene point at the viewport's top-left
    bool mPanning = false;
    QPoint mPanStart;
    // Auto-scroll while dragging: the cursor's last viewport position.
    QPoint mDragPos;
    QTimer mAutoScroll;
    QPoint autoScrollStep() const;
};

} // namespace td
