#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Parses every .yml/.yaml file (all documents of a stream) with yaml-cpp; errors carry yaml-cpp's line.
class YamlSyntaxValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("yaml"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
    static bool isYaml(const RepositoryFile& file);
};

} // namespace mlops
