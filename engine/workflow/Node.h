#pragma once

#include "core/Question.h"
#include "core/ReasonCard.h"
#include "workflow/RunServices.h"
#include "workflow/RunSettings.h"
#include "workflow/WorkflowState.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>

namespace mlops {

// What a node sees while it runs on a worker thread: the state before it, the run's settings, the services of
// the Studio that runs it (knowledge base, LLM client, clock), and a sink for the events it emits live (reason
// cards, artifacts, validation results).
class NodeContext {
public:
    using EventSink = std::function<void(const QString& type, const QJsonObject& data)>;

    NodeContext(QString decisionSetId, QString nodeName, QString agentName, const WorkflowState& state,
                const RunSettings& settings, EventSink sink, const std::atomic_bool* cancelled,
                RunServices services = {});

    const QString& decisionSetId() const { return m_decisionSetId; }
    const QString& nodeName() const { return m_nodeName; }
    const WorkflowState& state() const { return m_state; }
    const RunSettings& settings() const { return m_settings; }
    const RunServices& services() const { return m_services; }
    bool isCancelled() const { return m_cancelled && m_cancelled->load(); }

    // Emits a reason-card event; agent, node and duration are filled in when left empty.
    void card(ReasonCard card);
    void event(const QString& type, const QJsonObject& data);
    const QList<ReasonCard>& cards() const { return m_cards; }
    qint64 elapsedMs() const { return m_timer.elapsed(); }

private:
    QString m_decisionSetId;
    QString m_nodeName;
    QString m_agentName;
    const WorkflowState& m_state;
    const RunSettings& m_settings;
    EventSink m_sink;
    const std::atomic_bool* m_cancelled;
    RunServices m_services;
    QList<ReasonCard> m_cards;
    QElapsedTimer m_timer;
};

// The outcome of a node: a patch of top-level state parts (only the ones the node declares) or an error.
struct NodeResult {
    QJsonObject patch;
    QString error;
    bool ok() const { return error.isEmpty(); }
    static NodeResult failure(const QString& message) { return {{}, message}; }
};

// One agent step of the workflow. run() is called on a worker thread and must be deterministic for a given
// state and settings (crash-resume relies on it); it must not touch widgets or the database.
class Node {
public:
    virtual ~Node() = default;
    virtual QString name() const = 0;
    virtual QString agent() const { return name(); }
    virtual QStringList writes() const = 0;
    virtual NodeResult run(NodeContext& context) = 0;
};

// A durable human-in-the-loop interrupt. The runtime stores the questions with an absolute deadline, parks
// the run, and continues once answers (or auto-approved defaults) arrive.
class GateNode : public Node {
public:
    // Questions for a human now; an empty list lets the gate pass without interrupting.
    virtual QList<Question> questions(const WorkflowState& state, const RunSettings& settings) const = 0;
    // The state patch once the gate is resolved with `answers` (question id -> value).
    virtual QJsonObject applyAnswers(const WorkflowState& state, const QJsonObject& answers) const = 0;
    NodeResult run(NodeContext&) override { return {}; }
};

} // namespace mlops
