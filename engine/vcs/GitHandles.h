#pragma once

// Internal to engine/vcs: RAII owners for libgit2 objects and the one-time library initialisation. Not for the
// UI: it uses GitRepository and RepositoryExport, which never expose libgit2 types.
#include <git2.h>

#include <QString>

#include <memory>

namespace mlops::git {

// git_libgit2_init exactly once per process (libgit2 keeps a reference count; we never shut it down because
// worker threads may still use it during static destruction).
void ensureInitialized();
// The last libgit2 error of this thread, prefixed with what we were doing.
QString lastError(const QString& what);

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const {
        if (p)
            Free(p);
    }
};

using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Reference = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using Signature = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using Revwalk = std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;
using Diff = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using Patch = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;
using Object = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using BranchIterator = std::unique_ptr<git_branch_iterator, Deleter<git_branch_iterator, git_branch_iterator_free>>;
using PackBuilder = std::unique_ptr<git_packbuilder, Deleter<git_packbuilder, git_packbuilder_free>>;

struct Buffer {
    git_buf buf = GIT_BUF_INIT;
    ~Buffer() { git_buf_dispose(&buf); }
    Buffer() = default;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
};

QString shaOf(const git_oid* oid);
bool parseSha(const QString& sha, git_oid* oid);

// Opens an existing repository at `path` (not searching parent folders).
Repository open(const QString& path, QString* error);

} // namespace mlops::git
