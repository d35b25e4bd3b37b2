#pragma once

#include <QString>

namespace YAML {
class Node;
}

namespace td {

// Writes a parsed YAML value as one line of flow-style YAML, to keep the value
// of a key the loader does not know. Bounded: a value of more than kMaxNodes
// nodes (an alias bomb, say) or nested deeper than kMaxDepth is refused.
class FlowYaml final
{
public:
    static constexpr int kMaxNodes = 10000;
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxKeyLength = 512;
    static bool write(const YAML::Node &node, QString &out, QString *error);
};

} // namespace td
