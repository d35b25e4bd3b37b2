#include "exportdialog.h"

#include "scripthighlighter.h"

#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace td {

namespace {

QString settingsKey(const QString &category, const char *what)
{
    return QStringLiteral("export/%1/%2").arg(category, QLatin1String(what));
}

} // namespace

ExportDialog::ExportDialog(const Topology &topology,
                           const QString &sourceName,
                           const QString &category,
                           QWidget *parent)
    : QDialog(parent), mTopology(topology), mSourceName(sourceName), mCategory(category)
{
    setWindowTitle(tr("Export DRS Rules"));
    setObjectName(QStringLiteral("exportDialog"));

    mFormat = new QComboBox(this);
    mFormat->setObjectName(QStringLiteral("exportFormat"));
    for (const Exporter *e : ExporterRegistry::instance().all()) {
        if (e->category() == category) {
            mFormat->addItem(QStringLiteral("%1 (.%2)").arg(e->name(), e->extension()), e->name());
            mFormat->setItemData(mFormat->count() - 1, e->description(), Qt::ToolTipRole);
        }
    }
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(mFormat);
    auto *top = new QHBoxLayout;
    top->addWidget(formatLabel);
    top->addWidget(mFormat, 1);

    mNotesLabel = new QLabel(this);
    mNotesLabel->setObjectName(QStringLiteral("exportNotes"));
    mNotesLabel->setWordWrap(true);
    mNotesLabel->setTextFormat(Qt::PlainText);
    mNotesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mNotesLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A large layout can have hundreds of notes: they scroll, the script keeps its room.
    mNotesArea = new QScrollArea(this);
    mNotesArea->setWidget(mNotesLabel);
    mNotesArea->setWidgetResizable(true);
    mNotesArea->setFrameShape(QFrame::NoFrame);
    mNotesArea->setMaximumHeight(140);

    mText = new QPlainTextEdit(this);
    mText->setObjectName(QStringLiteral("exportText"));
    mText->setReadOnly(true);
    mText->setLineWrapMode(QPlainTextEdit::NoWrap);
    mText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mHighlighter = new ScriptHighlighter(mText->document());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    mCopy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    mSave = buttons->addButton(tr("&Save As..."), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mCopy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(mText->toPlainText()); });
    connect(mSave, &QPushButton::clicked, this, &ExportDialog::saveAs);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(mNotesArea);
    layout->addWidget(mText, 1);
    layout->addWidget(buttons);
    resize(900, 640);

    const QString last = QSettings().value(settingsKey(category, "format")).toString();
    const int index = mFormat->findData(last);
    if (index >= 0)
        mFormat->setCurrentIndex(index);
    connect(mFormat, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settingsKey(mCategory, "format"), format());
        refresh();
    });
    refresh();
}

QString ExportDialog::format() const
{
    return mFormat->currentData().toString();
}

void ExportDialog::setFormat(const QString &name)
{
    const int index = mFormat->findData(name);
    if (index >= 0)
        mFormat->setCurrentIndex(index);
}

const Exporter *ExportDialog::exporter() const
{
    return ExporterRegistry::instance().find(format());
}

void ExportDialog::refresh()
{
    mData.clear();
    mNotes.clear();
    const Exporter *e = exporter();
    QString error;
    bool ok = false;
    if (e) {
        QBuffer buffer(&mData);
        buffer.open(QIODevice::WriteOnly);
        ok = e->write(ExportInput{mTopology, mSourceName, {}}, buffer, &mNotes, &error);
    }
    if (!ok)
        mData.clear();
    QByteArray shown = mData;
    if (shown.startsWith("\xEF\xBB\xBF"))
        shown.remove(0, 3); // the byte order mark stays in the file only
    mHighlighter->setLanguage(ScriptHighlighter::languageOf(e ? e->extension() : QString()));
    mText->setPlainText(QString::fromUtf8(shown));
    mCopy->setEnabled(ok);
    mSave->setEnabled(ok);
    QString notes;
    if (!ok) {
        notes = e ? error : tr("No export format.");
        mNotesLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else {
        mNotesLabel->setStyleSheet(QString());
        if (!mNotes.isEmpty()) {
            notes = tr("What this format does not express (also written as comments in the script):");
            for (const QString &n : std::as_const(mNotes))
                notes += QStringLiteral("\n\u2022 ") + n;
        }
    }
    mNotesLabel->setText(notes);
    mNotesLabel->setVisible(!notes.isEmpty());
    mNotesArea->setVisible(!notes.isEmpty());
}

bool ExportDialog::saveTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(mData) != mData.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ExportDialog::saveAs()
{
    const Exporter *e = exporter();
    if (!e)
        return;
    QSettings settings;
    QString dir = settings.value(settingsKey(mCategory, "directory")).toString();
    const QFileInfo source(mSourceName);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = source.isAbsolute() ? source.absolutePath() : QDir::homePath();
    QString base = source.fileName();
    if (base.endsWith(QLatin1String(".topo.yaml")))
        base.chop(10);
    if (base.isEmpty() || base.contains(QLatin1Char(':')))
        base = QStringLiteral("layout");
    const QString suggested = QDir(dir).filePath(QStringLiteral("%1-%2.%3").arg(base, e->name(), e->extension()));
    QFileDialog dialog(this, tr("Save the Export As"), suggested,
                       tr("%1 (*.%2)").arg(e->name(), e->extension()) + QStringLiteral(";;") + tr("All files (*)"));
    dialog.setObjectName(QStringLiteral("exportSaveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(e->extension());
    dialog.selectFile(suggested);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().first();
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Export"), error);
        return;
    }
    settings.setValue(settingsKey(mCategory, "directory"), QFileInfo(path).absolutePath());
}

} // namespace td
