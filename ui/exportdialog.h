#pragma once

#include "export/exporter.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace td {

class ScriptHighlighter;

// File > Export > DRS Rules...: previews a layout in one of the registry's
// formats of a category (the rule scripts), with what the format could not
// express above the script; Copy, and Save As with the format's extension.
// The last format and folder are remembered (QSettings "export/...").
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Topology &topology,
                 const QString &sourceName,
                 const QString &category,
                 QWidget *parent = nullptr);

    // The format shown ("powercli").
    QString format() const;
    void setFormat(const QString &name);
    // The bytes the preview shows, as a file would get them.
    QByteArray data() const { return mData; }
    QStringList notes() const { return mNotes; }
    // Writes the preview to PATH (atomically); false with *error when it cannot.
    bool saveTo(const QString &path, QString *error = nullptr);

    // The widgets, for tests.
    QComboBox *formatBox() const { return mFormat; }
    QPlainTextEdit *textView() const { return mText; }
    QLabel *notesLabel() const { return mNotesLabel; }
    QPushButton *copyButton() const { return mCopy; }
    QPushButton *saveButton() const { return mSave; }
    ScriptHighlighter *highlighter() const { return mHighlighter; }

private:
    void refresh();
    void saveAs();
    const Exporter *exporter() const;

    const Topology &mTopology;
    QString mSourceName;
    QString mCategory;
    QByteArray mData;
    QStringList mNotes;
    QComboBox *mFormat = nullptr;
    QLabel *mNotesLabel = nullptr;
    QScrollArea *mNotesArea = nullptr;
    QPlainTextEdit *mText = nullptr;
    QPushButton *mCopy = nullptr;
    QPushButton *mSave = nullptr;
    ScriptHighlighter *mHighlighter = nullptr;
};

} // namespace td
