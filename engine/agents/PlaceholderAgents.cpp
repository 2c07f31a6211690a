// Minimal stand-ins for the analysis agents, used until the knowledge-base agents replace them one by one.
// Each is deterministic and declares what it writes, so the runtime, storage and HITL can be exercised.
#include "agents/Agents.h"
#include "llm/LlmIntake.h"

#include <QRegularExpression>

namespace mlops {

namespace {

class SimpleNode : public Node {
public:
    using Fn = std::function<NodeResult(NodeContext&)>;
    SimpleNode(QString name, QStringList writes, Fn fn)
        : m_name(std::move(name))
        , m_writes(std::move(writes))
        , m_fn(std::move(fn))
    {
    }
    QString name() const override { return m_name; }
    QStringList writes() const override { return m_writes; }
    NodeResult run(NodeContext& c) override { return m_fn(c); }

private:
    QString m_name;
    QStringList m_writes;
    Fn m_fn;
};

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

} // namespace

std::shared_ptr<Node> makeIntakeExtractNode()
{
    return std::make_shared<SimpleNode>(s("intake_extract"), QStringList{StatePart::constraints()}, [](NodeContext& c) {
        const QString prompt = c.state().string(StatePart::prompt());
        QJsonObject k;
        QString cloud;
        for (const char* name : {"aws", "gcp", "azure"}) {
            if (prompt.contains(s(name), Qt::CaseInsensitive))
                cloud = s(name);
        }
        const QJsonObject answers = c.state().object(StatePart::answers());
        if (answers.contains(s("cloud_provider")))
            cloud = answers.value(s("cloud_provider")).toString();
        k.insert(s("cloud_provider"), cloud.isEmpty() ? QJsonValue() : QJsonValue(cloud));
        k.insert(s("project_name"), s("ml-system"));
        k.insert(s("extraction_method"), s("rules"));
        c.card({.reasoning = s("keyword scan of the prompt"),
                .decision = cloud.isEmpty() ? s("cloud unknown") : cloud,
                .confidence = cloud.isEmpty() ? 0.3 : 0.9,
                .category = s("extraction")});
        // Issue 5, hybrid intake: only when an LLM is configured, it fills the gaps the rules left (with evidence
        // quoted from the prompt); provider none returns `k` unchanged. Keep this call in the real intake node.
        k = LlmIntake::refine(c, k);
        return NodeResult{{{StatePart::constraints(), k}}, {}};
    });
}

std::shared_ptr<Node> makeCoverageCheckNode()
{
    return std::make_shared<SimpleNode>(s("coverage_check"), QStringList{StatePart::coverage()}, [](NodeContext& c) {
        const bool known = !c.state().object(StatePart::constraints()).value(s("cloud_provider")).isNull();
        const double score = known ? 0.9 : 0.4;
        c.card({.reasoning = s("cloud provider is the only weighted field so far"),
                .decision = QString::number(score),
                .confidence = 1.0,
                .category = s("coverage")});
        QJsonObject coverage{{s("score"), score},
                             {s("sufficient"), score >= c.settings().coverageThreshold},
                             {s("missing_fields"), known ? QJsonArray() : QJsonArray{s("cloud_provider")}}};
        return NodeResult{{{StatePart::coverage(), coverage}}, {}};
    });
}

std::shared_ptr<Node> makeAdaptiveQuestionsNode()
{
    return std::make_shared<SimpleNode>(
        s("adaptive_questions"), QStringList{StatePart::questions(), StatePart::questionRounds()}, [](NodeContext& c) {
            Question q;
            q.id = s("cloud_provider");
            q.field = s("cloud_provider");
            q.text = s("Which cloud should host the system?");
            q.type = s("choice");
            q.options = {s("aws"), s("gcp"), s("azure"), s("on_prem")};
            q.defaultValue = s("aws");
            q.confidence = 0.85;
            q.rationale = s("most common choice");
            q.priority = s("medium");
            c.card({.reasoning = s("cloud provider missing"), .decision = s("ask 1 question"), .confidence = 0.9,
                    .category = s("questions")});
            return NodeResult{{{StatePart::questions(), questionsToJson({q})},
                               {StatePart::questionRounds(), c.state().integer(StatePart::questionRounds()) + 1}},
                              {}};
        });
}

namespace {

class PlaceholderGate : public GateNode {
public:
    PlaceholderGate(QString name, bool final)
        : m_name(std::move(name))
        , m_final(final)
    {
    }
    QString name() const override { return m_name; }
    QStringList writes() const override
    {
        return m_final ? QStringList{StatePart::approval()} : QStringList{StatePart::answers(), StatePart::questions()};
    }
    QList<Question> questions(const WorkflowState& state, const RunSettings&) const override
    {
        if (!m_final)
            return questionsFromJson(state.array(StatePart::questions()));
        Question q;
        q.id = s("approve_plan");
        q.text = s("Approve the plan and generate the repository?");
        q.type = s("bool");
        q.defaultValue = true;
        q.confidence = 0.9;
        q.rationale = s("no blocking findings");
        q.priority = s("medium");
        return {q};
    }
    QJsonObject applyAnswers(const WorkflowState& state, const QJsonObject& answers) const override
    {
        if (m_final)
            return {{StatePart::approval(), QJsonObject{{s("approved"), answers.value(s("approve_plan")).toBool(true)}}}};
        QJsonObject merged = state.object(StatePart::answers());
        for (auto it = answers.begin(); it != answers.end(); ++it)
            merged.insert(it.key(), it.value());
        return {{StatePart::answers(), merged}, {StatePart::questions(), QJsonArray()}};
    }

private:
    QString m_name;
    bool m_final;
};

std::shared_ptr<Node> passThrough(const char* name, const QString& part, const char* category)
{
    return std::make_shared<SimpleNode>(s(name), QStringList{part}, [name, part, category](NodeContext& c) {
        c.card({.reasoning = s("placeholder"), .decision = s(name), .confidence = 0.5, .category = s(category)});
        const QJsonValue value = part == StatePart::plan() ? QJsonValue(QJsonObject{{s("pattern"), s("placeholder")}})
                                                           : QJsonValue(QJsonArray());
        return NodeResult{{{part, value}}, {}};
    });
}

} // namespace

std::shared_ptr<GateNode> makeInputGateNode()
{
    return std::make_shared<PlaceholderGate>(s("hitl_gate_input"), false);
}

std::shared_ptr<GateNode> makeFinalGateNode()
{
    return std::make_shared<PlaceholderGate>(s("hitl_gate_final"), true);
}

std::shared_ptr<Node> makePlannerNode()
{
    return passThrough("planner", StatePart::plan(), "architecture");
}
std::shared_ptr<Node> makeTechCriticNode()
{
    return passThrough("tech_critic", StatePart::techFindings(), "feasibility");
}
std::shared_ptr<Node> makeCostCriticNode()
{
    return std::make_shared<SimpleNode>(s("cost_critic"), QStringList{StatePart::costEstimate()}, [](NodeContext& c) {
        c.card({.reasoning = s("placeholder"), .decision = s("no estimate"), .confidence = 0.5, .category = s("cost")});
        return NodeResult{{{StatePart::costEstimate(), QJsonObject{}}}, {}};
    });
}
std::shared_ptr<Node> makePolicyEngineNode()
{
    return passThrough("policy_engine", StatePart::policyFindings(), "policy");
}

} // namespace mlops
