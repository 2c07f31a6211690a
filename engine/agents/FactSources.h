#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace mlops {

// Where the facts behind a planning rule came from. The planner weighs what the user gave (stated, answered, or
// derived from those) above the question bank's defaults, which are the tool's own guesses: a default may break a
// tie between patterns but never outweighs a stated fact (docs/planning.md, "Defaults weigh less").
namespace FactSources {

// The source of a field's value: "stated", "answered", "derived", "default", "assumed", or "" when the constraints
// do not record one (a fact the planner computed itself, such as named_region_count).
QString sourceOf(const QJsonObject& constraints, const QString& field);
// A derived value counts as given when at least one field it was derived from was given; a chain of derivations
// is followed (depth-limited, so a cycle in a hand-written record cannot loop).
bool isGiven(const QJsonObject& constraints, const QString& field);
// The constraint fields a condition of the knowledge base tests (first path segment, in order, no duplicates).
QStringList fieldsOf(const QJsonValue& condition);
// The fields of `condition` whose values are only defaults (empty when the condition rests on given facts).
QStringList defaultedFieldsOf(const QJsonObject& constraints, const QJsonValue& condition);

} // namespace FactSources

} // namespace mlops
