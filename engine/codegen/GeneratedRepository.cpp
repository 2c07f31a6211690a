#include "codegen/GeneratedRepository.h"

#include <QFileInfo>

namespace mlops {

void GeneratedRepository::add(const QString& path, const QByteArray& content, const QString& type) {
    m_files.insert_or_assign(path, File{content, type.isEmpty() ? typeForPath(path) : type});
}

QByteArray GeneratedRepository::content(const QString& path) const {
    const auto it = m_files.find(path);
    return it == m_files.end() ? QByteArray() : it->second.content;
}

QString GeneratedRepository::typeForPath(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    const QString suffix = QFileInfo(path).suffix();
    if (suffix == QLatin1String("tf"))
        return QStringLiteral("terraform");
    if (suffix == QLatin1String("yml") || suffix == QLatin1String("yaml"))
        return QStringLiteral("yaml");
    if (suffix == QLatin1String("json"))
        return QStringLiteral("json");
    if (suffix == QLatin1String("py"))
        return QStringLiteral("python");
    if (suffix == QLatin1String("md"))
        return QStringLiteral("markdown");
    if (suffix == QLatin1String("toml"))
        return QStringLiteral("toml");
    if (suffix == QLatin1String("html"))
        return QStringLiteral("html");
    if (suffix == QLatin1String("sh"))
        return QStringLiteral("shell");
    if (name.startsWith(QLatin1String("Dockerfile")))
        return QStringLiteral("dockerfile");
    if (name == QLatin1String("Makefile"))
        return QStringLiteral("makefile");
    return QStringLiteral("text");
}

} // namespace mlops
