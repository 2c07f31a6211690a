#pragma once

#include <QString>

namespace mlops::test {

// Absolute path of a file under tests/data.
QString dataPath(const QString& relative);
// Path of a built executable (the CLI, test helpers) in the build tree.
QString binaryPath(const QString& name);
// Redirects XDG data/config dirs into `root` so a test never touches the user's data.
void isolateDataDirs(const QString& root);

} // namespace mlops::test
