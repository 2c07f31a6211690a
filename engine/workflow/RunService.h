#pragma once

#include "workflow/WorkflowRun.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace mlops {

// The worker side of the job queue, living in the engine thread: claims `workflow` jobs (up to a limit of
// concurrent runs), drives each with a WorkflowRun, keeps their leases alive, finishes the jobs, and applies
// the auto-approval rules to parked HITL gates when their stored deadline passes.
class RunService : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxConcurrentRuns = 4;
        qint64 leaseMs = 30000;
        int pollIntervalMs = 500;
    };

    RunService(Database& database, EventBus& bus, std::shared_ptr<const WorkflowGraph> graph, Options options,
               QObject* parent = nullptr);
    ~RunService() override;

    QString workerId() const { return m_workerId; }

public slots:
    void start();
    void poke(); // jobs may be waiting: claim now rather than at the next poll
    void pause(const QString& decisionSetId);
    void cancel(const QString& decisionSetId);
    // Releases every held job back to the queue (graceful shutdown): the runs resume elsewhere or later.
    void stop();

signals:
    void runStarted(const QString& decisionSetId);
    void runEnded(const QString& decisionSetId, mlops::RunOutcome outcome, const QString& error);

private:
    struct Active {
        qint64 jobId = 0;
        QPointer<WorkflowRun> run;
    };
    void launch(const JobRecord& job);
    void heartbeat();
    void checkGateDeadlines();
    void scheduleNextDeadline();

    Database& m_database;
    EventBus& m_bus;
    std::shared_ptr<const WorkflowGraph> m_graph;
    Options m_options;
    QString m_workerId;
    QThreadPool m_pool;
    // Parented to this so that they move to the engine thread with it.
    QTimer m_pollTimer{this};
    QTimer m_heartbeatTimer{this};
    QTimer m_deadlineTimer{this};
    QHash<QString, Active> m_active; // decision set id -> run
    bool m_stopping = false;
};

} // namespace mlops
