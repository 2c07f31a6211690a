#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace mlops {

// The small condition language of the knowledge base (see resources/knowledge/README.md):
// {field: path, <op>: value}, {all: [...]}, {any: [...]}, {not: cond}, or the string "always".
// Paths are dotted and resolved in `context`; a missing or null field fails comparisons.
namespace Condition {

bool evaluate(const QJsonValue& condition, const QJsonObject& context);
QJsonValue resolve(const QJsonObject& context, const QString& path);
// Empty when the condition is well-formed, else what is wrong with it (for load-time validation).
QString validate(const QJsonValue& condition);
// One-line human rendering, e.g. "latency_p99_ms < 300", for reason cards.
QString describe(const QJsonValue& condition);

} // namespace Condition

} // namespace mlops
