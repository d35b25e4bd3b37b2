#include "report/pdfreport.h"

#include "charts/chartbuilders.h"
#include "report/elevationdrawing.h"
#include "report/pdfwriter.h"
#include "report/plaintext.h"
#include "report/reportwriters.h"

#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRawFont>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <unordered_map>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::PagedReport", text);
}

enum class Font { Body, Bold, Small, SmallBold, H1, H2, Title, Subtitle, Footer, Mono, Count };
enum class ChartKind { Vcpu, Memory, PerRack, PerCircuit, Impact };

// One thing to paint on a page, in device pixels. A Line is drawn with the
// page's other lines of its colour in one path, after the rest of the page.
struct Op
{
    // Text: flags 0 = one line (Flow::shaped), else drawn in rect with these
    // flags; Wrapped: lines of Flow::wrapped.
    enum class Kind { Text, Wrapped, Fill, Line, Rack, Chart };
    Kind kind = Kind::Text;
    QRectF rect;
    QString text;
    Font font = Font::Body;
    int flags = 0;
    QColor color;
    int index = 0;
    ChartKind chart = ChartKind::Vcpu;
};

// Lays the report out into pages of paint operations. Sizes are given in
// points and converted to the device's pixels (k = dpi / 72).
class Flow
{
public:
    Flow(QPaintDevice *device, const QSizeF &page) : mDevice(device), mPage(page)
    {
        mK = device->logicalDpiY() / 72.0;
        const QString family = QStringLiteral("Sans Serif");
        auto make = [&](double pt, bool bold) {
            QFont f(family);
            f.setPointSizeF(pt);
            f.setBold(bold);
            return QFont(f, device);
        };
        mFonts = {make(9, false), make(9, true),  make(7.5, false), make(7.5, true), make(16, true),
                  make(12, true), make(28, true), make(14, false),  make(8, false)};
        QFont mono(QStringLiteral("Monospace"));
        mono.setStyleHint(QFont::Monospace);
        mono.setPointSizeF(7);
        mFonts.append(QFont(mono, device));
        for (const QFont &f : mFonts) {
            mMetrics.push_back(std::make_unique<QFontMetricsF>(f, device));
            mPlain.push_back(std::make_unique<PlainTextShaper>(f));
        }
        mPages.resize(1);
    }

    double pt(double points) const { return points * mK; }

    // One line of text shaped once, whatever the number of times it is
    // measured and drawn (a table repeats product, rack and host names
    // thousands of times): its layout is cached by font and text.
    const QTextLayout &shaped(Font f, const QString &text)
    {
        auto &cache = mShaped[static_cast<int>(f)];
        auto it = cache.find(text);
        if (it == cache.end()) {
            auto layout = std::make_unique<QTextLayout>(text, font(f), mDevice);
            layout->setCacheEnabled(true);
            layout->beginLayout();
            QTextLine line = layout->createLine();
            line.setLineWidth(1e9);
            layout->endLayout();
            it = cache.emplace(text, std::move(layout)).first;
        }
        return *it->second;
    }
    // The advance of one line of text (cached with its shape).
    // Text of plain scripts is measured with the font's own glyphs and kerned advances,
    // without shaping it (PlainTextShaper: the glyphs and advances QTextLayout gives), as
    // the PDF writer draws it: a table's cell that wraps is never laid out on one line.
    double advance(Font f, const QString &text)
    {
        if (text.isEmpty())
            return 0.0;
        auto &cache = mAdvances[static_cast<int>(f)];
        const auto known = cache.find(text);
        if (known != cache.end())
            return known->second;
        double w = mPlain.at(static_cast<int>(f))->width(text);
        if (w < 0)
            w = shaped(f, text).lineAt(0).naturalTextWidth();
        cache.emplace(text, w);
        return w;
    }
    const QFont &font(Font f) const { return mFonts.at(static_cast<int>(f)); }
    const QFontMetricsF &metrics(Font f) const { return *mMetrics.at(static_cast<int>(f)); }
    QVector<QVector<Op>> &pages() { return mPages; }
    int page() const { return mPages.size() - 1; }
    double width() const { return mPage.width(); }
    double height() const { return mPage.height(); }
    double y() const { return mY; }

    void newPage()
    {
        mPages.append(QVector<Op>());
        mY = 0;
    }
    // Starts a new page unless h fits below.
    void ensure(double h)
    {
        if (mY > 0 && mY + h > mPage.height())
            newPage();
    }
    void space(double points) { mY += pt(points); }
    void add(const Op &op) { mPages.last().append(op); }

    // Text in lines at most w wide, as laid out for its height and its
    // painting: its lines when it is of plain scripts (PlainTextShaper breaks
    // them as QTextLayout does), else a QTextLayout.
    struct Wrapped
    {
        double width = 0;
        double height = 0;
        QStringList lines;
        std::unique_ptr<QTextLayout> layout;
    };
    // Text in lines at most w wide: broken at word boundaries, or anywhere in
    // a word wider than w (a long host name). Laid out once for its height
    // and its painting (cached by font and text, with its width).
    const Wrapped &wrapped(Font f, const QString &text, double w, double *height = nullptr)
    {
        auto &cache = mWrapped[static_cast<int>(f)];
        auto it = cache.find(text);
        if (it == cache.end() || it->second.width != w) {
            Wrapped entry = wrapAnew(f, text, w);
            if (it == cache.end())
                it = cache.emplace(text, std::move(entry)).first;
            else
                it->second = std::move(entry);
        }
        if (height)
            *height = it->second.height;
        return it->second;
    }
    Wrapped wrapAnew(Font f, const QString &text, double w)
    {
        QStringList plainLines;
        if (mPlain.at(static_cast<int>(f))->wrap(text, w, &plainLines)) {
            const double h = lineHeight(f) * std::max<qsizetype>(plainLines.size(), 1);
            return Wrapped{w, h, std::move(plainLines), nullptr};
        }
        QString lines = text;
        lines.replace(QLatin1Char('\n'), QChar::LineSeparator);
        auto layout = std::make_unique<QTextLayout>(lines, font(f), mDevice);
        QTextOption option(Qt::AlignLeft);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout->setTextOption(option);
        layout->setCacheEnabled(true);
        double y = 0;
        layout->beginLayout();
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(w);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        layout->endLayout();
        return Wrapped{w, std::max(y, metrics(f).height()), {}, std::move(layout)};
    }
    // The distance between two lines of wrapped text: a QTextLine's height, which
    // QTextLayout rounds up to a whole pixel (plain and shaped text wrap alike).
    double lineHeight(Font f) const { return std::ceil(metrics(f).height()); }
    // Whether text takes more than one line in w.
    bool wraps(Font f, const QString &text, double w)
    {
        return advance(f, text) > w || text.contains(QLatin1Char('\n'));
    }
    double textHeight(const QString &text, Font f, double w)
    {
        if (!wraps(f, text, w))
            return metrics(f).height();
        double h = 0;
        wrapped(f, text, w, &h);
        return h;
    }

    void paragraph(const QString &text,
                   Font f = Font::Body,
                   const QColor &color = Qt::black,
                   double before = 0,
                   double after = 4)
    {
        space(before);
        const double h = textHeight(text, f, width());
        ensure(h);
        const bool lines = wraps(f, text, width());
        add(Op{lines ? Op::Kind::Wrapped : Op::Kind::Text, QRectF(0, mY, width(), h), text, f, 0, color, 0, {}});
        mY += h;
        space(after);
    }

    // A chapter on a new page; returns its page (0-based).
    int chapter(const QString &title)
    {
        if (mY > 0)
            newPage();
        paragraph(title, Font::H1, QColor(0x1b, 0x4f, 0x9c), 0, 10);
        return page();
    }
    void heading(const QString &title)
    {
        // Keep a heading with at least a few lines of what follows.
        ensure(metrics(Font::H2).height() + pt(60));
        paragraph(title, Font::H2, Qt::black, 8, 4);
    }

    // A table: columns sized to their content within the page, rows never
    // split, the header repeated at the top of every page the table spans.
    void table(const ReportTable &t)
    {
        const int columns = t.header.size();
        if (columns == 0)
            return;
        const double pad = pt(2);
        const QFontMetricsF &head = metrics(Font::SmallBold);
        QVector<double> natural(columns, 0.0), minimum(columns, 0.0);
        for (int c = 0; c < columns; ++c) {
            natural[c] = head.horizontalAdvance(t.header.at(c));
            for (const QString &word : t.header.at(c).split(QLatin1Char(' ')))
                minimum[c] = std::max(minimum[c], head.horizontalAdvance(word));
        }
        // Each cell measured once (the widths decide wrapping too).
        QVector<float> advances(t.rows.size() * columns, 0.0f);
        for (int r = 0; r < t.rows.size(); ++r) {
            const QStringList &row = t.rows.at(r);
            for (int c = 0; c < columns && c < row.size(); ++c) {
                const double a = advance(Font::Small, row.at(c));
                advances[r * columns + c] = static_cast<float>(a);
                natural[c] = std::max(natural[c], a);
            }
        }
        // Fit: cap the widest columns at one width until the table fits.
        const double room = width() - 2 * pad * columns;
        // The first column names the row (a host, a guest): kept whole when it can be.
        minimum[0] = std::max(minimum[0], std::min(natural[0], room * 0.3));
        QVector<double> w = natural;
        double total = std::accumulate(w.begin(), w.end(), 0.0);
        if (total > room) {
            QVector<double> sorted = natural;
            std::sort(sorted.begin(), sorted.end());
            double cap = sorted.last();
            // Lower the cap until sum(min(natural, cap)) fits.
            double lo = 0, hi = cap;
            for (int i = 0; i < 40; ++i) {
                const double mid = (lo + hi) / 2;
                double sum = 0;
                for (int c = 0; c < columns; ++c)
                    sum += std::max(minimum[c], std::min(natural[c], mid));
                (sum > room ? hi : lo) = mid;
            }
            for (int c = 0; c < columns; ++c)
                w[c] = std::max(minimum[c], std::min(natural[c], lo));
            total = std::accumulate(w.begin(), w.end(), 0.0);
            // Minimums too wide: shrink all evenly (text wraps inside).
            if (total > room) {
                for (double &x : w)
                    x *= room / total;
            }
        } else {
            // Spread what is left evenly.
            for (double &x : w)
                x += (room - total) / columns;
        }
        QVector<double> x(columns + 1, 0.0);
        for (int c = 0; c < columns; ++c)
            x[c + 1] = x[c] + w[c] + 2 * pad;
        const QColor line(0xb0, 0xbe, 0xc5);

        // The advance of a cell: cached for body rows (row >= 0), measured for the header.
        auto width = [&](int row, int c, const QString &text, Font f) {
            return row >= 0 ? static_cast<double>(advances.at(row * columns + c)) : advance(f, text);
        };
        auto rowHeight = [&](int row, const QStringList &cells, Font f) {
            double h = metrics(f).height();
            for (int c = 0; c < columns && c < cells.size(); ++c) {
                if (width(row, c, cells.at(c), f) > w[c])
                    h = std::max(h, textHeight(cells.at(c), f, w[c]));
            }
            return h + 2 * pad;
        };
        auto drawRow = [&](int row, const QStringList &cells, Font f, double h, bool header) {
            if (header)
                add(Op{Op::Kind::Fill, QRectF(0, mY, x.last(), h), {}, f, 0, QColor(0xec, 0xef, 0xf1), 0, {}});
            for (int c = 0; c < columns && c < cells.size(); ++c) {
                if (cells.at(c).isEmpty())
                    continue;
                const bool lines = width(row, c, cells.at(c), f) > w[c];
                add(Op{lines ? Op::Kind::Wrapped : Op::Kind::Text,
                       QRectF(x[c] + pad, mY + pad, w[c], h - 2 * pad),
                       cells.at(c),
                       f,
                       0,
                       Qt::black,
                       0,
                       {}});
            }
            add(Op{Op::Kind::Line, QRectF(0, mY + h, x.last(), 0), {}, f, 0, line, 0, {}});
            mY += h;
        };
        // The column rules, from the header to the last row of each page.
        double segmentTop = mY;
        auto closeSegment = [&] {
            for (int c = 0; c <= columns; ++c)
                add(Op{Op::Kind::Line, QRectF(x[c], segmentTop, 0, mY - segmentTop), {}, Font::Small, 0, line, 0, {}});
        };
        const double headH = rowHeight(-1, t.header, Font::SmallBold);
        auto header = [&] {
            segmentTop = mY;
            add(Op{Op::Kind::Line, QRectF(0, mY, x.last(), 0), {}, Font::Small, 0, line, 0, {}});
            drawRow(-1, t.header, Font::SmallBold, headH, true);
        };
        ensure(headH + (t.rows.isEmpty() ? 0.0 : rowHeight(0, t.rows.first(), Font::Small)));
        header();
        for (int r = 0; r < t.rows.size(); ++r) {
            const double h = std::min(rowHeight(r, t.rows.at(r), Font::Small), height() - headH);
            if (mY + h > height()) {
                closeSegment();
                newPage();
                header();
            }
            drawRow(r, t.rows.at(r), Font::Small, h, false);
        }
        closeSegment();
        space(6);
    }

    // Program text, line by line (long lines wrap anywhere), across pages.
    void code(const QString &text)
    {
        const QFontMetricsF &m = metrics(Font::Mono);
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const bool wraps = advance(Font::Mono, line) > width();
            const double h = wraps ? m.boundingRect(QRectF(0, 0, width(), 1e9), Qt::TextWrapAnywhere, line).height()
                                   : m.height();
            ensure(h);
            if (!line.isEmpty())
                add(Op{Op::Kind::Text,
                       QRectF(0, mY, width(), h),
                       line,
                       Font::Mono,
                       wraps ? int(Qt::TextWrapAnywhere) : 0,
                       QColor(0x26, 0x32, 0x38),
                       0,
                       {}});
            mY += h;
        }
    }

    // Boxes of fixed size flowed left to right, wrapping to new lines and pages.
    void boxes(const QVector<Op> &items, double gap)
    {
        double x = 0, lineH = 0;
        for (Op op : items) {
            const QSizeF s = op.rect.size();
            if (x > 0 && x + s.width() > width()) {
                mY += lineH + gap;
                x = 0;
                lineH = 0;
            }
            if (mY > 0 && mY + s.height() > height()) {
                newPage();
                x = 0;
                lineH = 0;
            }
            op.rect = QRectF(QPointF(x, mY), s);
            add(op);
            x += s.width() + gap;
            lineH = std::max(lineH, s.height());
        }
        mY += lineH + gap;
    }

private:
    QPaintDevice *mDevice;
    QSizeF mPage;
    double mK = 1;
    double mY = 0;
    QVector<QFont> mFonts;
    std::vector<std::unique_ptr<QFontMetricsF>> mMetrics;
    std::vector<std::unique_ptr<PlainTextShaper>> mPlain; // per Font, for text of plain scripts
    QVector<QVector<Op>> mPages;
    struct StringHash
    {
        size_t operator()(const QString &s) const noexcept { return plainTextHash(s); }
    };
    std::unordered_map<QString, double, StringHash> mAdvances[static_cast<int>(Font::Count)];
    std::unordered_map<QString, std::unique_ptr<QTextLayout>, StringHash> mShaped[static_cast<int>(Font::Count)];
    std::unordered_map<QString, Wrapped, StringHash> mWrapped[static_cast<int>(Font::Count)];
};

// A rack elevation (elevationDrawing, the HTML's SVG) painted into box: its shapes scaled
// from its user units, its unit numbers and host labels as text (searchable in a PDF) in
// fonts of the scaled size. text draws one line at its baseline in the painter's font.
void paintElevation(QPainter &painter,
                    const ElevationDrawing &d,
                    const QRectF &box,
                    const std::function<void(const QPointF &baseline, const QString &text)> &text)
{
    if (d.width <= 0 || d.height <= 0)
        return;
    const double sx = box.width() / d.width, sy = box.height() / d.height;
    const auto rectOf = [&](const ElevationDrawing::Box &b) {
        return QRectF(box.left() + b.x * sx, box.top() + b.y * sy, b.width * sx, b.height * sy);
    };
    const auto look = [&](const ElevationDrawing::Box &b) {
        QColor fill(b.fill);
        fill.setAlphaF(b.fillOpacity);
        painter.setBrush(fill);
        painter.setPen(QPen(QColor(b.stroke), b.strokeWidth * sx));
    };
    painter.save();
    look(d.frame);
    painter.drawRect(rectOf(d.frame));
    // The units: one style for all of them.
    if (!d.units.isEmpty()) {
        QVector<QRectF> unitRects;
        unitRects.reserve(d.units.size());
        for (const ElevationDrawing::Unit &u : d.units)
            unitRects.append(rectOf(u.slot));
        look(d.units.first().slot);
        painter.drawRects(unitRects);
    }
    for (const ElevationDrawing::Host &h : d.hosts) {
        look(h.box);
        painter.drawRoundedRect(rectOf(h.box), h.box.radius * sx, h.box.radius * sy);
        for (const ElevationDrawing::Dot &dot : h.dots) {
            painter.setBrush(QColor(dot.fill));
            painter.setPen(QPen(QColor(dot.stroke), dot.strokeWidth * sx));
            painter.drawEllipse(QPointF(box.left() + dot.cx * sx, box.top() + dot.cy * sy), dot.radius * sx,
                                dot.radius * sy);
        }
    }
    // The labels, a font per size (the SVG's sans-serif, its size in user units).
    struct LabelFont
    {
        QFont font;
        std::unique_ptr<PlainTextShaper> shaper;
    };
    std::unordered_map<int, LabelFont> fonts;
    int current = -1;
    const auto label = [&](const ElevationDrawing::Label &l) {
        auto it = fonts.find(l.size);
        if (it == fonts.end()) {
            QFont f(QStringLiteral("Sans Serif"));
            f.setPointSizeF(l.size * sy * 72.0 / painter.device()->logicalDpiY());
            f = QFont(f, painter.device());
            it = fonts.emplace(l.size, LabelFont{f, std::make_unique<PlainTextShaper>(f)}).first;
        }
        if (current != l.size) {
            current = l.size;
            painter.setFont(it->second.font);
        }
        painter.setPen(QColor(l.fill));
        double x = box.left() + l.x * sx;
        if (l.alignEnd) {
            double w = it->second.shaper->width(l.text);
            if (w < 0)
                w = QFontMetricsF(it->second.font, painter.device()).horizontalAdvance(l.text);
            x -= w;
        }
        text(QPointF(x, box.top() + l.y * sy), l.text);
    };
    for (const ElevationDrawing::Unit &u : d.units)
        label(u.number);
    for (const ElevationDrawing::Host &h : d.hosts)
        label(h.label);
    painter.restore();
}

} // namespace

QPageSize PagedReport::pageSize(const QString &name)
{
    return name.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0 ? QPageSize(QPageSize::Letter)
                                                                           : QPageSize(QPageSize::A4);
}

bool PagedReport::paint(QPagedPaintDevice *device,
                        QString *error,
                        const std::function<bool(int done, int total)> &progress) const
{
    return paint(
        device, [device] { return device->newPage(); }, error, progress);
}

bool PagedReport::paint(QPaintDevice *device,
                        const std::function<bool()> &newPage,
                        QString *error,
                        const std::function<bool(int done, int total)> &progress) const
{
    const DesignReport &r = mReport;
    const QStringList titles = reportSectionTitles(r);
    const QSizeF full(device->width(), device->height());
    const double k = device->logicalDpiY() / 72.0;
    const double footer = 24 * k;
    Flow flow(device, QSizeF(full.width(), full.height() - footer));
    const QColor muted(0x5f, 0x6b, 0x76);

    // Title page.
    flow.space(full.height() / k * 0.25);
    flow.paragraph(r.title, Font::Title, QColor(0x1b, 0x4f, 0x9c), 0, 10);
    flow.paragraph(tr("Virtualization design report"), Font::Subtitle, Qt::black, 0, 8);
    flow.paragraph(r.platform, Font::Body, muted);
    flow.paragraph(r.date, Font::Body, muted);
    if (!r.sourceName.isEmpty())
        flow.paragraph(r.sourceName, Font::Body, muted);

    // Contents: one page, its page numbers written once the chapters are laid out.
    flow.chapter(tr("Contents"));
    const int tocPage = flow.page();
    const double tocY = flow.y();
    const double tocLine = flow.metrics(Font::Body).height() * 1.6;
    flow.space(titles.size() * tocLine / k);
    QVector<int> chapterPages;
    auto chapter = [&](int i) { chapterPages << flow.chapter(QStringLiteral("%1. %2").arg(i + 1).arg(titles.at(i))); };

    chapter(0);
    for (const QString &s : r.summary)
        flow.paragraph(s, Font::Body, Qt::black, 0, 6);

    chapter(1);
    {
        // Racks side by side, each scaled so that a 42U rack takes about half a page.
        QVector<Op> racks;
        const double unitPt = std::min(7.0, (flow.height() / k * 0.5) / 42.0);
        for (int i = 0; i < r.racks.size(); ++i) {
            const RackElevation &rack = r.racks.at(i);
            const double s = unitPt / 14.0 * k;
            const double captionH = flow.metrics(Font::SmallBold).height() + flow.metrics(Font::Small).height() * 2;
            const QSizeF size(200 * s, (12.0 + rack.units * 14) * s + captionH);
            racks << Op{Op::Kind::Rack, QRectF(QPointF(), size), {}, Font::Small, 0, {}, i, {}};
        }
        flow.boxes(racks, 10 * k);
    }
    if (!r.unrackedHosts.rows.isEmpty()) {
        flow.heading(tr("Hosts in no rack"));
        flow.table(r.unrackedHosts);
    }

    chapter(2);
    if (r.groups.isEmpty())
        flow.paragraph(tr("The layout has no redundancy groups."));
    else
        flow.table(r.groupTable);

    chapter(3);
    flow.paragraph(tr("Errors: %1 \u00b7 Warnings: %2 \u00b7 Notes: %3").arg(r.errors).arg(r.warnings).arg(r.infos),
                   Font::Bold, Qt::black, 0, 6);
    if (r.findings.isEmpty())
        flow.paragraph(tr("The placement rules find nothing to report."));
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        bool any = false;
        const QColor color = sev == Severity::Error   ? QColor(0xc6, 0x28, 0x28)
                           : sev == Severity::Warning ? QColor(0xb2, 0x4c, 0x00)
                                                      : QColor(0x15, 0x65, 0xc0);
        // By rule: its title, explanation and source once, then its findings.
        for (const QVector<const ReportFinding *> &group : findingsByRule(r.findings, sev)) {
            const ReportFinding &first = *group.first();
            if (!any)
                flow.heading(sev == Severity::Error     ? tr("Errors")
                             : sev == Severity::Warning ? tr("Warnings")
                                                        : tr("Notes"));
            any = true;
            flow.ensure(flow.metrics(Font::Body).height() * 5);
            flow.paragraph(first.title + QStringLiteral(" (") + first.rule + QStringLiteral("), ")
                               + findingsCount(group.size()),
                           Font::Bold, color, 6, 1);
            flow.paragraph(first.explanation, Font::Body, Qt::black, 0, 1);
            flow.paragraph(tr("Source: ") + first.source, Font::Small, muted, 0, 3);
            for (const ReportFinding *f : group)
                flow.paragraph(QStringLiteral("\u2022 ") + f->message
                                   + (f->waived.isEmpty() ? QString() : tr(" (waived: %1)").arg(f->waived)),
                               Font::Body, Qt::black, 0, 1);
            flow.space(4);
        }
    }

    auto addChart = [&](ChartKind kind, int index, int categories) {
        // The impact chart has a row per element: it may take most of a page.
        const bool impact = kind == ChartKind::Impact;
        const QSizeF natural = impact ? ChartBuilders::impactReportSize(categories)
                                      : ChartBuilders::reportSize(categories);
        // Laid out as painted (below): the impact chart at its own size, the
        // others as wide as the page at 96 dpi, each as high as it needs.
        const double w = flow.width();
        const double laidOutWidth = impact ? natural.width() : flow.width() / k * 96.0 / 72.0;
        const double h = std::min(w / laidOutWidth * natural.height(), flow.height() * (impact ? 0.85 : 0.45));
        flow.boxes({Op{Op::Kind::Chart, QRectF(0, 0, w, h), {}, Font::Small, 0, {}, index, kind}}, 6 * k);
    };
    chapter(4);
    flow.paragraph(tr("What each single host, rack and circuit failure takes down, what HA restarts and where, and "
                      "what stays down."));
    if (!r.impact.labels.isEmpty()) {
        flow.heading(tr("Impact of each single failure"));
        if (!r.impactNote.isEmpty())
            flow.paragraph(r.impactNote);
        addChart(ChartKind::Impact, 0, r.impact.labels.size());
        flow.heading(tr("Every single failure"));
    }
    flow.table(r.failureMatrix);
    for (const DesignReport::SavedScenario &sc : r.scenarios) {
        flow.heading(tr("Saved scenario: %1").arg(sc.name));
        flow.paragraph(sc.sentence);
        if (!sc.table.rows.isEmpty())
            flow.table(sc.table);
    }
    flow.heading(tr("Worst double failures"));
    if (r.worstDoubles.rows.isEmpty()) {
        flow.paragraph(tr("No double failure does more harm than a single one."));
    } else {
        for (int i = 0; i < r.worstDoubleSentences.size(); ++i)
            flow.paragraph(QStringLiteral("%1. ").arg(i + 1) + r.worstDoubleSentences.at(i));
        flow.table(r.worstDoubles);
    }

    chapter(5);
    for (int i = 0; i < r.capacity.size(); ++i) {
        flow.heading(r.capacity.at(i).cluster);
        addChart(ChartKind::Vcpu, i, r.capacity.at(i).hosts.size());
        addChart(ChartKind::Memory, i, r.capacity.at(i).hosts.size());
    }
    flow.heading(r.guestsPerRack.title);
    addChart(ChartKind::PerRack, 0, r.guestsPerRack.labels.size());
    flow.heading(r.guestsPerCircuit.title);
    addChart(ChartKind::PerCircuit, 0, r.guestsPerCircuit.labels.size());

    chapter(6);
    for (const auto &[title, table] :
         {std::pair<QString, const ReportTable &>{tr("Kept apart (anti-affinity)"), r.apartSets},
          std::pair<QString, const ReportTable &>{tr("Rack pins of switchover pairs"), r.rackPins},
          std::pair<QString, const ReportTable &>{tr("DRS overrides"), r.drsOverrides}}) {
        flow.heading(title);
        if (table.rows.isEmpty())
            flow.paragraph(tr("None."));
        else
            flow.table(table);
    }
    if (!r.ruleNotes.isEmpty()) {
        flow.heading(tr("Notes"));
        for (const QString &note : r.ruleNotes)
            flow.paragraph(QStringLiteral("\u2022 ") + note);
    }

    chapter(7);
    flow.heading(tr("Hosts"));
    flow.table(r.hostInventory);
    flow.heading(tr("Guests"));
    flow.table(r.guestInventory);

    chapter(8);
    if (r.script.isEmpty()) {
        flow.paragraph(tr("No script for this platform."));
    } else {
        flow.heading(r.scriptTitle);
        flow.code(r.script);
    }

    // The contents, now that every chapter has its page.
    for (int i = 0; i < titles.size() && i < chapterPages.size(); ++i) {
        const QRectF line(0, tocY + i * tocLine, flow.width(), tocLine);
        flow.pages()[tocPage].append(Op{Op::Kind::Text,
                                        line,
                                        QStringLiteral("%1. %2").arg(i + 1).arg(titles.at(i)),
                                        Font::Body,
                                        Qt::AlignLeft | Qt::AlignVCenter,
                                        Qt::black,
                                        0,
                                        {}});
        flow.pages()[tocPage].append(Op{Op::Kind::Text,
                                        line,
                                        QString::number(chapterPages.at(i) + 1),
                                        Font::Body,
                                        Qt::AlignRight | Qt::AlignVCenter,
                                        Qt::black,
                                        0,
                                        {}});
        flow.pages()[tocPage].append(Op{Op::Kind::Line,
                                        QRectF(0, line.bottom(), flow.width(), 0),
                                        {},
                                        Font::Body,
                                        0,
                                        QColor(0xe0, 0xe0, 0xe0),
                                        0,
                                        {}});
    }

    // Paint.
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("could not start painting the report");
        return false;
    }
    const QVector<QVector<Op>> &pages = flow.pages();
    // On the PDF writer a line of text is drawn without a QTextLayout (PdfDocumentWriter::drawText);
    // on any other device (a printer) through its cached layout.
    auto *pdf = dynamic_cast<PdfDocumentWriter *>(device);
    const auto drawLine = [&](Font f, const QPointF &topLeft, const QString &text) {
        if (!pdf || !pdf->drawText(&painter, topLeft + QPointF(0, flow.metrics(f).ascent()), text))
            flow.shaped(f, text).draw(&painter, topLeft);
    };
    // One line of text aligned in rect (left or right; top, bottom or centred), as drawText(rect, flags, text).
    const auto drawAligned = [&](Font f, const QRectF &rect, int flags, const QString &text) {
        const double h = flow.metrics(f).height();
        const double y = (flags & Qt::AlignBottom)  ? rect.bottom() - h
                       : (flags & Qt::AlignVCenter) ? rect.top() + (rect.height() - h) / 2
                                                    : rect.top();
        const double x = (flags & Qt::AlignRight) ? rect.right() - flow.advance(f, text) : rect.left();
        drawLine(f, QPointF(x, y), text);
    };
    const QString footerTitle = flow.metrics(Font::Footer).elidedText(r.title, Qt::ElideRight, full.width() * 0.7);
    Font font = Font::Count;
    QColor pen;
    // A text's font and colour, set only when they change.
    const auto useLook = [&](const Op &op) {
        if (op.font != font) {
            font = op.font;
            painter.setFont(flow.font(op.font));
        }
        if (op.color != pen) {
            pen = op.color;
            painter.setPen(op.color);
        }
    };
    for (int p = 0; p < pages.size(); ++p) {
        font = Font::Count;
        pen = QColor();
        if (progress && !progress(p, pages.size())) {
            painter.end();
            if (error)
                *error = tr("cancelled");
            return false;
        }
        if (p > 0 && !newPage()) {
            if (error)
                *error = tr("could not add a page");
            return false;
        }
        // The page's lines, by colour: one path each, drawn after the rest.
        QVector<std::pair<QColor, QVector<QLineF>>> lines;
        for (const Op &op : pages.at(p)) {
            switch (op.kind) {
            case Op::Kind::Text:
                useLook(op);
                if (op.flags == 0) // one line
                    drawLine(op.font, op.rect.topLeft(), op.text);
                else if ((op.flags & ~int(Qt::AlignLeft | Qt::AlignRight | Qt::AlignVCenter)) == 0)
                    drawAligned(op.font, op.rect, op.flags, op.text);
                else
                    painter.drawText(op.rect, op.flags, op.text);
                break;
            case Op::Kind::Wrapped: {
                useLook(op);
                const Flow::Wrapped &wrapped = flow.wrapped(op.font, op.text, op.rect.width());
                if (wrapped.layout) {
                    wrapped.layout->draw(&painter, op.rect.topLeft());
                    break;
                }
                const double lineH = flow.lineHeight(op.font);
                for (int i = 0; i < wrapped.lines.size(); ++i) {
                    if (!wrapped.lines.at(i).isEmpty())
                        drawLine(op.font, op.rect.topLeft() + QPointF(0, i * lineH), wrapped.lines.at(i));
                }
                break;
            }
            case Op::Kind::Fill: painter.fillRect(op.rect, op.color); break;
            case Op::Kind::Line: {
                auto it = std::find_if(lines.begin(), lines.end(), [&](const auto &l) { return l.first == op.color; });
                if (it == lines.end())
                    it = lines.insert(lines.end(), {op.color, {}});
                it->second.append(QLineF(op.rect.topLeft(), op.rect.bottomRight()));
                break;
            }
            case Op::Kind::Rack: {
                font = Font::Count;
                pen = QColor();
                const RackElevation &rack = r.racks.at(op.index);
                const QFontMetricsF &bold = flow.metrics(Font::SmallBold);
                const QFontMetricsF &small = flow.metrics(Font::Small);
                painter.setFont(flow.font(Font::SmallBold));
                painter.setPen(Qt::black);
                QRectF text(op.rect.left(), op.rect.top(), op.rect.width(), bold.height());
                painter.drawText(text, Qt::AlignLeft, bold.elidedText(rack.name, Qt::ElideRight, text.width()));
                painter.setFont(flow.font(Font::Small));
                painter.setPen(muted);
                const QString feeds = rack.feeds.isEmpty() ? tr("no feeds given")
                                                           : rack.feeds.join(QStringLiteral(", "));
                text = QRectF(op.rect.left(), text.bottom(), op.rect.width(), small.height());
                painter.drawText(text, Qt::AlignLeft,
                                 small.elidedText(tr("%1U").arg(rack.units) + QStringLiteral(" \u00b7 ") + feeds,
                                                  Qt::ElideRight, text.width()));
                const double top = op.rect.top() + bold.height() + small.height() * 2;
                paintElevation(painter, elevationDrawing(rack),
                               QRectF(op.rect.left(), top, op.rect.width(), op.rect.bottom() - top),
                               [&](const QPointF &baseline, const QString &label) {
                                   if (!pdf || !pdf->drawText(&painter, baseline, label))
                                       painter.drawText(baseline, label);
                               });
                break;
            }
            case Op::Kind::Chart: {
                font = Font::Count;
                pen = QColor();
                std::unique_ptr<QChart> chart;
                switch (op.chart) {
                case ChartKind::Vcpu: chart.reset(ChartBuilders::capacity(r.capacity.at(op.index), false)); break;
                case ChartKind::Memory: chart.reset(ChartBuilders::capacity(r.capacity.at(op.index), true)); break;
                case ChartKind::PerRack: chart.reset(ChartBuilders::counts(r.guestsPerRack, tr("Rack"))); break;
                case ChartKind::PerCircuit:
                    chart.reset(ChartBuilders::counts(r.guestsPerCircuit, tr("Circuit")));
                    break;
                case ChartKind::Impact: chart.reset(ChartBuilders::impact(r.impact, true)); break;
                }
                // Laid out at a screen-like size, scaled to the box: fonts keep their proportions.
                // The impact chart at its own size: a row per element needs the room for its name.
                const double s = op.chart == ChartKind::Impact
                                   ? op.rect.width() / ChartBuilders::impactReportSize(r.impact.labels.size()).width()
                                   : op.rect.width() / (flow.width() / k * 96.0 / 72.0);
                painter.save();
                painter.translate(op.rect.topLeft());
                painter.scale(s, s);
                ChartBuilders::paint(chart.get(), &painter, QRectF(QPointF(0, 0), op.rect.size() / s),
                                     ChartBuilders::Afterwards::Discarded);
                painter.restore();
                break;
            }
            }
        }
        for (const auto &[color, segments] : lines) {
            painter.setPen(QPen(color, 0.5 * k));
            painter.drawLines(segments);
        }
        painter.setFont(flow.font(Font::Footer));
        painter.setPen(muted);
        const QRectF foot(0, full.height() - footer * 0.7, full.width(), footer * 0.7);
        if (p > 0)
            drawAligned(Font::Footer, foot, Qt::AlignLeft | Qt::AlignBottom, footerTitle);
        drawAligned(Font::Footer, foot, Qt::AlignRight | Qt::AlignBottom,
                    tr("Page %1 of %2").arg(p + 1).arg(pages.size()));
    }
    painter.end();
    return true;
}

} // namespace td
