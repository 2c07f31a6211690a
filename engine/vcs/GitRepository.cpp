#include "vcs/GitRepository.h"

#include "vcs/GitHandles.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>

namespace mlops {

namespace {

QByteArray refName(const QString& branch) {
    return QByteArrayLiteral("refs/heads/") + branch.toUtf8();
}

QList<QPair<QString, QString>> trailersOf(const char* message) {
    QList<QPair<QString, QString>> out;
    git_message_trailer_array arr{};
    if (git_message_trailers(&arr, message) != 0)
        return out;
    for (size_t i = 0; i < arr.count; ++i)
        out.append({QString::fromUtf8(arr.trailers[i].key), QString::fromUtf8(arr.trailers[i].value)});
    git_message_trailer_array_free(&arr);
    return out;
}

git::Commit resolveCommit(git_repository* repo, const QString& spec) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo, spec.toUtf8().constData()) != 0)
        return {};
    git::Object owner(obj);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0)
        return {};
    return git::Commit(reinterpret_cast<git_commit*>(peeled));
}

QHash<QString, QStringList> branchTips(git_repository* repo) {
    QHash<QString, QStringList> tips; // sha -> branch names
    git_branch_iterator* rawIt = nullptr;
    if (git_branch_iterator_new(&rawIt, repo, GIT_BRANCH_LOCAL) != 0)
        return tips;
    git::BranchIterator it(rawIt);
    git_reference* ref = nullptr;
    git_branch_t type;
    while (git_branch_next(&ref, &type, it.get()) == 0) {
        git::Reference owner(ref);
        const char* name = nullptr;
        const git_oid* target = git_reference_target(ref);
        if (target && git_branch_name(&name, ref) == 0)
            tips[git::shaOf(target)].append(QString::fromUtf8(name));
    }
    for (QStringList& names : tips)
        names.sort();
    return tips;
}

GitCommitInfo infoOf(git_commit* c, const QHash<QString, QStringList>& tips) {
    GitCommitInfo info;
    info.sha = git::shaOf(git_commit_id(c));
    info.shortSha = info.sha.left(7);
    for (unsigned i = 0; i < git_commit_parentcount(c); ++i)
        info.parents.append(git::shaOf(git_commit_parent_id(c, i)));
    info.message = QString::fromUtf8(git_commit_message(c));
    info.summary = info.message.section(QLatin1Char('\n'), 0, 0);
    const git_signature* author = git_commit_author(c);
    info.authorName = QString::fromUtf8(author->name);
    info.authorEmail = QString::fromUtf8(author->email);
    info.time = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::UTC);
    info.branches = tips.value(info.sha);
    info.trailers = trailersOf(git_commit_message(c));
    info.decisionSetId = info.trailer(QStringLiteral("Decision-Set-Id"));
    info.version = info.trailer(QStringLiteral("Decision-Set-Version")).toInt();
    return info;
}

// Walks every commit reachable from a local branch, newest first; `visit` returns false to stop.
template <typename Visit> void walkAll(git_repository* repo, Visit visit) {
    git_revwalk* raw = nullptr;
    if (git_revwalk_new(&raw, repo) != 0)
        return;
    git::Revwalk walk(raw);
    git_revwalk_sorting(raw, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (git_revwalk_push_glob(raw, "refs/heads/*") != 0)
        return;
    git_oid oid;
    while (git_revwalk_next(&oid, raw) == 0) {
        git_commit* c = nullptr;
        if (git_commit_lookup(&c, repo, &oid) != 0)
            continue;
        git::Commit owner(c);
        if (!visit(c))
            return;
    }
}

} // namespace

QString GitCommitInfo::trailer(const QString& key) const {
    for (const auto& t : trailers) {
        if (t.first.compare(key, Qt::CaseInsensitive) == 0)
            return t.second;
    }
    return {};
}

QString GitFileDiff::statusName(Status status) {
    switch (status) {
    case Status::Added:
        return QStringLiteral("added");
    case Status::Deleted:
        return QStringLiteral("deleted");
    case Status::Renamed:
        return QStringLiteral("renamed");
    case Status::TypeChanged:
        return QStringLiteral("type-changed");
    case Status::Modified:
        break;
    }
    return QStringLiteral("modified");
}

GitRepository::GitRepository(QString path)
    : m_path(QDir(path).absolutePath()) {
    git::ensureInitialized();
}

QString GitRepository::lastErrorMessage() {
    return git::lastError(QStringLiteral("libgit2"));
}

bool GitRepository::exists() const {
    return bool(git::open(m_path, nullptr));
}

Result<void> GitRepository::initialize() const {
    if (exists())
        return {};
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    opts.initial_head = "main";
    git_repository* raw = nullptr;
    if (git_repository_init_ext(&raw, QFile::encodeName(m_path).constData(), &opts) != 0)
        return fail(git::lastError(QStringLiteral("cannot create git repository %1").arg(m_path)));
    git_repository_free(raw);
    return {};
}

Result<GitNewCommit> GitRepository::commitWorkingTree(const GitCommitRequest& request) const {
    GitNewCommit result;
    result.branch = request.branch;
    const QByteArray ref = refName(request.branch);
    int validName = 0;
    if (git_reference_name_is_valid(&validName, ref.constData()) != 0 || !validName)
        return mlops::fail(QStringLiteral("invalid branch name '%1'").arg(request.branch));
    if (const Result<void> created = initialize(); !created)
        return mlops::fail(created.error());
    QString error;
    git::Repository repo = git::open(m_path, &error);
    if (!repo)
        return mlops::fail(error);
    auto fail = [](const QString& what) -> Result<GitNewCommit> { return mlops::fail(git::lastError(what)); };

    // Like `git add -A`: update_all re-stages modified and removes deleted entries, add_all adds new files. The
    // index's stat cache is trusted as git trusts it: libgit2 truncates racily clean entries when it writes the
    // index, so a file rewritten within the same second with the same size is still re-hashed next time.
    git_index* rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.get()) != 0)
        return fail(QStringLiteral("cannot open the index"));
    git::Index index(rawIndex);
    char star[] = "*";
    char* patterns[] = {star};
    const git_strarray all{patterns, 1};
    git_oid treeId;
    if (git_index_update_all(index.get(), &all, nullptr, nullptr) != 0 ||
        git_index_add_all(index.get(), &all, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0 ||
        git_index_write_tree(&treeId, index.get()) != 0 || git_index_write(index.get()) != 0)
        return fail(QStringLiteral("cannot stage the working tree"));
    git_tree* rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo.get(), &treeId) != 0)
        return fail(QStringLiteral("cannot read the new tree"));
    git::Tree tree(rawTree);

    git::Commit parent;
    git_oid parentId;
    if (git_reference_name_to_id(&parentId, repo.get(), ref.constData()) == 0) {
        git_commit* c = nullptr;
        if (git_commit_lookup(&c, repo.get(), &parentId) != 0)
            return fail(QStringLiteral("cannot read the tip of %1").arg(request.branch));
        parent.reset(c);
    } else if (!request.startPoint.isEmpty()) {
        git_commit* c = nullptr;
        if (!git::parseSha(request.startPoint, &parentId) || git_commit_lookup(&c, repo.get(), &parentId) != 0)
            return fail(QStringLiteral("start point %1 is not a commit of this repository").arg(request.startPoint));
        parent.reset(c);
    }
    result.unchanged = parent && git_oid_equal(git_commit_tree_id(parent.get()), &treeId);

    QString message = request.message.trimmed() + QStringLiteral("\n");
    QList<QPair<QString, QString>> trailers = request.trailers;
    if (result.unchanged)
        trailers.append({QStringLiteral("Tree-Unchanged"), QStringLiteral("true")});
    if (!trailers.isEmpty()) {
        message += QLatin1Char('\n');
        for (const auto& t : std::as_const(trailers))
            message += t.first + QStringLiteral(": ") + t.second + QLatin1Char('\n');
    }
    const qint64 when = request.time.isValid() ? request.time.toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch();
    git_signature* rawSig = nullptr;
    if (git_signature_new(&rawSig, request.authorName.toUtf8().constData(), request.authorEmail.toUtf8().constData(),
                          git_time_t(when), 0) != 0)
        return fail(QStringLiteral("invalid author"));
    git::Signature signature(rawSig);
    const git_commit* parents[] = {parent.get()};
    git_oid commitId;
    const QByteArray utf8 = message.toUtf8();
    if (git_commit_create(&commitId, repo.get(), ref.constData(), signature.get(), signature.get(), nullptr,
                          utf8.constData(), tree.get(), parent ? 1 : 0, parent ? parents : nullptr) != 0)
        return fail(QStringLiteral("cannot create the commit"));
    // The index already holds this tree: pointing HEAD at the branch makes the folder a clean checkout of it. When
    // HEAD already points there (every commit after the first on a branch), rewriting it would only cost a lock
    // file and a reflog line.
    git_reference* rawHead = nullptr;
    const bool onBranch = git_reference_lookup(&rawHead, repo.get(), "HEAD") == 0 &&
                          git_reference_type(rawHead) == GIT_REFERENCE_SYMBOLIC &&
                          ref == git_reference_symbolic_target(rawHead);
    git_reference_free(rawHead);
    if (!onBranch && git_repository_set_head(repo.get(), ref.constData()) != 0)
        return fail(QStringLiteral("cannot move HEAD to %1").arg(request.branch));
    result.sha = git::shaOf(&commitId);
    result.message = message;
    return result;
}

QString GitRepository::findCommitWithTrailer(const QString& key, const QString& value) const {
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo || value.isEmpty())
        return {};
    QString found;
    walkAll(repo.get(), [&](git_commit* c) {
        for (const auto& t : trailersOf(git_commit_message(c))) {
            if (t.first.compare(key, Qt::CaseInsensitive) == 0 && t.second == value) {
                found = git::shaOf(git_commit_id(c));
                return false;
            }
        }
        return true;
    });
    return found;
}

QString GitRepository::branchTip(const QString& branch) const {
    git::Repository repo = git::open(m_path, nullptr);
    git_oid oid;
    if (!repo || git_reference_name_to_id(&oid, repo.get(), refName(branch).constData()) != 0)
        return {};
    return git::shaOf(&oid);
}

QString GitRepository::headBranch() const {
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo)
        return {};
    git_reference* head = nullptr;
    if (git_reference_lookup(&head, repo.get(), "HEAD") != 0)
        return {};
    git::Reference owner(head);
    if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC)
        return {};
    const QString target = QString::fromUtf8(git_reference_symbolic_target(head));
    return target.startsWith(QLatin1String("refs/heads/")) ? target.mid(11) : QString();
}

QStringList GitRepository::branches() const {
    git::Repository repo = git::open(m_path, nullptr);
    QStringList out;
    if (!repo)
        return out;
    for (const QStringList& names : branchTips(repo.get()))
        out += names;
    out.sort();
    return out;
}

QList<GitCommitInfo> GitRepository::log(int maxCount) const {
    QList<GitCommitInfo> out;
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo)
        return out;
    const QHash<QString, QStringList> tips = branchTips(repo.get());
    walkAll(repo.get(), [&](git_commit* c) {
        out.append(infoOf(c, tips));
        return maxCount < 0 || out.size() < maxCount;
    });
    return out;
}

GitCommitInfo GitRepository::commit(const QString& sha) const {
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo)
        return {};
    git::Commit c = resolveCommit(repo.get(), sha);
    return c ? infoOf(c.get(), branchTips(repo.get())) : GitCommitInfo{};
}

Result<GitDiff> GitRepository::diff(const QString& fromSha, const QString& toSha, int contextLines) const {
    GitDiff out;
    auto fail = [](const QString& what) -> Result<GitDiff> { return mlops::fail(git::lastError(what)); };
    QString error;
    git::Repository repo = git::open(m_path, &error);
    if (!repo)
        return mlops::fail(error);
    git::Commit from;
    if (!fromSha.isEmpty() && !(from = resolveCommit(repo.get(), fromSha)))
        return fail(QStringLiteral("no commit %1").arg(fromSha));
    git::Commit to = resolveCommit(repo.get(), toSha);
    if (!to)
        return fail(QStringLiteral("no commit %1").arg(toSha));
    git_tree* rawFrom = nullptr;
    git_tree* rawTo = nullptr;
    if ((from && git_commit_tree(&rawFrom, from.get()) != 0) || git_commit_tree(&rawTo, to.get()) != 0)
        return fail(QStringLiteral("cannot read trees"));
    git::Tree fromTree(rawFrom);
    git::Tree toTree(rawTo);
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = uint32_t(std::max(0, contextLines));
    git_diff* rawDiff = nullptr;
    if (git_diff_tree_to_tree(&rawDiff, repo.get(), fromTree.get(), toTree.get(), &opts) != 0)
        return fail(QStringLiteral("cannot diff"));
    git::Diff d(rawDiff);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    git_diff_find_similar(d.get(), &find);
    out.fromSha = from ? git::shaOf(git_commit_id(from.get())) : QString();
    out.toSha = git::shaOf(git_commit_id(to.get()));
    const size_t count = git_diff_num_deltas(d.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(d.get(), i);
        GitFileDiff f;
        switch (delta->status) {
        case GIT_DELTA_ADDED:
            f.status = GitFileDiff::Status::Added;
            break;
        case GIT_DELTA_DELETED:
            f.status = GitFileDiff::Status::Deleted;
            break;
        case GIT_DELTA_RENAMED:
            f.status = GitFileDiff::Status::Renamed;
            break;
        case GIT_DELTA_TYPECHANGE:
            f.status = GitFileDiff::Status::TypeChanged;
            break;
        default:
            f.status = GitFileDiff::Status::Modified;
        }
        if (f.status != GitFileDiff::Status::Added)
            f.oldPath = QString::fromUtf8(delta->old_file.path);
        if (f.status != GitFileDiff::Status::Deleted)
            f.newPath = QString::fromUtf8(delta->new_file.path);
        git_patch* rawPatch = nullptr;
        if (git_patch_from_diff(&rawPatch, d.get(), i) == 0 && rawPatch) {
            git::Patch patch(rawPatch);
            const git_diff_delta* loaded = git_patch_get_delta(rawPatch);
            f.binary = loaded && (loaded->flags & GIT_DIFF_FLAG_BINARY);
            size_t adds = 0, dels = 0;
            git_patch_line_stats(nullptr, &adds, &dels, rawPatch);
            f.added = int(adds);
            f.removed = int(dels);
            git::Buffer text;
            if (!f.binary && git_patch_to_buf(&text.buf, rawPatch) == 0)
                f.patch = QString::fromUtf8(text.buf.ptr, qsizetype(text.buf.size));
        }
        out.added += f.added;
        out.removed += f.removed;
        out.files.append(f);
    }
    std::sort(out.files.begin(), out.files.end(),
              [](const GitFileDiff& a, const GitFileDiff& b) { return a.path() < b.path(); });
    return out;
}

QByteArray GitRepository::readFile(const QString& commit, const QString& path, bool* ok) const {
    if (ok)
        *ok = false;
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo)
        return {};
    git::Commit c = resolveCommit(repo.get(), commit);
    git_tree* rawTree = nullptr;
    if (!c || git_commit_tree(&rawTree, c.get()) != 0)
        return {};
    git::Tree tree(rawTree);
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree.get(), path.toUtf8().constData()) != 0)
        return {};
    std::unique_ptr<git_tree_entry, git::Deleter<git_tree_entry, git_tree_entry_free>> entryOwner(entry);
    git_blob* rawBlob = nullptr;
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB ||
        git_blob_lookup(&rawBlob, repo.get(), git_tree_entry_id(entry)) != 0)
        return {};
    git::Blob blob(rawBlob);
    if (ok)
        *ok = true;
    return QByteArray(static_cast<const char*>(git_blob_rawcontent(rawBlob)), qsizetype(git_blob_rawsize(rawBlob)));
}

QStringList GitRepository::files(const QString& commit) const {
    QStringList out;
    git::Repository repo = git::open(m_path, nullptr);
    if (!repo)
        return out;
    git::Commit c = resolveCommit(repo.get(), commit);
    git_tree* rawTree = nullptr;
    if (!c || git_commit_tree(&rawTree, c.get()) != 0)
        return out;
    git::Tree tree(rawTree);
    git_tree_walk(
        tree.get(), GIT_TREEWALK_PRE,
        [](const char* root, const git_tree_entry* entry, void* payload) -> int {
            if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
                static_cast<QStringList*>(payload)->append(QString::fromUtf8(root) +
                                                           QString::fromUtf8(git_tree_entry_name(entry)));
            return 0;
        },
        &out);
    out.sort();
    return out;
}

} // namespace mlops
