// list and show: read-only views of projects, decision sets, checkpoints and event logs.
#include "Studio.h"
#include "cli/CliCommands.h"
#include "core/Question.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mlops {

namespace {

QJsonObject decisionSetJson(const DecisionSetRecord& ds) {
    return {{QStringLiteral("id"), ds.id},
            {QStringLiteral("project_id"), ds.projectId},
            {QStringLiteral("version"), ds.version},
            {QStringLiteral("parent_id"), ds.parentId.isEmpty() ? QJsonValue() : QJsonValue(ds.parentId)},
            {QStringLiteral("forked_from_step"), ds.forkedFromStep < 0 ? QJsonValue() : QJsonValue(ds.forkedFromStep)},
            {QStringLiteral("status"), storedText(ds.status)},
            {QStringLiteral("paused"), ds.paused},
            {QStringLiteral("created_at"), ds.createdAt},
            {QStringLiteral("updated_at"), ds.updatedAt}};
}

class ListCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("List projects and their decision-set versions."); }
    void configure(QCommandLineParser& p) const override {
        p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        auto studio = ctx.openStudio(false);
        if (!studio)
            return 1;
        QJsonArray projects;
        for (const ProjectRecord& project : studio->projects()) {
            QJsonArray versions;
            for (const DecisionSetRecord& ds : studio->decisionSets(project.id))
                versions.append(decisionSetJson(ds));
            projects.append(QJsonObject{{QStringLiteral("id"), project.id},
                                        {QStringLiteral("name"), project.name},
                                        {QStringLiteral("created_at"), project.createdAt},
                                        {QStringLiteral("decision_sets"), versions}});
        }
        if (p.isSet(QStringLiteral("json"))) {
            ctx.io.out << QString::fromUtf8(QJsonDocument(projects).toJson());
        } else if (projects.isEmpty()) {
            ctx.io.out << "no projects yet; start one with: mlops-studio-cli design PROMPT --out DIR\n";
        } else {
            for (const QJsonValue& pv : std::as_const(projects)) {
                const QJsonObject project = pv.toObject();
                ctx.io.out << project.value(QStringLiteral("name")).toString() << "  ("
                           << project.value(QStringLiteral("id")).toString().left(8) << ")\n";
                for (const QJsonValue& dv : project.value(QStringLiteral("decision_sets")).toArray()) {
                    const QJsonObject ds = dv.toObject();
                    ctx.io.out << "  v" << ds.value(QStringLiteral("version")).toInt() << "  "
                               << ds.value(QStringLiteral("id")).toString() << "  "
                               << ds.value(QStringLiteral("status")).toString().leftJustified(12)
                               << (ds.value(QStringLiteral("paused")).toBool() ? "paused " : "")
                               << ds.value(QStringLiteral("updated_at")).toString() << '\n';
                }
            }
        }
        ctx.io.out.flush();
        return 0;
    }
};

class ShowCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override {
        return QStringLiteral("Show a decision set: status, checkpoints, pending questions, events.");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(QStringLiteral("decision-set"), QStringLiteral("Decision set id or unique prefix."));
        p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (with the final state).")});
        p.addOption({QStringLiteral("events"), QStringLiteral("Print the whole event log as NDJSON.")});
        p.addOption(
            {QStringLiteral("state"), QStringLiteral("Print the state at checkpoint N as JSON."), QStringLiteral("N")});
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, QStringLiteral("expected one decision set id (or a unique prefix)"), 2);
        auto studio = ctx.openStudio(false);
        if (!studio)
            return 1;
        const DecisionSetRecord ds = studio->decisionSet(p.positionalArguments().first());
        if (!ds.isValid())
            return CliSupport::fail(
                ctx, QStringLiteral("no decision set matches '%1'").arg(p.positionalArguments().first()));
        if (p.isSet(QStringLiteral("events"))) {
            for (const Event& e : EventLogStore::load(studio->database().reader(), ds.id))
                ctx.io.out << QString::fromUtf8(e.toNdjsonLine());
            ctx.io.out.flush();
            return 0;
        }
        if (p.isSet(QStringLiteral("state"))) {
            const CheckpointRecord cp = studio->checkpoint(ds.id, p.value(QStringLiteral("state")).toInt());
            if (!cp.isValid())
                return CliSupport::fail(ctx, QStringLiteral("no checkpoint %1").arg(p.value(QStringLiteral("state"))));
            ctx.io.out << QString::fromUtf8(QJsonDocument(cp.state).toJson());
            ctx.io.out.flush();
            return 0;
        }
        const QList<CheckpointRecord> checkpoints = studio->checkpoints(ds.id);
        const GateRecord gate = studio->pendingGate(ds.id);
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject o = decisionSetJson(ds);
            QJsonArray cps;
            for (const CheckpointRecord& cp : checkpoints)
                cps.append(QJsonObject{{QStringLiteral("step"), cp.step},
                                       {QStringLiteral("node"), cp.node},
                                       {QStringLiteral("next"), cp.nextStep},
                                       {QStringLiteral("last_event_seq"), cp.lastEventSeq},
                                       {QStringLiteral("created_at"), cp.createdAt}});
            o.insert(QStringLiteral("checkpoints"), cps);
            o.insert(QStringLiteral("prompt"), ds.prompt);
            o.insert(QStringLiteral("pending_questions"), gate.questions.value(QStringLiteral("questions")));
            o.insert(QStringLiteral("result"), ds.result);
            ctx.io.out << QString::fromUtf8(QJsonDocument(o).toJson());
            ctx.io.out.flush();
            return 0;
        }
        ctx.io.out << "decision set " << ds.id << "  version " << ds.version << "  status " << storedText(ds.status)
                   << (ds.paused ? " (paused)" : "") << '\n';
        if (!ds.parentId.isEmpty())
            ctx.io.out << "forked from " << ds.parentId << " at step " << ds.forkedFromStep << '\n';
        ctx.io.out << "checkpoints:\n";
        for (const CheckpointRecord& cp : checkpoints)
            ctx.io.out << "  " << QString::number(cp.step).rightJustified(3) << "  " << cp.node.leftJustified(20)
                       << " -> " << (cp.nextStep.isEmpty() ? QStringLiteral("(end)") : cp.nextStep) << '\n';
        if (gate.isValid()) {
            ctx.io.out << "waiting at " << gate.node << ":\n";
            for (const Question& q : questionsFromJson(gate.questions.value(QStringLiteral("questions")).toArray()))
                ctx.io.out << "  [" << q.priority << "] " << q.id << ": " << q.text << '\n';
        }
        ctx.io.out.flush();
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeListCommand() {
    return std::make_unique<ListCommand>();
}
std::unique_ptr<CliCommand> makeShowCommand() {
    return std::make_unique<ShowCommand>();
}

} // namespace mlops
