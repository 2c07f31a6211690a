#pragma once

#include "validate/RepositorySnapshot.h"

namespace mlops {

// One check over a repository. Validators are stateless and may run concurrently on different snapshots.
class FileValidator {
public:
    virtual ~FileValidator() = default;
    // Short id shown in findings and events: "yaml", "json", "hcl", "python", "shell", "ci-schema",
    // "terraform-refs", "terraform-policy", "secrets".
    virtual QString name() const = 0;
    virtual QList<Finding> validate(const RepositorySnapshot& repository) const = 0;

protected:
    Finding finding(Finding::Severity severity, const QString& file, int line, const QString& message,
                    const QString& ruleId = {}) const {
        return Finding{name(), severity, file, line, message, ruleId};
    }
};

} // namespace mlops
