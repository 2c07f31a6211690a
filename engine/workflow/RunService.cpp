#include "workflow/RunService.h"

#include "core/Clock.h"
#include "core/Event.h"
#include "core/Log.h"
#include "events/EventBus.h"
#include "storage/Database.h"
#include "storage/GateStore.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"
#include "workflow/GateResolver.h"

#include <QThread>

namespace mlops {

namespace {

const QString kWorkflowJob = QStringLiteral("workflow");

// Pause and cancel of a run that is not executing here are single writes; a failure leaves the run as it was,
// which the user sees (it keeps its status) and may retry, so it is logged rather than raised.
void logIfFailed(QFuture<WriteResult> write, QObject* context, const char* what, const QString& decisionSetId) {
    write.then(context, [what, decisionSetId](WriteResult r) {
        if (!r.ok())
            qCWarning(lcEngine) << what << decisionSetId << "failed:" << r.error();
    });
}

RunServices withClock(RunServices services) {
    if (!services.clock)
        services.clock = Clock::system();
    return services;
}

} // namespace

RunService::RunService(Database& database, EventBus& bus, std::shared_ptr<const WorkflowGraph> graph, Options options,
                       RunServices services, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_bus(bus)
    , m_graph(std::move(graph))
    , m_options(options)
    , m_services(withClock(std::move(services)))
    , m_workerId(JobQueue::makeWorkerId())
    , m_pollTimer(*m_services.clock, this)
    , m_heartbeatTimer(*m_services.clock, this)
    , m_deadlineTimer(*m_services.clock, this) {
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pollTimer.setInterval(m_options.pollIntervalMs);
    m_heartbeatTimer.setInterval(int(std::max<qint64>(200, m_options.leaseMs / 3)));
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setPrecise(true); // a coarse timer may fire early; a precise one fires at the deadline
    connect(&m_pollTimer, &ClockTimer::timeout, this, [this] {
        poke();
        checkGateDeadlines();
    });
    connect(&m_heartbeatTimer, &ClockTimer::timeout, this, &RunService::heartbeat);
    connect(&m_deadlineTimer, &ClockTimer::timeout, this, &RunService::checkGateDeadlines);
}

RunService::~RunService() {
    m_pool.waitForDone();
}

void RunService::start() {
    // Jobs held by processes of this host that died (crash, SIGKILL) are claimable again at once.
    const WriteResult reclaimed =
        m_database.writeAndWait([](SqliteConnection& c) { JobQueue::reclaimDeadLocalWorkers(c); });
    if (!reclaimed.ok()) // their leases still expire; the jobs are claimable then instead of now
        qCWarning(lcEngine) << "could not reclaim the jobs of dead local workers:" << reclaimed.error();
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
        const Clock& clock = *m_services.clock;
        const WriteResult r = m_database.writeAndWait([&job, worker, lease, &clock](SqliteConnection& c) {
            job = JobQueue::claim(c, worker, lease, {kWorkflowJob}, clock);
        });
        if (!r.ok()) { // nothing was claimed; the next poll or poke tries again
            qCWarning(lcEngine) << "could not claim a job:" << r.error();
            return;
        }
        if (!job.isValid())
            return;
        launch(job);
    }
}

void RunService::launch(const JobRecord& job) {
    const QString ds = job.decisionSetId;
    auto* run = new WorkflowRun({&m_database, &m_bus, m_graph, &m_pool, m_services}, ds, this);
    m_active.insert(ds, {job.id, run});
    emit runStarted(ds);
    const qint64 jobId = job.id;
    const QString worker = m_workerId;
    QCoro::connect(run->execute(), this, [this, run, ds, jobId, worker](const RunResult& result) {
        m_active.remove(ds);
        run->deleteLater();
        if (const std::optional<JobStatus> status = jobStatusAfter(result.outcome)) {
            const QString error = result.error;
            const WriteResult finished = m_database.writeAndWait([jobId, worker, status, error](SqliteConnection& c) {
                JobQueue::finish(c, jobId, worker, *status, error);
            });
            // The job stays 'running' under an expiring lease: another worker claims it and resumes from the last
            // checkpoint, so the run is not lost; it is only late.
            if (!finished.ok())
                qCWarning(lcEngine) << "could not finish job" << jobId << "of" << ds << ":" << finished.error();
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
    const std::shared_ptr<Clock> clock = m_services.clock;
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        const qint64 jobId = it->jobId;
        QPointer<WorkflowRun> run = it->run;
        // The lease check is a value, not an exception: written by the writer thread before the future finishes.
        auto held = std::make_shared<Result<void>>();
        m_database
            .write([jobId, worker, lease, clock, held](SqliteConnection& c) {
                *held = JobQueue::heartbeat(c, jobId, worker, lease, *clock);
            })
            .then(this, [run, held, jobId](WriteResult r) {
                // A heartbeat that could not be written cannot prove the lease is still ours either: stop as well.
                const QString reason = !r.ok() ? r.error() : held->error();
                if (reason.isEmpty())
                    return;
                qCWarning(lcEngine) << "abandoning the run of job" << jobId << ":" << reason;
                if (run)
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
    const auto parked = m_bus.appendAtomically(decisionSetId, [decisionSetId](SqliteConnection& c) {
        EventBus::EventList events;
        const JobRecord job = JobQueue::activeJobFor(c, decisionSetId);
        if (job.isValid() && job.status == JobStatus::Queued) {
            JobQueue::pauseQueued(c, job.id);
            ProjectStore::setPaused(c, decisionSetId, true);
            events.append({EventType::workflowPaused(), {{QStringLiteral("while"), storedText(JobStatus::Queued)}}});
        }
        return events;
    });
    logIfFailed(parked, this, "pausing", decisionSetId);
}

void RunService::cancel(const QString& decisionSetId) {
    if (auto it = m_active.find(decisionSetId); it != m_active.end() && it->run) {
        it->run->requestCancel();
        return;
    }
    const auto cancelled = m_bus.appendAtomically(decisionSetId, [decisionSetId](SqliteConnection& c) {
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
    logIfFailed(cancelled, this, "cancelling", decisionSetId);
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
    const WriteResult released = m_database.writeAndWait([jobs, worker](SqliteConnection& c) {
        for (qint64 id : jobs)
            JobQueue::release(c, id, worker);
    });
    if (!released.ok()) // the leases expire instead and the jobs are claimed again then, one attempt spent
        qCWarning(lcEngine) << "could not release the held jobs at shutdown:" << released.error();
}

void RunService::checkGateDeadlines() {
    if (m_stopping)
        return;
    const std::shared_ptr<Clock> clock = m_services.clock;
    const qint64 now = clock->nowMs();
    QList<GateRecord> due;
    try {
        for (const GateRecord& g : GateStore::pending(m_database.reader())) {
            if (g.deadlineMs <= now && !GateStore::isDeadlineApplied(g))
                due.append(g);
        }
    } catch (const SqliteError& e) {
        // A busy or locked read: the poll timer scans again within pollIntervalMs, so the gate is only late.
        qCWarning(lcEngine) << "could not scan the HITL gate deadlines:" << e.message();
        return;
    }
    for (const GateRecord& g : std::as_const(due)) {
        const qint64 gateId = g.id;
        GateResolver::applyToPendingGate(
            m_bus, g.decisionSetId,
            [gateId, clock](const GateRecord& gate, const QList<Question>& questions, const RunSettings& settings) {
                if (gate.id != gateId || gate.deadlineMs > clock->nowMs())
                    return GateDecision{false, {}, gate.answers, {}, false};
                return GateResolver::deadlineDecision(questions, gate.answers, settings);
            })
            .then(this, [this, gateId](WriteResult r) {
                if (!r.ok()) // not marked as applied, so the next scan tries this gate again
                    qCWarning(lcEngine) << "could not auto-approve HITL gate" << gateId << ":" << r.error();
                poke();
            });
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
    } catch (const SqliteError& e) {
        // The poll timer still calls checkGateDeadlines, so the deadline is seen within pollIntervalMs.
        qCWarning(lcEngine) << "could not read the next HITL gate deadline:" << e.message();
        return;
    }
    if (next < 0)
        return;
    const qint64 wait = std::max<qint64>(0, next - m_services.clock->nowMs());
    if (!m_deadlineTimer.isActive() || m_deadlineTimer.remainingTime() > wait)
        m_deadlineTimer.startAt(std::min<qint64>(next, m_services.clock->nowMs() + 24 * 3600 * 1000));
}

} // namespace mlops
