#pragma once

#include <QImage>
#include <QPixmap>
#include <QTimer>
#include <QTransform>
#include <QWidget>

namespace td {

class TopologyScene;
class TopologyView;

// Minimap dock content: the whole layout small, with the main view's
// visible area outlined; click or drag to move the main view there. The
// layout is drawn as plain shapes (racks, hosts in their cluster's colour,
// guests, findings in red/amber, the selection highlighted) into a cached
// picture, redrawn shortly after edits and selection changes settle; never
// the canvas's own painting (at L that costs more than the edit, and drag
// hints and overlays do not belong in an overview).
class MinimapPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit MinimapPanel(TopologyView *mainView, QWidget *parent = nullptr);

    // The picture of the layout as last drawn (without the view's outline),
    // and where the scene lands on it: for tests.
    QImage picture() const { return mPicture.toImage(); }
    QTransform sceneToPicture() const { return toWidget(); }

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
    void paintOverview(QPainter *painter, const TopologyScene &scene) const;
    QTransform toWidget() const; // scene -> widget coordinates
    QPointF toScene(const QPoint &p) const;

    TopologyView *mMain;
    QRectF mSource; // the scene area shown
    QPixmap mPicture;
    QTimer mRedraw;
};

} // namespace td
