#pragma once

#include "model/topology.h"

#include <QByteArray>
#include <QString>

namespace td {

// Writes layout files, format v1, deterministically: the same topology gives
// the same bytes (keys in FORMAT.md order, lists in document order).
class LayoutWriter final
{
public:
    static QByteArray write(const Topology &topology);
    // Atomic: the old file survives any failure. Keeps an existing file's mode
    // (and owner, as root); refuses a read-only file and a layout larger than
    // the reader takes. Returns false with a message naming the OS error.
    static bool writeFile(const Topology &topology, const QString &path, QString *error);
    // What an errno value means, in words for the user ("the disk is full").
    static QString osErrorText(int errnum);
};

} // namespace td
