#include "pipeline/DefaultWorkflow.h"

#include "agents/Agents.h"
#include "pipeline/OutputNodes.h"

namespace mlops {

namespace {

bool anyBlocking(const QJsonArray& findings) {
    for (const QJsonValue& f : findings) {
        if (f.toObject().value(QStringLiteral("blocking")).toBool())
            return true;
    }
    return false;
}

} // namespace

bool DefaultWorkflow::hasBlockingFindings(const WorkflowState& state) {
    return anyBlocking(state.array(StatePart::techFindings())) ||
           anyBlocking(state.object(StatePart::costEstimate()).value(QStringLiteral("findings")).toArray()) ||
           anyBlocking(state.array(StatePart::policyFindings()));
}

std::shared_ptr<WorkflowGraph> DefaultWorkflow::create() {
    auto g = std::make_shared<WorkflowGraph>();
    g->addNode(makeIntakeExtractNode());
    g->addNode(makeCoverageCheckNode());
    g->addNode(makeAdaptiveQuestionsNode());
    g->addNode(makeInputGateNode());
    g->addNode(makePlannerNode());
    g->addNode(makeTechCriticNode());
    g->addNode(makeCostCriticNode());
    g->addParallel(QStringLiteral("critics"), {QStringLiteral("tech_critic"), QStringLiteral("cost_critic")});
    g->addNode(makePolicyEngineNode());
    g->addNode(makeFinalGateNode());
    g->addNode(makeCodegenNode());
    g->addNode(makeValidatorsNode());
    g->addNode(makeReportNode());
    g->addNode(makeGitCommitNode());
    g->setEntry(QStringLiteral("intake_extract"));
    g->setStepStatus(QStringLiteral("codegen"), DecisionSetStatus::Generating);
    g->setStepStatus(QStringLiteral("validators"), DecisionSetStatus::Validating);
    g->setStepStatus(QStringLiteral("report"), DecisionSetStatus::Generating);
    g->setStepStatus(QStringLiteral("git_commit"), DecisionSetStatus::Generating);

    const auto needsQuestions = [](const WorkflowState& s) {
        const QJsonObject coverage = s.object(StatePart::coverage());
        return !coverage.value(QStringLiteral("sufficient")).toBool(true);
    };
    const auto hasQuestions = [](const WorkflowState& s) { return !s.array(StatePart::questions()).isEmpty(); };
    const auto approved = [](const WorkflowState& s) {
        return s.object(StatePart::approval()).value(QStringLiteral("approved")).toBool();
    };
    const auto edge = [&g](const char* from, const char* to, std::function<bool(const WorkflowState&)> when = {},
                           int max = 0, const char* label = "") {
        g->addEdge(
            {QString::fromLatin1(from), QString::fromLatin1(to), std::move(when), max, QString::fromLatin1(label)});
    };
    edge("intake_extract", "coverage_check");
    edge("coverage_check", "adaptive_questions", needsQuestions, 3, "coverage below threshold");
    edge("coverage_check", "planner", {}, 0, "coverage ok");
    edge("adaptive_questions", "hitl_gate_input", hasQuestions, 0, "questions to ask");
    edge("adaptive_questions", "planner", {}, 0, "nothing worth asking");
    edge("hitl_gate_input", "intake_extract", {}, 0, "answers merged, re-check");
    edge("planner", "critics");
    edge("critics", "policy_engine");
    edge("policy_engine", "planner", DefaultWorkflow::hasBlockingFindings, 3, "blocking findings");
    edge("policy_engine", "hitl_gate_final", {}, 0, "no blocking findings");
    edge("hitl_gate_final", "codegen", approved, 0, "plan approved");
    edge("hitl_gate_final", "planner", {}, 3, "changes requested");
    edge("codegen", "validators");
    edge("validators", "report");
    edge("report", "git_commit");
    return g;
}

} // namespace mlops
