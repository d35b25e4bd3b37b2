#pragma once

#include "model/topology.h"

#include <QByteArray>
#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

class QLabel;
class QLockFile;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace td {

// Autosave and crash recovery. Every instance (one document each) has its
// own session: a lock file held while it runs (QLockFile: a lock whose
// process is gone is stale), its autosave `<session>.topo.yaml` and a small
// metadata file `<session>.json` (the original path, pid, time written, and
// the original file as the session last opened or saved it). A start finds
// every autosave whose session is not running, however many instances run;
// a running instance's files are never touched by another.
class Recovery final
{
public:
    // The state of a file on disk, to tell later whether someone changed it.
    struct DiskState
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        QByteArray sha256; // hex; empty when the file could not be read

        // Reads path (regular files only; a special file reads as missing).
        static DiskState of(const QString &path);
        // True when both are missing, or both exist with the same content.
        bool sameContent(const DiskState &other) const;
    };

    // An autosave left by a session that is no longer running. While the
    // Recovery that found it lives, it holds the session's lock (so that
    // another instance starting now does not offer it too) until the
    // autosave is recovered, kept or discarded.
    struct Orphan
    {
        QString session;
        QString layoutFile;   // the autosave
        QString metaFile;     // "" when the metadata is missing
        QString originalPath; // "" = untitled (or unknown)
        qint64 pid = 0;
        QDateTime written;  // when the autosave was written
        DiskState baseline; // the original as that session opened or last saved it
        // Filled when found:
        bool loadable = false;
        QString loadError; // file:line:col: what is wrong
        Topology topology;
        QString layoutName;
        DiskState original;           // the original file now
        bool originalChanged = false; // changed on disk since the session opened or saved it
    };

    // dir: where to keep the files (default: the app's local data folder).
    explicit Recovery(QString dir = QString());
    // Releases the lock and any orphans found; keeps the files (an instance
    // destroyed without a clean exit leaves its work to be recovered).
    ~Recovery();
    Recovery(const Recovery &) = delete;
    Recovery &operator=(const Recovery &) = delete;

    QString dir() const { return mDir; }
    QString session() const { return mSession; }
    QString recoveryFile() const;
    QString metaFile() const;
    QString lockFile() const;

    // Writes this session's autosave. baseline: the original file as this
    // session opened or last saved it. Unchanged content is not rewritten.
    bool write(const QByteArray &layout, const QString &originalPath, const DiskState &baseline);
    // Removes this session's autosave (the document was saved, or went back
    // to its saved state, or was replaced); the session keeps running.
    void discard();
    // Clean exit: removes the autosave and releases the lock.
    void release();

    // Finds the autosaves of sessions that are gone and claims them. An
    // autosave equal to its original file on disk is superseded: it is
    // removed and not returned. Newest first.
    QList<Orphan> claimOrphans();
    // Recovered: the orphan's autosave becomes this session's autosave.
    bool adopt(const Orphan &orphan);
    // Declined: removes the orphan's files.
    void remove(const Orphan &orphan);
    // Kept for later: releases the claim, the files stay.
    void keep(const Orphan &orphan);

private:
    bool writeMeta(const QString &path,
                   const QString &originalPath,
                   const QDateTime &written,
                   const DiskState &baseline,
                   const QByteArray &layoutSha256);
    void unclaim(const QString &session);
    void convertLegacy();

    QString mDir;
    QString mSession;
    std::unique_ptr<QLockFile> mLock;
    QByteArray mWrittenSha256; // of the autosave on disk ("" = none)
    QHash<QString, QLockFile *> mClaimed;
};

// Lists the autosaves found at start (original file, time, notes) and lets
// the user recover one, keep them all for later, or discard one (after a
// confirmation). The default button never loses newer work: it is Keep for
// Later when the selected autosave cannot be loaded or its original file
// changed on disk since.
class RecoveryDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Keep, Recover, Discard };

    explicit RecoveryDialog(const QList<Recovery::Orphan> &orphans, QWidget *parent = nullptr);

    Choice choice() const { return mChoice; }
    int selected() const; // index into the orphans, -1 = none
    QTreeWidget *list() const { return mList; }
    QPushButton *recoverButton() const { return mRecover; }
    QPushButton *keepButton() const { return mKeep; }
    QPushButton *discardButton() const { return mDiscard; }
    QTextBrowser *details() const { return mDetails; }

    // Notes for an orphan, for the list and its details (also used in tests).
    static QString note(const Recovery::Orphan &orphan);

private:
    void updateSelection();
    void finish(Choice choice);

    QList<Recovery::Orphan> mOrphans;
    QTreeWidget *mList;
    QTextBrowser *mDetails;
    QPushButton *mRecover;
    QPushButton *mKeep;
    QPushButton *mDiscard;
    Choice mChoice = Choice::Keep;
};

} // namespace td
