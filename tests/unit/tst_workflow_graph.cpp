// The graph tells the runtime what a step is called in the decision set's status; the runtime names no step itself
// (docs/engine-layers.md, docs/workflow.md).
#include "StatusToString.h"
#include "TestNodes.h"
#include "pipeline/DefaultWorkflow.h"
#include "workflow/WorkflowGraph.h"

#include <QTest>

using namespace mlops;

namespace {

std::shared_ptr<Node> noop(const QString& name) {
    return std::make_shared<test::LambdaNode>(name, QStringList{}, [](NodeContext&) { return NodeResult{}; });
}

} // namespace

class TestWorkflowGraph : public QObject {
    Q_OBJECT
private slots:
    void stepStatus_declaredOrProcessing() {
        WorkflowGraph g;
        g.addNode(noop(QStringLiteral("build")));
        g.addNode(noop(QStringLiteral("check")));
        g.setEntry(QStringLiteral("build"));
        g.addEdge({QStringLiteral("build"), QStringLiteral("check")});
        g.setStepStatus(QStringLiteral("build"), DecisionSetStatus::Generating);
        QCOMPARE(g.stepStatus(QStringLiteral("build")), DecisionSetStatus::Generating);
        QCOMPARE(g.stepStatus(QStringLiteral("check")), DecisionSetStatus::Processing);
        QCOMPARE(g.stepStatus(QString()), DecisionSetStatus::Processing); // after the last step
        QCOMPARE(g.check(), QString());
    }

    void check_statusForUndeclaredStep_isRefused() {
        WorkflowGraph g;
        g.addNode(noop(QStringLiteral("build")));
        g.setEntry(QStringLiteral("build"));
        g.setStepStatus(QStringLiteral("deploy"), DecisionSetStatus::Generating);
        QVERIFY2(g.check().contains(QLatin1String("undeclared step 'deploy'")), qPrintable(g.check()));
    }

    void defaultWorkflow_declaresTheStatusesOfItsOutputSteps() {
        const auto g = DefaultWorkflow::create();
        QCOMPARE(g->check(), QString());
        for (const char* step : {"codegen", "report", "git_commit"})
            QCOMPARE(g->stepStatus(QString::fromLatin1(step)), DecisionSetStatus::Generating);
        QCOMPARE(g->stepStatus(QStringLiteral("validators")), DecisionSetStatus::Validating);
        for (const char* step : {"intake_extract", "critics", "planner", "hitl_gate_final"})
            QCOMPARE(g->stepStatus(QString::fromLatin1(step)), DecisionSetStatus::Processing);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowGraph)
#include "tst_workflow_graph.moc"
