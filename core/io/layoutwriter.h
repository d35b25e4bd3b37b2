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
    // Atomic: the old file survives any failure. Returns false with a message.
    static bool writeFile(const Topology &topology, const QString &path, QString *error);
};

} // namespace td
