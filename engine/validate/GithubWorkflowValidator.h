#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Schema of GitHub Actions workflows (.github/workflows/*.yml): `on` and a non-empty `jobs` map; each job has
// `runs-on` and non-empty `steps` (or `uses` for a reusable workflow); each step has exactly one of `run` and
// `uses`; `needs` names existing jobs. Files that do not parse are left to the yaml validator.
class GithubWorkflowValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("github-actions"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
};

} // namespace mlops
