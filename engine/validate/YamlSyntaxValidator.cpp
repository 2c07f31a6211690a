#include "validate/YamlSyntaxValidator.h"

#include <yaml-cpp/yaml.h>

namespace mlops {

bool YamlSyntaxValidator::isYaml(const RepositoryFile& file) {
    const QString suffix = file.suffix();
    return file.text && (suffix == QLatin1String("yml") || suffix == QLatin1String("yaml"));
}

QList<Finding> YamlSyntaxValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const RepositoryFile& file : repository.files()) {
        if (!isYaml(file))
            continue;
        try {
            const std::vector<YAML::Node> documents = YAML::LoadAll(file.content.toStdString());
            if (documents.empty() || (documents.size() == 1 && documents.front().IsNull()))
                out.append(finding(Finding::Severity::Warning, file.path, 0, QStringLiteral("empty YAML document")));
        } catch (const YAML::Exception& e) {
            const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
            out.append(finding(Finding::Severity::Error, file.path, line, QString::fromStdString(e.msg)));
        }
    }
    return out;
}

} // namespace mlops
