#pragma once

#include "VersionHistory.h"

#include <memory>

namespace mlops {

// VersionHistory of a generated repository folder, read with libgit2 (engine/vcs): no git installation needed.
class GitVersionHistory : public VersionHistory {
public:
    explicit GitVersionHistory(QString root);

    // Null when `root` is not a folder.
    static std::shared_ptr<const VersionHistory> open(const QString& root);

    QList<RepositoryVersion> log(QString* error) const override;
    QString diff(const QString& fromSha, const QString& toSha, QString* error) const override;
    bool exportTo(ExportKind kind, const QString& target, QString* error) const override;

private:
    QString m_root;
};

} // namespace mlops
