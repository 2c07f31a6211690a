// resume, answer and fork: commands that continue or branch an existing decision set.
#include "Studio.h"
#include "agents/AnswersFile.h"
#include "cli/CliCommands.h"
#include "cli/RunFollower.h"
#include "storage/Database.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"

#include <QFile>

namespace mlops {

namespace {

void addFollowOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("events"), QStringLiteral("Stream events to stdout (format: ndjson)."),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("no-wait"), QStringLiteral("Queue the work and return at once.")});
}

int follow(Studio& studio, const QString& ds, const QCommandLineParser& p, CliContext& ctx) {
    if (p.isSet(QStringLiteral("no-wait"))) {
        ctx.io.out << "decision set " << ds << " queued\n";
        ctx.io.out.flush();
        return 0;
    }
    const bool ndjson = p.value(QStringLiteral("events")) == QLatin1String("ndjson");
    RunFollower follower(studio, ds, ndjson ? &ctx.io.out : nullptr);
    QString error;
    const RunOutcome outcome = follower.wait(&error);
    RunSummary::print(studio, ds, outcome, error, ndjson ? ctx.io.err : ctx.io.out);
    if (outcome == RunOutcome::Completed || outcome == RunOutcome::Waiting || outcome == RunOutcome::Paused)
        return 0;
    const QString name = outcomeName(outcome);
    return CliSupport::fail(ctx, QStringLiteral("run %1: %2").arg(name, error.isEmpty() ? name : error));
}

DecisionSetRecord requireDecisionSet(Studio& studio, const QCommandLineParser& p, CliContext& ctx) {
    if (p.positionalArguments().size() != 1) {
        CliSupport::fail(ctx, QStringLiteral("expected one decision set id (or a unique prefix)"), 2);
        return {};
    }
    const DecisionSetRecord ds = studio.decisionSet(p.positionalArguments().first());
    if (!ds.isValid())
        CliSupport::fail(ctx, QStringLiteral("no decision set matches '%1'").arg(p.positionalArguments().first()));
    return ds;
}

class ResumeCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("resume"); }
    QString summary() const override {
        return QStringLiteral("Continue a decision set from its last checkpoint (after a crash, pause or failure).");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("decision-set"), QStringLiteral("Decision set id or unique prefix."));
        addFollowOptions(p);
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        auto studio = ctx.openStudio(true);
        if (!studio)
            return 1;
        const DecisionSetRecord ds = requireDecisionSet(*studio, p, ctx);
        if (!ds.isValid())
            return 1;
        if (ds.status == DecisionSetStatus::Completed || ds.status == DecisionSetStatus::Cancelled) {
            ctx.io.out << "decision set " << ds.id << " is already " << storedText(ds.status) << '\n';
            ctx.io.out.flush();
            return 0;
        }
        const QString id = ds.id;
        studio->database().writeAndWait([id](SqliteConnection& c) {
            JobQueue::reclaimDeadLocalWorkers(c);
            const JobRecord job = JobQueue::activeJobFor(c, id);
            // An explicit resume gives a failed run a fresh set of attempts.
            if (job.isValid() && job.status == JobStatus::Failed && JobQueue::restartFailed(c, job.id))
                ProjectStore::setStatus(c, id, DecisionSetStatus::Processing);
        });
        const JobRecord job = studio->job(id);
        if (job.status == JobStatus::Waiting) {
            RunSummary::print(*studio, id, RunOutcome::Waiting, {}, ctx.io.out);
            return 0;
        }
        studio->resume(id);
        return follow(*studio, id, p, ctx);
    }
};

class AnswerCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("answer"); }
    QString summary() const override { return QStringLiteral("Answer the questions a decision set is waiting on."); }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("decision-set"), QStringLiteral("Decision set id or unique prefix."));
        p.addOption(
            {QStringLiteral("answers"), QStringLiteral("YAML file: question id: answer."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("accept-defaults"), QStringLiteral("Take every smart default.")});
        addFollowOptions(p);
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        const bool defaults = p.isSet(QStringLiteral("accept-defaults"));
        if (defaults == p.isSet(QStringLiteral("answers")))
            return CliSupport::fail(ctx, QStringLiteral("give either --answers FILE or --accept-defaults"), 2);
        auto studio = ctx.openStudio(true);
        if (!studio)
            return 1;
        const DecisionSetRecord ds = requireDecisionSet(*studio, p, ctx);
        if (!ds.isValid())
            return 1;
        if (!studio->pendingGate(ds.id).isValid())
            return CliSupport::fail(ctx, QStringLiteral("decision set %1 is not waiting for answers").arg(ds.id));
        if (defaults) {
            studio->acceptDefaults(ds.id);
        } else {
            QJsonObject answers;
            QString error;
            if (!AnswersFile::load(p.value(QStringLiteral("answers")), &answers, &error))
                return CliSupport::fail(ctx, error);
            const QHash<QString, QString> problems = studio->answer(ds.id, answers);
            if (!problems.isEmpty()) {
                QStringList lines;
                for (auto it = problems.begin(); it != problems.end(); ++it)
                    lines.append(it.key().isEmpty() ? it.value() : it.key() + QStringLiteral(": ") + it.value());
                lines.sort();
                return CliSupport::fail(ctx, QStringLiteral("answers rejected, nothing stored: ") +
                                                 lines.join(QStringLiteral("; ")));
            }
        }
        return follow(*studio, ds.id, p, ctx);
    }
};

class ForkCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("fork"); }
    QString summary() const override {
        return QStringLiteral("Start a new decision-set version from a checkpoint, with edited answers or prompt.");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("decision-set"), QStringLiteral("Decision set id or unique prefix."));
        p.addOption({QStringLiteral("step"), QStringLiteral("Checkpoint step to fork from (see 'show')."),
                     QStringLiteral("N")});
        p.addOption(
            {QStringLiteral("answers"), QStringLiteral("YAML file of edited answers."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("prompt"), QStringLiteral("File with an edited prompt."), QStringLiteral("FILE")});
        addFollowOptions(p);
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        bool ok = false;
        const int step = p.value(QStringLiteral("step")).toInt(&ok);
        if (!ok || step < 0)
            return CliSupport::fail(ctx, QStringLiteral("fork needs --step N (a checkpoint number)"), 2);
        QJsonObject edits;
        if (p.isSet(QStringLiteral("answers"))) {
            QJsonObject answers;
            QString error;
            if (!AnswersFile::load(p.value(QStringLiteral("answers")), &answers, &error))
                return CliSupport::fail(ctx, error);
            edits.insert(QStringLiteral("answers"), answers);
        }
        if (p.isSet(QStringLiteral("prompt"))) {
            QString prompt;
            if (!CliSupport::readPrompt(p.value(QStringLiteral("prompt")), ctx, &prompt))
                return 1;
            edits.insert(QStringLiteral("prompt"), prompt);
        }
        auto studio = ctx.openStudio(true);
        if (!studio)
            return 1;
        const DecisionSetRecord ds = requireDecisionSet(*studio, p, ctx);
        if (!ds.isValid())
            return 1;
        QString error;
        const QString forked = studio->fork(ds.id, step, edits, &error);
        if (forked.isEmpty())
            return CliSupport::fail(ctx, error);
        ctx.io.err << "decision set " << forked << " forked from " << ds.id << " at step " << step << '\n';
        ctx.io.err.flush();
        return follow(*studio, forked, p, ctx);
    }
};

} // namespace

std::unique_ptr<CliCommand> makeResumeCommand() {
    return std::make_unique<ResumeCommand>();
}
std::unique_ptr<CliCommand> makeAnswerCommand() {
    return std::make_unique<AnswerCommand>();
}
std::unique_ptr<CliCommand> makeForkCommand() {
    return std::make_unique<ForkCommand>();
}

} // namespace mlops
