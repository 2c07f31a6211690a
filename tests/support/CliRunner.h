#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace mlops::test {

// One `mlops-studio-cli` command run in-process: its exit code and what it printed on each stream.
struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

// Runs `mlops-studio-cli <args>` through mlops::runCli with captured streams. `stdinText` is standard input (for "-"
// arguments); without it the command has none, as when stdin is closed.
CliRun runCli(const QStringList& args, std::optional<QByteArray> stdinText = std::nullopt);

} // namespace mlops::test
