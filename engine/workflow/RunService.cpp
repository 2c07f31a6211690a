#include "workflow/RunService.h"

#include "core/Clock.h"
#include "core/Event.h"
#include "events/EventBus.h"
#include "storage/Database.h"
#include "storage/GateStore.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"
#include "workflow/GateResolver.h"

namespace mlops {

namespace {
const QString kWorkflowJob = QStringLiteral("workflow");
}

RunService::RunService(Database& database, EventBus& bus, std::shared_ptr<const WorkflowGraph> graph, Options options,
                       QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_bus(bus)
    , m_graph(std::move(graph))
    , m_options(options)
    , m_workerId(JobQueue::makeWorkerId()) {
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pollTimer.setInterval(m_options.pollIntervalMs);
    m_heartbeatTimer.setInterval(int(std::max<qint64>(200, m_options.leaseMs / 3)));
    m_deadlineTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        poke();
        checkGateDeadlines();
    });
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &RunService::heartbeat);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &RunService::checkGateDeadlines);
}

RunService::~RunService() {
    m_pool.waitForDone();
}

void RunService::start() {
    // Jobs held by processes of this host that died (crash, SIGKILL) are claimable again at once.
    m_database.writeAndWait([](SqliteConnection& c) { JobQueue::reclaimDeadLocalWorkers(c); });
    m_pollTimer.start();
    m_heartbeatTimer.start();
    poke();
    checkGateDeadlines();
}

void RunService::poke() {
    while (!m_stopping && m_active.size() < m_options.maxConcurrentRuns) {
        JobRecord job;
        const QString worker = m_workerId;
        const qint64 lease = m_options.leaseMs;
        const WriteResult r = m_database.writeAndWait(
            [&job, worker, lease](SqliteConnection& c) { job = JobQueue::claim(c, worker, lease, {kWorkflowJob}); });
        if (!r.ok || !job.isValid())
            return;
        launch(job);
    }
}

void RunService::launch(const JobRecord& job) {
    const QString ds = job.decisionSetId;
    auto* run = new WorkflowRun({&m_database, &m_bus, m_graph, &m_pool}, ds, this);
    m_active.insert(ds, {job.id, run});
    emit runStarted(ds);
    const qint64 jobId = job.id;
    const QString worker = m_workerId;
    QCoro::connect(run->execute(), this, [this, run, ds, jobId, worker](const RunResult& result) {
        m_active.remove(ds);
        run->deleteLater();
        if (const std::optional<JobStatus> status = jobStatusAfter(result.outcome)) {
            const QString error = result.error;
            m_database.writeAndWait([jobId, worker, status, error](SqliteConnection& c) {
                JobQueue::finish(c, jobId, worker, *status, error);
            });
        }
        emit runEnded(ds, result.outcome, result.error);
        if (result.outcome == RunOutcome::Waiting)
            scheduleNextDeadline();
        QMetaObject::invokeMethod(this, &RunService::poke, Qt::QueuedConnection);
    });
}

void RunService::heartbeat() {
    const qint64 lease = m_options.leaseMs;
    const QString worker = m_workerId;
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        const qint64 jobId = it->jobId;
        QPointer<WorkflowRun> run = it->run;
        m_database
            .write([jobId, worker, lease](SqliteConnection& c) {
                if (!JobQueue::heartbeat(c, jobId, worker, lease))
                    throw SqliteError(QStringLiteral("lease lost"), 0);
            })
            .then(this, [run](WriteResult r) {
                if (!r.ok && run)
                    run->abandon(); // someone else holds the job now: write nothing more
            });
    }
}

void RunService::pause(const QString& decisionSetId) {
    if (auto it = m_active.find(decisionSetId); it != m_active.end() && it->run) {
        it->run->requestPause();
        return;
    }
    // Not running here: a queued run is parked as paused before it starts.
    m_bus.appendAtomically(decisionSetId, [decisionSetId](SqliteConnection& c) {
        EventBus::EventList events;
        const JobRecord job = JobQueue::activeJobFor(c, decisionSetId);
        if (job.isValid() && job.status == JobStatus::Queued) {
            JobQueue::pauseQueued(c, job.id);
            ProjectStore::setPaused(c, decisionSetId, true);
            events.append({EventType::workflowPaused(), {{QStringLiteral("while"), storedText(JobStatus::Queued)}}});
        }
        return events;
    });
}

void RunService::cancel(const QString& decisionSetId) {
    if (auto it = m_active.find(decisionSetId); it != m_active.end() && it->run) {
        it->run->requestCancel();
        return;
    }
    m_bus.appendAtomically(decisionSetId, [decisionSetId](SqliteConnection& c) {
        EventBus::EventList events;
        const DecisionSetRecord ds = ProjectStore::decisionSet(c, decisionSetId);
        if (!ds.isValid() || isFinished(ds.status))
            return events;
        const JobRecord job = JobQueue::activeJobFor(c, decisionSetId);
        if (job.isValid() && job.status == JobStatus::Running)
            return events; // another process runs it; it sees the status at its next boundary
        JobQueue::cancelNotRunning(c, decisionSetId);
        GateStore::cancelPending(c, decisionSetId);
        ProjectStore::setStatus(c, decisionSetId, DecisionSetStatus::Cancelled);
        events.append({EventType::workflowFailed(),
                       {{QStringLiteral("status"), outcomeName(RunOutcome::Cancelled)},
                        {QStringLiteral("error"), QStringLiteral("cancelled by user")}}});
        return events;
    });
}

void RunService::stop() {
    m_stopping = true;
    m_pollTimer.stop();
    m_heartbeatTimer.stop();
    m_deadlineTimer.stop();
    const QString worker = m_workerId;
    QList<qint64> jobs;
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        jobs.append(it->jobId);
        if (it->run)
            it->run->abandon();
    }
    if (jobs.isEmpty())
        return;
    // Give the attempt back: the run continues from its last checkpoint in the next process.
    m_database.writeAndWait([jobs, worker](SqliteConnection& c) {
        for (qint64 id : jobs)
            JobQueue::release(c, id, worker);
    });
}

void RunService::checkGateDeadlines() {
    if (m_stopping)
        return;
    const qint64 now = Clock::nowMs();
    QList<GateRecord> due;
    try {
        for (const GateRecord& g : GateStore::pending(m_database.reader())) {
            if (g.deadlineMs <= now && !GateStore::isDeadlineApplied(g))
                due.append(g);
        }
    } catch (const SqliteError&) {
        return;
    }
    for (const GateRecord& g : std::as_const(due)) {
        const qint64 gateId = g.id;
        GateResolver::applyToPendingGate(
            m_bus, g.decisionSetId,
            [gateId](const GateRecord& gate, const QList<Question>& questions, const RunSettings& settings) {
                if (gate.id != gateId || gate.deadlineMs > Clock::nowMs())
                    return GateDecision{false, {}, gate.answers, {}, false};
                return GateResolver::deadlineDecision(questions, gate.answers, settings);
            })
            .then(this, [this](WriteResult) { poke(); });
    }
    scheduleNextDeadline();
}

void RunService::scheduleNextDeadline() {
    qint64 next = -1;
    try {
        for (const GateRecord& g : GateStore::pending(m_database.reader())) {
            if (!GateStore::isDeadlineApplied(g) && (next < 0 || g.deadlineMs < next))
                next = g.deadlineMs;
        }
    } catch (const SqliteError&) {
        return;
    }
    if (next < 0)
        return;
    const qint64 wait = std::max<qint64>(0, next - Clock::nowMs());
    if (!m_deadlineTimer.isActive() || m_deadlineTimer.remainingTime() > wait)
        m_deadlineTimer.start(int(std::min<qint64>(wait + 5, 24 * 3600 * 1000)));
}

} // namespace mlops
