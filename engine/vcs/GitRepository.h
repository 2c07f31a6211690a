#pragma once

#include "core/Result.h"
#include "vcs/GitTypes.h"

#include <QByteArray>

namespace mlops {

// A git repository on disk, used through libgit2. The object holds only the path: every call opens the
// repository for the duration of the call, so instances are cheap, copyable and safe to use from any thread
// (libgit2 handles are never shared across threads). Calls block (milliseconds for generated repositories);
// the UI should call them from a worker (QtConcurrent::run) and take the results back with a context object.
//
// Versions of a decision set are commits whose trailers say which decision set they record:
//     Decision-Set-Id: 7f1c...            Decision-Set-Version: 2
//     Parent-Decision-Set-Id: 3a9e...     (forks only; a fork commits on branch version-N)
//     Tree-Unchanged: true                (only when the tree equals the parent commit's)
// Typical use by the repository preview:
//     GitRepository repo(dir);
//     for (const GitCommitInfo& c : repo.log()) ...            // history over all branches, newest first
//     const GitDiff d = repo.diff(older.sha, newer.sha).value(); // per file: status, +/- counts, unified patch
//     const QByteArray text = repo.readFile(c.sha, "README.md");
class GitRepository {
public:
    explicit GitRepository(QString path);

    const QString& path() const { return m_path; }
    bool exists() const; // a git repository (with a .git folder) is at path()
    // Creates the repository (initial branch `main`) unless it exists.
    [[nodiscard]] Result<void> initialize() const;

    // Records the whole working tree (every file except .git and what .gitignore excludes, deletions included:
    // like `git add -A && git commit`) as a commit on request.branch, then points HEAD and the index at it, so
    // the folder is a clean checkout of that branch afterwards. Initializes the repository when needed.
    [[nodiscard]] Result<GitNewCommit> commitWorkingTree(const GitCommitRequest& request) const;

    // The newest commit (on any branch) with trailer `key: value`, e.g. ("Decision-Set-Id", id). Empty if none.
    QString findCommitWithTrailer(const QString& key, const QString& value) const;
    QString branchTip(const QString& branch) const; // sha, empty when the branch does not exist
    QString headBranch() const;                     // e.g. "main"; empty when HEAD is detached or unborn
    QStringList branches() const;                   // local branches, sorted

    // Commits reachable from any local branch, newest first (topological, then time). maxCount < 0: all.
    QList<GitCommitInfo> log(int maxCount = -1) const;
    GitCommitInfo commit(const QString& sha) const; // sha may also be a branch name or "HEAD"; empty sha on error

    // The diff between any two commits (from may be empty: everything added). Renames are detected.
    [[nodiscard]] Result<GitDiff> diff(const QString& fromSha, const QString& toSha, int contextLines = 3) const;
    // A file's content at a commit (sha, branch name or "HEAD"). `ok` false when the commit or path is missing.
    QByteArray readFile(const QString& commit, const QString& path, bool* ok = nullptr) const;
    // Paths of all files at a commit, sorted.
    QStringList files(const QString& commit) const;

    static QString lastErrorMessage(); // libgit2's last error on this thread, for diagnostics

private:
    QString m_path;
};

} // namespace mlops
