#pragma once

#include "storage/Records.h"
#include "workflow/RunOutcome.h"
#include "workflow/WorkflowGraph.h"

#include <QCoroTask>
#include <QObject>

#include <atomic>
#include <memory>

class QThreadPool;

namespace mlops {

class Database;
class EventBus;

struct RunResult {
    RunOutcome outcome = RunOutcome::Failed;
    QString error;
};

struct RunEnvironment {
    Database* database = nullptr;
    EventBus* bus = nullptr;
    std::shared_ptr<const WorkflowGraph> graph;
    QThreadPool* pool = nullptr;
};

// Drives one run of one decision set from its last checkpoint (or the start) until it completes, fails,
// is paused or cancelled, or parks at a HITL gate. Lives in the engine thread; nodes run on the pool.
// Between nodes it commits the node's events together with a checkpoint in one transaction.
class WorkflowRun : public QObject {
    Q_OBJECT
public:
    WorkflowRun(RunEnvironment environment, QString decisionSetId, QObject* parent = nullptr);
    ~WorkflowRun() override;

    const QString& decisionSetId() const { return m_decisionSetId; }
    QCoro::Task<RunResult> execute();

    void requestPause() { m_pauseRequested = true; }
    void requestCancel();
    // The job's lease was lost: stop at the next boundary without writing anything more.
    void abandon();

private:
    struct NodeOutcome {
        NodeResult result;
        QList<ReasonCard> cards;
        qint64 durationMs = 0;
    };
    QCoro::Task<NodeOutcome> runNode(Node* node);
    QCoro::Task<RunResult> runGate(GateNode* gate, bool* proceed);
    QCoro::Task<bool> commitBoundary(QString node, QString nextStep, DecisionSetStatus status, GateRecord resolvedGate);
    QCoro::Task<RunResult> finish(RunOutcome outcome, QString error);
    bool applyOutcome(const QString& nodeName, const NodeOutcome& outcome, QString* error);
    QString routeAfter(const QString& step, QString* error);
    void publish(const QString& type, QJsonObject data);
    void publishNodeComplete(const QString& node, qint64 durationMs, const QString& next);
    QJsonObject progress(const QString& nextStep) const;

    RunEnvironment m_env;
    QString m_decisionSetId;
    WorkflowState m_state;
    RunSettings m_settings;
    GateRecord m_pendingGateRecord; // a gate resolved at once, stored with the next checkpoint
    int m_step = 0;
    int m_completedNodes = 0;
    qint64 m_nodeTimeTotalMs = 0;
    std::atomic_bool m_pauseRequested{false};
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::atomic_bool m_abandoned{false};
};

} // namespace mlops
