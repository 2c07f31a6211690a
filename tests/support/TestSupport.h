#pragma once

#include "Studio.h"

#include <QString>

#include <memory>

namespace mlops {
class KnowledgeBase;
}

namespace mlops::test {

// Absolute path of a file under tests/data.
QString dataPath(const QString& relative);
// Path of a built executable (the CLI, test helpers) in the build tree.
QString binaryPath(const QString& name);
// Redirects XDG data/config dirs into `root` so a test never touches the user's data.
void isolateDataDirs(const QString& root);

// Studio::open for tests: the Studio, or null with `error` set, so that a test's QVERIFY2(studio,
// qPrintable(error)) stays one line.
std::unique_ptr<Studio> openStudio(const Studio::Options& options, QString* error);
// The built-in knowledge plus the (test-mode) user policy folder, loaded once per test process and immutable:
// codegen and agent tests share it instead of re-reading the YAML for every case.
std::shared_ptr<const KnowledgeBase> knowledge();
// A node's services for tests that run nodes directly: knowledge() and the system clock, no LLM client.
RunServices services();

} // namespace mlops::test
