#include "io/flowyaml.h"

#include "io/yamltext.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

namespace td {

namespace {

struct Budget
{
    int nodes = 0;
    qint64 maxChars = 0;
    bool tooLong = false;
    QString error;
};

bool writeNode(const YAML::Node &node, QString &out, Budget &budget, int depth)
{
    if (++budget.nodes > FlowYaml::kMaxNodes) {
        budget.error = QCoreApplication::translate("td::FlowYaml", "more than %1 values").arg(FlowYaml::kMaxNodes);
        return false;
    }
    if (depth > FlowYaml::kMaxDepth) {
        budget.error = QCoreApplication::translate("td::FlowYaml", "nested deeper than %1 levels")
                           .arg(FlowYaml::kMaxDepth);
        return false;
    }
    switch (node.Type()) {
    case YAML::NodeType::Sequence: {
        out += QLatin1Char('[');
        bool first = true;
        for (const auto &item : node) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            if (!writeNode(item, out, budget, depth + 1))
                return false;
        }
        out += QLatin1Char(']');
        return true;
    }
    case YAML::NodeType::Map: {
        out += QLatin1Char('{');
        bool first = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            const qsizetype keyStart = out.size();
            if (!writeNode(it->first, out, budget, depth + 1))
                return false;
            // YAML readers refuse implicit keys over 1024 characters.
            if (out.size() - keyStart > FlowYaml::kMaxKeyLength) {
                budget.error = QCoreApplication::translate("td::FlowYaml", "a key longer than %1 characters")
                                   .arg(FlowYaml::kMaxKeyLength);
                return false;
            }
            out += QLatin1String(": ");
            if (!writeNode(it->second, out, budget, depth + 1))
                return false;
        }
        out += QLatin1Char('}');
        return true;
    }
    case YAML::NodeType::Scalar: {
        if (out.size() + qint64(node.Scalar().size()) > budget.maxChars) {
            budget.error = QCoreApplication::translate("td::FlowYaml", "longer than %1 characters")
                               .arg(budget.maxChars);
            budget.tooLong = true;
            return false;
        }
        const QString text = QString::fromStdString(node.Scalar());
        // A quoted scalar in the source stays text ("8.0", "yes"); a plain
        // number or boolean is written back plain so that it keeps its type.
        if (node.Tag() != "!" && isYamlSpecialWord(text))
            out += text;
        else
            out += yamlScalar(text, true);
        return true;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: out += QLatin1String("null"); return true;
    }
    return true;
}

} // namespace

bool FlowYaml::write(const YAML::Node &node, QString &out, QString *error, qint64 maxChars, bool *tooLong)
{
    Budget budget;
    budget.maxChars = maxChars;
    out.clear();
    if (writeNode(node, out, budget, 0))
        return true;
    if (error)
        *error = budget.error;
    if (tooLong)
        *tooLong = budget.tooLong;
    return false;
}

} // namespace td
