#pragma once

#include "report/designreport.h"

#include <QPageSize>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace td {

// The design report laid out in pages: a title page, a table of contents with
// page numbers, one section per chapter starting on a new page, tables that
// break across pages with their header repeated, rack elevations and charts
// drawn as vectors, and "page N of M" on every page. Paints on any paged
// device: a QPdfWriter (PDF export) or a QPrinter (print, print preview).
class PagedReport final
{
public:
    explicit PagedReport(const DesignReport &report);
    ~PagedReport();

    // Lays the report out for the device's page and paints every page; false
    // with *error when the device cannot be painted on.
    bool paint(QPagedPaintDevice *device, QString *error) const;

    // a4 | letter (anything else: a4).
    static QPageSize pageSize(const QString &name);

private:
    std::unique_ptr<QTextDocument> build(QPagedPaintDevice *device, const QSizeF &page) const;
    const DesignReport &mReport;
};

} // namespace td
