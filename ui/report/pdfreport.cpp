#include "report/pdfreport.h"

#include "charts/chartbuilders.h"
#include "report/reportwriters.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::PagedReport", text);
}

// Custom text objects: a rack elevation (SVG from core, drawn by QSvgRenderer)
// or a chart (QtCharts), painted as vectors wherever the text flows them.
enum ObjectType { RackObject = QTextFormat::UserObject + 1, ChartObject };
enum ObjectProperty { ObjectIndex = QTextFormat::UserProperty + 1, ObjectWidth, ObjectHeight, ChartProperty, NaturalSize };
enum class ChartKind { Vcpu, Memory, PerRack, PerCircuit };

class ReportObjects final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    explicit ReportObjects(const DesignReport &report) : mReport(report) {}

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        return QSizeF(format.doubleProperty(ObjectWidth), format.doubleProperty(ObjectHeight));
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const int index = format.intProperty(ObjectIndex);
        painter->save();
        if (format.objectType() == RackObject) {
            const QString svg = rackElevationSvg(mReport.racks.at(index));
            QSvgRenderer renderer(svg.toUtf8());
            renderer.render(painter, rect);
        } else {
            std::unique_ptr<QChart> chart;
            switch (static_cast<ChartKind>(format.intProperty(ChartProperty))) {
            case ChartKind::Vcpu: chart.reset(ChartBuilders::capacity(mReport.capacity.at(index), false)); break;
            case ChartKind::Memory: chart.reset(ChartBuilders::capacity(mReport.capacity.at(index), true)); break;
            case ChartKind::PerRack: chart.reset(ChartBuilders::counts(mReport.guestsPerRack, tr("Rack"))); break;
            case ChartKind::PerCircuit:
                chart.reset(ChartBuilders::counts(mReport.guestsPerCircuit, tr("Circuit")));
                break;
            }
            // The chart lays itself out at its report size, scaled into rect.
            const QSizeF natural = format.property(NaturalSize).toSizeF();
            painter->translate(rect.topLeft());
            painter->scale(rect.width() / natural.width(), rect.height() / natural.height());
            ChartBuilders::paint(chart.get(), painter, QRectF(QPointF(0, 0), natural));
        }
        painter->restore();
    }

private:
    const DesignReport &mReport;
};

// Builds the text with a cursor (faster and more exact than HTML import).
class Builder
{
public:
    Builder(QTextDocument *doc, const QSizeF &page) : mDoc(doc), mCursor(doc), mPage(page)
    {
        QFont base(QStringLiteral("Sans Serif"), 9);
        doc->setDefaultFont(base);
        mBody.setFontPointSize(9);
        mHeading.setFontPointSize(16);
        mHeading.setFontWeight(QFont::Bold);
        mHeading.setForeground(QColor(0x1b, 0x4f, 0x9c));
        mSub.setFontPointSize(12);
        mSub.setFontWeight(QFont::Bold);
        mBold = mBody;
        mBold.setFontWeight(QFont::Bold);
        mMuted = mBody;
        mMuted.setForeground(QColor(0x5f, 0x6b, 0x76));
        mSmall = mBody;
        mSmall.setFontPointSize(7.5);
    }

    QTextCursor &cursor() { return mCursor; }

    void block(const QTextCharFormat &format, Qt::Alignment align = Qt::AlignLeft, bool pageBreak = false,
               double top = 0, double bottom = 4)
    {
        QTextBlockFormat b;
        b.setAlignment(align);
        b.setTopMargin(top);
        b.setBottomMargin(bottom);
        if (pageBreak)
            b.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        if (mFirst)
            mCursor.setBlockFormat(b);
        else
            mCursor.insertBlock(b, format);
        mCursor.setCharFormat(format);
        mFirst = false;
    }
    void paragraph(const QString &text, const QTextCharFormat *format = nullptr)
    {
        block(format ? *format : mBody);
        mCursor.insertText(text, format ? *format : mBody);
    }
    // A chapter heading on a new page; returns its block number (for the contents).
    int heading(const QString &text)
    {
        block(mHeading, Qt::AlignLeft, true, 0, 10);
        mCursor.insertText(text, mHeading);
        return mCursor.block().blockNumber();
    }
    void subheading(const QString &text)
    {
        block(mSub, Qt::AlignLeft, false, 10, 4);
        mCursor.insertText(text, mSub);
    }

    // A table with a header row repeated on every page it spans. Big tables
    // go in chunks (each with the header) so that layout stays linear.
    void table(const ReportTable &t)
    {
        if (t.header.isEmpty())
            return;
        constexpr int kChunk = 250;
        for (int start = 0; start < std::max<int>(1, t.rows.size()); start += kChunk) {
            const int rows = std::min<int>(kChunk, t.rows.size() - start);
            QTextTableFormat f;
            f.setHeaderRowCount(1);
            f.setCellPadding(2);
            f.setCellSpacing(0);
            f.setBorder(0.5);
            f.setBorderBrush(QColor(0xb0, 0xbe, 0xc5));
            f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            f.setBorderCollapse(true);
            f.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            f.setTopMargin(start == 0 ? 4 : 0);
            f.setBottomMargin(0);
            block(mSmall, Qt::AlignLeft, false, 0, 0);
            QTextTable *table = mCursor.insertTable(rows + 1, t.header.size(), f);
            QTextCharFormat head = mSmall;
            head.setFontWeight(QFont::Bold);
            QTextTableCellFormat headCell;
            headCell.setBackground(QColor(0xec, 0xef, 0xf1));
            for (int c = 0; c < t.header.size(); ++c) {
                QTextTableCell cell = table->cellAt(0, c);
                cell.setFormat(headCell);
                cell.firstCursorPosition().insertText(t.header.at(c), head);
            }
            for (int r = 0; r < rows; ++r) {
                const QStringList &row = t.rows.at(start + r);
                for (int c = 0; c < row.size() && c < t.header.size(); ++c)
                    table->cellAt(r + 1, c).firstCursorPosition().insertText(row.at(c), mSmall);
            }
            mCursor = table->lastCursorPosition();
            mCursor.movePosition(QTextCursor::NextBlock);
        }
    }

    void object(int type, int index, const QSizeF &size, int kind = 0, const QSizeF &natural = QSizeF())
    {
        QTextCharFormat f;
        f.setObjectType(type);
        f.setProperty(ObjectIndex, index);
        f.setProperty(ObjectWidth, size.width());
        f.setProperty(ObjectHeight, size.height());
        f.setProperty(ChartProperty, kind);
        f.setProperty(NaturalSize, natural);
        mCursor.insertText(QString(QChar::ObjectReplacementCharacter), f);
    }

    // A chart as wide as the page, at most a third of its height.
    void chart(ChartKind kind, int index, int categories)
    {
        const QSizeF natural = ChartBuilders::reportSize(categories);
        const double w = std::min(mPage.width(), natural.width() * 0.75);
        const QSizeF size(w, w * natural.height() / natural.width());
        block(mBody, Qt::AlignCenter);
        object(ChartObject, index, size, static_cast<int>(kind), natural);
    }

    QTextCharFormat mBody, mHeading, mSub, mBold, mMuted, mSmall;

private:
    QTextDocument *mDoc;
    QTextCursor mCursor;
    QSizeF mPage;
    bool mFirst = true;
};

} // namespace

PagedReport::PagedReport(const DesignReport &report) : mReport(report) {}
PagedReport::~PagedReport() = default;

QPageSize PagedReport::pageSize(const QString &name)
{
    return name.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0 ? QPageSize(QPageSize::Letter)
                                                                            : QPageSize(QPageSize::A4);
}

std::unique_ptr<QTextDocument> PagedReport::build(QPagedPaintDevice *device, const QSizeF &page) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(device);
    doc->setPageSize(page);
    doc->setDocumentMargin(0);
    auto *objects = new ReportObjects(mReport);
    objects->setParent(doc.get());
    doc->documentLayout()->registerHandler(RackObject, objects);
    doc->documentLayout()->registerHandler(ChartObject, objects);
    const DesignReport &r = mReport;
    const QStringList titles = reportSectionTitles(r);
    Builder b(doc.get(), page);

    // Title page.
    QTextCharFormat big = b.mHeading;
    big.setFontPointSize(28);
    b.block(big, Qt::AlignLeft, false, page.height() * 0.25, 12);
    b.cursor().insertText(r.title, big);
    QTextCharFormat sub = b.mSub;
    sub.setFontWeight(QFont::Normal);
    sub.setFontPointSize(14);
    b.block(sub);
    b.cursor().insertText(tr("Virtualization design report"), sub);
    b.paragraph(r.platform, &b.mMuted);
    b.paragraph(r.date, &b.mMuted);
    if (!r.sourceName.isEmpty())
        b.paragraph(r.sourceName, &b.mMuted);

    // Contents: the page numbers are filled in after a first layout.
    b.heading(tr("Contents"));
    QVector<int> tocBlocks;
    for (int i = 0; i < titles.size(); ++i) {
        b.paragraph(QStringLiteral("%1. %2").arg(i + 1).arg(titles.at(i)));
        tocBlocks << b.cursor().block().blockNumber();
    }
    QVector<int> headings;
    auto chapter = [&](int i) { headings << b.heading(QStringLiteral("%1. %2").arg(i + 1).arg(titles.at(i))); };

    chapter(0);
    for (const QString &s : r.summary)
        b.paragraph(s);

    chapter(1);
    if (!r.racks.isEmpty()) {
        b.block(b.mBody);
        const double scale = std::min(1.0, (page.height() * 0.8) / (12.0 + 42 * 14));
        for (int i = 0; i < r.racks.size(); ++i) {
            const RackElevation &rack = r.racks.at(i);
            b.subheading(rack.name);
            b.paragraph(tr("%1U").arg(rack.units) + QStringLiteral(" \u00b7 ") +
                            (rack.feeds.isEmpty() ? tr("no feeds given") : rack.feeds.join(QStringLiteral(" \u00b7 "))),
                        &b.mMuted);
            if (!rack.unplaced.isEmpty())
                b.paragraph(tr("No unit given: ") + rack.unplaced.join(QStringLiteral(", ")), &b.mMuted);
            b.block(b.mBody, Qt::AlignLeft);
            const double s = std::min(scale, (page.height() * 0.8) / (12.0 + rack.units * 14));
            b.object(RackObject, i, QSizeF(200 * s * 1.4, (12.0 + rack.units * 14) * s));
        }
    }
    if (!r.unrackedHosts.rows.isEmpty()) {
        b.subheading(tr("Hosts in no rack"));
        b.table(r.unrackedHosts);
    }

    chapter(2);
    if (r.groups.isEmpty())
        b.paragraph(tr("The layout has no redundancy groups."));
    else
        b.table(r.groupTable);

    chapter(3);
    b.paragraph(tr("Errors: %1 \u00b7 Warnings: %2 \u00b7 Notes: %3").arg(r.errors).arg(r.warnings).arg(r.infos),
                &b.mBold);
    if (r.findings.isEmpty())
        b.paragraph(tr("The placement rules find nothing to report."));
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        bool any = false;
        for (const ReportFinding &f : r.findings) {
            if (f.severity != sev)
                continue;
            if (!any)
                b.subheading(sev == Severity::Error     ? tr("Errors")
                             : sev == Severity::Warning ? tr("Warnings")
                                                        : tr("Notes"));
            any = true;
            QTextCharFormat msg = b.mBold;
            msg.setForeground(sev == Severity::Error     ? QColor(0xc6, 0x28, 0x28)
                              : sev == Severity::Warning ? QColor(0xb2, 0x4c, 0x00)
                                                         : QColor(0x15, 0x65, 0xc0));
            b.block(msg, Qt::AlignLeft, false, 6, 1);
            b.cursor().insertText(f.message, msg);
            b.paragraph(f.title + QStringLiteral(" (") + f.rule + QStringLiteral("). ") + f.explanation);
            b.paragraph(tr("Source: ") + f.source, &b.mMuted);
        }
    }

    chapter(4);
    for (int i = 0; i < r.capacity.size(); ++i) {
        b.subheading(r.capacity.at(i).cluster);
        b.chart(ChartKind::Vcpu, i, r.capacity.at(i).hosts.size());
        b.chart(ChartKind::Memory, i, r.capacity.at(i).hosts.size());
    }
    b.subheading(r.guestsPerRack.title);
    b.chart(ChartKind::PerRack, 0, r.guestsPerRack.labels.size());
    b.subheading(r.guestsPerCircuit.title);
    b.chart(ChartKind::PerCircuit, 0, r.guestsPerCircuit.labels.size());

    chapter(5);
    b.subheading(tr("Hosts"));
    b.table(r.hostInventory);
    b.subheading(tr("Guests"));
    b.table(r.guestInventory);

    // Contents with page numbers (a number's width does not move any page).
    for (int i = 0; i < tocBlocks.size() && i < headings.size(); ++i) {
        const QTextBlock heading = doc->findBlockByNumber(headings.at(i));
        const int pageNo = 1 + static_cast<int>(doc->documentLayout()->blockBoundingRect(heading).top() / page.height());
        QTextCursor c(doc->findBlockByNumber(tocBlocks.at(i)));
        c.movePosition(QTextCursor::EndOfBlock);
        c.insertText(QStringLiteral(" \u2026 ") + tr("page %1").arg(pageNo), b.mBody);
    }
    return doc;
}

bool PagedReport::paint(QPagedPaintDevice *device, QString *error) const
{
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("could not start painting the report");
        return false;
    }
    // Device pixels of the printable area, a footer line kept below the text.
    const QRectF full(QPointF(0, 0), QSizeF(device->width(), device->height()));
    const double footer = device->logicalDpiY() * 0.35;
    const QSizeF page(full.width(), full.height() - footer);
    std::unique_ptr<QTextDocument> doc = build(device, page);
    const int pages = doc->pageCount();
    QFont footerFont(QStringLiteral("Sans Serif"), 8);
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device->newPage()) {
            if (error)
                *error = tr("could not add a page");
            return false;
        }
        painter.save();
        painter.translate(0, -p * page.height());
        const QRectF clip(0, p * page.height(), page.width(), page.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        ctx.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(clip);
        doc->documentLayout()->draw(&painter, ctx);
        painter.restore();
        painter.setFont(QFont(footerFont, device));
        painter.setPen(QColor(0x5f, 0x6b, 0x76));
        const QRectF foot(0, full.height() - footer * 0.8, full.width(), footer * 0.8);
        if (p > 0)
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, mReport.title);
        painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(p + 1).arg(pages));
    }
    painter.end();
    return true;
}

} // namespace td

#include "pdfreport.moc"
