#include "charts/chartbuilders.h"

#include "charts/deferredstatedevice.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QRegularExpression>
#include <QScreen>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::ChartBuilders", text);
}

// Colours per product, steady across charts (the product's position in the catalog).
QColor seriesColor(int index)
{
    static const QColor colors[] = {QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47), QColor(0xfb, 0x8c, 0x00),
                                    QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x89, 0x7b), QColor(0xe5, 0x39, 0x35),
                                    QColor(0x5d, 0x40, 0x37), QColor(0x39, 0x49, 0xab), QColor(0xc0, 0xca, 0x33)};
    return colors[index % 9];
}

// Long labels cut, so that a category axis of hostnames stays readable.
QString axisLabel(const QString &text)
{
    return text.size() <= 18 ? text : text.left(17) + QChar(0x2026);
}

// QtCharts shows titles, labels and legends as rich text: a name is escaped
// to be read as written ("<b>x" otherwise shows a bold x).
QString plain(const QString &text)
{
    return text.toHtmlEscaped();
}

QStringList uniqueLabels(const QStringList &labels)
{
    // QBarCategoryAxis needs distinct categories: equal (cut) names get a number.
    QStringList out;
    for (const QString &l : labels) {
        QString label = axisLabel(l);
        for (int n = 2; out.contains(label); ++n)
            label = axisLabel(l) + QStringLiteral(" (%1)").arg(n);
        out << label;
    }
    for (QString &label : out)
        label = plain(label);
    return out;
}

double niceMax(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

// Ticks every whole, round step (1, 2, 2.5, 3 or 5 times a power of ten),
// as few as read well in a short dock: 0..150 in steps of 50, not the 37.5
// five ticks would give.
int niceTickCount(double max)
{
    for (int intervals : {4, 3, 5, 2, 6}) {
        const double step = max / intervals;
        if (step < 1 || step != std::floor(step))
            continue;
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        for (double nice : {1.0, 2.0, 2.5, 3.0, 5.0}) {
            if (std::abs(mantissa - nice) < 1e-9)
                return intervals + 1;
        }
    }
    return 2;
}

// The value axis from 0 to a round number above top, with round ticks.
void setNiceRange(QValueAxis *y, double top)
{
    const double max = niceMax(top * 1.05);
    if (y->max() != max || y->min() != 0)
        y->setRange(0, max);
    const int ticks = niceTickCount(max);
    if (y->tickCount() != ticks)
        y->setTickCount(ticks);
}

// The bar set of the p-th product of a capacity chart.
QBarSet *productSet(const QString &product, int p)
{
    auto *set = new QBarSet(plain(product));
    set->setColor(seriesColor(p));
    set->setBorderColor(seriesColor(p).darker(130));
    return set;
}

void setupChart(QChart *chart, const QString &title)
{
    chart->setTitle(plain(title));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

} // namespace

QChart *ChartBuilders::capacity(const CapacitySeries &s, bool memory)
{
    auto *chart = new QChart;
    setupChart(chart, (memory ? tr("Memory (GB) per host: %1") : tr("vCPU per host: %1")).arg(s.cluster));
    auto *bars = new QStackedBarSeries;
    const QVector<QVector<double>> &values = memory ? s.memoryByProduct : s.vcpuByProduct;
    double top = 0;
    QVector<double> totals(s.hosts.size(), 0.0);
    for (int p = 0; p < s.products.size(); ++p) {
        auto *set = productSet(s.products.at(p), p);
        for (int i = 0; i < s.hosts.size(); ++i) {
            *set << values.at(p).at(i);
            totals[i] += values.at(p).at(i);
        }
        bars->append(set);
    }
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    auto *line = new QLineSeries;
    line->setName(memory ? tr("RAM") : tr("Cores"));
    QPen pen(QColor(0xc6, 0x28, 0x28), 2);
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    const QVector<double> &capacity = memory ? s.memoryGb : s.cores;
    for (int i = 0; i < s.hosts.size(); ++i) {
        line->append(i, capacity.at(i));
        top = std::max({top, capacity.at(i), totals.at(i)});
    }
    chart->addSeries(line);
    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(s.hosts));
    x->setLabelsAngle(s.hosts.size() > 6 ? -90 : 0);
    auto *y = new QValueAxis;
    setNiceRange(y, top);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(memory ? tr("GB") : tr("vCPU / cores"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    line->attachAxis(x);
    line->attachAxis(y);
    return chart;
}

QChart *ChartBuilders::counts(const CountSeries &s, const QString &axisTitle)
{
    auto *chart = new QChart;
    setupChart(chart, s.title);
    auto *bars = new QBarSeries;
    auto *set = new QBarSet(plain(axisTitle));
    set->setColor(seriesColor(0));
    double top = 0;
    for (double v : s.values) {
        *set << v;
        top = std::max(top, v);
    }
    bars->append(set);
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    chart->legend()->setVisible(false);
    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(s.labels));
    x->setLabelsAngle(s.labels.size() > 6 ? -90 : 0);
    auto *y = new QValueAxis;
    setNiceRange(y, top);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Guests"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    return chart;
}

QChart *ChartBuilders::impact(const ImpactSeries &s, bool horizontal)
{
    auto *chart = new QChart;
    setupChart(chart, tr("Impact of each single failure"));
    QAbstractBarSeries *bars = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                          : static_cast<QAbstractBarSeries *>(new QBarSeries);
    // Horizontal bars are drawn from the bottom up: reversed, the first element is on top.
    auto ordered = [horizontal](QVector<double> values) {
        if (horizontal)
            std::reverse(values.begin(), values.end());
        return values;
    };
    double top = 0;
    const std::pair<QString, const QVector<double> *> sets[] = {{tr("Guests down"), &s.down},
                                                                {tr("Restarted by HA"), &s.restarted},
                                                                {tr("Staying down"), &s.stayDown}};
    const QColor colors[] = {QColor(0xfb, 0x8c, 0x00), QColor(0x1e, 0x88, 0xe5), QColor(0xc6, 0x28, 0x28)};
    for (int i = 0; i < 3; ++i) {
        auto *set = new QBarSet(plain(sets[i].first));
        set->setColor(colors[i]);
        for (double v : ordered(*sets[i].second)) {
            *set << v;
            top = std::max(top, v);
        }
        bars->append(set);
    }
    bars->setBarWidth(0.8);
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    QStringList labels = uniqueLabels(s.labels);
    if (horizontal)
        std::reverse(labels.begin(), labels.end());
    x->append(labels);
    x->setLabelsAngle(!horizontal && s.labels.size() > 6 ? -90 : 0);
    auto *y = new QValueAxis;
    setNiceRange(y, top);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Guests"));
    chart->addAxis(x, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(y, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    return chart;
}

namespace {

// Sets a bar set's values where they differ (no signal for the others).
void setValues(QBarSet *set, const QVector<double> &values)
{
    int changed = 0;
    for (int i = 0; i < values.size(); ++i)
        changed += set->at(i) != values.at(i) ? 1 : 0;
    if (changed == 1) {
        for (int i = 0; i < values.size(); ++i) {
            if (set->at(i) != values.at(i))
                set->replace(i, values.at(i));
        }
    } else if (changed > 1) {
        set->remove(0, set->count());
        set->append(QList<qreal>(values.begin(), values.end()));
    }
}

// The value axis of a chart built here, its range set for this top value.
bool setTop(QChart *chart, double top)
{
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    if (!y)
        return false;
    setNiceRange(y, top);
    return true;
}

} // namespace

bool ChartBuilders::update(QChart *chart,
                           const CapacitySeries &shown,
                           const CapacitySeries &series,
                           bool memory,
                           bool shownMemory)
{
    if (memory != shownMemory || shown.cluster != series.cluster || shown.hosts != series.hosts)
        return false;
    auto *bars = qobject_cast<QStackedBarSeries *>(chart->series().value(0));
    auto *line = qobject_cast<QLineSeries *>(chart->series().value(1));
    if (!bars || !line || bars->count() != shown.products.size() || line->count() != series.hosts.size())
        return false;
    const QVector<QVector<double>> &values = memory ? series.memoryByProduct : series.vcpuByProduct;
    const QVector<double> &capacity = memory ? series.memoryGb : series.cores;
    QVector<double> totals(series.hosts.size(), 0.0);
    // Products gone, added or in another order (a what-if restart moves
    // them): the p-th set is the p-th product, its colour the p-th colour.
    const QList<QBarSet *> sets = bars->barSets();
    for (int p = int(sets.size()) - 1; p >= series.products.size(); --p)
        bars->remove(sets.at(p));
    for (int p = 0; p < series.products.size(); ++p) {
        QBarSet *set = p < sets.size() ? sets.at(p) : nullptr;
        if (!set) {
            set = productSet(series.products.at(p), p);
            for (int i = 0; i < series.hosts.size(); ++i)
                *set << values.at(p).at(i);
            bars->append(set);
        } else {
            if (set->label() != plain(series.products.at(p)))
                set->setLabel(plain(series.products.at(p)));
            setValues(set, values.at(p));
        }
        for (int i = 0; i < series.hosts.size(); ++i)
            totals[i] += values.at(p).at(i);
    }
    double top = 0;
    for (int i = 0; i < series.hosts.size(); ++i) {
        if (line->at(i).y() != capacity.at(i))
            line->replace(i, QPointF(i, capacity.at(i)));
        top = std::max({top, capacity.at(i), totals.at(i)});
    }
    return setTop(chart, top);
}

bool ChartBuilders::update(QChart *chart, const CountSeries &shown, const CountSeries &series)
{
    if (shown.title != series.title || shown.labels != series.labels)
        return false;
    auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
    if (!bars || bars->count() != 1 || bars->barSets().at(0)->count() != series.values.size())
        return false;
    setValues(bars->barSets().at(0), series.values);
    return setTop(chart, series.values.isEmpty() ? 0 : *std::max_element(series.values.begin(), series.values.end()));
}

bool ChartBuilders::update(QChart *chart, const ImpactSeries &shown, const ImpactSeries &series)
{
    if (shown.labels != series.labels)
        return false;
    auto *bars = qobject_cast<QBarSeries *>(chart->series().value(0)); // vertical: the dock's
    if (!bars || bars->count() != 3 || bars->barSets().at(0)->count() != series.labels.size())
        return false;
    double top = 0;
    const QVector<double> *values[] = {&series.down, &series.restarted, &series.stayDown};
    for (int i = 0; i < 3; ++i) {
        setValues(bars->barSets().at(i), *values[i]);
        for (double v : *values[i])
            top = std::max(top, v);
    }
    return setTop(chart, top);
}

QSize ChartBuilders::impactReportSize(int elements)
{
    return QSize(900, 110 + std::max(elements, 3) * 22);
}

namespace {

// The resolution charts are laid out at: the screen's.
double layoutDpi()
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? screen->logicalDotsPerInchY() : 96.0;
}

// Text that plain() escaped, as it was.
QString unescaped(QString text)
{
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    return text.replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// The labels under the bars of a chart on paper, drawn by this instead of
// QtCharts: it lays each label out as rich text several times for every
// layout, more than half of a report chart's time at L. Whole labels (cut at
// 18 characters already: QtCharts cut them to "e..."), side by side when they
// fit under their bars and upright when they do not (side by side they
// overlapped, and QtCharts hid the first).
class CategoryLabels
{
public:
    // Takes over the labels of chart's horizontal category axis, if it has
    // one, until this is destroyed (the chart may be painted again: restore;
    // showing the axis again lays out its labels, a tenth of a chart's time).
    CategoryLabels(QChart *chart, bool restore) : mChart(chart), mRestore(restore)
    {
        for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
            auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
            if (!categories || !categories->isVisible() || categories->count() == 0)
                continue;
            mAxis = categories;
            for (const QString &label : categories->categories())
                mLabels << unescaped(label);
            mFont = categories->labelsFont();
            mBrush = categories->labelsBrush();
            mUpright = categories->labelsAngle() != 0;
            // Hidden, the axis keeps the bars' places and lays out nothing.
            categories->setVisible(false);
            const QFontMetricsF metrics(mFont);
            for (const QString &label : std::as_const(mLabels))
                mWidest = std::max(mWidest, metrics.horizontalAdvance(label));
            mHeight = metrics.height();
            mMargins = chart->margins();
            break;
        }
    }
    ~CategoryLabels()
    {
        if (mAxis && mRestore) {
            mAxis->setVisible(true);
            mChart->setMargins(mMargins);
        }
    }
    CategoryLabels(const CategoryLabels &) = delete;
    CategoryLabels &operator=(const CategoryLabels &) = delete;

    // Lays the chart out in size with room for the labels below its plot.
    void layOut(const QSizeF &size)
    {
        if (mAxis)
            reserve();
        mChart->setGeometry(QRectF(QPointF(0, 0), size));
        if (!mAxis || mUpright || mWidest <= slot() - 4)
            return;
        mUpright = true;
        reserve();
        if (mChart->layout()) {
            mChart->layout()->invalidate();
            mChart->layout()->activate();
        }
    }

    // Draws the labels; the chart was painted at origin of painter.
    void paint(QPainter *painter, const QPointF &origin) const
    {
        if (!mAxis)
            return;
        const QRectF plot = mChart->plotArea().translated(origin);
        painter->save();
        // Measured at the screen's resolution, as the chart is laid out: on a device of another
        // one (the PDF at 300 dpi, a printer) the font keeps that size instead of growing with it.
        QFont font = mFont;
        const int deviceDpi = painter->device() ? painter->device()->logicalDpiY() : 0;
        if (deviceDpi > 0 && font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * layoutDpi() / deviceDpi);
        painter->setFont(font);
        painter->setPen(QPen(mBrush, 1));
        const double w = slot();
        for (int i = 0; i < mLabels.size(); ++i) {
            const double x = plot.left() + (i + 0.5) * w;
            if (mUpright) {
                painter->save();
                painter->translate(x, plot.bottom() + kGap);
                painter->rotate(-90);
                painter->drawText(QRectF(-mWidest, -mHeight / 2, mWidest, mHeight), Qt::AlignRight | Qt::AlignVCenter,
                                  mLabels.at(i));
                painter->restore();
            } else {
                painter->drawText(QRectF(x - w / 2, plot.bottom() + kGap, w, mHeight), Qt::AlignHCenter | Qt::AlignTop,
                                  mLabels.at(i));
            }
        }
        painter->restore();
    }

private:
    static constexpr double kGap = 4;

    double slot() const { return mChart->plotArea().width() / mLabels.size(); }
    void reserve() const
    {
        QMargins margins = mMargins;
        margins.setBottom(margins.bottom() + static_cast<int>(std::ceil((mUpright ? mWidest : mHeight) + 2 * kGap)));
        mChart->setMargins(margins);
    }

    QChart *mChart;
    bool mRestore = true;
    QBarCategoryAxis *mAxis = nullptr;
    QStringList mLabels;
    QFont mFont;
    QBrush mBrush;
    bool mUpright = false;
    double mWidest = 0;
    double mHeight = 0;
    QMargins mMargins;
};

} // namespace

void ChartBuilders::paint(QChart *chart, QPainter *painter, const QRectF &rect, Afterwards afterwards)
{
    CategoryLabels labels(chart, afterwards == Afterwards::Kept);
    // Side labels (the impact chart's elements) are whole on paper too.
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
            categories->setTruncateLabels(false);
    }
    // Below the chart, QtCharts cuts a legend of ten products to "Media S...":
    // on paper it goes to the right, where each name has the room it needs.
    if (chart->legend()->isVisible())
        chart->legend()->setAlignment(Qt::AlignRight);
    // A chart paints through a scene; it is put in one of its own for this.
    QGraphicsScene scene;
    scene.setItemIndexMethod(QGraphicsScene::NoIndex); // painted once: no BSP tree to build
    scene.addItem(chart);
    labels.layOut(rect.size());
    scene.setSceneRect(QRectF(QPointF(0, 0), rect.size()));
    scene.render(painter, rect, scene.sceneRect());
    labels.paint(painter, rect.topLeft());
    scene.removeItem(chart);
}

QByteArray ChartBuilders::svg(QChart *chart, const QSize &size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // At the resolution the chart is laid out at (the screen's): at the
    // generator's own 72 dpi its text came out a quarter smaller than the
    // room QtCharts left for it.
    generator.setResolution(layoutDpi());
    // The document's title is what a browser shows over it ("Qt SVG Document"
    // otherwise). QSvgGenerator writes it as it is: the chart's is escaped.
    generator.setTitle(chart->title());
    generator.setDescription(generator.title());
    {
        QPainter svg(&generator);
        DeferredStateDevice deferred(&svg, size);
        QPainter painter(&deferred);
        paint(chart, &painter, QRectF(QPointF(0, 0), size));
    }
    return buffer.data();
}

QSize ChartBuilders::reportSize(int categories)
{
    // High enough for the labels under the bars (upright, they take about a
    // hundred pixels) and a legend of a dozen products beside the plot.
    return QSize(std::clamp(240 + categories * 28, 560, 1400), 440);
}

namespace {

// The end of the tag that starts at from ('>' outside quotes), or -1.
qsizetype tagEnd(const QByteArray &s, qsizetype from)
{
    bool quoted = false;
    for (qsizetype i = from; i < s.size(); ++i) {
        if (s.at(i) == '"')
            quoted = !quoted;
        else if (s.at(i) == '>' && !quoted)
            return i;
    }
    return -1;
}

// The root <svg> tag without its namespace declarations (HTML5 knows <svg>)
// and without a fixed size (CSS sizes it).
QByteArray rootTag(const QByteArray &tag)
{
    static const QRegularExpression drop(QStringLiteral("\\s+(xmlns(:\\w+)?|width|height)=\"[^\"]*\""));
    return QString::fromUtf8(tag).remove(drop).toUtf8();
}

// An SVG document made fit for inline HTML, in one pass: no XML declaration,
// the root tag as rootTag() makes it, and without the empty groups
// QSvgGenerator writes for every painter state (a third of a chart's text).
QString inlineSvg(const QByteArray &svg)
{
    const qsizetype start = svg.indexOf("<svg");
    const qsizetype rootEnd = start < 0 ? -1 : tagEnd(svg, start);
    if (rootEnd < 0)
        return QString::fromUtf8(svg).trimmed();
    QByteArray out = rootTag(svg.mid(start, rootEnd + 1 - start));
    out.reserve(svg.size());
    qsizetype i = rootEnd + 1;
    while (i < svg.size()) {
        const qsizetype g = svg.indexOf("<g ", i);
        if (g < 0) {
            out.append(svg.constData() + i, svg.size() - i);
            break;
        }
        const qsizetype end = tagEnd(svg, g);
        if (end < 0) {
            out.append(svg.constData() + i, svg.size() - i);
            break;
        }
        qsizetype after = end + 1;
        while (after < svg.size() && std::isspace(static_cast<unsigned char>(svg.at(after))))
            ++after;
        if (svg.mid(after, 4) == "</g>") {
            // An empty group: what precedes it is kept, the group is not.
            out.append(svg.constData() + i, g - i);
            i = after + 4;
        } else {
            out.append(svg.constData() + i, end + 1 - i);
            i = end + 1;
        }
    }
    return QString::fromUtf8(out).trimmed();
}

} // namespace

QString QtChartRenderer::capacitySvg(const CapacitySeries &series, bool memory) const
{
    std::unique_ptr<QChart> chart(ChartBuilders::capacity(series, memory));
    return inlineSvg(ChartBuilders::svg(chart.get(), ChartBuilders::reportSize(series.hosts.size())));
}

QString QtChartRenderer::countSvg(const CountSeries &series) const
{
    std::unique_ptr<QChart> chart(ChartBuilders::counts(series, series.title));
    return inlineSvg(ChartBuilders::svg(chart.get(), ChartBuilders::reportSize(series.labels.size())));
}

QString QtChartRenderer::impactSvg(const ImpactSeries &series) const
{
    std::unique_ptr<QChart> chart(ChartBuilders::impact(series, true));
    return inlineSvg(ChartBuilders::svg(chart.get(), ChartBuilders::impactReportSize(series.labels.size())));
}

} // namespace td
