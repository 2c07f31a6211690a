#include "vcs/RepositoryExport.h"

#include "vcs/GitHandles.h"
#include "vcs/ZipWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace mlops {

namespace {

struct TreeFile {
    QString path;
    git_oid id;
    uint mode;
};

} // namespace

RepositoryExport::RepositoryExport(QString repositoryPath)
    : m_path(QDir(repositoryPath).absolutePath()) {
    git::ensureInitialized();
}

Result<void> RepositoryExport::cloneTo(const QString& destination, const QString& branch) const {
    const QDir dest(destination);
    if (dest.exists() && !dest.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return fail(QStringLiteral("%1 exists and is not empty").arg(destination));
    QString error;
    if (!git::open(m_path, &error))
        return fail(error);
    git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
    const QByteArray branchName = branch.toUtf8();
    if (!branch.isEmpty())
        opts.checkout_branch = branchName.constData();
    git_repository* raw = nullptr;
    if (git_clone(&raw, QFile::encodeName(m_path).constData(), QFile::encodeName(dest.absolutePath()).constData(),
                  &opts) != 0)
        return fail(git::lastError(QStringLiteral("clone failed")));
    git::Repository repo(raw);
    // A clone only creates the checked-out branch locally; every decision-set version (fork branches too)
    // should be at hand in the exported copy, so create the others from their remote-tracking branches.
    git_branch_iterator* rawIt = nullptr;
    if (git_branch_iterator_new(&rawIt, raw, GIT_BRANCH_REMOTE) != 0)
        return fail(git::lastError(QStringLiteral("cannot list branches")));
    git::BranchIterator it(rawIt);
    git_reference* ref = nullptr;
    git_branch_t type;
    while (git_branch_next(&ref, &type, it.get()) == 0) {
        git::Reference owner(ref);
        const char* remoteName = nullptr;
        if (git_branch_name(&remoteName, ref) != 0 || !git_reference_target(ref))
            continue;
        const QString name = QString::fromUtf8(remoteName).section(QLatin1Char('/'), 1);
        if (name.isEmpty() || name == QLatin1String("HEAD"))
            continue;
        git_reference* existing = nullptr;
        if (git_branch_lookup(&existing, raw, name.toUtf8().constData(), GIT_BRANCH_LOCAL) == 0) {
            git_reference_free(existing);
            continue;
        }
        git_commit* c = nullptr;
        if (git_commit_lookup(&c, raw, git_reference_target(ref)) != 0)
            continue;
        git::Commit commitOwner(c);
        git_reference* created = nullptr;
        if (git_branch_create(&created, raw, name.toUtf8().constData(), c, 0) != 0)
            return fail(git::lastError(QStringLiteral("cannot create branch %1").arg(name)));
        git::Reference createdOwner(created);
        git_branch_set_upstream(created, remoteName);
    }
    return {};
}

Result<void> RepositoryExport::writeZip(const QString& zipFile, const QString& commit, const QString& prefix) const {
    QString error;
    git::Repository repo = git::open(m_path, &error);
    if (!repo)
        return fail(error);
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo.get(), commit.toUtf8().constData()) != 0)
        return fail(git::lastError(QStringLiteral("no commit %1").arg(commit)));
    git::Object objOwner(obj);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0)
        return fail(git::lastError(QStringLiteral("%1 is not a commit").arg(commit)));
    git::Commit c(reinterpret_cast<git_commit*>(peeled));
    git_tree* rawTree = nullptr;
    if (git_commit_tree(&rawTree, c.get()) != 0)
        return fail(git::lastError(QStringLiteral("cannot read the tree")));
    git::Tree tree(rawTree);
    QList<TreeFile> files;
    git_tree_walk(
        rawTree, GIT_TREEWALK_PRE,
        [](const char* root, const git_tree_entry* entry, void* payload) -> int {
            if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
                return 0;
            const uint mode = git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644;
            static_cast<QList<TreeFile>*>(payload)->append(
                TreeFile{QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry)),
                         *git_tree_entry_id(entry), mode});
            return 0;
        },
        &files);
    const QDateTime when = QDateTime::fromSecsSinceEpoch(git_commit_time(c.get()), Qt::UTC);
    QSaveFile out(zipFile);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(zipFile, out.errorString()));
    ZipWriter zip(&out);
    for (const TreeFile& f : std::as_const(files)) {
        git_blob* rawBlob = nullptr;
        if (git_blob_lookup(&rawBlob, repo.get(), &f.id) != 0)
            return fail(git::lastError(QStringLiteral("cannot read %1").arg(f.path)));
        git::Blob blob(rawBlob);
        const QByteArray content(static_cast<const char*>(git_blob_rawcontent(rawBlob)),
                                 qsizetype(git_blob_rawsize(rawBlob)));
        if (!zip.addFile(prefix + f.path, content, f.mode, when))
            return fail(zip.errorString());
    }
    if (!zip.finish() || !out.commit())
        return fail(zip.errorString().isEmpty() ? out.errorString() : zip.errorString());
    return {};
}

Result<void> RepositoryExport::writeBundle(const QString& bundleFile) const {
    QString error;
    git::Repository repo = git::open(m_path, &error);
    if (!repo)
        return fail(error);
    QByteArray header("# v2 git bundle\n");
    git_revwalk* rawWalk = nullptr;
    if (git_revwalk_new(&rawWalk, repo.get()) != 0)
        return fail(git::lastError(QStringLiteral("cannot walk history")));
    git::Revwalk walk(rawWalk);
    git_oid head;
    if (git_reference_name_to_id(&head, repo.get(), "HEAD") == 0)
        header += git::shaOf(&head).toLatin1() + " HEAD\n";
    git_branch_iterator* rawIt = nullptr;
    if (git_branch_iterator_new(&rawIt, repo.get(), GIT_BRANCH_LOCAL) != 0)
        return fail(git::lastError(QStringLiteral("cannot list branches")));
    git::BranchIterator it(rawIt);
    git_reference* ref = nullptr;
    git_branch_t type;
    int refs = 0;
    while (git_branch_next(&ref, &type, it.get()) == 0) {
        git::Reference owner(ref);
        const git_oid* target = git_reference_target(ref);
        if (!target)
            continue;
        header += git::shaOf(target).toLatin1() + ' ' + QByteArray(git_reference_name(ref)) + '\n';
        git_revwalk_push(rawWalk, target);
        ++refs;
    }
    if (refs == 0)
        return fail(QStringLiteral("the repository has no commits to bundle"));
    header += '\n';
    git_packbuilder* rawPb = nullptr;
    if (git_packbuilder_new(&rawPb, repo.get()) != 0)
        return fail(git::lastError(QStringLiteral("cannot create a pack")));
    git::PackBuilder pb(rawPb);
    git::Buffer pack;
    if (git_packbuilder_insert_walk(rawPb, rawWalk) != 0 || git_packbuilder_write_buf(&pack.buf, rawPb) != 0)
        return fail(git::lastError(QStringLiteral("cannot build the pack")));
    QSaveFile out(bundleFile);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(bundleFile, out.errorString()));
    // QSaveFile remembers a failed write and then refuses to commit: checked once below.
    out.write(header);
    out.write(pack.buf.ptr, qint64(pack.buf.size));
    if (!out.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(bundleFile, out.errorString()));
    return {};
}

} // namespace mlops
