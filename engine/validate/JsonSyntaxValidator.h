#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Parses every .json file with QJsonDocument; the parser's byte offset is turned into a line.
class JsonSyntaxValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("json"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
};

} // namespace mlops
