#pragma once

#include <QJsonValue>
#include <QString>

namespace mlops {

// A YAML document turned into JSON, or the reason it could not be: file, 1-based line and message.
struct YamlJsonResult {
    QJsonValue value;
    QString error; // "<file>:<line>: <reason>", empty on success
    int line = 0;
    bool ok() const { return error.isEmpty(); }
};

// Converts YAML text to JSON with the YAML 1.2 core schema for plain scalars (null, true/false, numbers);
// quoted scalars stay strings. With `withLines`, every mapping gets a "__line" member (1-based) so that
// later validation can point at the offending line. Never throws.
YamlJsonResult yamlToJson(const QByteArray& text, const QString& fileName, bool withLines = false);
YamlJsonResult yamlFileToJson(const QString& path, bool withLines = false);

// The line recorded by yamlToJson(withLines) for an object, or 0.
int yamlLine(const QJsonObject& object);

} // namespace mlops
