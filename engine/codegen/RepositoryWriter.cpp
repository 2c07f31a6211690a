#include "codegen/RepositoryWriter.h"

#include "llm/PathGuard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace mlops {

RepositoryWriter::RepositoryWriter(QString root)
    : m_root(std::move(root)) {}

QJsonObject RepositoryWriter::artifact(const QString& path, const QByteArray& content, const QString& type) {
    return {{QStringLiteral("path"), path},
            {QStringLiteral("sha256"),
             QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex())},
            {QStringLiteral("size"), qint64(content.size())},
            {QStringLiteral("type"), type.isEmpty() ? GeneratedRepository::typeForPath(path) : type}};
}

bool RepositoryWriter::writeFile(const QString& relativePath, const QByteArray& content, QString* error) const {
    if (!QDir().mkpath(m_root)) {
        *error = QStringLiteral("cannot create %1").arg(m_root);
        return false;
    }
    QString why;
    const QString target = PathGuard::confine(m_root, relativePath, &why);
    if (target.isEmpty()) {
        *error = QStringLiteral("refused to write %1: %2").arg(relativePath.left(200), why);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(target).path())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(relativePath);
        return false;
    }
    // Folders created just now could not have been checked before; confirm the final location once more.
    if (PathGuard::confine(m_root, relativePath, &why).isEmpty()) {
        *error = QStringLiteral("refused to write %1: %2").arg(relativePath.left(200), why);
        return false;
    }
    // A plain truncating write, not QSaveFile: its fsync per file made writing a repository ~10x slower, and a
    // crash mid-write is repaired anyway because crash-resume re-runs the whole codegen node.
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size() ||
        !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(relativePath, file.errorString());
        return false;
    }
    return true;
}

QJsonObject RepositoryWriter::write(const GeneratedRepository& repo, const ArtifactSink& sink, QString* error) const {
    QJsonArray files;
    for (const auto& [path, file] : repo.files()) {
        if (!writeFile(path, file.content, error))
            return {};
        const QJsonObject a = artifact(path, file.content, file.type);
        files.append(a);
        if (sink)
            sink(a);
    }
    return {{QStringLiteral("root"), QFileInfo(m_root).absoluteFilePath()}, {QStringLiteral("files"), files}};
}

} // namespace mlops
