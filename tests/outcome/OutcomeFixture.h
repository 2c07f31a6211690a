#pragma once

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTest>

namespace mlops::test {

// Copies every file of `from` into `to` (overwriting), creating folders as needed.
inline bool copyTree(const QString& from, const QString& to)
{
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

inline QByteArray git(const QString& root, const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(root);
    p.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Studio Test"),
                                               QStringLiteral("-c"), QStringLiteral("user.email=test@localhost"),
                                               QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main")}
                                       + args);
    p.waitForFinished(30000);
    if (p.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

// A generated repository with two committed versions (tests/data/outcome/repo_v1, then repo_v2).
// Returns the shas, oldest first.
inline QStringList makeTwoVersionRepository(const QString& root)
{
    copyTree(dataPath(QStringLiteral("outcome/repo_v1")), root);
    git(root, {QStringLiteral("init"), QStringLiteral("-q")});
    git(root, {QStringLiteral("add"), QStringLiteral("-A")});
    git(root, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("Version 1: streaming features with an online store")});
    copyTree(dataPath(QStringLiteral("outcome/repo_v2")), root);
    git(root, {QStringLiteral("add"), QStringLiteral("-A")});
    git(root, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
               QStringLiteral("Version 2: failover for the feature store")});
    const QString log = QString::fromUtf8(git(root, {QStringLiteral("rev-list"), QStringLiteral("--reverse"),
                                                     QStringLiteral("HEAD")}));
    return log.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The finished-run state fixture, pointed at `root` as the generated repository.
inline QJsonObject finishedState(const QString& root)
{
    QFile f(dataPath(QStringLiteral("outcome/finished_state.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject state = QJsonDocument::fromJson(f.readAll()).object();
    state.insert(QStringLiteral("artifacts"), QJsonObject{{QStringLiteral("root"), root}});
    return state;
}

} // namespace mlops::test
