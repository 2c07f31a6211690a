// Drives a whole run through the main window, as a user would: type a requirement, run (Ctrl+Return), answer the
// HITL question in the panel, approve the plan, watch the graph reach the end; then restart the app on the same
// data folder, reopen the run from the project list and check the replayed history is the same.
#include "MainWindow.h"
#include "StatusToString.h"
#include "Studio.h"
#include "TestSupport.h"
#include "cards/ReasonCardModel.h"
#include "cards/ReasonCardPanel.h"
#include "graph/AgentGraphView.h"
#include "graph/GraphNodeItem.h"
#include "hitl/HitlPanel.h"
#include "hitl/QuestionForm.h"
#include "project/ProjectListModel.h"
#include "requirement/RequirementEditor.h"
#include "run/ForkDialog.h"
#include "run/RunStatusWidget.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace mlops;
using namespace mlops::ui;
using State = NodeActivity::State;

namespace {

// No cloud named: coverage is short, so the agents ask which cloud to use.
const char* kPrompt = "Nightly batch training of a churn model on 200 GB of tabular data, "
                      "scored once a day for the marketing team.";

State nodeState(MainWindow& w, const char* node) {
    return w.graphView()->activity().node(QString::fromLatin1(node)).state;
}

} // namespace

class TestGuiRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        test::isolateDataDirs(m_dir.path());
    }

    void run_throughUi_answersQuestion_reachesEnd_andReopensWithSameHistory() {
        QString decisionSetId;
        int cardCount = 0;
        int rounds = 0;
        qint64 lastSeq = 0;
        {
            QString error;
            auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("studio"))}, &error);
            QVERIFY2(studio, qPrintable(error));
            MainWindow w(*studio);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));

            QTest::keyClicks(w.projectNameEdit(), QStringLiteral("Churn model"));
            // A long auto-approval timeout: the question must wait for the test's answer.
            w.autoApproveTimeout()->setValue(3600);
            w.requirementEditor()->setFocus();
            QTest::keyClicks(w.requirementEditor(), QString::fromLatin1(kPrompt));
            QTest::keyClick(w.requirementEditor(), Qt::Key_Return, Qt::ControlModifier); // Run
            QTRY_VERIFY(!w.currentDecisionSet().isEmpty());
            decisionSetId = w.currentDecisionSet();
            QCOMPARE(w.requirementEditor()->toPlainText(), QString::fromLatin1(kPrompt)); // Ctrl+Return ran, no newline

            // The question arrives in the non-blocking panel, defaults pre-filled, countdown running.
            HitlPanel* hitl = w.hitlPanel();
            QTRY_VERIFY_WITH_TIMEOUT(hitl->hasOpenGate(), 30000);
            QCOMPARE(hitl->gateNode(), QStringLiteral("hitl_gate_input"));
            // While the run waits for the human, the status bar says so instead of a time left.
            QTRY_COMPARE(w.runStatus()->etaText(), RunStatusWidget::tr("waiting for you"));
            QVERIFY(!hitl->forms().isEmpty());
            for (QuestionForm* f : hitl->forms())
                QCOMPARE(f->value(), f->question().coerce(f->question().defaultValue));
            // The countdown runs from the stored deadline (one hour ahead), whether or not a default qualifies.
            QVERIFY2(QRegularExpression(QStringLiteral("(Deadline in|Auto-approval of).* (1:00:00|59:[0-5][0-9])"))
                         .match(hitl->countdownText())
                         .hasMatch(),
                     qPrintable(hitl->countdownText()));
            QCOMPARE(nodeState(w, "hitl_gate_input"), State::Waiting);
            QTRY_VERIFY(
                w.projectModel()->indexOfDecisionSet(decisionSetId).data(ProjectListModel::WaitingRole).toBool());
            QVERIFY(w.projectModel()
                        ->indexOfDecisionSet(decisionSetId)
                        .parent()
                        .data(Qt::DisplayRole)
                        .toString()
                        .contains(QLatin1String("waiting")));
            QVERIFY(w.isEnabled() && w.requirementEditor()->isEnabled()); // nothing modal

            // Answer the first gate in the form (a non-default choice where there is one) and submit with the
            // keyboard; later gates (more rounds, the plan approval) take their defaults from the keyboard.
            QSet<qint64> handledGates;
            bool answered = false;
            QElapsedTimer clock;
            clock.start();
            while (nodeState(w, "git_commit") != State::Done && clock.elapsed() < 150000) {
                // The gate row is committed right after the event: wait for it, as a user's reading time would.
                const GateRecord gate = hitl->hasOpenGate() ? studio->pendingGate(decisionSetId) : GateRecord{};
                if (gate.isValid() && !handledGates.contains(gate.id)) {
                    handledGates.insert(gate.id);
                    if (!answered) {
                        answered = true;
                        const QPointer<QuestionForm> first = hitl->forms().first(); // deleted when the gate closes
                        if (auto* combo = qobject_cast<QComboBox*>(first->input()); combo && combo->count() > 1)
                            combo->setCurrentIndex((combo->currentIndex() + 1) % combo->count());
                        QVERIFY(first->validate().isEmpty());
                        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier); // Submit
                        QTRY_VERIFY2_WITH_TIMEOUT(!first || first->isAnswered() || !hitl->hasOpenGate(),
                                                  qPrintable(hitl->generalError() + QLatin1Char('|') +
                                                             (first ? first->errorText() : QString())),
                                                  15000);
                    } else {
                        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier); // Accept defaults
                    }
                }
                QTest::qWait(50);
            }
            QVERIFY(answered);
            QVERIFY(handledGates.size() >= 2); // the input questions and the plan approval

            QTRY_COMPARE_WITH_TIMEOUT(nodeState(w, "git_commit"), State::Done, 120000);
            QTRY_VERIFY_WITH_TIMEOUT(w.runStatus()->statusText().contains(QLatin1String("Completed")), 30000);
            QCOMPARE(w.runStatus()->progress(), 100);
            // The project name typed above names the generated repository (the requirement states none).
            QFile readme(studio->defaultOutputDir(QStringLiteral("Churn model")) + QStringLiteral("/README.md"));
            QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(readme.fileName()));
            const QByteArray title = readme.readLine();
            QVERIFY2(title.startsWith("# churn-model"), title.constData());
            QVERIFY(!hitl->hasOpenGate());
            // The path taken: the input loop (answers re-checked) and the parallel critics were traversed.
            const NodeActivity& act = w.graphView()->activity();
            rounds = act.traversals(QStringLiteral("hitl_gate_input"), QStringLiteral("intake_extract"));
            QVERIFY(rounds >= 1);
            QVERIFY(act.traversals(QStringLiteral("planner"), QStringLiteral("critics")) >= 1);
            QCOMPARE(nodeState(w, "tech_critic"), State::Done);
            QCOMPARE(nodeState(w, "cost_critic"), State::Done);
            QCOMPARE(act.node(QStringLiteral("intake_extract")).runs, rounds + 1);
            QTRY_COMPARE(w.projectModel()
                             ->indexOfDecisionSet(decisionSetId)
                             .data(ProjectListModel::StatusRole)
                             .value<DecisionSetStatus>(),
                         DecisionSetStatus::Completed);
            cardCount = w.cardPanel()->model()->rowCount();
            QVERIFY(cardCount >= 12);
            lastSeq = w.cardPanel()->model()->entry(cardCount - 1).seq;

            // Clicking a node shows its details and narrows the cards to it.
            const QPoint at = w.graphView()->mapFromScene(w.graphView()->nodeCenter(QStringLiteral("planner")));
            QTest::mouseClick(w.graphView()->viewport(), Qt::LeftButton, {}, at);
            QCOMPARE(w.graphView()->selectedNode(), QStringLiteral("planner"));
            QVERIFY(w.cardPanel()->visibleCount() >= 1);
            QVERIFY(w.cardPanel()->visibleCount() < cardCount);
            for (int i = 0; i < w.cardPanel()->visibleCount(); ++i)
                QCOMPARE(w.cardPanel()->visibleModel()->index(i, 0).data(ReasonCardModel::NodeRole).toString(),
                         QStringLiteral("planner"));

            // Time travel: the fork dialog lists the checkpoints and turns an edited answer into fork edits.
            ForkDialog fork(*studio, decisionSetId, w.requirementEditor()->toPlainText(), &w);
            QVERIFY(fork.checkpointCount() > 5);
            fork.selectStep(4);
            QCOMPARE(fork.selectedStep(), 4);
            fork.setAnswer(QStringLiteral("cloud_provider"), QStringLiteral("azure"));
            QCOMPARE(fork.edits(),
                     (QJsonObject{{QStringLiteral("answers"),
                                   QJsonObject{{QStringLiteral("cloud_provider"), QStringLiteral("azure")}}}}));
        }

        // Restart: a new engine and window on the same data folder; reopen the run from the project list.
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("studio"))}, &error);
        QVERIFY2(studio, qPrintable(error));
        MainWindow w(*studio);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QModelIndex row = w.projectModel()->indexOfDecisionSet(decisionSetId);
        QVERIFY(row.isValid());
        w.projectView()->expand(row.parent());
        w.projectView()->setCurrentIndex(row);
        QCOMPARE(w.currentDecisionSet(), decisionSetId);
        QCOMPARE(w.requirementEditor()->toPlainText(), QString::fromLatin1(kPrompt));
        QTRY_COMPARE_WITH_TIMEOUT(w.cardPanel()->model()->rowCount(), cardCount, 10000);
        QCOMPARE(w.cardPanel()->model()->entry(cardCount - 1).seq, lastSeq);
        QCOMPARE(nodeState(w, "git_commit"), State::Done);
        QCOMPARE(
            w.graphView()->activity().traversals(QStringLiteral("hitl_gate_input"), QStringLiteral("intake_extract")),
            rounds);
        QVERIFY(w.runStatus()->statusText().contains(QLatin1String("Completed")));
        QVERIFY(!w.hitlPanel()->hasOpenGate());
        QVERIFY(!w.pauseAction()->isEnabled());
        QVERIFY(w.forkAction()->isEnabled());
    }

    void cancel_whileWaitingForAnswers_closesQuestionsAndMarksRunCancelled() {
        QString error;
        auto studio = Studio::open({.dataDir = m_dir.filePath(QStringLiteral("cancel"))}, &error);
        QVERIFY2(studio, qPrintable(error));
        MainWindow w(*studio);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.autoApproveTimeout()->setValue(3600);
        w.requirementEditor()->setPlainText(QString::fromLatin1(kPrompt));
        w.runAction()->trigger();
        const QString id = w.currentDecisionSet();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(w.hitlPanel()->hasOpenGate(), 30000);
        QTRY_VERIFY(w.cancelAction()->isEnabled());
        QTest::keyClick(&w, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier); // Cancel run
        QTRY_COMPARE_WITH_TIMEOUT(
            w.projectModel()->indexOfDecisionSet(id).data(ProjectListModel::StatusRole).value<DecisionSetStatus>(),
            DecisionSetStatus::Cancelled, 20000);
        QTRY_VERIFY(!w.hitlPanel()->hasOpenGate());
        QTRY_VERIFY(w.runStatus()->statusText().contains(QLatin1String("Cancelled")));
        QVERIFY(!w.cancelAction()->isEnabled());
        QVERIFY(!w.projectModel()->indexOfDecisionSet(id).data(ProjectListModel::WaitingRole).toBool());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGuiRun)
#include "tst_gui_run.moc"
