#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Shell scripts (.sh, .bash, or a sh/bash shebang): `bash -n` for syntax errors, then ShellCheck when it is
// installed (errors stay errors, warnings warnings, notes and style become info). Without bash the check is
// skipped with an info finding.
class ShellSyntaxValidator : public FileValidator {
public:
    // Empty paths: look bash and shellcheck up on PATH. Tests pass a missing path to simulate their absence.
    explicit ShellSyntaxValidator(QString bash = {}, QString shellcheck = {});
    QString name() const override { return QStringLiteral("shell"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;
    static bool isShellScript(const RepositoryFile& file);

private:
    QString m_bash;
    QString m_shellcheck;
};

} // namespace mlops
