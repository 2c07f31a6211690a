#pragma once

#include <QJsonObject>
#include <QStringList>

namespace mlops::ConstraintSchema {

// JSON schemas of the constraint fields of docs/constraints.md (names and allowed values are fixed there), for
// validating what an LLM proposes for a field. Derived fields (budget_band, expected_throughput) are computed, not
// asked.
QStringList askableFields();
QJsonObject fieldSchema(const QString& field); // empty for an unknown field
QString describe(const QString& field);        // one line for the prompt: meaning and unit

} // namespace mlops::ConstraintSchema
