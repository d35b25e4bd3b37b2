#include "charts/deferredstatedevice.h"

#include <QPaintEngine>
#include <QPainter>

namespace td {

// The engine behind DeferredStateDevice: it keeps the state QPainter hands
// it and sets on the target, before each drawing, what differs from what the
// target was last given.
class DeferredStateEngine final : public QPaintEngine
{
public:
    explicit DeferredStateEngine(QPainter *target) : QPaintEngine(QPaintEngine::AllFeatures), mTarget(target) {}

    bool begin(QPaintDevice *) override
    {
        mTarget->save();
        mApplied = false;
        return true;
    }
    bool end() override
    {
        mTarget->restore();
        return true;
    }
    Type type() const override { return QPaintEngine::User; }

    void updateState(const QPaintEngineState &s) override
    {
        const DirtyFlags dirty = s.state();
        if (dirty & DirtyPen)
            mState.pen = s.pen();
        if (dirty & DirtyBrush)
            mState.brush = s.brush();
        if (dirty & DirtyBrushOrigin)
            mState.brushOrigin = s.brushOrigin();
        if (dirty & DirtyFont)
            mState.font = s.font();
        if (dirty & DirtyTransform)
            mState.transform = s.transform();
        if (dirty & DirtyOpacity)
            mState.opacity = s.opacity();
        if (dirty & DirtyBackground)
            mState.background = s.backgroundBrush();
        if (dirty & DirtyBackgroundMode)
            mState.backgroundMode = s.backgroundMode();
        if (dirty & DirtyHints)
            mState.hints = s.renderHints();
    }

    void drawRects(const QRect *rects, int count) override
    {
        flush();
        mTarget->drawRects(rects, count);
    }
    void drawRects(const QRectF *rects, int count) override
    {
        flush();
        mTarget->drawRects(rects, count);
    }
    void drawLines(const QLine *lines, int count) override
    {
        flush();
        mTarget->drawLines(lines, count);
    }
    void drawLines(const QLineF *lines, int count) override
    {
        flush();
        mTarget->drawLines(lines, count);
    }
    void drawEllipse(const QRectF &rect) override
    {
        flush();
        mTarget->drawEllipse(rect);
    }
    void drawEllipse(const QRect &rect) override
    {
        flush();
        mTarget->drawEllipse(rect);
    }
    void drawPath(const QPainterPath &path) override
    {
        flush();
        mTarget->drawPath(path);
    }
    void drawPoints(const QPointF *points, int count) override
    {
        flush();
        mTarget->drawPoints(points, count);
    }
    void drawPoints(const QPoint *points, int count) override
    {
        flush();
        mTarget->drawPoints(points, count);
    }
    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override { polygon(points, count, mode); }
    void drawPolygon(const QPoint *points, int count, PolygonDrawMode mode) override { polygon(points, count, mode); }
    void drawPixmap(const QRectF &rect, const QPixmap &pixmap, const QRectF &source) override
    {
        flush();
        mTarget->drawPixmap(rect, pixmap, source);
    }
    void drawTiledPixmap(const QRectF &rect, const QPixmap &pixmap, const QPointF &offset) override
    {
        flush();
        mTarget->drawTiledPixmap(rect, pixmap, offset);
    }
    void
    drawImage(const QRectF &rect, const QImage &image, const QRectF &source, Qt::ImageConversionFlags flags) override
    {
        flush();
        mTarget->drawImage(rect, image, source, flags);
    }
    void drawTextItem(const QPointF &position, const QTextItem &item) override
    {
        flush();
        mTarget->drawTextItem(position, item);
    }

private:
    struct State
    {
        QPen pen;
        QBrush brush;
        QPointF brushOrigin;
        QFont font;
        QTransform transform;
        qreal opacity = 1.0;
        QBrush background;
        Qt::BGMode backgroundMode = Qt::TransparentMode;
        QPainter::RenderHints hints;
    };

    template <typename Point>
    void polygon(const Point *points, int count, PolygonDrawMode mode)
    {
        flush();
        switch (mode) {
        case OddEvenMode: mTarget->drawPolygon(points, count, Qt::OddEvenFill); break;
        case WindingMode: mTarget->drawPolygon(points, count, Qt::WindingFill); break;
        case ConvexMode: mTarget->drawConvexPolygon(points, count); break;
        case PolylineMode: mTarget->drawPolyline(points, count); break;
        }
    }

    // Sets on the target what it does not have yet of the current state.
    void flush()
    {
        const bool all = !mApplied;
        State &to = mTargetState;
        if (all || to.pen != mState.pen)
            mTarget->setPen(to.pen = mState.pen);
        if (all || to.brush != mState.brush)
            mTarget->setBrush(to.brush = mState.brush);
        if (all || to.brushOrigin != mState.brushOrigin)
            mTarget->setBrushOrigin(to.brushOrigin = mState.brushOrigin);
        if (all || to.font != mState.font)
            mTarget->setFont(to.font = mState.font);
        if (all || to.transform != mState.transform)
            mTarget->setWorldTransform(to.transform = mState.transform);
        if (all || to.opacity != mState.opacity)
            mTarget->setOpacity(to.opacity = mState.opacity);
        if (all || to.background != mState.background)
            mTarget->setBackground(to.background = mState.background);
        if (all || to.backgroundMode != mState.backgroundMode)
            mTarget->setBackgroundMode(to.backgroundMode = mState.backgroundMode);
        if (all || to.hints != mState.hints)
            mTarget->setRenderHints(to.hints = mState.hints, true);
        mApplied = true;
    }

    QPainter *mTarget;
    State mState;
    State mTargetState;
    bool mApplied = false;
};

DeferredStateDevice::DeferredStateDevice(QPainter *target, const QSize &size)
    : mTarget(target), mSize(size), mEngine(std::make_unique<DeferredStateEngine>(target))
{}

DeferredStateDevice::~DeferredStateDevice() = default;

QPaintEngine *DeferredStateDevice::paintEngine() const
{
    return mEngine.get();
}

int DeferredStateDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth: return mSize.width();
    case PdmHeight: return mSize.height();
    case PdmWidthMM: return mTarget->device()->widthMM();
    case PdmHeightMM: return mTarget->device()->heightMM();
    case PdmNumColors: return mTarget->device()->colorCount();
    case PdmDepth: return mTarget->device()->depth();
    case PdmDpiX: return mTarget->device()->logicalDpiX();
    case PdmDpiY: return mTarget->device()->logicalDpiY();
    case PdmPhysicalDpiX: return mTarget->device()->physicalDpiX();
    case PdmPhysicalDpiY: return mTarget->device()->physicalDpiY();
    case PdmDevicePixelRatio: return mTarget->device()->devicePixelRatio();
    case PdmDevicePixelRatioScaled:
        return static_cast<int>(mTarget->device()->devicePixelRatioF() * devicePixelRatioFScale());
    }
    return QPaintDevice::metric(metric);
}

} // namespace td
