#include "Studio.h"
#include "agents/AnswersFile.h"
#include "agents/knowledge/KnowledgeBase.h"
#include "cli/CliCommands.h"
#include "cli/RunFollower.h"
#include "llm/LlmSettings.h"

#include <QDir>
#include <QFileInfo>

namespace mlops {

namespace {

class DesignCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("design"); }
    QString summary() const override {
        return QStringLiteral("Run the whole workflow on a prompt and write + commit the repository.");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("prompt"), QStringLiteral("Prompt file, or - for standard input."));
        p.addOption(
            {QStringLiteral("out"), QStringLiteral("Folder for the generated repository."), QStringLiteral("DIR")});
        p.addOption({QStringLiteral("answers"),
                     QStringLiteral("YAML file answering questions (question id or constraint field: value)."),
                     QStringLiteral("FILE")});
        p.addOption({QStringLiteral("events"), QStringLiteral("Stream events to stdout (format: ndjson)."),
                     QStringLiteral("FORMAT")});
        p.addOption({QStringLiteral("project"), QStringLiteral("Project name (default: the output folder's name)."),
                     QStringLiteral("NAME")});
        p.addOption({QStringLiteral("no-wait"),
                     QStringLiteral("Only queue the run (a 'worker' process, or the next resume, runs it).")});
        QCommandLineOption delay(QStringLiteral("node-delay-ms"), QStringLiteral("Slow motion for tests."),
                                 QStringLiteral("MS"));
        delay.setFlags(QCommandLineOption::HiddenFromHelp);
        p.addOption(delay);
        // Optional LLM (docs/llm.md); keys come only from the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY,
        // MLOPS_LLM_API_KEY) or the GUI settings, never from the command line.
        p.addOption({QStringLiteral("llm-provider"),
                     QStringLiteral("LLM provider: none (default), openai (also Ollama, vLLM, llama.cpp, LM Studio) or "
                                    "anthropic. Default: $MLOPS_LLM_PROVIDER."),
                     QStringLiteral("NAME")});
        p.addOption({QStringLiteral("llm-url"),
                     QStringLiteral("LLM base URL, e.g. http://localhost:11434. Default: $MLOPS_LLM_URL."),
                     QStringLiteral("URL")});
        p.addOption({QStringLiteral("llm-model"), QStringLiteral("LLM model name. Default: $MLOPS_LLM_MODEL."),
                     QStringLiteral("MODEL")});
    }

    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, QStringLiteral("design needs exactly one prompt file (or -)"), 2);
        if (!p.isSet(QStringLiteral("out")))
            return CliSupport::fail(ctx, QStringLiteral("design needs --out DIR"), 2);
        const QString format = p.value(QStringLiteral("events"));
        if (p.isSet(QStringLiteral("events")) && format != QLatin1String("ndjson"))
            return CliSupport::fail(ctx, QStringLiteral("unknown event format '%1' (use ndjson)").arg(format), 2);

        QString prompt;
        if (!CliSupport::readPrompt(p.positionalArguments().first(), ctx, &prompt))
            return 1;
        RunSettings settings;
        if (p.isSet(QStringLiteral("answers"))) {
            QString error;
            if (!AnswersFile::load(p.value(QStringLiteral("answers")), &settings.presetAnswers, &error))
                return CliSupport::fail(ctx, error);
        }
        const QString out = QDir::cleanPath(QDir::current().absoluteFilePath(p.value(QStringLiteral("out"))));
        if (QFileInfo(out).exists() && !QFileInfo(out).isDir())
            return CliSupport::fail(ctx, QStringLiteral("--out %1 exists and is not a folder").arg(out));
        settings.outputDir = out;
        settings.approveWithDefaults = true; // running the command is the approval (docs/cli.md)
        settings.nodeDelayMs = p.value(QStringLiteral("node-delay-ms")).toInt();
        QJsonObject llmFlags;
        for (const char* flag : {"provider", "url", "model"}) {
            const QString option = QStringLiteral("llm-") + QLatin1String(flag);
            if (p.isSet(option))
                llmFlags.insert(qstrcmp(flag, "url") == 0 ? QStringLiteral("base_url") : QLatin1String(flag),
                                p.value(option));
        }
        QString llmError;
        settings.llm = LlmSettings::forRun(llmFlags, &llmError);
        if (!llmError.isEmpty())
            return CliSupport::fail(ctx, llmError, 2);

        // A broken user policy file is skipped, not fatal; say so before the run so the user can fix it.
        for (const QString& problem : KnowledgeBase::shared()->userErrors())
            ctx.io.err << "warning: " << problem << " (user policy file skipped)\n";

        const bool queueOnly = p.isSet(QStringLiteral("no-wait"));
        auto studio = ctx.openStudio(!queueOnly);
        if (!studio)
            return 1;
        const QString projectName =
            p.isSet(QStringLiteral("project")) ? p.value(QStringLiteral("project")) : QFileInfo(out).fileName();
        // A name the user typed names the repository (unless the prompt states one); the folder's name does not.
        if (p.isSet(QStringLiteral("project")))
            settings.projectName = projectName;
        const QString projectId = studio->createProject(projectName);
        const QString ds = studio->startRun(projectId, prompt, settings);
        QTextStream& summary = format.isEmpty() ? ctx.io.out : ctx.io.err;
        ctx.io.err << "decision set " << ds << (queueOnly ? " queued\n" : " started\n");
        ctx.io.err.flush();
        if (queueOnly) {
            ctx.io.out << ds << '\n';
            ctx.io.out.flush();
            return 0;
        }

        RunFollower follower(*studio, ds, format.isEmpty() ? nullptr : &ctx.io.out);
        QString error;
        const RunOutcome outcome = follower.wait(&error);
        RunSummary::print(*studio, ds, outcome, error, summary);
        if (outcome != RunOutcome::Completed) {
            const QString name = outcomeName(outcome);
            return CliSupport::fail(ctx, QStringLiteral("run %1: %2").arg(name, error.isEmpty() ? name : error));
        }
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeDesignCommand() {
    return std::make_unique<DesignCommand>();
}

} // namespace mlops
