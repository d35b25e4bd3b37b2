#pragma once

#include "export/exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPrinter;
class QSpinBox;

namespace td {

class MainWindow;
class TopologyScene;

// File > Export > Report...: the format (the registry's reports and
// pictures), the file, and the options that format takes (hide names, page
// size, picture size). Exporting shows a progress dialog when it takes longer
// than about half a second. Given a window's canvas, the pictures (SVG, PNG)
// are the canvas as it is drawn now: compact racks, hidden names, the what-if
// scenario shown.
class ExportReportDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportReportDialog(const Topology &topology, QString sourceName, QString suggestedPath, QWidget *parent = nullptr);

    QComboBox *formatBox() const { return mFormat; }
    QLineEdit *pathEdit() const { return mPath; }
    QCheckBox *hideNamesBox() const { return mHideNames; }
    QComboBox *pageBox() const { return mPage; }
    // What the last export said (notes or the error), for tests.
    QString lastMessage() const { return mMessage; }

    // The canvas the pictures are taken from (none: a scene of the layout
    // with the default view), and the what-if scenario it shows (its
    // sentence; empty: none). Names are hidden by default when it hides them.
    void setCanvas(TopologyScene *scene, const QString &scenario = {});

    // Exports with the chosen options; false with the reason shown.
    bool exportNow();

    void accept() override;

private:
    const Exporter *exporter() const;
    bool writeCanvas(const Exporter *exporter,
                     const ExportOptions &options,
                     QIODevice &out,
                     QStringList *notes,
                     QString *error);
    void formatChanged();
    void browse();

    const Topology &mTopology;
    QString mSourceName;
    QString mBase; // the suggested path without its extension
    QComboBox *mFormat;
    QLineEdit *mPath;
    QCheckBox *mHideNames;
    QComboBox *mPage;
    QSpinBox *mWidth;
    QSpinBox *mHeight;
    QLabel *mStatus;
    QLabel *mPictureNote;
    TopologyScene *mCanvas = nullptr;
    QString mMessage;
};

// The report and canvas entries of the File menu: Export > Report...,
// Print > Canvas / Report, Print Preview > Canvas / Report.
void addReportActions(QMenu *file, MainWindow *window);

// Paints the canvas (fit to the page) or the report on a printer.
void printCanvas(MainWindow *window, QPrinter *printer);
void printReport(MainWindow *window, QPrinter *printer);

} // namespace td
