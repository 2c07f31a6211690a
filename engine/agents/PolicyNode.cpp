// policy_engine: the policy packs (baseline always, compliance packs when named, user rule files) on the plan,
// Checkov-style: one result per rule and resource, passed or failed.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/FunctionNode.h"
#include "agents/PolicyEvaluator.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

NodeResult runPolicy(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(c, &error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const QJsonObject plan = c.state().object(StatePart::plan());
    const PolicyEvaluator evaluator(kb);
    const QJsonArray results = evaluator.evaluatePlan(k, plan);
    const QStringList packs = evaluator.applicablePacks(k);
    int passed = 0, failed = 0, blocking = 0;
    QStringList failures;
    QHash<QString, int> failedBySeverity;
    for (const QJsonValue& v : results) {
        const QJsonObject f = v.toObject();
        if (f.value(s("passed")).toBool()) {
            ++passed;
            continue;
        }
        ++failed;
        failedBySeverity[f.value(s("severity")).toString()] += 1;
        blocking += f.value(s("blocking")).toBool() ? 1 : 0;
        if (failures.size() < 6)
            failures.append(QStringLiteral("%1 on %2 (%3)")
                                .arg(f.value(s("rule_id")).toString(), f.value(s("resource")).toString(),
                                     f.value(s("severity")).toString()));
    }

    ReasonCard card;
    card.reasoning = QStringLiteral("Evaluated the packs %1 on %2 components: %3 checks passed, %4 failed.")
                         .arg(packs.join(s(", ")))
                         .arg(plan.value(s("components")).toArray().size())
                         .arg(passed)
                         .arg(failed);
    if (!failures.isEmpty())
        card.reasoning += QStringLiteral(" Failed: %1.").arg(failures.join(s("; ")));
    if (!kb->userErrors().isEmpty())
        card.reasoning +=
            QStringLiteral(" Skipped user rule files with errors: %1.").arg(kb->userErrors().join(s("; ")));
    card.decision =
        blocking > 0 ? QStringLiteral("%1 blocking violation(s): send the plan back with their remedies").arg(blocking)
        : failed > 0 ? QStringLiteral("compliant with %1 non-blocking finding(s)").arg(failed)
                     : s("compliant: every applicable rule passed");
    card.confidence = 0.9; // rules are exact on the plan; the IaC is checked again by the validators
    card.inputs = QJsonObject{{s("packs"), QJsonArray::fromStringList(packs)},
                              {s("compliance_requirements"), k.value(s("compliance_requirements"))},
                              {s("data_classification"), k.value(s("data_classification"))},
                              {s("data_residency"), k.value(s("data_residency"))},
                              {s("user_policy_files"), QJsonArray::fromStringList(kb->userPolicyFiles())}};
    QJsonObject bySeverity;
    for (auto it = failedBySeverity.begin(); it != failedBySeverity.end(); ++it)
        bySeverity.insert(it.key(), it.value());
    card.outputs = QJsonObject{
        {s("passed"), passed}, {s("failed"), failed}, {s("blocking"), blocking}, {s("failed_by_severity"), bySeverity}};
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    for (const char* f : {"compliance_requirements", "data_residency", "data_classification"}) {
        if (evidence.contains(s(f)))
            card.evidence.insert(s(f), evidence.value(s(f)));
    }
    card.category = s("policy");
    card.priority = blocking > 0 || failedBySeverity.value(s("critical")) > 0 ? s("high")
                    : failed > 0                                              ? s("medium")
                                                                              : s("low");
    c.card(card);
    return NodeResult{{{StatePart::policyFindings(), results}}, {}};
}

} // namespace

std::shared_ptr<Node> makePolicyEngineNode() {
    return std::make_shared<FunctionNode>(s("policy_engine"), QStringList{StatePart::policyFindings()}, runPolicy);
}

} // namespace mlops
