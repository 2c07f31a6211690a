#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Schema of .gitlab-ci.yml: `stages` is declared; every job (a top-level key that is not a global keyword and
// not a hidden `.template`) has a `script` (or `trigger`/`extends`) and a stage among the declared ones (a job
// without `stage` is in GitLab's default `test` stage); `needs` names existing jobs.
class GitlabCiValidator : public FileValidator {
public:
    QString name() const override { return QStringLiteral("gitlab-ci"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
};

} // namespace mlops
