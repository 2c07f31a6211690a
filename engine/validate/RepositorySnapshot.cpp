#include "validate/RepositorySnapshot.h"

#include "llm/PathGuard.h"
#include "validate/HclParser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace mlops {

namespace {

// Tool caches and dependency folders are not part of what a repository author wrote.
bool skippedDirectory(const QString& name) {
    static const QStringList names{QStringLiteral(".git"),        QStringLiteral(".terraform"),
                                   QStringLiteral("__pycache__"), QStringLiteral(".venv"),
                                   QStringLiteral("venv"),        QStringLiteral("node_modules"),
                                   QStringLiteral(".mypy_cache"), QStringLiteral(".pytest_cache")};
    return names.contains(name);
}

bool isText(const QByteArray& bytes) {
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

constexpr int maxFiles = 20000;

} // namespace

QString RepositoryFile::suffix() const {
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    const int dot = int(path.lastIndexOf(QLatin1Char('.')));
    return dot > slash + 1 ? path.mid(dot + 1).toLower() : QString();
}

QString RepositoryFile::fileName() const {
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString RepositoryFile::directory() const {
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    return slash < 0 ? QString() : path.left(slash);
}

const RepositoryFile* RepositorySnapshot::file(const QString& path) const {
    for (const RepositoryFile& f : m_files) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

bool RepositorySnapshot::exists(const QString& relativePath) const {
    const QString clean = QDir::cleanPath(relativePath);
    for (const RepositoryFile& f : m_files) {
        if (f.path == clean || f.path.startsWith(clean + QLatin1Char('/')))
            return true;
    }
    return false;
}

RepositorySnapshot RepositorySnapshot::read(const QString& root) {
    RepositorySnapshot s;
    s.m_root = QDir(root).absolutePath();
    const QDir rootDir(s.m_root);
    auto refuse = [&s](const QString& path, const QString& message) {
        s.m_readFindings.append(Finding{QStringLiteral("path-guard"), Finding::Severity::Error, path, 0, message, {}});
    };
    QStringList pending{s.m_root};
    QStringList files;
    while (!pending.isEmpty() && files.size() < maxFiles) {
        const QString dir = pending.takeFirst();
        const QFileInfoList entries =
            QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo& info : entries) {
            const QString rel = rootDir.relativeFilePath(info.absoluteFilePath());
            if (info.isSymLink()) {
                QString why;
                if (PathGuard::confine(s.m_root, rel, &why).isEmpty())
                    refuse(rel, QStringLiteral("refused: symlink leaves the repository root (%1)").arg(why));
                else
                    s.m_readFindings.append(Finding{QStringLiteral("path-guard"),
                                                    Finding::Severity::Warning,
                                                    rel,
                                                    0,
                                                    QStringLiteral("symlink not followed"),
                                                    {}});
                continue;
            }
            if (info.isDir()) {
                if (!skippedDirectory(info.fileName()))
                    pending.append(info.absoluteFilePath());
                continue;
            }
            if (info.isFile())
                files.append(rel);
        }
    }
    if (files.size() >= maxFiles)
        refuse(QString(), QStringLiteral("more than %1 files: the rest were not validated").arg(maxFiles));
    std::sort(files.begin(), files.end());
    for (const QString& rel : std::as_const(files)) {
        QString why;
        const QString absolute = PathGuard::confine(s.m_root, rel, &why);
        if (absolute.isEmpty()) {
            refuse(rel, QStringLiteral("refused: %1").arg(why));
            continue;
        }
        QFile f(absolute);
        if (f.size() > maxFileBytes) {
            s.m_readFindings.append(Finding{QStringLiteral("read"),
                                            Finding::Severity::Warning,
                                            rel,
                                            0,
                                            QStringLiteral("larger than %1 bytes: not validated").arg(maxFileBytes),
                                            {}});
            continue;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            s.m_readFindings.append(Finding{QStringLiteral("read"),
                                            Finding::Severity::Error,
                                            rel,
                                            0,
                                            QStringLiteral("cannot read: %1").arg(f.errorString()),
                                            {}});
            continue;
        }
        RepositoryFile file{rel, absolute, f.readAll(), true};
        file.text = isText(file.content);
        const QString suffix = file.suffix();
        if (file.text &&
            (suffix == QLatin1String("tf") || suffix == QLatin1String("tfvars") || suffix == QLatin1String("hcl")))
            s.m_hcl.insert(rel, HclParser::parse(QString::fromUtf8(file.content)));
        s.m_files.append(std::move(file));
    }
    return s;
}

} // namespace mlops
