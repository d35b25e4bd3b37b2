#include "report/reportactions.h"

#include "document.h"
#include "io/samples.h"
#include "mainwindow.h"
#include "report/designreport.h"
#include "report/genericnames.h"
#include "report/pdfreport.h"
#include "report/uiexporters.h"
#include "scene/topologyscene.h"
#include "scene/topologyview.h"
#include "whatif/whatifmode.h"
#include "whatif/whatifstate.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPicture>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>

namespace td {

ExportReportDialog::ExportReportDialog(const Topology &topology,
                                       QString sourceName,
                                       QString suggestedPath,
                                       QWidget *parent)
    : QDialog(parent), mTopology(topology), mSourceName(std::move(sourceName))
{
    setWindowTitle(tr("Export Report"));
    setObjectName(QStringLiteral("ExportReportDialog"));
    const QFileInfo info(suggestedPath);
    QString base = info.fileName();
    base.remove(QRegularExpression(QStringLiteral("\\.topo\\.yaml$|\\.yaml$")));
    mBase = info.dir().filePath(base.isEmpty() ? QStringLiteral("design") : base);

    mFormat = new QComboBox(this);
    for (const Exporter *e : ExporterRegistry::instance().all()) {
        if (e->category() == QLatin1String("report") || e->category() == QLatin1String("picture"))
            mFormat->addItem(e->description(), e->name());
    }
    mPath = new QLineEdit(this);
    auto *browseButton = new QPushButton(tr("Browse..."), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(mPath, 1);
    pathRow->addWidget(browseButton);
    mHideNames = new QCheckBox(tr("Generic labels instead of host and VM names (Host 1, CIC Server A)"), this);
    mPage = new QComboBox(this);
    mPage->addItem(tr("A4"), QStringLiteral("a4"));
    mPage->addItem(tr("US Letter"), QStringLiteral("letter"));
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem)
        mPage->setCurrentIndex(1);
    mWidth = new QSpinBox(this);
    mHeight = new QSpinBox(this);
    for (QSpinBox *s : {mWidth, mHeight}) {
        s->setRange(0, 20000);
        s->setSpecialValueText(tr("as drawn"));
        s->setSuffix(tr(" px"));
    }
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(mWidth);
    sizeRow->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    sizeRow->addWidget(mHeight);
    sizeRow->addStretch();
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    mPictureNote = new QLabel(this);
    mPictureNote->setWordWrap(true);
    mPictureNote->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), mFormat);
    form->addRow(tr("File:"), pathRow);
    form->addRow(QString(), mHideNames);
    form->addRow(tr("Page size:"), mPage);
    form->addRow(tr("Picture size:"), sizeRow);
    form->addRow(QString(), mPictureNote);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mStatus);
    layout->addWidget(buttons);

    connect(mFormat, &QComboBox::currentIndexChanged, this, &ExportReportDialog::formatChanged);
    connect(browseButton, &QPushButton::clicked, this, &ExportReportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportReportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportReportDialog::reject);
    formatChanged();
}

const Exporter *ExportReportDialog::exporter() const
{
    return ExporterRegistry::instance().find(mFormat->currentData().toString());
}

void ExportReportDialog::formatChanged()
{
    const Exporter *e = exporter();
    if (!e)
        return;
    const bool picture = e->category() == QLatin1String("picture");
    mPage->setEnabled(e->name() == QLatin1String("pdf"));
    mWidth->setEnabled(picture);
    mHeight->setEnabled(picture);
    mPictureNote->setVisible(picture && mCanvas);
    // Follow the format in the file name unless the user typed another name.
    const QFileInfo current(mPath->text());
    const QString stem = mPath->text().isEmpty() ? mBase : current.dir().filePath(current.completeBaseName());
    mPath->setText(stem + QLatin1Char('.') + e->extension());
}

void ExportReportDialog::browse()
{
    const Exporter *e = exporter();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), mPath->text(),
                                                      e ? tr("%1 (*.%2)").arg(e->description(), e->extension())
                                                        : QString());
    if (!path.isEmpty())
        mPath->setText(path);
}

void ExportReportDialog::setCanvas(TopologyScene *scene, const QString &scenario)
{
    mCanvas = scene;
    if (scene)
        mHideNames->setChecked(scene->hidesNames());
    QStringList view;
    if (scene && scene->isCompact())
        view << tr("compact racks");
    if (!scenario.isEmpty())
        view << tr("what-if: %1").arg(scenario);
    mPictureNote->setText(
        view.isEmpty() ? tr("The picture is the canvas as it is drawn now.")
                       : tr("The picture is the canvas as it is drawn now (%1).").arg(view.join(QStringLiteral(", "))));
    formatChanged();
}

bool ExportReportDialog::exportNow()
{
    const Exporter *e = exporter();
    const QString path = mPath->text().trimmed();
    if (!e || path.isEmpty()) {
        mMessage = tr("Choose a format and a file.");
        mStatus->setText(mMessage);
        return false;
    }
    ExportOptions options;
    options.hideNames = mHideNames->isChecked();
    options.pageSize = mPage->currentData().toString();
    if (mCanvas)
        options.groupColors = &mCanvas->groupColors(); // the report's colours are the canvas's
    if (mWidth->value() > 0 && mHeight->value() > 0)
        options.imageSize = QSize(mWidth->value(), mHeight->value());
    // The progress dialog shows itself once the export takes longer than 0.5 s.
    QProgressDialog progress(tr("Exporting %1...").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setValue(0);
    options.progress = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return !progress.wasCanceled();
    };
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QSaveFile file(path);
    QStringList notes;
    QString error;
    bool ok = file.open(QIODevice::WriteOnly);
    if (!ok)
        error = file.errorString();
    else if (mCanvas && e->category() == QLatin1String("picture"))
        ok = writeCanvas(e, options, file, &notes, &error);
    else
        ok = e->write(ExportInput{mTopology, mSourceName, options}, file, &notes, &error);
    if (ok && !file.commit()) {
        ok = false;
        error = file.errorString();
    }
    if (!ok)
        file.cancelWriting();
    QApplication::restoreOverrideCursor();
    progress.reset();
    mMessage = ok ? notes.join(QLatin1Char('\n')) : tr("Could not export to %1: %2").arg(path, error);
    mStatus->setText(mMessage);
    return ok;
}

bool ExportReportDialog::writeCanvas(const Exporter *e,
                                     const ExportOptions &options,
                                     QIODevice &out,
                                     QStringList *notes,
                                     QString *error)
{
    // The names as asked, for this picture only (the what-if overlay follows).
    const bool hidden = mCanvas->hidesNames();
    mCanvas->setHideNames(options.hideNames);
    const bool ok = writeScenePicture(*mCanvas,
                                      e->name() == QLatin1String("svg") ? CanvasPictureExporter::Format::Svg
                                                                        : CanvasPictureExporter::Format::Png,
                                      options, out, notes, error);
    mCanvas->setHideNames(hidden);
    return ok;
}

void ExportReportDialog::accept()
{
    if (exportNow())
        QDialog::accept();
}

namespace {

QString sourceNameOf(MainWindow *window)
{
    return window->filePath().isEmpty() ? Samples::displayName() : window->filePath();
}

} // namespace

void printCanvas(MainWindow *window, QPrinter *printer)
{
    TopologyScene *scene = window->scene();
    const QRectF source = scene->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    // The canvas's items give their text in points for the screen: painted
    // straight on a 1200 dpi printer it came out 12 times too large. Recorded
    // at the screen's resolution (a QPicture: vectors and text), then scaled to
    // the page, text and shapes keep the proportions the canvas shows.
    QPicture picture;
    {
        QPainter recorder(&picture);
        // The selection is not part of the drawing.
        const QStringList selected = scene->selectedIds();
        scene->selectIds({});
        scene->render(&recorder, QRectF(QPointF(0, 0), source.size()), source);
        scene->selectIds(selected);
    }
    QPainter painter;
    if (!painter.begin(printer))
        return;
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    // drawPicture scales from the picture's resolution to the printer's itself.
    const double scale = std::min(page.width() / source.width(), page.height() / source.height())
                       * picture.logicalDpiX() / printer->logicalDpiX();
    painter.scale(scale, scale);
    painter.drawPicture(QPointF(0, 0), picture);
    painter.end();
}

void printReport(MainWindow *window, QPrinter *printer)
{
    // Names hidden on the canvas (presentation) stay hidden on paper.
    const DesignReport report = DesignReport::build(window->document()->topology(), sourceNameOf(window),
                                                    window->scene()->hidesNames(), &window->scene()->groupColors());
    QString error;
    PagedReport(report).paint(printer, &error);
}

namespace {

// The page the print dialogs start with: the canvas in landscape when it is
// wider than tall, the report in portrait.
void initPrinter(MainWindow *window, void (*paint)(MainWindow *, QPrinter *), QPrinter *printer)
{
    const QRectF drawing = window->scene()->itemsBoundingRect();
    const bool wide = paint == &printCanvas && drawing.width() > drawing.height();
    printer->setPageOrientation(wide ? QPageLayout::Landscape : QPageLayout::Portrait);
}

} // namespace

void addReportActions(QMenu *file, MainWindow *window)
{
    QMenu *exportMenu = file->findChild<QMenu *>(QStringLiteral("exportMenu"));
    if (!exportMenu) {
        exportMenu = file->addMenu(QObject::tr("&Export"));
        exportMenu->setObjectName(QStringLiteral("exportMenu"));
    }
    QAction *report = exportMenu->addAction(QObject::tr("&Report..."));
    report->setObjectName(QStringLiteral("exportReport"));
    QObject::connect(report, &QAction::triggered, window, [window] {
        ExportReportDialog dialog(window->document()->topology(), sourceNameOf(window),
                                  window->filePath().isEmpty()
                                      ? QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                            .filePath(QStringLiteral("design"))
                                      : window->filePath(),
                                  window);
        // The what-if scenario the canvas shows, in the banner's words.
        const WhatIfMode *whatIf = window->whatIf();
        dialog.setCanvas(window->scene(), whatIf->state()->isActive() ? whatIf->banner()->text() : QString());
        dialog.exec();
    });

    QMenu *print = file->addMenu(QObject::tr("&Print"));
    print->setObjectName(QStringLiteral("printMenu"));
    QMenu *preview = file->addMenu(QObject::tr("Print Pre&view"));
    preview->setObjectName(QStringLiteral("printPreviewMenu"));
    using Painter = void (*)(MainWindow *, QPrinter *);
    for (const auto &[text, paint] : {std::pair<QString, Painter>{QObject::tr("&Canvas..."), &printCanvas},
                                      std::pair<QString, Painter>{QObject::tr("&Report..."), &printReport}}) {
        QAction *printAction = print->addAction(text);
        QObject::connect(printAction, &QAction::triggered, window, [window, paint = paint] {
            QPrinter printer(QPrinter::HighResolution);
            initPrinter(window, paint, &printer);
            QPrintDialog dialog(&printer, window);
            if (dialog.exec() == QDialog::Accepted)
                paint(window, &printer);
        });
        QAction *previewAction = preview->addAction(text);
        QObject::connect(previewAction, &QAction::triggered, window, [window, paint = paint] {
            QPrinter printer(QPrinter::HighResolution);
            initPrinter(window, paint, &printer);
            QPrintPreviewDialog dialog(&printer, window);
            QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, window,
                             [window, paint](QPrinter *p) { paint(window, p); });
            dialog.resize(900, 1000);
            dialog.exec();
        });
    }
    print->actions().first()->setShortcut(QKeySequence::Print);
}

} // namespace td
