#include "validate/RepositoryValidator.h"

#include "llm/PathGuard.h"
#include "validate/GithubWorkflowValidator.h"
#include "validate/GitlabCiValidator.h"
#include "validate/HclSyntaxValidator.h"
#include "validate/JsonSyntaxValidator.h"
#include "validate/PythonSyntaxValidator.h"
#include "validate/SecretScanner.h"
#include "validate/ShellSyntaxValidator.h"
#include "validate/TerraformPolicyValidator.h"
#include "validate/TerraformReferenceValidator.h"
#include "validate/YamlSyntaxValidator.h"

#include <QFileInfo>

namespace mlops {

RepositoryValidator::RepositoryValidator()
    : RepositoryValidator(Options{}) {}

RepositoryValidator::RepositoryValidator(Options options) {
    m_validators.push_back(std::make_unique<YamlSyntaxValidator>());
    m_validators.push_back(std::make_unique<JsonSyntaxValidator>());
    m_validators.push_back(std::make_unique<HclSyntaxValidator>());
    m_validators.push_back(std::make_unique<PythonSyntaxValidator>(options.python));
    m_validators.push_back(std::make_unique<ShellSyntaxValidator>(options.bash, options.shellcheck));
    m_validators.push_back(std::make_unique<GithubWorkflowValidator>());
    m_validators.push_back(std::make_unique<GitlabCiValidator>());
    m_validators.push_back(std::make_unique<TerraformReferenceValidator>());
    m_validators.push_back(std::make_unique<TerraformPolicyValidator>(options.constraints, options.knowledge));
    m_validators.push_back(std::make_unique<SecretScanner>());
}

RepositoryValidator::~RepositoryValidator() = default;

QStringList RepositoryValidator::validatorNames() const {
    QStringList names;
    for (const auto& v : m_validators)
        names.append(v->name());
    return names;
}

QList<Finding> RepositoryValidator::validate(const QString& root, const Progress& progress) const {
    QList<Finding> all;
    if (!QFileInfo(root).isDir()) {
        all.append(Finding{QStringLiteral("read"),
                           Finding::Severity::Error,
                           QString(),
                           0,
                           QStringLiteral("not a folder: %1").arg(root),
                           {}});
        return all;
    }
    const RepositorySnapshot snapshot = RepositorySnapshot::read(root);
    all += snapshot.readFindings();
    if (progress && !snapshot.readFindings().isEmpty())
        progress(QStringLiteral("path-guard"), snapshot.readFindings());
    for (const auto& validator : m_validators) {
        QList<Finding> findings = validator->validate(snapshot);
        sortFindings(findings);
        if (progress)
            progress(validator->name(), findings);
        all += findings;
    }
    sortFindings(all);
    return all;
}

QList<Finding> RepositoryValidator::checkPaths(const QString& root, const QStringList& relativePaths) {
    QList<Finding> out;
    for (const QString& path : relativePaths) {
        QString why;
        if (PathGuard::confine(root, path, &why).isEmpty())
            out.append(Finding{QStringLiteral("path-guard"),
                               Finding::Severity::Error,
                               path,
                               0,
                               QStringLiteral("refused: %1").arg(why),
                               {}});
    }
    return out;
}

} // namespace mlops
