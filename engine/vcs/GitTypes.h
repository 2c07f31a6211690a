#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mlops {

// One commit as the repository preview lists it.
struct GitCommitInfo {
    QString sha;         // 40 hex digits
    QString shortSha;    // 7 hex digits
    QStringList parents; // parent shas (empty for a root commit)
    QString summary;     // first line of the message
    QString message;     // whole message, trailers included
    QString authorName;
    QString authorEmail;
    QDateTime time;                          // author time, UTC
    QStringList branches;                    // local branches whose tip is this commit
    QList<QPair<QString, QString>> trailers; // "Key: value" lines of the last paragraph
    QString decisionSetId; // from the Decision-Set-Id trailer; empty for commits made outside the studio
    int version = 0;       // from the Decision-Set-Version trailer; 0 when absent

    QString trailer(const QString& key) const;
};

// One file of a diff between two commits.
struct GitFileDiff {
    enum class Status { Added, Deleted, Modified, Renamed, TypeChanged };
    Status status = Status::Modified;
    QString oldPath; // empty when added
    QString newPath; // empty when deleted
    int added = 0;   // lines added
    int removed = 0; // lines removed
    bool binary = false;
    QString patch; // unified diff text of this file ("diff --git" header, hunks); empty for binary files

    QString path() const { return newPath.isEmpty() ? oldPath : newPath; }
    static QString statusName(Status status); // "added", "deleted", "modified", "renamed", "type-changed"
};

struct GitDiff {
    QString fromSha; // empty: diff against the empty tree (everything added)
    QString toSha;
    QList<GitFileDiff> files; // sorted by path
    int added = 0;
    int removed = 0;
};

// What GitRepository::commitWorkingTree should record.
struct GitCommitRequest {
    QString branch = QStringLiteral("main"); // created when missing
    // When `branch` does not exist yet: the commit it starts from (40-hex sha). Empty: a new root commit.
    QString startPoint;
    QString message;                         // subject line, blank line, body (no trailers)
    QList<QPair<QString, QString>> trailers; // appended as the last paragraph
    QString authorName = QStringLiteral("Agentic MLOps Studio");
    QString authorEmail = QStringLiteral("studio@mlops-studio.invalid");
    QDateTime time; // null: now. Set it for reproducible shas (tests, benchmarks).
};

// What GitRepository::commitWorkingTree recorded (on failure it returns the reason, and nothing was committed).
struct GitNewCommit {
    QString sha;
    QString branch;
    QString message;        // as committed, trailers included
    bool unchanged = false; // the tree equals the parent's: recorded anyway, with a Tree-Unchanged trailer
};

} // namespace mlops
