#pragma once

#include <QString>

namespace td {

// Autosave and crash recovery: the open layout is written to a recovery file
// every minute while it has unsaved changes, next to a lock file naming this
// process. A clean exit removes both; a start that finds them from a process
// that is gone offers to recover.
class Recovery final
{
public:
    // dir: where to keep the files (default: the app's local data folder).
    explicit Recovery(QString dir = QString());

    QString recoveryFile() const;
    // True when a previous session left a recovery file and is not running.
    bool pending() const;
    // The file name the crashed session was editing ("" = untitled).
    QString pendingOriginalPath() const;
    bool write(const QByteArray &layout, const QString &originalPath);
    void claim();   // this process now owns the recovery files
    void discard(); // removes the recovery files (clean exit, or declined)

private:
    QString mDir;
};

} // namespace td
