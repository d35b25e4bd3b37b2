#pragma once

#include "report/designreport.h"

#include <QPageSize>

#include <functional>

class QPagedPaintDevice;
class QPaintDevice;

namespace td {

// The design report laid out in pages: a title page, a table of contents with
// page numbers, one chapter per section starting on a new page, tables that
// break across pages with their header repeated, rack elevations and charts
// drawn as vectors, and "Page N of M" on every page. Lays out once (text
// measured with the device's fonts), then paints on any paged device: a
// PdfDocumentWriter (PDF export) or a QPrinter (print, print preview).
class PagedReport final
{
public:
    explicit PagedReport(const DesignReport &report) : mReport(report) {}

    // Paints every page; false with *error when the device cannot be painted
    // on or progress (called once per page) returned false.
    bool paint(QPagedPaintDevice *device,
               QString *error,
               const std::function<bool(int done, int total)> &progress = {}) const;
    // The same on any paint device whose pages newPage() turns.
    bool paint(QPaintDevice *device,
               const std::function<bool()> &newPage,
               QString *error,
               const std::function<bool(int done, int total)> &progress = {}) const;

    // a4 | letter (anything else: a4).
    static QPageSize pageSize(const QString &name);

private:
    const DesignReport &mReport;
};

} // namespace td
