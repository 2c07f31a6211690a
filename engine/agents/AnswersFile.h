#pragma once

#include <QJsonObject>
#include <QString>

namespace mlops {

// An answers file (CLI --answers): a YAML mapping of question id or constraint field to a value.
//   cloud_provider: gcp
//   budget_monthly_usd: 5000
//   compliance_requirements: [HIPAA, SOC2]
// Scalars become JSON numbers/bools/strings, sequences arrays, nested mappings objects.
namespace AnswersFile {
// Returns false with a message naming the file and line when the file is missing, not YAML, or not a mapping.
bool load(const QString& path, QJsonObject* answers, QString* error);
bool parse(const QByteArray& yaml, const QString& sourceName, QJsonObject* answers, QString* error);
} // namespace AnswersFile

} // namespace mlops
