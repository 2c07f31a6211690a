#pragma once

#include <QString>

namespace mlops::PathGuard {

// Confines a path an LLM (or any untrusted input) proposes to a repository root. Refuses empty paths, absolute
// paths (POSIX, UNC, drive letters), "~", ".." components, control characters and paths whose existing part
// resolves (through symlinks) outside the root. Returns the absolute, cleaned path under `root`, or an empty
// string with `error` set.
QString confine(const QString& root, const QString& path, QString* error = nullptr);

} // namespace mlops::PathGuard
