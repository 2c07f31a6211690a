#include "StatusToString.h"
#include "Studio.h"
#include "TestNodes.h"
#include "TestSupport.h"
#include "events/EventSubscription.h"
#include "storage/Database.h"
#include "storage/EventLogStore.h"
#include "storage/GateStore.h"
#include "storage/ProjectStore.h"
#include "workflow/WorkflowGraph.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mlops;
using namespace mlops::test;

namespace {

// start -> loop (at most 3 times back to start) -> {left || right} -> gate? -> finish
std::shared_ptr<WorkflowGraph> loopGraph(std::shared_ptr<QSemaphore> barrier = {}, bool withGate = false,
                                         QList<Question> questions = {}) {
    auto g = std::make_shared<WorkflowGraph>();
    g->addNode(counterNode(QStringLiteral("start"), QStringLiteral("starts")));
    g->addNode(counterNode(QStringLiteral("loop"), QStringLiteral("loops")));
    const auto side = [barrier](const QString& name, const QString& part) {
        return std::make_shared<LambdaNode>(name, QStringList{part}, [barrier, part](NodeContext& c) {
            if (barrier) {
                // Both members must be running at the same time to get past this point.
                barrier->release();
                if (!barrier->tryAcquire(2, 5000))
                    return NodeResult::failure(QStringLiteral("parallel member ran alone"));
                barrier->release(2);
            }
            c.card({.decision = part, .confidence = 1.0, .category = QStringLiteral("test")});
            return NodeResult{{{part, true}}, {}};
        });
    };
    g->addNode(side(QStringLiteral("left"), QStringLiteral("left_done")));
    g->addNode(side(QStringLiteral("right"), QStringLiteral("right_done")));
    g->addParallel(QStringLiteral("both"), {QStringLiteral("left"), QStringLiteral("right")});
    g->addNode(counterNode(QStringLiteral("finish"), QStringLiteral("finished")));
    g->setEntry(QStringLiteral("start"));
    g->addEdge({QStringLiteral("start"), QStringLiteral("loop")});
    g->addEdge({QStringLiteral("loop"), QStringLiteral("start"), {}, 3, QStringLiteral("again")});
    g->addEdge({QStringLiteral("loop"), QStringLiteral("both")});
    if (withGate) {
        g->addNode(std::make_shared<FixedGate>(QStringLiteral("gate"), QStringLiteral("answers"), questions));
        g->addEdge({QStringLiteral("both"), QStringLiteral("gate")});
        g->addEdge({QStringLiteral("gate"), QStringLiteral("finish")});
    } else {
        g->addEdge({QStringLiteral("both"), QStringLiteral("finish")});
    }
    return g;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Studio> studio;
    QString projectId;

    void open(std::function<std::shared_ptr<WorkflowGraph>()> graph) {
        Studio::Options o;
        o.dataDir = dir.path();
        o.graphFactory = std::move(graph);
        QString error;
        studio = Studio::open(o, &error);
        QVERIFY2(studio, qPrintable(error));
        const QList<ProjectRecord> projects = studio->projects();
        projectId = projects.isEmpty() ? studio->createProject(QStringLiteral("test")) : projects.first().id;
    }
};

QString waitForEnd(Studio& studio, const QString& ds, int timeoutMs = 15000) {
    QSignalSpy spy(&studio, &Studio::runEnded);
    for (;;) {
        for (const QList<QVariant>& args : std::as_const(spy)) {
            const RunOutcome outcome = args[1].value<RunOutcome>();
            if (args[0].toString() == ds && outcome != RunOutcome::Abandoned)
                return outcomeName(outcome);
        }
        spy.clear();
        if (!spy.wait(timeoutMs))
            return QStringLiteral("timeout");
    }
}

QList<Event> eventLog(Studio& studio, const QString& ds) {
    return EventLogStore::load(studio.database().reader(), ds);
}

void verifyGapless(const QList<Event>& events) {
    for (int i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].seq, qint64(i + 1));
}

} // namespace

class TestWorkflow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void run_loopAndParallel_completesWithBoundedLoopAndConcurrentMembers() {
        Fixture f;
        auto barrier = std::make_shared<QSemaphore>(0);
        f.open([barrier] { return loopGraph(barrier); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("prompt"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const DecisionSetRecord rec = f.studio->decisionSet(ds);
        QCOMPARE(rec.status, DecisionSetStatus::Completed);
        QCOMPARE(rec.result.value(QStringLiteral("starts")).toInt(), 4); // first pass + 3 bounded loops
        QCOMPARE(rec.result.value(QStringLiteral("loops")).toInt(), 4);
        QVERIFY(rec.result.value(QStringLiteral("left_done")).toBool());
        QVERIFY(rec.result.value(QStringLiteral("right_done")).toBool());
        // One checkpoint per node: 4 starts + 4 loops + 2 parallel members + finish.
        QCOMPARE(f.studio->checkpoints(ds).size(), 11);
        const QList<Event> events = eventLog(*f.studio, ds);
        verifyGapless(events);
        QCOMPARE(events.first().type, QStringLiteral("workflow-start"));
        QCOMPARE(events.last().type, QStringLiteral("workflow-complete"));
        QCOMPARE(events.last().data.value(QStringLiteral("progress_percentage")).toDouble(), 100.0);
    }

    void run_nodeWritesUndeclaredPart_failsWithNodeError() {
        Fixture f;
        f.open([] {
            auto g = std::make_shared<WorkflowGraph>();
            g->addNode(std::make_shared<LambdaNode>(QStringLiteral("rogue"), QStringList{QStringLiteral("mine")},
                                                    [](NodeContext&) {
                                                        return NodeResult{{{QStringLiteral("plan"), 1}}, {}};
                                                    }));
            g->setEntry(QStringLiteral("rogue"));
            return g;
        });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("failed"));
        QCOMPARE(f.studio->decisionSet(ds).status, DecisionSetStatus::Failed);
        const QList<Event> events = eventLog(*f.studio, ds);
        QVERIFY(std::any_of(events.begin(), events.end(), [](const Event& e) {
            return e.type == QLatin1String("node-error") &&
                   e.data.value(QStringLiteral("error")).toString().contains(QStringLiteral("undeclared"));
        }));
    }

    void gate_answered_runContinuesWithAnswers() {
        Fixture f;
        const QList<Question> qs = {makeQuestion(QStringLiteral("cloud"), QStringLiteral("choice"),
                                                 QStringLiteral("aws"), 0.9, QStringLiteral("high"))};
        f.open([qs] { return loopGraph({}, true, qs); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        QCOMPARE(f.studio->decisionSet(ds).status, DecisionSetStatus::HitlPending);
        QVERIFY(f.studio->pendingGate(ds).isValid());

        const QHash<QString, QString> bad = f.studio->answer(ds, {{QStringLiteral("cloud"), QStringLiteral("mars")}});
        QVERIFY(bad.value(QStringLiteral("cloud")).contains(QStringLiteral("not one of")));
        QVERIFY(f.studio->pendingGate(ds).answers.isEmpty()); // nothing stored

        QVERIFY(f.studio->answer(ds, {{QStringLiteral("cloud"), QStringLiteral("gcp")}}).isEmpty());
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const DecisionSetRecord rec = f.studio->decisionSet(ds);
        QCOMPARE(rec.result.value(QStringLiteral("answers")).toObject().value(QStringLiteral("cloud")).toString(),
                 QStringLiteral("gcp"));
        const QList<Event> events = eventLog(*f.studio, ds);
        verifyGapless(events);
        QStringList types;
        for (const Event& e : events)
            types.append(e.type);
        QVERIFY(types.contains(QStringLiteral("questions-presented")));
        QVERIFY(types.contains(QStringLiteral("answers-received")));
    }

    // The user answers the gate they see: when the run has moved on to another gate meanwhile (the shown one was
    // auto-approved at its deadline), a late Submit or Accept defaults must not land on questions never shown.
    void gate_answerForAnotherGate_changesNothing() {
        Fixture f;
        const QList<Question> qs = {makeQuestion(QStringLiteral("cloud"), QStringLiteral("choice"),
                                                 QStringLiteral("aws"), 0.9, QStringLiteral("high"))};
        f.open([qs] { return loopGraph({}, true, qs); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        const QString node = f.studio->pendingGate(ds).node;
        QVERIFY(!node.isEmpty());

        const QHash<QString, QString> stale =
            f.studio->answer(ds, {{QStringLiteral("cloud"), QStringLiteral("gcp")}}, QStringLiteral("an_earlier_gate"));
        QVERIFY2(stale.value(QString()).contains(QStringLiteral("closed meanwhile")),
                 qPrintable(stale.value(QString())));
        f.studio->acceptDefaults(ds, QStringLiteral("an_earlier_gate"));
        QTest::qWait(300); // the write is asynchronous: give it the time it would take
        QVERIFY(f.studio->pendingGate(ds).answers.isEmpty());
        QCOMPARE(f.studio->decisionSet(ds).status, DecisionSetStatus::HitlPending);

        f.studio->acceptDefaults(ds, node); // the gate on screen: taken
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        QCOMPARE(f.studio->decisionSet(ds)
                     .result.value(QStringLiteral("answers"))
                     .toObject()
                     .value(QStringLiteral("cloud"))
                     .toString(),
                 QStringLiteral("aws"));
    }

    void gate_deadline_autoApprovesConfidentDefaultsButNeverHighPriority() {
        Fixture f;
        const QList<Question> qs = {
            makeQuestion(QStringLiteral("budget"), QStringLiteral("number"), 1000, 0.9, QStringLiteral("medium")),
            makeQuestion(QStringLiteral("cloud"), QStringLiteral("choice"), QStringLiteral("aws"), 0.95,
                         QStringLiteral("high"))};
        f.open([qs] { return loopGraph({}, true, qs); });
        RunSettings settings;
        settings.autoApproveTimeoutSec = 1;
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), settings);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        // After the deadline the medium question takes its default; the high one still waits for a human.
        QTRY_VERIFY_WITH_TIMEOUT(f.studio->pendingGate(ds).answers.contains(QStringLiteral("budget")), 5000);
        QTest::qWait(700);
        QVERIFY(f.studio->pendingGate(ds).isValid());
        QVERIFY(!f.studio->pendingGate(ds).answers.contains(QStringLiteral("cloud")));
        QVERIFY(f.studio->answer(ds, {{QStringLiteral("cloud"), QStringLiteral("azure")}}).isEmpty());
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const QJsonObject answers = f.studio->decisionSet(ds).result.value(QStringLiteral("answers")).toObject();
        QCOMPARE(answers.value(QStringLiteral("budget")).toInt(), 1000);
        QCOMPARE(answers.value(QStringLiteral("cloud")).toString(), QStringLiteral("azure"));
        const QList<Event> events = eventLog(*f.studio, ds);
        QVERIFY(std::any_of(events.begin(), events.end(), [](const Event& e) {
            return e.type == QLatin1String("auto-approving") &&
                   e.data.value(QStringLiteral("question_id")).toString() == QLatin1String("budget");
        }));
    }

    // An optional question without a default (a budget nobody has to set) is answered by leaving it empty; a
    // required one is not.
    void gate_optionalQuestion_emptyAnswerIsNone_requiredOneIsNot() {
        Fixture f;
        Question budget = makeQuestion(QStringLiteral("budget"), QStringLiteral("number"), QJsonValue::Null, 0.6,
                                       QStringLiteral("high"));
        budget.optional = true;
        const Question name =
            makeQuestion(QStringLiteral("name"), QStringLiteral("text"), QJsonValue::Null, 0.6, QStringLiteral("low"));
        const QList<Question> qs = {budget, name};
        f.open([qs] { return loopGraph({}, true, qs); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        const QHash<QString, QString> errors = f.studio->answer(
            ds, {{QStringLiteral("budget"), QStringLiteral(" ")}, {QStringLiteral("name"), QJsonValue()}});
        QVERIFY2(errors.value(QStringLiteral("budget")).isEmpty(), qPrintable(errors.value(QStringLiteral("budget"))));
        QCOMPARE(errors.value(QStringLiteral("name")), QStringLiteral("no answer given"));
        QVERIFY(f.studio->pendingGate(ds).answers.isEmpty()); // a form with an error stores nothing
        QVERIFY(
            f.studio
                ->answer(ds, {{QStringLiteral("budget"), QString()}, {QStringLiteral("name"), QStringLiteral("churn")}})
                .isEmpty());
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const QJsonObject answers = f.studio->decisionSet(ds).result.value(QStringLiteral("answers")).toObject();
        QVERIFY(answers.contains(QStringLiteral("budget")));
        QVERIFY(answers.value(QStringLiteral("budget")).isNull());
        QCOMPARE(answers.value(QStringLiteral("name")).toString(), QStringLiteral("churn"));
    }

    // "Accept defaults" takes "none" for an optional question without a default.
    void gate_acceptDefaults_optionalQuestionWithoutDefault_resolves() {
        Fixture f;
        Question budget = makeQuestion(QStringLiteral("budget"), QStringLiteral("number"), QJsonValue::Null, 0.6,
                                       QStringLiteral("high"));
        budget.optional = true;
        const QList<Question> qs = {budget};
        f.open([qs] { return loopGraph({}, true, qs); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        f.studio->acceptDefaults(ds, f.studio->pendingGate(ds).node);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        QVERIFY(f.studio->decisionSet(ds)
                    .result.value(QStringLiteral("answers"))
                    .toObject()
                    .value(QStringLiteral("budget"))
                    .isNull());
    }

    void gate_allowCriticalDecisions_autoApprovesHighPriority() {
        Fixture f;
        const QList<Question> qs = {makeQuestion(QStringLiteral("cloud"), QStringLiteral("choice"),
                                                 QStringLiteral("gcp"), 0.95, QStringLiteral("high"))};
        f.open([qs] { return loopGraph({}, true, qs); });
        RunSettings settings;
        settings.autoApproveTimeoutSec = 1;
        settings.allowCriticalDecisions = true;
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), settings);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("waiting"));
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
    }

    void gate_survivesRestart_autoApprovesAtStoredDeadline() {
        QTemporaryDir dir;
        const QList<Question> qs = {
            makeQuestion(QStringLiteral("budget"), QStringLiteral("number"), 500, 0.9, QStringLiteral("low"))};
        auto graph = [qs] { return loopGraph({}, true, qs); };
        QString ds;
        qint64 deadline = 0;
        {
            Studio::Options o;
            o.dataDir = dir.path();
            o.graphFactory = graph;
            QString error;
            auto studio = Studio::open(o, &error);
            QVERIFY(studio);
            RunSettings settings;
            settings.autoApproveTimeoutSec = 3;
            ds = studio->startRun(studio->createProject(QStringLiteral("p")), QStringLiteral("p"), settings);
            QCOMPARE(waitForEnd(*studio, ds), QStringLiteral("waiting"));
            deadline = studio->pendingGate(ds).deadlineMs;
        } // the "process" ends with the gate pending
        QTest::qWait(1500);
        Studio::Options o;
        o.dataDir = dir.path();
        o.graphFactory = graph;
        QString error;
        auto studio = Studio::open(o, &error);
        QVERIFY(studio);
        QCOMPARE(studio->pendingGate(ds).deadlineMs, deadline); // the stored deadline, not a new one
        QCOMPARE(waitForEnd(*studio, ds, 10000), QStringLiteral("completed"));
        const qint64 resolvedAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(resolvedAt >= deadline, "must not approve before the deadline");
        QVERIFY2(resolvedAt - deadline < 1500,
                 qPrintable(QStringLiteral("approved %1 ms late").arg(resolvedAt - deadline)));
        const GateRecord gate = GateStore::latestFor(studio->database().reader(), ds);
        QCOMPARE(gate.status, GateStatus::AutoApproved);
        verifyGapless(eventLog(*studio, ds));
    }

    void pauseResume_runContinuesFromCheckpoint() {
        Fixture f;
        f.open([] { return loopGraph(); });
        RunSettings settings;
        settings.nodeDelayMs = 80;
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), settings);
        QTRY_VERIFY(f.studio->checkpoints(ds).size() >= 2);
        f.studio->pause(ds);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("paused"));
        const int stepsAtPause = int(f.studio->checkpoints(ds).size());
        QVERIFY(stepsAtPause < 11);
        QVERIFY(f.studio->decisionSet(ds).paused);
        f.studio->resume(ds);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        QCOMPARE(f.studio->checkpoints(ds).size(), 11);
        const QList<Event> events = eventLog(*f.studio, ds);
        verifyGapless(events);
        QStringList types;
        for (const Event& e : events)
            types.append(e.type);
        QVERIFY(types.contains(QStringLiteral("workflow-paused")));
        QVERIFY(types.contains(QStringLiteral("workflow-resumed")));
    }

    void cancel_runningAndParked_endCancelled() {
        Fixture f;
        const QList<Question> qs = {
            makeQuestion(QStringLiteral("q"), QStringLiteral("text"), QStringLiteral("x"), 0.1, QStringLiteral("low"))};
        f.open([qs] { return loopGraph({}, true, qs); });
        RunSettings slow;
        slow.nodeDelayMs = 100;
        const QString running = f.studio->startRun(f.projectId, QStringLiteral("p"), slow);
        QTRY_VERIFY(f.studio->checkpoints(running).size() >= 1);
        f.studio->cancel(running);
        QCOMPARE(waitForEnd(*f.studio, running), QStringLiteral("cancelled"));
        QCOMPARE(f.studio->decisionSet(running).status, DecisionSetStatus::Cancelled);

        const QString parked = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, parked), QStringLiteral("waiting"));
        f.studio->cancel(parked);
        QTRY_COMPARE(f.studio->decisionSet(parked).status, DecisionSetStatus::Cancelled);
        QVERIFY(!f.studio->pendingGate(parked).isValid());
    }

    void fork_fromCheckpoint_newVersionWithParentAndEditedAnswers() {
        Fixture f;
        const QList<Question> qs = {makeQuestion(QStringLiteral("cloud"), QStringLiteral("choice"),
                                                 QStringLiteral("aws"), 0.9, QStringLiteral("medium"))};
        f.open([qs] {
            auto g = loopGraph({}, true, qs);
            return g;
        });
        RunSettings settings;
        settings.approveWithDefaults = true;
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), settings);
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const QList<CheckpointRecord> cps = f.studio->checkpoints(ds);
        const int gateStep = cps[cps.size() - 2].step; // checkpoint written by the gate
        QCOMPARE(cps[cps.size() - 2].node, QStringLiteral("gate"));
        // Fork from the checkpoint before the gate, with the plan continuing at the gate.
        QString error;
        const QString child = f.studio->fork(ds, gateStep - 1, {}, &error);
        QVERIFY2(!child.isEmpty(), qPrintable(error));
        QCOMPARE(waitForEnd(*f.studio, child), QStringLiteral("completed"));
        const DecisionSetRecord rec = f.studio->decisionSet(child);
        QCOMPARE(rec.parentId, ds);
        QCOMPARE(rec.version, 2);
        QCOMPARE(rec.forkedFromStep, gateStep - 1);
        // The fork re-ran only what came after the checkpoint.
        QCOMPARE(rec.result.value(QStringLiteral("starts")).toInt(), 4);
        QCOMPARE(f.studio->checkpoints(child).size(), 3); // fork start, gate, finish
        const QList<Event> events = eventLog(*f.studio, child);
        verifyGapless(events);
        QCOMPARE(events.first().type, QStringLiteral("workflow-start"));
        QCOMPARE(events.first().data.value(QStringLiteral("parent_id")).toString(), ds);
        // A checkpoint that does not exist is a clear error.
        QVERIFY(f.studio->fork(ds, 999, {}, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("no checkpoint")));
    }

    void subscribe_afterRun_replaysWholeHistoryInOrder() {
        Fixture f;
        f.open([] { return loopGraph(); });
        const QString ds = f.studio->startRun(f.projectId, QStringLiteral("p"), {});
        QCOMPARE(waitForEnd(*f.studio, ds), QStringLiteral("completed"));
        const QList<Event> log = eventLog(*f.studio, ds);
        QList<qint64> received;
        EventSubscription* sub = f.studio->subscribe(ds, this);
        connect(sub, &EventSubscription::eventReceived, this, [&](const Event& e) { received.append(e.seq); });
        QSignalSpy done(sub, &EventSubscription::replayFinished);
        QVERIFY(done.wait(5000));
        QCOMPARE(received.size(), log.size());
        for (int i = 0; i < received.size(); ++i)
            QCOMPARE(received[i], log[i].seq);
        delete sub;
    }

    void manyRuns_concurrently_allCompleteWithGaplessLogs() {
        Fixture f;
        f.open([] { return loopGraph(); });
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids.append(f.studio->startRun(f.projectId, QStringLiteral("p%1").arg(i), {}));
        for (const QString& ds : std::as_const(ids)) {
            QTRY_COMPARE_WITH_TIMEOUT(f.studio->decisionSet(ds).status, DecisionSetStatus::Completed, 20000);
            verifyGapless(eventLog(*f.studio, ds));
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
