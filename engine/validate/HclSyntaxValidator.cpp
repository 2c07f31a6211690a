#include "validate/HclSyntaxValidator.h"

namespace mlops {

QList<Finding> HclSyntaxValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (auto it = repository.hcl().cbegin(); it != repository.hcl().cend(); ++it) {
        for (const HclError& e : it.value().errors)
            out.append(finding(Finding::Severity::Error, it.key(), e.line, e.message));
    }
    return out;
}

} // namespace mlops
