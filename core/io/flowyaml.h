#pragma once

#include <QString>

#include <limits>

namespace YAML {
class Node;
}

namespace td {

// Writes a parsed YAML value as one line of flow-style YAML, to keep the value
// of a key the loader does not know. Bounded: a value of more than kMaxNodes
// nodes (an alias bomb, say), nested deeper than kMaxDepth, or longer than
// maxChars characters is refused.
class FlowYaml final
{
public:
    static constexpr int kMaxNodes = 10000;
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxKeyLength = 512;
    // tooLong (optional) says whether maxChars was what stopped it.
    static bool write(const YAML::Node &node,
                      QString &out,
                      QString *error,
                      qint64 maxChars = std::numeric_limits<qint64>::max(),
                      bool *tooLong = nullptr);
};

} // namespace td
