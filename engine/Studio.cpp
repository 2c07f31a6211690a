#include "Studio.h"

#include "core/Event.h"
#include "core/Json.h"
#include "events/EventBus.h"
#include "pipeline/DefaultWorkflow.h"
#include "storage/CheckpointStore.h"
#include "storage/Database.h"
#include "storage/GateStore.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"
#include "workflow/GateResolver.h"
#include "workflow/RunService.h"

#include <QDir>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

namespace mlops {

namespace {

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

QString Studio::defaultDataDir() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dir).filePath(QStringLiteral("agentic-mlops-studio"));
}

std::unique_ptr<Studio> Studio::open(const Options& options, QString* error) {
    const QString dir = options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir;
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create data folder %1").arg(dir);
        return nullptr;
    }
    Options resolved = options;
    resolved.dataDir = dir;
    try {
        auto db = std::make_unique<Database>(QDir(dir).filePath(QStringLiteral("studio.db")));
        return std::unique_ptr<Studio>(new Studio(resolved, std::move(db)));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return nullptr;
    }
}

Studio::Studio(const Options& options, std::unique_ptr<Database> database)
    : m_options(options)
    , m_dataDir(options.dataDir)
    , m_database(std::move(database))
    , m_bus(std::make_unique<EventBus>(*m_database))
    , m_graph(options.graphFactory ? options.graphFactory() : DefaultWorkflow::create()) {
    // Queued connections (engine thread -> caller) and QSignalSpy copy these arguments through QMetaType.
    qRegisterMetaType<RunOutcome>();
    qRegisterMetaType<DecisionSetStatus>();
    connect(
        m_bus.get(), &EventBus::published, this,
        [this](const Event& e) {
            if (e.type.startsWith(QLatin1String("workflow-")) || e.type == EventType::questionsPresented() ||
                e.type == EventType::answersReceived() || e.type == EventType::autoApproving())
                emit decisionSetChanged(e.decisionSetId);
        },
        Qt::QueuedConnection);
    if (!m_options.processJobs)
        return;
    m_engineThread = new QThread;
    m_engineThread->setObjectName(QStringLiteral("engine"));
    RunService::Options ro;
    ro.maxConcurrentRuns = m_options.maxConcurrentRuns;
    ro.leaseMs = m_options.leaseMs;
    m_service = new RunService(*m_database, *m_bus, m_graph, ro);
    m_service->moveToThread(m_engineThread);
    connect(m_engineThread, &QThread::started, m_service, &RunService::start);
    connect(m_engineThread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &RunService::runStarted, this, &Studio::runStarted, Qt::QueuedConnection);
    connect(
        m_service, &RunService::runEnded, this,
        [this](const QString& ds, RunOutcome outcome, const QString& error) {
            emit runEnded(ds, outcome, error);
            emit decisionSetChanged(ds);
        },
        Qt::QueuedConnection);
    m_engineThread->start();
}

Studio::~Studio() {
    if (m_engineThread) {
        QMetaObject::invokeMethod(m_service, &RunService::stop, Qt::BlockingQueuedConnection);
        m_engineThread->quit();
        m_engineThread->wait();
        delete m_engineThread;
    }
}

QString Studio::dataDir() const {
    return m_dataDir;
}

QString Studio::defaultOutputDir(const QString& projectName) const {
    // A folder name safe on every platform and shell: lower-case ASCII letters, digits, '.', '_' and '-'.
    QString name;
    for (const QChar ch : projectName.trimmed().toLower()) {
        const bool safe = (ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || ch.isDigit() ||
                          ch == QLatin1Char('.') || ch == QLatin1Char('_') || ch == QLatin1Char('-');
        if (safe && ch.unicode() < 128)
            name += ch;
        else if (!name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    while (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("project");
    return QDir(m_dataDir).filePath(QStringLiteral("repositories/") + name.left(80));
}

Database& Studio::database() {
    return *m_database;
}

EventBus& Studio::events() {
    return *m_bus;
}

QJsonObject Studio::graphDescription() const {
    return m_graph->describe();
}

void Studio::wake() {
    if (m_service)
        QMetaObject::invokeMethod(m_service, &RunService::poke, Qt::QueuedConnection);
}

void Studio::commitThenNotify(Database::WriteOp op, const QString& decisionSetId) {
    // The writer applies operations in order, so later writes and reads of this id see it once committed.
    m_database->write(std::move(op)).then(this, [this, decisionSetId](WriteResult r) {
        if (!r.ok) {
            emit operationFailed(decisionSetId, r.error);
            return;
        }
        if (!decisionSetId.isEmpty())
            emit decisionSetChanged(decisionSetId);
        wake();
    });
}

QString Studio::createProject(const QString& name, const QJsonObject& settings) {
    const QString id = newId();
    commitThenNotify([id, name, settings](SqliteConnection& c) { ProjectStore::createProject(c, id, name, settings); },
                     {});
    return id;
}

QString Studio::startRun(const QString& projectId, const QString& prompt, const RunSettings& settings) {
    const QString id = newId();
    commitThenNotify(
        [id, projectId, prompt, settings](SqliteConnection& c) {
            ProjectStore::createDecisionSet(c, id, projectId, prompt, settings.toJson());
            JobQueue::enqueue(c, QStringLiteral("workflow"), id, {});
        },
        id);
    return id;
}

QString Studio::fork(const QString& decisionSetId, int step, const QJsonObject& edits, QString* error) {
    SqliteConnection& reader = m_database->reader();
    const DecisionSetRecord source = ProjectStore::decisionSet(reader, decisionSetId);
    const CheckpointRecord cp = CheckpointStore::at(reader, decisionSetId, step);
    if (!source.isValid() || !cp.isValid()) {
        if (error)
            *error = QStringLiteral("no checkpoint %1 in decision set %2").arg(step).arg(decisionSetId);
        return {};
    }
    WorkflowState state(cp.state);
    QString next = cp.nextStep;
    QString prompt = source.prompt;
    if (edits.contains(QStringLiteral("prompt"))) {
        prompt = edits.value(QStringLiteral("prompt")).toString();
        state.set(StatePart::prompt(), prompt);
        next = m_graph->entry();
    }
    if (edits.contains(QStringLiteral("answers"))) {
        state.set(StatePart::answers(),
                  Json::merged(state.object(StatePart::answers()), edits.value(QStringLiteral("answers")).toObject()));
        next = m_graph->entry();
    }
    if (next.isEmpty()) {
        if (error)
            *error = QStringLiteral("checkpoint %1 is the end of the run: nothing to fork without edits").arg(step);
        return {};
    }
    state.remove(StatePart::parallelDone());
    const QJsonObject settings = Json::merged(source.settings, edits.value(QStringLiteral("settings")).toObject());
    const QString id = newId();
    CheckpointRecord start;
    start.decisionSetId = id;
    start.step = 0;
    start.node = QStringLiteral("fork");
    start.nextStep = next;
    start.state = state.toJson();
    const QString parentId = source.id;
    const QString projectId = source.projectId;
    commitThenNotify(
        [=](SqliteConnection& c) {
            ProjectStore::createDecisionSet(c, id, projectId, prompt, settings, parentId, step);
            CheckpointStore::save(c, start);
            JobQueue::enqueue(c, QStringLiteral("workflow"), id, {});
        },
        id);
    return id;
}

void Studio::pause(const QString& decisionSetId) {
    if (m_service)
        QMetaObject::invokeMethod(m_service, [s = m_service, decisionSetId] { s->pause(decisionSetId); });
}

void Studio::cancel(const QString& decisionSetId) {
    if (m_service)
        QMetaObject::invokeMethod(m_service, [s = m_service, decisionSetId] { s->cancel(decisionSetId); });
}

void Studio::resume(const QString& decisionSetId) {
    commitThenNotify(
        [decisionSetId](SqliteConnection& c) {
            const JobRecord job = JobQueue::activeJobFor(c, decisionSetId);
            if (job.isValid() && job.status == JobStatus::Paused) {
                ProjectStore::setPaused(c, decisionSetId, false);
                JobQueue::requeue(c, QStringLiteral("workflow"), decisionSetId, {});
            }
        },
        decisionSetId);
}

QHash<QString, QString> Studio::answer(const QString& decisionSetId, const QJsonObject& answers,
                                       const QString& gateNode) {
    QHash<QString, QString> errors;
    const GateRecord gate = GateStore::pendingFor(m_database->reader(), decisionSetId);
    if (!gate.isValid()) {
        errors.insert(QString(), QStringLiteral("no question is waiting for an answer in this decision set"));
        return errors;
    }
    if (!gateNode.isEmpty() && gate.node != gateNode) {
        errors.insert(QString(), QStringLiteral("the questions at %1 were closed meanwhile; the run now asks at %2")
                                     .arg(gateNode, gate.node));
        return errors;
    }
    const QList<Question> questions = questionsFromJson(gate.questions.value(QStringLiteral("questions")).toArray());
    GateResolver::answerDecision(questions, gate.answers, answers, &errors);
    if (!errors.isEmpty())
        return errors; // nothing stored: the user fixes the form and submits again
    GateResolver::applyToPendingGate(
        *m_bus, decisionSetId,
        [answers, gateNode](const GateRecord& g, const QList<Question>& qs, const RunSettings&) {
            if (!gateNode.isEmpty() && g.node != gateNode)
                return GateDecision{false, {}, g.answers, {}, false}; // moved on: keep as is
            QHash<QString, QString> ignored;
            return GateResolver::answerDecision(qs, g.answers, answers, &ignored);
        })
        .then(this, [this](WriteResult) { wake(); });
    return errors;
}

void Studio::acceptDefaults(const QString& decisionSetId, const QString& gateNode) {
    GateResolver::applyToPendingGate(
        *m_bus, decisionSetId,
        [gateNode](const GateRecord& g, const QList<Question>& qs, const RunSettings&) {
            if (!gateNode.isEmpty() && g.node != gateNode)
                return GateDecision{false, {}, g.answers, {}, false}; // moved on: keep as is
            QJsonObject answers;
            for (const Question& q : qs) {
                if (!g.answers.contains(q.id))
                    answers.insert(q.id, q.defaultValue);
            }
            QHash<QString, QString> ignored;
            return GateResolver::answerDecision(qs, g.answers, answers, &ignored);
        })
        .then(this, [this](WriteResult) { wake(); });
}

EventSubscription* Studio::subscribe(const QString& decisionSetId, QObject* parent) {
    return m_bus->subscribe(decisionSetId, parent);
}

QList<ProjectRecord> Studio::projects() {
    return ProjectStore::projects(m_database->reader());
}

QList<DecisionSetRecord> Studio::decisionSets(const QString& projectId) {
    return ProjectStore::decisionSets(m_database->reader(), projectId);
}

DecisionSetRecord Studio::decisionSet(const QString& idOrPrefix) {
    return ProjectStore::findDecisionSet(m_database->reader(), idOrPrefix);
}

QList<CheckpointRecord> Studio::checkpoints(const QString& decisionSetId) {
    return CheckpointStore::list(m_database->reader(), decisionSetId);
}

CheckpointRecord Studio::checkpoint(const QString& decisionSetId, int step) {
    return CheckpointStore::at(m_database->reader(), decisionSetId, step);
}

GateRecord Studio::pendingGate(const QString& decisionSetId) {
    return GateStore::pendingFor(m_database->reader(), decisionSetId);
}

JobRecord Studio::job(const QString& decisionSetId) {
    return JobQueue::activeJobFor(m_database->reader(), decisionSetId);
}

} // namespace mlops
