#pragma once

#include "io/diagnostic.h"
#include "io/limits.h"
#include "model/topology.h"

#include <QByteArray>
#include <QHash>
#include <QVector>

#include <optional>

namespace td {

// What loading a layout file gave: the topology, or the one error that
// stopped it; warnings (unknown keys, ...) either way.
struct LoadResult
{
    Topology topology;
    std::optional<Diagnostic> error;
    QVector<Diagnostic> warnings;
    QHash<QString, int> lineOfId; // where each object is defined (1-based)

    bool ok() const { return !error.has_value(); }
};

// Reads layout files, format v1 (FORMAT.md). Never throws, never changes the
// file; hostile input gets an error in bounded time and memory.
class LayoutReader final
{
public:
    static constexpr qint64 kMaxFileBytes = Limits::kMaxFileBytes;

    // fileName is only used in messages.
    static LoadResult read(const QByteArray &data, const QString &fileName);
    static LoadResult readFile(const QString &path);
};

} // namespace td
