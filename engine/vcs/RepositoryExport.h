#pragma once

#include <QString>

namespace mlops {

// Exports a generated repository (docs/generated-repository.md: a clone into a folder, a zip or a git bundle).
// All three are self-contained and need no git installation to produce:
//   - cloneTo:     a git clone (libgit2) with every branch of the source as a local branch;
//   - writeZip:    the files of one commit (default HEAD), like `git archive --format=zip`;
//   - writeBundle: a v2 git bundle of every local branch and HEAD (`git clone repo.bundle` restores it).
// Calls block; run them off the UI thread. Output files are written atomically (QSaveFile).
//
//     RepositoryExport exporter(dir);
//     QString error;
//     if (!exporter.writeBundle("/tmp/fraud.bundle", &error)) ...
class RepositoryExport {
public:
    explicit RepositoryExport(QString repositoryPath);

    // `destination` must not exist or be an empty folder. `branch` empty: the source's current branch.
    bool cloneTo(const QString& destination, const QString& branch = {}, QString* error = nullptr) const;
    // `commit`: sha, branch or "HEAD". `prefix` (e.g. "fraud-detection/") is prepended to every entry name.
    bool writeZip(const QString& zipFile, const QString& commit = QStringLiteral("HEAD"), const QString& prefix = {},
                  QString* error = nullptr) const;
    bool writeBundle(const QString& bundleFile, QString* error = nullptr) const;

private:
    QString m_path;
};

} // namespace mlops
