#pragma once

#include "TestSupport.h"
#include "vcs/GitRepository.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace mlops::test {

// Copies every file of `from` into `to` (overwriting), creating folders as needed.
inline bool copyTree(const QString& from, const QString& to) {
    QDir source(from);
    if (!source.exists())
        return false;
    QDir().mkpath(to);
    const QFileInfoList entries = source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo& e : entries) {
        const QString target = QDir(to).filePath(e.fileName());
        if (e.isDir()) {
            if (!copyTree(e.absoluteFilePath(), target))
                return false;
        } else {
            QFile::remove(target);
            if (!QFile::copy(e.absoluteFilePath(), target))
                return false;
        }
    }
    return true;
}

// A generated repository with two committed versions (tests/data/outcome/repo_v1, then repo_v2), committed the way
// the git_commit node does. Returns the shas, oldest first.
inline QStringList makeTwoVersionRepository(const QString& root) {
    const GitRepository repository(root);
    QStringList shas;
    int version = 0;
    for (const QString& tree : {QStringLiteral("outcome/repo_v1"), QStringLiteral("outcome/repo_v2")}) {
        copyTree(dataPath(tree), root);
        GitCommitRequest request;
        request.message = version == 0 ? QStringLiteral("Version 1: streaming features with an online store")
                                       : QStringLiteral("Version 2: failover for the feature store");
        request.time = QDateTime(QDate(2026, 11, 24), QTime(12, version), Qt::UTC);
        const Result<GitNewCommit> result = repository.commitWorkingTree(request);
        if (!result.ok())
            qWarning("commit failed: %s", qPrintable(result.error()));
        shas.append(result.valueOr({}).sha);
        ++version;
    }
    return shas;
}

// The finished-run state fixture, pointed at `root` as the generated repository.
inline QJsonObject finishedState(const QString& root) {
    QFile f(dataPath(QStringLiteral("outcome/finished_state.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject state = QJsonDocument::fromJson(f.readAll()).object();
    state.insert(QStringLiteral("artifacts"), QJsonObject{{QStringLiteral("root"), root}});
    return state;
}

} // namespace mlops::test
