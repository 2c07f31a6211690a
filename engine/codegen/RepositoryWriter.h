#pragma once

#include "codegen/GeneratedRepository.h"

#include <QJsonObject>

#include <functional>

namespace mlops {

// Puts a generated repository on disk under a root. Every path goes through writeFile(), which refuses absolute
// paths, `..` and symlinks leading out of the root (PathGuard) before anything is written.
class RepositoryWriter {
public:
    using ArtifactSink = std::function<void(const QJsonObject& artifact)>;

    explicit RepositoryWriter(QString root);

    // Writes every file in path order and reports each as {path, sha256, size, type}. Returns the `artifacts`
    // part {root, files:[...]}, or an empty object with `error` set at the first refused or failed write.
    QJsonObject write(const GeneratedRepository& repo, const ArtifactSink& sink, QString* error) const;

    // The single entry point for writing a generated file. Creates parent folders; returns false with `error`.
    bool writeFile(const QString& relativePath, const QByteArray& content, QString* error) const;

    static QJsonObject artifact(const QString& path, const QByteArray& content, const QString& type);

private:
    QString m_root;
};

} // namespace mlops
