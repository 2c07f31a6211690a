#pragma once

#include "validate/FileValidator.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <vector>

namespace mlops {

class KnowledgeBase;

// Validates a whole repository folder: reads it once (RepositorySnapshot, which refuses paths leaving the root)
// and runs every validator on it: yaml, json, hcl, python, shell (+shellcheck), github-actions, gitlab-ci,
// terraform-refs, terraform-policy, secrets. Used by the `validators` workflow node, `mlops-studio-cli validate`
// and the UI's repository preview (findings carry file and line for markers).
//
//     RepositoryValidator validator({.constraints = state.object("constraints")});
//     const QList<Finding> findings = validator.validate(dir);
//     const QJsonObject part = validationPart(findings); // {ok, counts, findings}
class RepositoryValidator {
public:
    struct Options {
        QJsonObject constraints; // selects the compliance policy packs (compliance_requirements)
        QString python;          // interpreter override (tests); empty: python3 on PATH
        QString bash;            // empty: bash on PATH
        QString shellcheck;      // empty: shellcheck on PATH when installed
        // The policy packs (the run's, from NodeContext::services); null: the default knowledge, read per run.
        std::shared_ptr<const KnowledgeBase> knowledge;
    };
    // Called after each validator with its name and findings (the node turns these into events).
    using Progress = std::function<void(const QString& validator, const QList<Finding>& findings)>;

    RepositoryValidator();
    explicit RepositoryValidator(Options options);
    ~RepositoryValidator();

    // All findings, sorted by file, line and validator. A missing root yields one error finding.
    QList<Finding> validate(const QString& root, const Progress& progress = {}) const;
    QStringList validatorNames() const;

    // Checks paths a generator proposes (e.g. the artifacts list) against the root with PathGuard: absolute
    // paths, ".." and symlinks leaving the root are refused, one error finding each.
    static QList<Finding> checkPaths(const QString& root, const QStringList& relativePaths);

private:
    std::vector<std::unique_ptr<FileValidator>> m_validators;
};

} // namespace mlops
