#include "workflow/WorkflowRun.h"

#include "core/Clock.h"
#include "core/Event.h"
#include "events/EventBus.h"
#include "storage/CheckpointStore.h"
#include "storage/Database.h"
#include "storage/GateStore.h"
#include "storage/ProjectStore.h"
#include "workflow/GateResolver.h"

#include <QCoroFuture>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace mlops {

namespace {

constexpr int kHeartbeatMs = 5000;

QJsonObject cardForDecisionLog(const ReasonCard& card) {
    QJsonObject o = card.toJson();
    o.remove(QStringLiteral("duration_ms")); // timings differ between runs; the decision log must not
    return o;
}

} // namespace

WorkflowRun::WorkflowRun(RunEnvironment environment, QString decisionSetId, QObject* parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_decisionSetId(std::move(decisionSetId))
    , m_cancelled(std::make_shared<std::atomic_bool>(false)) {}

WorkflowRun::~WorkflowRun() = default;

void WorkflowRun::requestCancel() {
    m_cancelled->store(true);
}

void WorkflowRun::abandon() {
    m_abandoned = true;
    m_cancelled->store(true);
}

void WorkflowRun::publish(const QString& type, QJsonObject data) {
    if (!m_abandoned)
        m_env.bus->publish(m_decisionSetId, type, data);
}

QJsonObject WorkflowRun::progress(const QString& nextStep) const {
    const int remaining = nextStep.isEmpty() ? 0 : m_env.graph->nominalLengthFrom(nextStep);
    const int total = m_completedNodes + remaining;
    const double pct = total == 0 ? 100.0 : 100.0 * m_completedNodes / total;
    const qint64 avg = m_completedNodes ? m_nodeTimeTotalMs / m_completedNodes : 0;
    return {{QStringLiteral("progress_percentage"), qRound(pct * 10) / 10.0},
            {QStringLiteral("estimated_time_remaining_ms"), avg * remaining}};
}

QCoro::Task<WorkflowRun::NodeOutcome> WorkflowRun::runNode(Node* node) {
    const QString name = node->name();
    publish(
        EventType::nodeStart(),
        {{QStringLiteral("node"), name}, {QStringLiteral("agent"), node->agent()}, {QStringLiteral("step"), m_step}});
    // Copies: the task runs on a pool thread while this object stays in the engine thread.
    const WorkflowState state = m_state;
    const RunSettings settings = m_settings;
    EventBus* bus = m_env.bus;
    const QString ds = m_decisionSetId;
    const auto cancelled = m_cancelled;
    QFuture<NodeOutcome> future = QtConcurrent::run(m_env.pool, [node, name, state, settings, bus, ds, cancelled] {
        NodeOutcome out;
        NodeContext ctx(
            ds, name, node->agent(), state, settings,
            [bus, ds](const QString& type, const QJsonObject& data) { bus->publish(ds, type, data); }, cancelled.get());
        for (int slept = 0; slept < settings.nodeDelayMs && !cancelled->load(); slept += 10)
            QThread::msleep(10);
        try {
            out.result = node->run(ctx);
        } catch (const std::exception& e) {
            out.result = NodeResult::failure(QStringLiteral("unexpected error: ") + QString::fromUtf8(e.what()));
        }
        out.cards = ctx.cards();
        out.durationMs = ctx.elapsedMs();
        return out;
    });
    // A node that runs long shows it is alive (the heartbeat event of docs/events.md), every 5 s while it works.
    QTimer heartbeat;
    heartbeat.setInterval(kHeartbeatMs);
    QElapsedTimer running;
    running.start();
    connect(&heartbeat, &QTimer::timeout, this, [this, name, &running] {
        publish(EventType::heartbeat(),
                {{QStringLiteral("node"), name}, {QStringLiteral("elapsed_ms"), running.elapsed()}});
    });
    heartbeat.start();
    NodeOutcome outcome = co_await future;
    heartbeat.stop();
    co_return outcome;
}

bool WorkflowRun::applyOutcome(const QString& nodeName, const NodeOutcome& outcome, QString* error) {
    if (!outcome.result.ok()) {
        *error = outcome.result.error;
        return false;
    }
    const Node* node = m_env.graph->node(nodeName);
    const QString undeclared = m_state.apply(outcome.result.patch, node->writes());
    if (!undeclared.isEmpty()) {
        *error = QStringLiteral("node '%1' wrote undeclared state part '%2'").arg(nodeName, undeclared);
        return false;
    }
    QJsonArray decisions = m_state.array(StatePart::decisions());
    for (const ReasonCard& card : outcome.cards)
        decisions.append(cardForDecisionLog(card));
    m_state.set(StatePart::decisions(), decisions);
    ++m_completedNodes;
    m_nodeTimeTotalMs += outcome.durationMs;
    return true;
}

QString WorkflowRun::routeAfter(const QString& step, QString* error) {
    QJsonObject counts = m_state.object(StatePart::routeCounts());
    const QString next = m_env.graph->next(step, m_state, counts, error);
    m_state.set(StatePart::routeCounts(), counts);
    return next;
}

QCoro::Task<bool> WorkflowRun::commitBoundary(QString node, QString nextStep, DecisionSetStatus status,
                                              GateRecord resolvedGate) {
    if (m_abandoned)
        co_return false;
    CheckpointRecord cp;
    cp.decisionSetId = m_decisionSetId;
    cp.step = m_step;
    cp.node = node;
    cp.nextStep = nextStep;
    cp.state = m_state.toJson();
    cp.lastEventSeq = m_env.bus->lastSeq(m_decisionSetId);
    const QString ds = m_decisionSetId;
    QFuture<WriteResult> f = m_env.bus->commit(ds, [cp, ds, status, resolvedGate](SqliteConnection& c) {
        CheckpointStore::save(c, cp);
        if (!resolvedGate.node.isEmpty()) {
            const qint64 id = GateStore::open(c, resolvedGate);
            GateStore::resolve(c, id, resolvedGate.status, resolvedGate.answers, {});
        }
        ProjectStore::setStatus(c, ds, status);
    });
    const WriteResult r = co_await f;
    ++m_step;
    co_return r.ok;
}

QCoro::Task<RunResult> WorkflowRun::finish(RunOutcome outcome, QString error) {
    if (m_abandoned)
        co_return RunResult{RunOutcome::Abandoned, error};
    const std::optional<DecisionSetStatus> status = decisionSetStatusAfter(outcome);
    QJsonObject data = progress({});
    data.insert(QStringLiteral("status"), outcomeName(outcome));
    switch (outcome) {
    case RunOutcome::Completed:
        data.insert(QStringLiteral("result"), m_state.publicJson().value(StatePart::commit()));
        publish(EventType::workflowComplete(), data);
        break;
    case RunOutcome::Failed:
    case RunOutcome::Cancelled:
        data.insert(QStringLiteral("error"), error);
        publish(EventType::workflowFailed(), data);
        break;
    case RunOutcome::Paused:
        publish(EventType::workflowPaused(), data);
        break;
    default:
        break;
    }
    const QString ds = m_decisionSetId;
    const bool paused = outcome == RunOutcome::Paused;
    const QJsonObject result = outcome == RunOutcome::Completed ? m_state.publicJson() : QJsonObject{};
    QFuture<WriteResult> f = m_env.bus->commit(ds, [ds, status, paused, result](SqliteConnection& c) {
        if (status)
            ProjectStore::setStatus(c, ds, *status);
        ProjectStore::setPaused(c, ds, paused);
        if (!result.isEmpty())
            ProjectStore::setResult(c, ds, result);
    });
    const WriteResult r = co_await f;
    if (!r.ok)
        co_return RunResult{RunOutcome::Failed, r.error};
    co_return RunResult{outcome, error};
}

QCoro::Task<RunResult> WorkflowRun::runGate(GateNode* gate, bool* proceed) {
    *proceed = false;
    const QString name = gate->name();
    const QList<Question> questions = gate->questions(m_state, m_settings);
    const GateRecord existing = GateStore::latestFor(m_env.database->reader(), m_decisionSetId);
    const bool sameGate = existing.isValid() && existing.step == m_step;
    QJsonObject answers;

    if (sameGate && existing.status == GateStatus::Pending)
        co_return RunResult{RunOutcome::Waiting, {}}; // resumed by a restart while the human has not answered
    if (sameGate && existing.status == GateStatus::Cancelled)
        co_return co_await finish(RunOutcome::Cancelled, QStringLiteral("cancelled at %1").arg(name));
    if (!sameGate) {
        publish(EventType::nodeStart(), {{QStringLiteral("node"), name},
                                         {QStringLiteral("agent"), gate->agent()},
                                         {QStringLiteral("step"), m_step}});
    }
    if (sameGate) {
        answers = existing.answers;
    } else if (!questions.isEmpty()) {
        GateRecord record;
        record.decisionSetId = m_decisionSetId;
        record.node = name;
        record.step = m_step;
        record.questions = {{QStringLiteral("questions"), questionsToJson(questions)}};
        record.deadlineMs = Clock::nowMs() + qint64(m_settings.autoApproveTimeoutSec) * 1000;
        const GateDecision decision = GateResolver::openingDecision(questions, m_settings);
        for (const auto& [type, data] : decision.events)
            publish(type, data);
        if (decision.resolved) {
            answers = decision.answers;
            record.status = decision.status;
            record.answers = answers;
        } else {
            QJsonObject presented = GateResolver::presentation(record, questions, m_settings);
            publish(EventType::questionsPresented(), presented);
            const QString ds = m_decisionSetId;
            const QJsonObject partial = decision.answers;
            QFuture<WriteResult> f = m_env.bus->commit(ds, [record, ds, partial](SqliteConnection& c) {
                const qint64 id = GateStore::open(c, record);
                if (!partial.isEmpty())
                    GateStore::saveAnswers(c, id, partial);
                ProjectStore::setStatus(c, ds, DecisionSetStatus::HitlPending);
            });
            const WriteResult r = co_await f;
            if (!r.ok)
                co_return co_await finish(RunOutcome::Failed, r.error);
            co_return RunResult{RunOutcome::Waiting, {}};
        }
        // Resolved at once (non-interactive): record the gate as resolved, in the same commit as the checkpoint.
        m_pendingGateRecord = record;
    }

    const QJsonObject patch = gate->applyAnswers(m_state, answers);
    NodeOutcome outcome;
    outcome.result.patch = patch;
    ReasonCard card;
    card.agent = gate->agent();
    card.node = name;
    card.category = QStringLiteral("approval");
    card.decision = questions.isEmpty() ? QStringLiteral("nothing to ask") : QStringLiteral("answers applied");
    card.reasoning = questions.isEmpty()
                         ? QStringLiteral("No open question needs a human at this point.")
                         : QStringLiteral("%1 question(s) resolved: %2")
                               .arg(questions.size())
                               .arg(QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact)));
    card.confidence = 1.0;
    card.outputs = answers;
    outcome.cards.append(card);
    publish(EventType::reasonCard(), card.toJson());
    QString error;
    if (!applyOutcome(name, outcome, &error))
        co_return co_await finish(RunOutcome::Failed, error);
    *proceed = true;
    co_return RunResult{RunOutcome::Completed, {}};
}

QCoro::Task<RunResult> WorkflowRun::execute() {
    try {
        SqliteConnection& db = m_env.database->reader();
        const DecisionSetRecord ds = ProjectStore::decisionSet(db, m_decisionSetId);
        if (!ds.isValid())
            co_return RunResult{RunOutcome::Failed, QStringLiteral("unknown decision set %1").arg(m_decisionSetId)};
        m_settings = RunSettings::fromJson(ds.settings);
        m_env.bus->resetChannel(m_decisionSetId);

        const CheckpointRecord cp = CheckpointStore::latest(db, m_decisionSetId);
        QString next;
        const bool fresh = m_env.bus->lastSeq(m_decisionSetId) == 0;
        if (cp.isValid()) {
            m_state = WorkflowState(cp.state);
            m_step = cp.step + 1;
            next = cp.nextStep;
            m_completedNodes = m_state.array(StatePart::decisions()).isEmpty() ? 0 : cp.step + 1;
            if (fresh) // a fork starts from a copied checkpoint: for its own stream this is the start
                publish(EventType::workflowStart(), {{QStringLiteral("graph"), m_env.graph->describe()},
                                                     {QStringLiteral("version"), ds.version},
                                                     {QStringLiteral("parent_id"), ds.parentId},
                                                     {QStringLiteral("forked_from_step"), ds.forkedFromStep},
                                                     {QStringLiteral("next"), next}});
            else
                publish(EventType::workflowResumed(),
                        {{QStringLiteral("from_step"), cp.step}, {QStringLiteral("next"), next}});
        } else {
            m_state = WorkflowState();
            m_state.set(StatePart::prompt(), ds.prompt);
            next = m_env.graph->entry();
            publish(EventType::workflowStart(), {{QStringLiteral("prompt_chars"), ds.prompt.size()},
                                                 {QStringLiteral("graph"), m_env.graph->describe()},
                                                 {QStringLiteral("version"), ds.version},
                                                 {QStringLiteral("parent_id"), ds.parentId}});
        }
        // Who this run is, for nodes that need it (git branches per fork, ADR headers). Same on every resume.
        m_state.set(StatePart::lineage(), QJsonObject{{QStringLiteral("decision_set_id"), ds.id},
                                                      {QStringLiteral("project_id"), ds.projectId},
                                                      {QStringLiteral("version"), ds.version},
                                                      {QStringLiteral("parent_id"), ds.parentId},
                                                      {QStringLiteral("forked_from_step"), ds.forkedFromStep}});
        if (next.isEmpty())
            co_return co_await finish(RunOutcome::Completed, {});

        while (!next.isEmpty()) {
            if (m_abandoned)
                co_return RunResult{RunOutcome::Abandoned, {}};
            if (m_cancelled->load())
                co_return co_await finish(RunOutcome::Cancelled, QStringLiteral("cancelled by user"));
            if (m_pauseRequested)
                co_return co_await finish(RunOutcome::Paused, {});

            const QString step = next;
            QString error;
            if (GateNode* gate = m_env.graph->gate(step)) {
                bool proceed = false;
                const RunResult r = co_await runGate(gate, &proceed);
                if (!proceed)
                    co_return r;
                next = routeAfter(step, &error);
                if (!error.isEmpty())
                    co_return co_await finish(RunOutcome::Failed, error);
                publishNodeComplete(step, 0, next);
                const GateRecord resolved = std::exchange(m_pendingGateRecord, GateRecord{});
                if (!co_await commitBoundary(step, next, m_env.graph->stepStatus(next), resolved))
                    co_return co_await finish(RunOutcome::Failed, QStringLiteral("could not store checkpoint"));
                continue;
            }

            QStringList members = m_env.graph->isParallel(step) ? m_env.graph->members(step) : QStringList{step};
            const QJsonArray done = m_state.array(StatePart::parallelDone());
            for (const QJsonValue& d : done)
                members.removeAll(d.toString());
            if (members.isEmpty()) {
                error = QStringLiteral("parallel step '%1' has nothing left to run").arg(step);
                co_return co_await finish(RunOutcome::Failed, error);
            }
            std::vector<QCoro::Task<NodeOutcome>> tasks; // started eagerly: the members run concurrently
            for (const QString& member : std::as_const(members))
                tasks.push_back(runNode(m_env.graph->node(member)));
            // Fan-in in declared order so the merged state does not depend on which node finished first.
            for (int i = 0; i < members.size(); ++i) {
                const NodeOutcome outcome = co_await tasks[size_t(i)];
                const QString& member = members[i];
                if (!applyOutcome(member, outcome, &error)) {
                    publish(EventType::nodeError(),
                            {{QStringLiteral("node"), member}, {QStringLiteral("error"), error}});
                    co_return co_await finish(RunOutcome::Failed, QStringLiteral("%1: %2").arg(member, error));
                }
                const bool last = i == members.size() - 1;
                QString after = step;
                if (last) {
                    m_state.remove(StatePart::parallelDone());
                    after = routeAfter(step, &error);
                    if (!error.isEmpty())
                        co_return co_await finish(RunOutcome::Failed, error);
                } else {
                    QJsonArray doneNow = m_state.array(StatePart::parallelDone());
                    doneNow.append(member);
                    m_state.set(StatePart::parallelDone(), doneNow);
                }
                publishNodeComplete(member, outcome.durationMs, after);
                if (!co_await commitBoundary(member, after, m_env.graph->stepStatus(after.isEmpty() ? step : after),
                                             {}))
                    co_return co_await finish(RunOutcome::Failed, QStringLiteral("could not store checkpoint"));
                next = after;
            }
        }
        co_return co_await finish(RunOutcome::Completed, {});
    } catch (const std::exception& e) {
        // Exceptions must not escape a QCoro task (an awaiting waitFor would hang).
        co_return RunResult{RunOutcome::Failed, QString::fromUtf8(e.what())};
    }
}

void WorkflowRun::publishNodeComplete(const QString& node, qint64 durationMs, const QString& next) {
    QJsonObject data = progress(next);
    data.insert(QStringLiteral("node"), node);
    data.insert(QStringLiteral("duration_ms"), durationMs);
    data.insert(QStringLiteral("next"), next);
    data.insert(QStringLiteral("step"), m_step);
    publish(EventType::nodeComplete(), data);
}

} // namespace mlops
