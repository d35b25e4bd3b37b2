#pragma once

#include <QPaintDevice>

#include <memory>

class QPainter;

namespace td {

class DeferredStateEngine;

// A paint device that draws on another painter, handing it the pen, brush,
// font, transform and opacity only when something is drawn with them. A
// QGraphicsScene saves and restores the painter's state around every item,
// and QSvgGenerator writes a group with the whole state for every change,
// drawn or not: through this device a chart's SVG holds only the states its
// drawing uses (half the text, and half the time to write it). Clipping is
// not forwarded (QSvgGenerator of Qt 6.4 ignores it too).
class DeferredStateDevice final : public QPaintDevice
{
public:
    // target paints on a device of this size (its metrics are this device's).
    DeferredStateDevice(QPainter *target, const QSize &size);
    ~DeferredStateDevice() override;

    QPaintEngine *paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QPainter *mTarget;
    QSize mSize;
    std::unique_ptr<DeferredStateEngine> mEngine;
};

} // namespace td
