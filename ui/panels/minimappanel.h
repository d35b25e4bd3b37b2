#pragma once

#include <QGraphicsView>

namespace td {

class TopologyView;

// Minimap dock content: the whole layout small, with the main view's
// visible area outlined; click or drag to move the main view there.
class MinimapPanel final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MinimapPanel(TopologyView *mainView, QWidget *parent = nullptr);

public slots:
    void refit();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    TopologyView *mMain;
};

} // namespace td
