#include "recovery.h"

#include "io/layoutreader.h"

#include <QColor>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace td {

namespace {

const QLatin1String kLayoutSuffix(".topo.yaml");
const QLatin1String kMetaSuffix(".json");
const QLatin1String kLockSuffix(".lock");

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIsoTime(const QString &s)
{
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

// Only for the files of the first recovery version, whose lock named a pid.
bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    return pid == QCoreApplication::applicationPid() || ::kill(static_cast<pid_t>(pid), 0) == 0;
#else
    return true; // cannot tell: leave it alone
#endif
}

bool writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

// ---------------------------------------------------------------- DiskState

Recovery::DiskState Recovery::DiskState::of(const QString &path)
{
    DiskState state;
    if (path.isEmpty())
        return state;
    const QFileInfo info(path);
    state.exists = info.exists();
    if (!info.isFile())
        return state; // missing, or a special file: never read
    state.size = info.size();
    state.modified = info.lastModified().toUTC();
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly) && hash.addData(&file))
        state.sha256 = hash.result().toHex();
    return state;
}

bool Recovery::DiskState::sameContent(const DiskState &other) const
{
    if (exists != other.exists)
        return false;
    if (!exists)
        return true;
    if (!sha256.isEmpty() && !other.sha256.isEmpty())
        return sha256 == other.sha256;
    return size == other.size && modified == other.modified;
}

// ---------------------------------------------------------------- Recovery

Recovery::Recovery(QString dir) : mDir(std::move(dir))
{
    if (mDir.isEmpty())
        mDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(mDir);
    for (int attempt = 0; attempt < 5; ++attempt) {
        mSession = QStringLiteral("session-%1-%2-%3")
                       .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")))
                       .arg(QCoreApplication::applicationPid())
                       .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        mLock = std::make_unique<QLockFile>(lockFile());
        mLock->setStaleLockTime(0);
        if (mLock->tryLock(0))
            break;
    }
}

Recovery::~Recovery()
{
    for (QLockFile *lock : std::as_const(mClaimed))
        delete lock; // unlocks
}

QString Recovery::recoveryFile() const
{
    return mDir + QLatin1Char('/') + mSession + kLayoutSuffix;
}

QString Recovery::metaFile() const
{
    return mDir + QLatin1Char('/') + mSession + kMetaSuffix;
}

QString Recovery::lockFile() const
{
    return mDir + QLatin1Char('/') + mSession + kLockSuffix;
}

bool Recovery::writeMeta(const QString &path,
                         const QString &originalPath,
                         const QDateTime &written,
                         const DiskState &baseline,
                         const QByteArray &layoutSha256)
{
    QJsonObject meta;
    meta.insert(QStringLiteral("format"), 1);
    meta.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    meta.insert(QStringLiteral("original"), originalPath);
    meta.insert(QStringLiteral("written"), isoTime(written));
    meta.insert(QStringLiteral("layout_sha256"), QString::fromLatin1(layoutSha256));
    if (!originalPath.isEmpty()) {
        QJsonObject base;
        base.insert(QStringLiteral("exists"), baseline.exists);
        base.insert(QStringLiteral("size"), baseline.size);
        base.insert(QStringLiteral("modified"), isoTime(baseline.modified));
        base.insert(QStringLiteral("sha256"), QString::fromLatin1(baseline.sha256));
        meta.insert(QStringLiteral("baseline"), base);
    }
    return writeAtomically(path, QJsonDocument(meta).toJson());
}

bool Recovery::write(const QByteArray &layout, const QString &originalPath, const DiskState &baseline)
{
    const QByteArray hash = sha256(layout);
    if (hash == mWrittenSha256 && QFile::exists(recoveryFile()) && QFile::exists(metaFile()))
        return true;
    // The layout first: a metadata file without its layout holds no work.
    if (!writeAtomically(recoveryFile(), layout)
        || !writeMeta(metaFile(), originalPath, QDateTime::currentDateTimeUtc(), baseline, hash))
        return false;
    mWrittenSha256 = hash;
    return true;
}

void Recovery::discard()
{
    QFile::remove(recoveryFile());
    QFile::remove(metaFile());
    mWrittenSha256.clear();
}

void Recovery::release()
{
    discard();
    if (mLock)
        mLock->unlock();
}

void Recovery::unclaim(const QString &session)
{
    delete mClaimed.take(session); // unlocks: the lock file goes
}

void Recovery::convertLegacy()
{
    // The first version kept one recovery.topo.yaml per user, with a
    // recovery.lock holding "pid\noriginal path\n".
    const QString legacy = mDir + QStringLiteral("/recovery.topo.yaml");
    const QString legacyLock = mDir + QStringLiteral("/recovery.lock");
    if (!QFile::exists(legacy))
        return;
    qint64 pid = 0;
    QString original;
    QFile lock(legacyLock);
    if (lock.open(QIODevice::ReadOnly)) {
        pid = lock.readLine().trimmed().toLongLong();
        original = QString::fromUtf8(lock.readLine().trimmed());
        lock.close();
    }
    if (processAlive(pid))
        return;
    const QString session = QStringLiteral("legacy-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const QString layout = mDir + QLatin1Char('/') + session + kLayoutSuffix;
    const QDateTime written = QFileInfo(legacy).lastModified();
    if (!QFile::rename(legacy, layout))
        return;
    QFile file(layout);
    const QByteArray data = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (writeMeta(mDir + QLatin1Char('/') + session + kMetaSuffix, original, written, DiskState(), sha256(data)))
        QFile::remove(legacyLock);
}

QList<Recovery::Orphan> Recovery::claimOrphans()
{
    convertLegacy();
    QStringList sessions;
    const QStringList files = QDir(mDir).entryList(
        {QStringLiteral("*") + kLayoutSuffix, QStringLiteral("*") + kMetaSuffix, QStringLiteral("*") + kLockSuffix},
        QDir::Files | QDir::Hidden);
    for (const QString &name : files) {
        QString session = name;
        for (const QLatin1String &suffix : {kLayoutSuffix, kMetaSuffix, kLockSuffix}) {
            if (session.endsWith(suffix)) {
                session.chop(suffix.size());
                break;
            }
        }
        // Only our sessions (not QLockFile's ".rmlock" helpers, nor other files).
        if (!(session.startsWith(QLatin1String("session-")) || session.startsWith(QLatin1String("legacy-")))
            || session.contains(QLatin1Char('.')))
            continue;
        if (session != mSession && !mClaimed.contains(session) && !sessions.contains(session))
            sessions << session;
    }

    QList<Orphan> orphans;
    for (const QString &session : std::as_const(sessions)) {
        const QString base = mDir + QLatin1Char('/') + session;
        auto lock = std::make_unique<QLockFile>(base + kLockSuffix);
        lock->setStaleLockTime(0); // only a process that is gone makes a lock stale
        if (!lock->tryLock(0))
            continue; // its instance is running: never touch its files
        Orphan o;
        o.session = session;
        o.layoutFile = base + kLayoutSuffix;
        if (!QFile::exists(o.layoutFile)) {
            QFile::remove(base + kMetaSuffix); // metadata alone holds no work
            continue;                          // the lock goes with `lock`
        }
        QFile metaFile(base + kMetaSuffix);
        bool hasBaseline = false;
        if (metaFile.open(QIODevice::ReadOnly)) {
            o.metaFile = metaFile.fileName();
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.read(1024 * 1024)).object();
            o.originalPath = meta.value(QStringLiteral("original")).toString();
            o.pid = meta.value(QStringLiteral("pid")).toInteger();
            o.written = fromIsoTime(meta.value(QStringLiteral("written")).toString());
            const QJsonObject baseline = meta.value(QStringLiteral("baseline")).toObject();
            hasBaseline = !baseline.isEmpty();
            o.baseline.exists = baseline.value(QStringLiteral("exists")).toBool();
            o.baseline.size = baseline.value(QStringLiteral("size")).toInteger(-1);
            o.baseline.modified = fromIsoTime(baseline.value(QStringLiteral("modified")).toString());
            o.baseline.sha256 = baseline.value(QStringLiteral("sha256")).toString().toLatin1();
        }
        if (!o.written.isValid())
            o.written = QFileInfo(o.layoutFile).lastModified().toUTC();

        const LoadResult r = LayoutReader::readFile(o.layoutFile);
        o.loadable = r.ok();
        if (r.ok()) {
            o.topology = r.topology;
            o.layoutName = r.topology.header.name;
        } else {
            o.loadError = r.error->toString();
        }
        if (!o.originalPath.isEmpty()) {
            o.original = DiskState::of(o.originalPath);
            if (o.original.exists && o.original.size >= 0) {
                o.originalChanged = hasBaseline ? !o.original.sameContent(o.baseline) : o.original.modified > o.written;
                // Superseded: the file on disk holds exactly this work.
                QFile layout(o.layoutFile);
                const bool sameBytes = layout.open(QIODevice::ReadOnly)
                                    && sha256(layout.readAll()) == o.original.sha256;
                bool superseded = sameBytes;
                // The same layout written differently (a hand-formatted file):
                // compared loaded, except for big files, where loading the
                // original too would double the wait at start (the writer is
                // deterministic: what this program saved compares as bytes).
                if (!superseded && o.loadable && o.original.size <= 1024 * 1024) {
                    const LoadResult saved = LayoutReader::readFile(o.originalPath);
                    superseded = saved.ok() && saved.topology == o.topology;
                }
                if (superseded) {
                    QFile::remove(o.layoutFile);
                    if (!o.metaFile.isEmpty())
                        QFile::remove(o.metaFile);
                    continue;
                }
            }
        }
        mClaimed.insert(session, lock.release());
        orphans << o;
    }
    std::sort(orphans.begin(), orphans.end(), [](const Orphan &a, const Orphan &b) { return a.written > b.written; });
    return orphans;
}

bool Recovery::adopt(const Orphan &orphan)
{
    discard();
    QFile::remove(recoveryFile());
    if (!QFile::rename(orphan.layoutFile, recoveryFile()))
        return false;
    QFile file(recoveryFile());
    const QByteArray hash = file.open(QIODevice::ReadOnly) ? sha256(file.readAll()) : QByteArray();
    if (!writeMeta(metaFile(), orphan.originalPath, orphan.written, orphan.baseline, hash)) {
        QFile::rename(recoveryFile(), orphan.layoutFile); // leave it as it was
        return false;
    }
    mWrittenSha256 = hash;
    if (!orphan.metaFile.isEmpty())
        QFile::remove(orphan.metaFile);
    unclaim(orphan.session);
    return true;
}

void Recovery::remove(const Orphan &orphan)
{
    QFile::remove(orphan.layoutFile);
    if (!orphan.metaFile.isEmpty())
        QFile::remove(orphan.metaFile);
    unclaim(orphan.session);
}

void Recovery::keep(const Orphan &orphan)
{
    unclaim(orphan.session);
}

// ---------------------------------------------------------------- RecoveryDialog

RecoveryDialog::RecoveryDialog(const QList<Recovery::Orphan> &orphans, QWidget *parent)
    : QDialog(parent), mOrphans(orphans), mList(new QTreeWidget(this)), mDetails(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("RecoveryDialog"));
    setWindowTitle(tr("Recover Unsaved Work"));
    setSizeGripEnabled(true);
    auto *intro = new QLabel(tr("Topology Designer did not close properly. These autosaves hold work that was not "
                                "saved. Recover one, keep them for later (they are offered again at the next "
                                "start), or discard one."),
                             this);
    intro->setWordWrap(true);

    mList->setObjectName(QStringLiteral("orphanList"));
    mList->setRootIsDecorated(false);
    mList->setHeaderLabels({tr("Layout"), tr("Original file"), tr("Autosaved"), tr("Notes")});
    const QLocale locale;
    for (const Recovery::Orphan &o : std::as_const(mOrphans)) {
        auto *item = new QTreeWidgetItem(mList);
        item->setText(0, o.loadable ? o.layoutName : QFileInfo(o.layoutFile).fileName());
        item->setText(1, o.originalPath.isEmpty() ? tr("Untitled") : o.originalPath);
        item->setText(2, locale.toString(o.written.toLocalTime(), QLocale::ShortFormat));
        item->setText(3, !o.loadable                                       ? tr("Cannot be loaded")
                         : o.originalChanged                               ? tr("File changed on disk since")
                         : !o.originalPath.isEmpty() && !o.original.exists ? tr("The file no longer exists")
                                                                           : QString());
        item->setToolTip(1, o.originalPath);
        item->setToolTip(3, note(o));
        if (!o.loadable || o.originalChanged)
            item->setForeground(3, o.loadable ? QColor(0xb3, 0x6b, 0x00) : QColor(0xc6, 0x28, 0x28));
    }
    // Long paths are elided in the middle: the details below show them whole.
    mList->setTextElideMode(Qt::ElideMiddle);
    mList->header()->setStretchLastSection(true);
    mList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    mList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    mList->header()->resizeSection(1, 260);
    mDetails->setObjectName(QStringLiteral("orphanDetails"));
    mDetails->setOpenLinks(false);

    auto *buttons = new QDialogButtonBox(this);
    mRecover = buttons->addButton(tr("&Recover"), QDialogButtonBox::AcceptRole);
    mKeep = buttons->addButton(tr("&Keep for Later"), QDialogButtonBox::RejectRole);
    mDiscard = buttons->addButton(tr("&Discard..."), QDialogButtonBox::DestructiveRole);
    mRecover->setObjectName(QStringLiteral("recoverButton"));
    mKeep->setObjectName(QStringLiteral("keepButton"));
    mDiscard->setObjectName(QStringLiteral("discardButton"));
    connect(mRecover, &QPushButton::clicked, this, [this] { finish(Choice::Recover); });
    connect(mKeep, &QPushButton::clicked, this, [this] { finish(Choice::Keep); });
    connect(mDiscard, &QPushButton::clicked, this, [this] { finish(Choice::Discard); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(mList, 1);
    layout->addWidget(mDetails, 1);
    layout->addWidget(buttons);

    connect(mList, &QTreeWidget::currentItemChanged, this, &RecoveryDialog::updateSelection);
    // A double click recovers (Return presses the default button instead).
    connect(mList, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (mRecover->isEnabled())
            finish(Choice::Recover);
    });
    // The first one that can be recovered without a warning, else the newest.
    int first = 0;
    for (int i = 0; i < mOrphans.size(); ++i) {
        if (mOrphans.at(i).loadable && !mOrphans.at(i).originalChanged) {
            first = i;
            break;
        }
    }
    if (!mOrphans.isEmpty())
        mList->setCurrentItem(mList->topLevelItem(first));
    updateSelection();
    mList->setFocus();
    resize(820, 480);
}

int RecoveryDialog::selected() const
{
    QTreeWidgetItem *item = mList->currentItem();
    return item ? mList->indexOfTopLevelItem(item) : -1;
}

QString RecoveryDialog::note(const Recovery::Orphan &o)
{
    if (!o.loadable)
        return tr("This autosave cannot be loaded: %1\nIt is kept at %2: open it in a text editor "
                  "to copy what you "
                  "need, or discard it.")
            .arg(o.loadError, o.layoutFile);
    if (o.originalChanged)
        return tr("%1 was changed on disk (last modified %2) since this session opened or saved "
                  "it; the autosave was written %3. Recovering brings back this session's "
                  "version, not the newer file (Save then asks before replacing the newer file).")
            .arg(o.originalPath, QLocale().toString(o.original.modified.toLocalTime(), QLocale::ShortFormat),
                 QLocale().toString(o.written.toLocalTime(), QLocale::ShortFormat));
    if (!o.originalPath.isEmpty() && !o.original.exists)
        return tr("%1 no longer exists.").arg(o.originalPath);
    return QString();
}

void RecoveryDialog::updateSelection()
{
    const int i = selected();
    if (i < 0) {
        mRecover->setEnabled(false);
        mDiscard->setEnabled(false);
        mDetails->clear();
        mRecover->setDefault(false);
        mKeep->setDefault(true);
        return;
    }
    const Recovery::Orphan &o = mOrphans.at(i);
    mRecover->setEnabled(o.loadable);
    mDiscard->setEnabled(true);
    const bool safe = o.loadable && !o.originalChanged;
    mRecover->setAutoDefault(safe);
    mKeep->setAutoDefault(!safe);
    mRecover->setDefault(safe);
    mKeep->setDefault(!safe);
    const QLocale locale;
    QString html = QStringLiteral("<table>");
    auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Layout:"), o.loadable ? o.layoutName : tr("(cannot be loaded)"));
    row(tr("Original file:"), o.originalPath.isEmpty() ? tr("Untitled") : o.originalPath);
    row(tr("Autosaved:"), locale.toString(o.written.toLocalTime(), QLocale::LongFormat));
    row(tr("Autosave file:"), o.layoutFile);
    html += QStringLiteral("</table>");
    const QString text = note(o);
    if (!text.isEmpty())
        html += QStringLiteral("<p style=\"white-space: pre-wrap; color: %1\">%2</p>")
                    .arg(o.loadable ? QStringLiteral("#b36b00") : QStringLiteral("#c62828"), text.toHtmlEscaped());
    mDetails->setHtml(html);
}

void RecoveryDialog::finish(Choice choice)
{
    const int i = selected();
    if (choice == Choice::Discard) {
        if (i < 0)
            return;
        const Recovery::Orphan &o = mOrphans.at(i);
        const auto answer = QMessageBox::warning(
            this, tr("Discard Autosave"),
            tr("Discard the unsaved work autosaved %1 for %2? It cannot be brought back.")
                .arg(QLocale().toString(o.written.toLocalTime(), QLocale::ShortFormat),
                     o.originalPath.isEmpty() ? (o.loadable ? o.layoutName : o.layoutFile) : o.originalPath),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    mChoice = choice;
    if (choice == Choice::Keep)
        reject();
    else
        accept();
}

} // namespace td
