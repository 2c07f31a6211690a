#include "GitVersionHistory.h"

#include "vcs/GitRepository.h"
#include "vcs/RepositoryExport.h"

#include <QFileInfo>

namespace mlops {

GitVersionHistory::GitVersionHistory(QString root)
    : m_root(std::move(root)) {}

std::shared_ptr<const VersionHistory> GitVersionHistory::open(const QString& root) {
    if (!QFileInfo(root).isDir())
        return nullptr;
    return std::make_shared<GitVersionHistory>(root);
}

QList<RepositoryVersion> GitVersionHistory::log(QString* error) const {
    // GitRepository opens the repository per call, so this is safe on the worker thread the view uses.
    const GitRepository repository(m_root);
    if (!repository.exists()) {
        if (error)
            *error = QStringLiteral("not a git repository");
        return {};
    }
    QList<RepositoryVersion> versions;
    for (const GitCommitInfo& c : repository.log())
        versions.append({c.sha, c.summary, c.authorName, c.time});
    return versions;
}

QString GitVersionHistory::diff(const QString& fromSha, const QString& toSha, QString* error) const {
    const Result<GitDiff> diffed = GitRepository(m_root).diff(fromSha, toSha, 3);
    if (!diffed) {
        if (error)
            *error = diffed.error();
        return {};
    }
    const GitDiff& d = diffed.value();
    QString text;
    for (const GitFileDiff& f : d.files) {
        if (f.binary)
            text += QStringLiteral("Binary file ") + f.path() + QStringLiteral(" differs\n");
        else
            text += f.patch;
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
    }
    return text;
}

bool GitVersionHistory::exportTo(ExportKind kind, const QString& target, QString* error) const {
    const RepositoryExport exporter(m_root);
    Result<void> written = fail(QStringLiteral("unknown export kind"));
    switch (kind) {
    case ExportKind::Clone:
        written = exporter.cloneTo(target, {});
        break;
    case ExportKind::Zip:
        written = exporter.writeZip(target, QStringLiteral("HEAD"), {});
        break;
    case ExportKind::Bundle:
        written = exporter.writeBundle(target);
        break;
    }
    if (!written && error)
        *error = written.error();
    return written.ok();
}

} // namespace mlops
