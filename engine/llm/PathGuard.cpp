#include "llm/PathGuard.h"

#include <QDir>
#include <QFileInfo>

namespace mlops::PathGuard {

namespace {

QString refuse(QString* error, const QString& message) {
    if (error)
        *error = message;
    return {};
}

bool inside(const QString& canonicalRoot, const QString& canonicalPath) {
    return canonicalPath == canonicalRoot || canonicalPath.startsWith(canonicalRoot + QLatin1Char('/')) ||
           canonicalRoot == QLatin1String("/");
}

} // namespace

QString confine(const QString& root, const QString& path, QString* error) {
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty() || !QFileInfo(canonicalRoot).isDir())
        return refuse(error, QStringLiteral("repository root %1 does not exist").arg(root));
    if (path.trimmed().isEmpty())
        return refuse(error, QStringLiteral("empty path"));
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return refuse(error, QStringLiteral("path contains control characters"));
    }
    QString p = path;
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (p.startsWith(QLatin1Char('/')) || p.startsWith(QLatin1Char('~')) ||
        (p.size() >= 2 && p.at(1) == QLatin1Char(':') && p.at(0).isLetter()))
        return refuse(error, QStringLiteral("absolute path '%1' is not allowed").arg(path.left(200)));
    const QStringList parts = p.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString& part : parts) {
        if (part == QLatin1String(".."))
            return refuse(error, QStringLiteral("'..' in '%1' is not allowed").arg(path.left(200)));
        if (part != QLatin1String("."))
            kept.append(part);
    }
    if (kept.isEmpty())
        return refuse(error, QStringLiteral("path '%1' names the root itself").arg(path.left(200)));
    const QString target = canonicalRoot + QLatin1Char('/') + kept.join(QLatin1Char('/'));

    // Every existing prefix must resolve inside the root: a symlink anywhere along the way may point out.
    QString walked = canonicalRoot;
    for (const QString& part : std::as_const(kept)) {
        walked += QLatin1Char('/') + part;
        const QFileInfo info(walked);
        if (info.isSymLink() || info.exists()) {
            const QString resolved = info.canonicalFilePath();
            // A dangling symlink has no canonical path: where it would write is unknowable, so refuse.
            if (resolved.isEmpty() || !inside(canonicalRoot, resolved))
                return refuse(error, QStringLiteral("'%1' leads outside the repository").arg(path.left(200)));
        } else {
            break;
        }
    }
    return target;
}

} // namespace mlops::PathGuard
