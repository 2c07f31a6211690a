#include "cli/CliCommand.h"

#include "Studio.h"
#include "agents/knowledge/KnowledgeBase.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace mlops {

namespace {

constexpr qint64 kMaxPromptBytes = 2 * 1024 * 1024;

void printUsage(QTextStream& out, const std::vector<std::unique_ptr<CliCommand>>& commands) {
    out << "Usage: mlops-studio-cli <command> [options]\n\n"
        << "Agentic MLOps Studio, headless. Data lives under $XDG_DATA_HOME/agentic-mlops-studio.\n\nCommands:\n";
    for (const auto& c : commands)
        out << "  " << c->name().leftJustified(10) << c->summary() << '\n';
    out << "\nRun 'mlops-studio-cli <command> --help' for a command's options.\n";
    out.flush();
}

} // namespace

int CliSupport::fail(CliContext& context, const QString& message, int code) {
    context.io.err << "error: " << message << '\n';
    context.io.err.flush();
    return code;
}

bool CliSupport::readPrompt(const QString& source, CliContext& context, QString* prompt) {
    QByteArray bytes;
    if (source == QLatin1String("-")) {
        if (!context.io.in) {
            fail(context, QStringLiteral("no standard input"));
            return false;
        }
        bytes = context.io.in->read(kMaxPromptBytes + 1);
    } else {
        QFile f(source);
        if (!f.open(QIODevice::ReadOnly)) {
            fail(context, QStringLiteral("cannot read %1: %2").arg(source, f.errorString()));
            return false;
        }
        bytes = f.read(kMaxPromptBytes + 1);
    }
    if (bytes.size() > kMaxPromptBytes) {
        fail(context, QStringLiteral("prompt is larger than %1 MiB; describe the system in fewer words")
                          .arg(kMaxPromptBytes / (1024 * 1024)));
        return false;
    }
    if (bytes.contains('\0')) {
        fail(context, QStringLiteral("prompt looks binary (contains NUL bytes); expected plain text"));
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless); // a cut-off sequence at the end is an error too
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        fail(context, QStringLiteral("prompt is not valid UTF-8 text"));
        return false;
    }
    if (text.trimmed().isEmpty()) {
        fail(context, QStringLiteral("prompt is empty; describe the ML system you need"));
        return false;
    }
    *prompt = text;
    return true;
}

int runCli(const QStringList& arguments, CliIo io) {
    const auto commands = allCliCommands();
    // The services of this invocation, made here rather than found in process-wide instances; the LLM client
    // and the clock are the Studio's defaults (the key comes from the environment only).
    std::shared_ptr<const KnowledgeBase> loaded;
    const auto knowledge = [&loaded] {
        if (!loaded)
            loaded = KnowledgeBase::loadDefault();
        return loaded;
    };
    CliContext context{io,
                       [&io, knowledge](bool processJobs) -> std::unique_ptr<Studio> {
                           Studio::Options options;
                           options.processJobs = processJobs;
                           if (processJobs)
                               options.knowledge = knowledge();
                           Result<std::unique_ptr<Studio>> studio = Studio::open(options);
                           if (!studio) {
                               io.err << "error: cannot open the data folder: " << studio.error() << '\n';
                               io.err.flush();
                               return nullptr;
                           }
                           return std::move(studio).value();
                       },
                       knowledge};
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h") ||
        arguments[1] == QLatin1String("help")) {
        printUsage(io.out, commands);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments[1] == QLatin1String("--version")) {
        io.out << "mlops-studio-cli " << MLOPS_VERSION << '\n';
        io.out.flush();
        return 0;
    }
    const QString name = arguments[1];
    for (const auto& command : commands) {
        if (command->name() != name)
            continue;
        QCommandLineParser parser;
        parser.setApplicationDescription(command->summary());
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
        parser.addOption(help);
        command->configure(parser);
        QStringList args = arguments.mid(1);
        args[0] = QStringLiteral("mlops-studio-cli ") + name;
        if (!parser.parse(args))
            return CliSupport::fail(context, parser.errorText(), 2);
        if (parser.isSet(help)) {
            io.out << parser.helpText();
            io.out.flush();
            return 0;
        }
        try {
            return command->run(parser, context);
        } catch (const std::exception& e) {
            return CliSupport::fail(context, QString::fromUtf8(e.what()));
        }
    }
    return CliSupport::fail(context, QStringLiteral("unknown command '%1' (see --help)").arg(name), 2);
}

} // namespace mlops
