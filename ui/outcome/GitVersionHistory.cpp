#include "GitVersionHistory.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace mlops {

namespace {
// Runs git in `root`; returns stdout, or sets `error` to git's own message.
QByteArray runGit(const QString& root, const QStringList& arguments, QString* error)
{
    QProcess git;
    git.setWorkingDirectory(root);
    git.start(QStringLiteral("git"), arguments);
    if (!git.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("git cannot be started: ") + git.errorString();
        return {};
    }
    git.waitForFinished(120000);
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(git.readAllStandardError()).trimmed();
        return {};
    }
    return git.readAllStandardOutput();
}
} // namespace

GitVersionHistory::GitVersionHistory(QString root)
    : m_root(std::move(root))
{
}

std::shared_ptr<const VersionHistory> GitVersionHistory::open(const QString& root)
{
    if (!QFileInfo(root).isDir())
        return nullptr;
    return std::make_shared<GitVersionHistory>(root);
}

QList<RepositoryVersion> GitVersionHistory::log(QString* error) const
{
    // Unit separator between fields, record separator between commits: messages may contain anything else.
    const QByteArray out = runGit(m_root, {QStringLiteral("log"), QStringLiteral("--all"), QStringLiteral("--date-order"),
                                           QStringLiteral("--format=%H%x1f%s%x1f%an%x1f%cI%x1e")},
                                  error);
    QList<RepositoryVersion> versions;
    for (const QByteArray& record : out.split('\x1e')) {
        const QList<QByteArray> fields = record.trimmed().split('\x1f');
        if (fields.size() < 4)
            continue;
        versions.append({QString::fromUtf8(fields[0]), QString::fromUtf8(fields[1]), QString::fromUtf8(fields[2]),
                         QDateTime::fromString(QString::fromUtf8(fields[3]), Qt::ISODate)});
    }
    return versions;
}

QString GitVersionHistory::diff(const QString& fromSha, const QString& toSha, QString* error) const
{
    return QString::fromUtf8(runGit(m_root, {QStringLiteral("diff"), QStringLiteral("--no-color"), fromSha, toSha}, error));
}

bool GitVersionHistory::exportTo(ExportKind kind, const QString& target, QString* error) const
{
    QString problem;
    switch (kind) {
    case ExportKind::Clone:
        runGit(m_root, {QStringLiteral("clone"), QStringLiteral("--quiet"), m_root, target}, &problem);
        break;
    case ExportKind::Zip:
        runGit(m_root, {QStringLiteral("archive"), QStringLiteral("--format=zip"), QStringLiteral("-o"), target,
                        QStringLiteral("HEAD")},
               &problem);
        break;
    case ExportKind::Bundle:
        runGit(m_root, {QStringLiteral("bundle"), QStringLiteral("create"), target, QStringLiteral("--all")}, &problem);
        break;
    }
    if (error)
        *error = problem;
    return problem.isEmpty();
}

} // namespace mlops
