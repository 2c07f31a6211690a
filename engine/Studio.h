#pragma once

#include "storage/Records.h"
#include "workflow/RunOutcome.h"
#include "workflow/RunSettings.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace mlops {

class Database;
class EventBus;
class EventSubscription;
class RunService;
class SqliteConnection;
class WorkflowGraph;

// The narrow façade through which the desktop UI and the CLI use the engine. Methods are cheap and
// non-blocking for the caller's thread: writes are queued to the database writer and ids are returned at once
// (the record is readable once decisionSetChanged(id) fires, or operationFailed(id, error) says why not);
// runs happen in the engine thread and on its pool. Results arrive as events (subscribe()) and signals.
class Studio : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString dataDir; // empty: QStandardPaths::AppDataLocation (follows XDG_DATA_HOME)
        int maxConcurrentRuns = 4;
        bool processJobs = true; // false: only enqueue; another process runs the jobs
        qint64 leaseMs = 30000;
        std::function<std::shared_ptr<WorkflowGraph>()> graphFactory; // default: DefaultWorkflow::create
    };

    // Opens the data folder and its database. Returns null with `error` set on a corrupted or foreign database.
    static std::unique_ptr<Studio> open(const Options& options, QString* error);
    ~Studio() override;

    static QString defaultDataDir();
    QString dataDir() const;
    // Where the desktop app writes a project's generated repository: <dataDir>/repositories/<sanitised name>.
    QString defaultOutputDir(const QString& projectName) const;
    Database& database();
    EventBus& events();
    QJsonObject graphDescription() const;

    QString createProject(const QString& name, const QJsonObject& settings = {});
    // Creates version N+1 of the project's decision set and queues its run. Returns the decision set id.
    QString startRun(const QString& projectId, const QString& prompt, const RunSettings& settings);
    // Time travel: a new decision-set version starting from checkpoint `step` of `decisionSetId`, with edits
    // ({"answers": {...}, "prompt": "...", "settings": {...}}). Edited answers or prompt re-derive the
    // constraints from intake_extract; otherwise the fork continues where the checkpoint left off.
    QString fork(const QString& decisionSetId, int step, const QJsonObject& edits, QString* error = nullptr);
    void pause(const QString& decisionSetId);
    void resume(const QString& decisionSetId);
    void cancel(const QString& decisionSetId);
    // Validates and stores answers for the pending gate; returns problems per question id (empty: accepted).
    // `gateNode`, when given, is the gate the user was looking at: if the run has moved on to another gate
    // meanwhile (the shown one was auto-approved), nothing is stored and the problem says so.
    QHash<QString, QString> answer(const QString& decisionSetId, const QJsonObject& answers,
                                   const QString& gateNode = {});
    // Takes every unanswered question's smart default now (the user's explicit "accept defaults"); with
    // `gateNode`, only if that gate is still the one waiting.
    void acceptDefaults(const QString& decisionSetId, const QString& gateNode = {});

    EventSubscription* subscribe(const QString& decisionSetId, QObject* parent = nullptr);

    QList<ProjectRecord> projects();
    QList<DecisionSetRecord> decisionSets(const QString& projectId);
    DecisionSetRecord decisionSet(const QString& idOrPrefix);
    QList<CheckpointRecord> checkpoints(const QString& decisionSetId);
    CheckpointRecord checkpoint(const QString& decisionSetId, int step);
    GateRecord pendingGate(const QString& decisionSetId);
    JobRecord job(const QString& decisionSetId);

signals:
    void runStarted(const QString& decisionSetId);
    // Every execution of a run ends with one of these; Abandoned means another worker owns the run now.
    void runEnded(const QString& decisionSetId, mlops::RunOutcome outcome, const QString& error);
    // Status of a decision set may have changed (new version, gate opened, run ended...).
    void decisionSetChanged(const QString& decisionSetId);
    // A queued write could not be stored (disk full, database locked for too long...).
    void operationFailed(const QString& decisionSetId, const QString& error);

private:
    Studio(const Options& options, std::unique_ptr<Database> database);
    void wake();
    void commitThenNotify(std::function<void(SqliteConnection&)> op, const QString& decisionSetId);

    Options m_options;
    QString m_dataDir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<EventBus> m_bus;
    std::shared_ptr<WorkflowGraph> m_graph;
    QThread* m_engineThread = nullptr;
    RunService* m_service = nullptr;
};

} // namespace mlops
