#include "vcs/GitHandles.h"

#include <QFile>

#include <mutex>

namespace mlops::git {

void ensureInitialized() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

QString lastError(const QString& what) {
    const git_error* e = git_error_last();
    return e && e->message ? what + QStringLiteral(": ") + QString::fromUtf8(e->message) : what;
}

QString shaOf(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return QString::fromLatin1(hex);
}

bool parseSha(const QString& sha, git_oid* oid) {
    return sha.size() == GIT_OID_HEXSZ && git_oid_fromstr(oid, sha.toLatin1().constData()) == 0;
}

Repository open(const QString& path, QString* error) {
    ensureInitialized();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, QFile::encodeName(path).constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) !=
        0) {
        if (error)
            *error = lastError(QStringLiteral("cannot open git repository %1").arg(path));
        return {};
    }
    return Repository(raw);
}

} // namespace mlops::git
