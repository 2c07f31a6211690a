#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Finds credentials committed in text files: AWS access key ids and secret keys, private key blocks, GitHub and
// Slack tokens, and high-entropy literals assigned to names like password/secret/token/api_key. Values that
// are references rather than literals are allow-listed: ${...}, ${{ secrets.X }}, $VAR, var.x / local.x and
// other dotted references, function calls such as os.environ[...] or env(...), <placeholders>. A line can be
// allow-listed explicitly with "mlops:allow-secret" (or gitleaks' "gitleaks:allow"). The matched value never
// appears in the finding, only a masked prefix.
class SecretScanner : public FileValidator {
public:
    QString name() const override { return QStringLiteral("secrets"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;

    // Exposed for tests: the findings of one file's text.
    QList<Finding> scanText(const QString& path, const QString& text) const;
    static double shannonEntropy(const QString& value);
    static bool isReference(const QString& value);
};

} // namespace mlops
