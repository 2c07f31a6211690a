#pragma once

#include <QString>

#include <yaml-cpp/yaml.h>

// What the CI schema validators read off yaml-cpp nodes.
namespace mlops::YamlNodes {

// 1-based line of a node, 0 when yaml-cpp has no position for it.
inline int lineOf(const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : mark.line + 1;
}

inline QString str(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace mlops::YamlNodes
