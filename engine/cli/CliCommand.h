#pragma once

#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <memory>

namespace mlops {

class KnowledgeBase;
class Studio;

// Streams of one CLI invocation; tests swap them for string-backed streams.
struct CliIo {
    QTextStream& out;
    QTextStream& err;
    QIODevice* in = nullptr; // standard input, for "-" arguments
};

struct CliContext {
    CliIo io;
    // Opens the data folder (XDG_DATA_HOME aware). Prints a one-line error and returns null on failure.
    std::function<std::unique_ptr<Studio>(bool processJobs)> openStudio;
    // The knowledge base of this invocation (built-in plus user policies), loaded on first use; the Studio that
    // openStudio() returns runs with the same instance.
    std::function<std::shared_ptr<const KnowledgeBase>()> knowledge;
};

// One sub-command of mlops-studio-cli. Exit codes: 0 success, 1 failure, 2 usage error.
class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Declares options and positional arguments on the parser (help is added by the framework).
    virtual void configure(QCommandLineParser& parser) const = 0;
    virtual int run(const QCommandLineParser& parser, CliContext& context) const = 0;
};

// Registered sub-commands (CliCommands.cpp lists them).
std::vector<std::unique_ptr<CliCommand>> allCliCommands();

// Runs mlops-studio-cli with `arguments` (arguments[0] is the program name).
int runCli(const QStringList& arguments, CliIo io);

// Shared helpers for commands.
namespace CliSupport {
// Reads a prompt from a file or "-" (stdin). Refuses empty, binary, non-UTF-8 and oversized input.
bool readPrompt(const QString& source, CliContext& context, QString* prompt);
int fail(CliContext& context, const QString& message, int code = 1);
} // namespace CliSupport

} // namespace mlops
