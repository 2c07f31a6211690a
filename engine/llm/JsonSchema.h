#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace mlops::JsonSchema {

// A subset of JSON Schema, enough to pin down an LLM's answer: type (a name or a list of names: object, array,
// string, number, integer, boolean, null), required, properties, additionalProperties (false only), enum, items,
// minimum/maximum, minLength/maxLength, minItems/maxItems, pattern. Errors name the JSON path ("$.fields.x").
QStringList validate(const QJsonValue& value, const QJsonObject& schema, const QString& path = QStringLiteral("$"));

// Removes object members the schema does not declare where additionalProperties is false (recursively) and
// lists what it dropped in `dropped`: an answer's extra fields are ignored rather than trusted.
QJsonValue prune(const QJsonValue& value, const QJsonObject& schema, QStringList* dropped = nullptr,
                 const QString& path = QStringLiteral("$"));

// The first JSON object in an LLM reply: code fences and prose around it are ignored. Sets `error` when there
// is none or it does not parse (a truncated reply, for instance).
std::optional<QJsonObject> extractObject(const QString& reply, QString* error);

} // namespace mlops::JsonSchema
