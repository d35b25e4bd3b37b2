#pragma once

#include <QtGlobal>

namespace td {

// The bounds of a layout file, shared by the reader (which refuses files
// beyond them) and the writer (which never writes a file the reader would
// refuse). They keep hostile input within bounded time and memory.
namespace Limits {
// The file itself (the L reference layout is 1.6 MiB).
constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;
// YAML nodes written in the file (scalars, collections, list items), counted
// in the text before parsing: the parser needs about 0.5 KB for each (the L
// reference layout has about 250,000).
constexpr qint64 kMaxNodes = 750'000;
// Values the reader visits, aliases expanded (L: about 110,000).
constexpr qint64 kMaxValues = 1'000'000;
// Text the reader converts, aliases expanded: keys, scalars, kept unknown values.
constexpr qint64 kMaxExpandedBytes = 4 * kMaxFileBytes;
// Characters in an id, a name or any other text value.
constexpr int kMaxTextLength = 256;
// Bytes in a mapping key.
constexpr int kMaxKeyBytes = 512;
// Nesting depth of the YAML.
constexpr int kMaxDepth = 2000;
} // namespace Limits

} // namespace td
