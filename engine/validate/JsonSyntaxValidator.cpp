#include "validate/JsonSyntaxValidator.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace mlops {

QList<Finding> JsonSyntaxValidator::validate(const RepositorySnapshot& repository) const {
    QList<Finding> out;
    for (const RepositoryFile& file : repository.files()) {
        if (!file.text || file.suffix() != QLatin1String("json"))
            continue;
        QJsonParseError error;
        QJsonDocument::fromJson(file.content, &error);
        if (error.error == QJsonParseError::NoError)
            continue;
        // The offset is where the parser gave up, in bytes; count the lines before it.
        const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, file.content.size());
        const int line = int(file.content.left(offset).count('\n')) + 1;
        out.append(finding(Finding::Severity::Error, file.path, line, error.errorString()));
    }
    return out;
}

} // namespace mlops
