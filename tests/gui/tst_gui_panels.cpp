// The main window's parts on synthetic event streams: card filters and evidence highlighting, typed question
// inputs and their validation, the HITL countdown, the graph layout, node activity folding, event coalescing.
#include "StateColors.h"
#include "StatusText.h"
#include "StatusToString.h"
#include "Studio.h"
#include "TestSupport.h"
#include "cards/ReasonCardModel.h"
#include "cards/ReasonCardPanel.h"
#include "core/Clock.h"
#include "events/EventBus.h"
#include "graph/GraphLayout.h"
#include "graph/NodeActivity.h"
#include "hitl/HitlPanel.h"
#include "hitl/QuestionForm.h"
#include "project/ProjectListModel.h"
#include "requirement/RequirementEditor.h"
#include "run/RunFeed.h"
#include "run/RunStatusWidget.h"
#include "storage/Database.h"
#include "storage/ProjectStore.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mlops;
using namespace mlops::ui;

namespace {

Event makeEvent(qint64 seq, const QString& type, const QJsonObject& data) {
    return Event{QStringLiteral("ds"), seq, QDateTime::currentDateTimeUtc(), type, data};
}

Event card(qint64 seq, const char* agent, const char* category, const char* priority,
           const QJsonObject& evidence = {}) {
    ReasonCard c;
    c.agent = QString::fromLatin1(agent);
    c.node = c.agent;
    c.category = QString::fromLatin1(category);
    c.priority = QString::fromLatin1(priority);
    c.decision = QStringLiteral("decision %1").arg(seq);
    c.confidence = 0.7;
    c.evidence = evidence;
    c.alternatives = {{QStringLiteral("a"), 0.9, {}}, {QStringLiteral("b"), 0.4, {}}};
    return makeEvent(seq, EventType::reasonCard(), c.toJson());
}

Question question(const char* id, const char* type, const QStringList& options, const QJsonValue& def) {
    Question q;
    q.id = QString::fromLatin1(id);
    q.text = QStringLiteral("Question %1?").arg(q.id);
    q.type = QString::fromLatin1(type);
    q.options = options;
    q.defaultValue = def;
    q.confidence = 0.9;
    q.rationale = QStringLiteral("because");
    return q;
}

} // namespace

class TestGuiPanels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        test::isolateDataDirs(m_dir.path());
    }

    void cards_filteredByAgentCategoryPriority_showMatchingOnly() {
        ReasonCardPanel panel;
        panel.appendEvents({card(1, "planner", "architecture", "high"), card(2, "cost_critic", "cost", "medium"),
                            card(3, "planner", "architecture", "low"),
                            makeEvent(4, EventType::nodeStart(), {{QStringLiteral("node"), QStringLiteral("x")}}),
                            card(5, "policy_engine", "policy", "high")});
        QCOMPARE(panel.model()->rowCount(), 4);
        QCOMPARE(panel.model()->agents(), (QStringList{QStringLiteral("cost_critic"), QStringLiteral("planner"),
                                                       QStringLiteral("policy_engine")}));
        const QList<QComboBox*> combos = panel.findChildren<QComboBox*>();
        QCOMPARE(combos.size(), 3); // agent, category, priority
        combos[0]->setCurrentIndex(combos[0]->findData(QStringLiteral("planner")));
        QCOMPARE(panel.visibleCount(), 2);
        combos[2]->setCurrentIndex(combos[2]->findData(QStringLiteral("high")));
        QCOMPARE(panel.visibleCount(), 1);
        combos[0]->setCurrentIndex(0);
        QCOMPARE(panel.visibleCount(), 2); // high: planner and policy
        combos[1]->setCurrentIndex(combos[1]->findData(QStringLiteral("policy")));
        QCOMPARE(panel.visibleCount(), 1);
        combos[1]->setCurrentIndex(0);
        combos[2]->setCurrentIndex(0);
        panel.setNodeFilter(QStringLiteral("cost_critic"));
        QCOMPARE(panel.visibleCount(), 1);
        panel.setNodeFilter({});
        // A new batch streams in under the active filter.
        combos[0]->setCurrentIndex(combos[0]->findData(QStringLiteral("planner")));
        panel.appendEvents({card(6, "planner", "architecture", "medium"), card(7, "codegen", "codegen", "low")});
        QCOMPARE(panel.visibleCount(), 3);
        QCOMPARE(panel.model()->rowCount(), 6);
    }

    void selectingCard_highlightsItsEvidenceInTheRequirement() {
        ReasonCardPanel panel;
        RequirementEditor editor;
        editor.setPlainText(QStringLiteral("We need real-time fraud scoring under 50 ms on AWS, with GDPR data."));
        connect(&panel, &ReasonCardPanel::evidenceSelected, &editor, &RequirementEditor::highlightEvidence);
        panel.appendEvents({card(1, "intake", "extraction", "high",
                                 {{QStringLiteral("latency_p99_ms"), QStringLiteral("under 50 ms")},
                                  {QStringLiteral("cloud_provider"), QStringLiteral("aws")},
                                  {QStringLiteral("data_sources"), QStringLiteral("not in the text")}}),
                            card(2, "planner", "architecture", "medium")});
        panel.selectRow(0);
        QCOMPARE(editor.highlightCount(), 2); // the span that is not in the text is skipped
        const QList<QTextEdit::ExtraSelection> marks = editor.extraSelections();
        QStringList marked;
        for (const QTextEdit::ExtraSelection& m : marks)
            marked.append(m.cursor.selectedText());
        marked.sort();
        QCOMPARE(marked, (QStringList{QStringLiteral("AWS"), QStringLiteral("under 50 ms")}));
        panel.selectRow(1);
        QCOMPARE(editor.highlightCount(), 0);
    }

    void questionForms_typedInputs_validateLikeTheEngine() {
        QuestionForm number(question("budget", "number", {}, 1500));
        QCOMPARE(number.value(), QJsonValue(1500.0));
        number.setValueText(QStringLiteral("lots"));
        QVERIFY(!number.validate().isEmpty());
        number.setValueText(QStringLiteral("-3"));
        QVERIFY(!number.validate().isEmpty());
        number.setValueText(QStringLiteral("2500"));
        QVERIFY(number.validate().isEmpty());
        QCOMPARE(number.value(), QJsonValue(2500.0));

        QuestionForm choice(
            question("cloud", "choice", {QStringLiteral("aws"), QStringLiteral("gcp")}, QStringLiteral("gcp")));
        QCOMPARE(choice.value(), QJsonValue(QStringLiteral("gcp")));
        QVERIFY(choice.validate().isEmpty());

        QuestionForm multi(question("compliance", "multi_choice",
                                    {QStringLiteral("GDPR"), QStringLiteral("HIPAA"), QStringLiteral("SOC2")},
                                    QJsonArray{QStringLiteral("GDPR")}));
        QCOMPARE(multi.value(), QJsonValue(QJsonArray{QStringLiteral("GDPR")}));
        multi.setValueText(QStringLiteral("GDPR,SOC2"));
        QCOMPARE(multi.value(), QJsonValue(QJsonArray{QStringLiteral("GDPR"), QStringLiteral("SOC2")}));

        QuestionForm flag(question("dr", "bool", {}, false));
        QCOMPARE(flag.value(), QJsonValue(false));
        flag.setValueText(QStringLiteral("yes"));
        QCOMPARE(flag.value(), QJsonValue(true));

        QuestionForm text(question("notes", "text", {}, QStringLiteral("none")));
        text.setValueText(QString(10001, QLatin1Char('x')));
        QVERIFY(!text.validate().isEmpty());
        text.setValueText(QStringLiteral("fine"));
        QVERIFY(text.validate().isEmpty());
    }

    void hitlPanel_countsDownFromStoredDeadline_andClosesWhenGateCompletes() {
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("hitl")), .processJobs = false}, &error);
        QVERIFY2(studio, qPrintable(error));
        HitlPanel panel(*studio);
        panel.setDecisionSet(QStringLiteral("ds"));
        const qint64 deadline = Clock::nowMs() + 125000; // 2:05 from now
        const QJsonArray questions{
            question("cloud", "choice", {QStringLiteral("aws"), QStringLiteral("gcp")}, QStringLiteral("aws")).toJson(),
            question("budget", "number", {}, 900).toJson()};
        panel.applyEvents({makeEvent(1, EventType::questionsPresented(),
                                     {{QStringLiteral("node"), QStringLiteral("hitl_gate_input")},
                                      {QStringLiteral("questions"), questions},
                                      {QStringLiteral("deadline_ms"), deadline},
                                      {QStringLiteral("auto_approvable"), QJsonArray{QStringLiteral("cloud")}}})});
        QVERIFY(panel.hasOpenGate());
        QCOMPARE(panel.forms().size(), 2);
        QVERIFY2(panel.countdownText().contains(QLatin1String("2:0")), qPrintable(panel.countdownText()));
        // An invalid form is not sent; the problem shows next to the question.
        panel.form(QStringLiteral("budget"))->setValueText(QStringLiteral("abc"));
        QVERIFY(!panel.submit());
        // Valid answers but no gate stored for this decision set: the engine's refusal is shown, nothing crashes.
        panel.form(QStringLiteral("budget"))->setValueText(QStringLiteral("1200"));
        QVERIFY(!panel.submit());
        QVERIFY(panel.hasOpenGate());
        panel.applyEvents(
            {makeEvent(2, EventType::answersReceived(),
                       {{QStringLiteral("question_ids"), QJsonArray{QStringLiteral("cloud")}},
                        {QStringLiteral("answers"), QJsonObject{{QStringLiteral("cloud"), QStringLiteral("gcp")}}}})});
        QVERIFY(panel.form(QStringLiteral("cloud"))->isAnswered());
        QVERIFY(!panel.form(QStringLiteral("budget"))->isAnswered());
        panel.applyEvents(
            {makeEvent(3, EventType::nodeComplete(), {{QStringLiteral("node"), QStringLiteral("hitl_gate_input")}})});
        QVERIFY(!panel.hasOpenGate());
        QVERIFY(panel.forms().isEmpty());
    }

    void graphLayout_defaultWorkflow_isReadable() {
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("layout")), .processJobs = false}, &error);
        QVERIFY2(studio, qPrintable(error));
        const QJsonObject graph = studio->graphDescription();
        GraphLayout layout;
        layout.compute(graph);
        const QHash<QString, QRectF> rects = layout.nodeRects();
        QCOMPARE(rects.size(), graph.value(QStringLiteral("nodes")).toArray().size());
        const QList<QString> names = rects.keys();
        for (int i = 0; i < names.size(); ++i) {
            QVERIFY2(layout.bounds().contains(rects.value(names[i])), qPrintable(names[i]));
            for (int j = i + 1; j < names.size(); ++j)
                QVERIFY2(!rects.value(names[i]).adjusted(-4, -4, 4, 4).intersects(rects.value(names[j])),
                         qPrintable(names[i] + QStringLiteral(" overlaps ") + names[j]));
        }
        // The parallel critics share a column, one above the other, inside their group box.
        const QRectF tech = rects.value(QStringLiteral("tech_critic"));
        const QRectF cost = rects.value(QStringLiteral("cost_critic"));
        QCOMPARE(tech.left(), cost.left());
        QVERIFY(tech.bottom() < cost.top());
        // Landscape: wider than tall, so it fits the panel without tiny text.
        QVERIFY(layout.bounds().width() > layout.bounds().height());
        // Every declared edge is routed; the loops are marked as going back.
        QCOMPARE(layout.edges().size(), graph.value(QStringLiteral("edges")).toArray().size());
        int back = 0;
        for (const GraphLayout::EdgeGeometry& e : layout.edges())
            back += e.back;
        QCOMPARE(back, 3); // answers re-check, blocking findings, changes requested
    }

    void nodeActivity_foldsLoopsParallelStepsAndFailures() {
        NodeActivity a;
        a.setGraph({{QStringLiteral("parallel"),
                     QJsonObject{{QStringLiteral("critics"),
                                  QJsonArray{QStringLiteral("tech_critic"), QStringLiteral("cost_critic")}}}}});
        qint64 seq = 0;
        const auto start = [&](const char* n) {
            a.apply(makeEvent(++seq, EventType::nodeStart(), {{QStringLiteral("node"), QString::fromLatin1(n)}}));
        };
        const auto done = [&](const char* n, const char* next) {
            a.apply(makeEvent(++seq, EventType::nodeComplete(),
                              {{QStringLiteral("node"), QString::fromLatin1(n)},
                               {QStringLiteral("next"), QString::fromLatin1(next)},
                               {QStringLiteral("duration_ms"), 12}}));
        };
        start("planner");
        QCOMPARE(a.node(QStringLiteral("planner")).state, NodeActivity::State::Running);
        done("planner", "critics");
        start("tech_critic");
        start("cost_critic");
        done("tech_critic", "critics"); // first member: still inside the parallel step
        done("cost_critic", "policy_engine");
        start("policy_engine");
        done("policy_engine", "planner"); // blocking findings: the loop back
        start("planner");
        done("planner", "critics");
        QCOMPARE(a.traversals(QStringLiteral("planner"), QStringLiteral("critics")), 2);
        QCOMPARE(a.traversals(QStringLiteral("critics"), QStringLiteral("policy_engine")), 1);
        QCOMPARE(a.traversals(QStringLiteral("critics"), QStringLiteral("critics")), 0);
        QCOMPARE(a.traversals(QStringLiteral("policy_engine"), QStringLiteral("planner")), 1);
        QCOMPARE(a.node(QStringLiteral("planner")).runs, 2);
        QCOMPARE(a.node(QStringLiteral("planner")).totalDurationMs, 24);
        start("tech_critic");
        a.apply(makeEvent(
            ++seq, EventType::workflowFailed(),
            {{QStringLiteral("status"), QStringLiteral("failed")}, {QStringLiteral("error"), QStringLiteral("boom")}}));
        QCOMPARE(a.node(QStringLiteral("tech_critic")).state, NodeActivity::State::Failed);
        QCOMPARE(a.node(QStringLiteral("tech_critic")).error, QStringLiteral("boom"));
        QCOMPARE(a.node(QStringLiteral("planner")).state, NodeActivity::State::Done);
    }

    void runFeed_burstFromAnotherThread_arrivesInOrderInFewBatches() {
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("feed")), .processJobs = false}, &error);
        QVERIFY2(studio, qPrintable(error));
        studio->database().writeAndWait([](SqliteConnection& c) {
            ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
            ProjectStore::createDecisionSet(c, QStringLiteral("ds"), QStringLiteral("p"), QStringLiteral("x"), {});
        });
        RunFeed feed(*studio);
        int batches = 0;
        QList<qint64> seqs;
        connect(&feed, &RunFeed::eventsArrived, this, [&](const QList<Event>& batch) {
            ++batches;
            for (const Event& e : batch)
                seqs.append(e.seq);
        });
        feed.follow(QStringLiteral("ds"));
        constexpr int kEvents = 3000;
        QThread* producer = QThread::create([&studio] {
            for (int i = 0; i < kEvents; ++i) {
                studio->events().publish(QStringLiteral("ds"), EventType::heartbeat(), {{QStringLiteral("i"), i}});
                if (i % 500 == 499)
                    studio->events().commit(QStringLiteral("ds")).waitForFinished();
            }
        });
        producer->start();
        QTRY_COMPARE_WITH_TIMEOUT(int(seqs.size()), kEvents, 20000);
        producer->wait();
        delete producer;
        for (int i = 0; i < kEvents; ++i)
            QCOMPARE(seqs[i], qint64(i + 1));
        QVERIFY2(batches < kEvents / 10, qPrintable(QString::number(batches)));
    }

    void runStatus_waitingAtGate_saysWaitingInsteadOfTimeLeft() {
        RunStatusWidget status;
        const auto progress = [](qint64 seq, const char* node, qint64 etaMs) {
            return makeEvent(seq, EventType::nodeComplete(),
                             {{QStringLiteral("node"), QString::fromLatin1(node)},
                              {QStringLiteral("progress_percentage"), 40.0},
                              {QStringLiteral("estimated_time_remaining_ms"), etaMs}});
        };
        status.applyEvents({progress(1, "adaptive_questions", 800)});
        QCOMPARE(status.etaText(), RunStatusWidget::tr("about %1 left").arg(RunStatusWidget::tr("%n s", nullptr, 1)));
        // The run parks at the gate: the estimate of the last node does not hold while a human decides.
        const QJsonObject gate{{QStringLiteral("node"), QStringLiteral("hitl_gate_input")}};
        status.applyEvents(
            {makeEvent(2, EventType::nodeStart(), gate), makeEvent(3, EventType::questionsPresented(), gate)});
        QCOMPARE(status.etaText(), RunStatusWidget::tr("waiting for you"));
        QVERIFY(status.statusText().contains(QStringLiteral("hitl_gate_input")));
        // Answered and resumed: nothing is claimed until the next finished node estimates again.
        status.applyEvents(
            {makeEvent(4, EventType::answersReceived(), gate), makeEvent(5, EventType::workflowResumed(), {})});
        QCOMPARE(status.etaText(), QString());
        status.applyEvents({progress(6, "hitl_gate_input", 2500)});
        QCOMPARE(status.etaText(), RunStatusWidget::tr("about %1 left").arg(RunStatusWidget::tr("%n s", nullptr, 3)));
    }

    void decisionSetStatus_projectListAndOutcome_useOneLabelAndColour() {
        const QList<DecisionSetStatus> all = {DecisionSetStatus::Created,     DecisionSetStatus::Processing,
                                              DecisionSetStatus::HitlPending, DecisionSetStatus::Validating,
                                              DecisionSetStatus::Generating,  DecisionSetStatus::Completed,
                                              DecisionSetStatus::Failed,      DecisionSetStatus::Cancelled};
        QSet<QString> labels;
        for (const DecisionSetStatus s : all) {
            const QString label = StatusText::of(s);
            QVERIFY2(!label.isEmpty(), qPrintable(storedText(s)));
            labels.insert(label);
        }
        QCOMPARE(int(labels.size()), int(all.size())); // no two statuses read the same
        QCOMPARE(StateColors::forStatus(DecisionSetStatus::HitlPending), StateColors::waiting());
        QCOMPARE(StateColors::forStatus(DecisionSetStatus::Generating), StateColors::running());

        // The project list shows the same word the outcome view's title does, and its dot in the same colour.
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("labels")), .processJobs = false}, &error);
        QVERIFY2(studio, qPrintable(error));
        studio->database().writeAndWait([](SqliteConnection& c) {
            ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
            ProjectStore::createDecisionSet(c, QStringLiteral("ds"), QStringLiteral("p"), QStringLiteral("x"), {});
            ProjectStore::setStatus(c, QStringLiteral("ds"), DecisionSetStatus::Processing);
        });
        ProjectListModel model(*studio);
        const QModelIndex row = model.indexOfDecisionSet(QStringLiteral("ds"));
        QVERIFY(row.isValid());
        QCOMPARE(row.data(ProjectListModel::StatusRole).value<DecisionSetStatus>(), DecisionSetStatus::Processing);
        QVERIFY(row.data(Qt::DisplayRole).toString().endsWith(StatusText::of(DecisionSetStatus::Processing)));
    }

    void defaultOutputDir_isSanitisedUnderTheDataFolder() {
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("out")), .processJobs = false}, &error);
        QVERIFY2(studio, qPrintable(error));
        const QString base = studio->dataDir() + QStringLiteral("/repositories/");
        QCOMPARE(studio->defaultOutputDir(QStringLiteral("Fraud Scoring / EU (v2)")),
                 base + QStringLiteral("fraud-scoring-eu-v2"));
        QCOMPARE(studio->defaultOutputDir(QStringLiteral("../../etc")), base + QStringLiteral("etc"));
        QCOMPARE(studio->defaultOutputDir(QStringLiteral("  ")), base + QStringLiteral("project"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGuiPanels)
#include "tst_gui_panels.moc"
