#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace mlops {

// One committed version of the generated repository.
struct RepositoryVersion {
    QString sha;
    QString summary; // first line of the commit message
    QString author;
    QDateTime time;
};

// The version history of one generated repository, as the repository preview needs it. Calls may take a while on
// a large repository and are made off the UI thread, so an implementation must be usable from a worker thread
// (each call opens what it needs).
class VersionHistory {
public:
    enum class ExportKind { Clone, Zip, Bundle };

    virtual ~VersionHistory() = default;
    // Newest first. Empty with `error` set when the folder is not a repository.
    virtual QList<RepositoryVersion> log(QString* error) const = 0;
    // Unified diff from `fromSha` to `toSha` (all files).
    virtual QString diff(const QString& fromSha, const QString& toSha, QString* error) const = 0;
    virtual bool exportTo(ExportKind kind, const QString& target, QString* error) const = 0;
};

} // namespace mlops
