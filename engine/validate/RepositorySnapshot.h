#pragma once

#include "validate/Finding.h"
#include "validate/HclDocument.h"

#include <QByteArray>
#include <QHash>

namespace mlops {

struct RepositoryFile {
    QString path; // relative to the root, '/'-separated
    QString absolutePath;
    QByteArray content;
    bool text = true; // false for binary content (NUL bytes or invalid UTF-8): only path checks apply

    QString suffix() const; // lower-case, without the dot: "tf", "yml"
    QString fileName() const;
    QString directory() const; // relative directory, "" for the root
};

// The files of a repository read once for all validators: every regular file under the root except .git,
// with symlinks and other paths that would leave the root refused (PathGuard) and reported as findings.
// HCL files are parsed once here because several validators (syntax, references, policy) need them.
class RepositorySnapshot {
public:
    static constexpr qint64 maxFileBytes = 4 * 1024 * 1024; // larger files are reported and not read

    static RepositorySnapshot read(const QString& root);

    const QString& root() const { return m_root; }
    const QList<RepositoryFile>& files() const { return m_files; }
    const RepositoryFile* file(const QString& path) const;
    bool exists(const QString& relativePath) const;
    // Parsed HCL (.tf, .tfvars, .hcl) by relative path.
    const QHash<QString, HclDocument>& hcl() const { return m_hcl; }
    // Problems found while reading (refused paths, unreadable or oversized files).
    const QList<Finding>& readFindings() const { return m_readFindings; }

private:
    QString m_root;
    QList<RepositoryFile> m_files;
    QHash<QString, HclDocument> m_hcl;
    QList<Finding> m_readFindings;
};

} // namespace mlops
