// tech_critic and cost_critic: they run in parallel on the same plan and only read it. Blocking findings send the
// plan back to the planner; the cards say which checks passed, not only which failed.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/CostCritic.h"
#include "agents/FunctionNode.h"
#include "agents/TechCritic.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString money(double v) {
    return QStringLiteral("$%L1").arg(v, 0, 'f', 2);
}

QJsonObject evidenceFor(const QJsonObject& k, std::initializer_list<const char*> fields) {
    QJsonObject out;
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    for (const char* f : fields) {
        if (evidence.contains(s(f)))
            out.insert(s(f), evidence.value(s(f)));
    }
    return out;
}

NodeResult runTechCritic(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(c, &error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const QJsonObject plan = c.state().object(StatePart::plan());
    const QJsonArray findings = TechCritic(kb).review(k, plan);
    int blocking = 0;
    QStringList lines;
    for (const QJsonValue& v : findings) {
        const QJsonObject f = v.toObject();
        blocking += f.value(s("blocking")).toBool() ? 1 : 0;
        lines.append(
            QStringLiteral("[%1] %2: %3")
                .arg(f.value(s("severity")).toString(), f.value(s("id")).toString(), f.value(s("message")).toString()));
    }
    const QJsonObject usage = plan.value(s("usage")).toObject();
    ReasonCard card;
    card.reasoning =
        QStringLiteral(
            "Reviewed %1 (%2 serving) against the constraints with the tech specs: %3. Workload: %4 requests/day, "
            "peak %5 rps, %6 model.")
            .arg(plan.value(s("pattern")).toObject().value(s("name")).toString(),
                 plan.value(s("pattern")).toObject().value(s("serving")).toString(), TechCritic::checks().join(s(", ")))
            .arg(usage.value(s("requests_per_day")).toDouble())
            .arg(usage.value(s("peak_rps")).toDouble())
            .arg(usage.value(s("model_class")).toString());
    card.reasoning +=
        findings.isEmpty() ? s(" Every check passed.") : QStringLiteral(" Findings: %1").arg(lines.join(s(" ")));
    card.decision = blocking > 0 ? QStringLiteral("%1 blocking finding(s): send the plan back").arg(blocking)
                                 : QStringLiteral("feasible (%1 non-blocking finding(s))").arg(findings.size());
    card.confidence = 0.8;
    card.inputs = QJsonObject{{s("pattern"), plan.value(s("pattern")).toObject().value(s("id"))},
                              {s("latency_p99_ms"), k.value(s("latency_p99_ms"))},
                              {s("availability_target"), k.value(s("availability_target"))},
                              {s("usage"), usage}};
    card.outputs = QJsonObject{{s("findings"), int(findings.size())}, {s("blocking"), blocking}};
    card.evidence = evidenceFor(k, {"latency_p99_ms", "availability_target", "peak_rps", "throughput_requests_per_day",
                                    "gpu_required", "team_expertise", "data_volume_gb"});
    card.category = s("feasibility");
    card.priority = blocking > 0 ? s("high") : findings.isEmpty() ? s("low") : s("medium");
    c.card(card);
    return NodeResult{{{StatePart::techFindings(), findings}}, {}};
}

NodeResult runCostCritic(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(c, &error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const QJsonObject plan = c.state().object(StatePart::plan());
    const QJsonObject estimate = CostCritic(kb).estimate(k, plan);
    const double total = estimate.value(s("total_monthly")).toDouble();
    const QJsonValue budget = estimate.value(s("budget_monthly"));
    const QJsonArray lines = estimate.value(s("line_items")).toArray();
    const QJsonArray findings = estimate.value(s("findings")).toArray();
    const QJsonObject table = estimate.value(s("price_table")).toObject();

    // the three largest line items explain most of any estimate
    QList<QJsonObject> sorted;
    for (const QJsonValue& v : lines)
        sorted.append(v.toObject());
    std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(s("monthly_cost")).toDouble() > b.value(s("monthly_cost")).toDouble();
    });
    QStringList top;
    for (int i = 0; i < qMin(3, int(sorted.size())); ++i)
        top.append(QStringLiteral("%1 %2").arg(sorted[i].value(s("component")).toString(),
                                               money(sorted[i].value(s("monthly_cost")).toDouble())));
    bool blocking = false;
    for (const QJsonValue& f : findings)
        blocking = blocking || f.toObject().value(s("blocking")).toBool();
    double saving = 0;
    QList<Alternative> alternatives;
    for (const QJsonValue& v : estimate.value(s("savings")).toArray()) {
        saving += v.toObject().value(s("monthly_saving")).toDouble();
        alternatives.append({v.toObject().value(s("message")).toString(),
                             v.toObject().value(s("monthly_saving")).toDouble(), s("monthly saving in USD")});
    }

    ReasonCard card;
    card.reasoning =
        QStringLiteral("Priced %1 line items from the %2 price table (%3, %4). Largest: %5. Total %6/month")
            .arg(lines.size())
            .arg(table.value(s("cloud")).toString(), table.value(s("source")).toString(),
                 table.value(s("date")).toString(), top.join(s(", ")), money(total));
    card.reasoning += budget.isNull() ? s(" with no budget stated.")
                                      : QStringLiteral(" against a budget of %1/month.").arg(money(budget.toDouble()));
    if (saving > 0)
        card.reasoning += QStringLiteral(" Possible savings: %1/month.").arg(money(saving));
    card.decision = budget.isNull() ? QStringLiteral("%1/month (no budget)").arg(money(total))
                    : blocking
                        ? QStringLiteral("%1/month is over the %2 budget: send the plan back")
                              .arg(money(total), money(budget.toDouble()))
                        : QStringLiteral("%1/month fits the %2 budget").arg(money(total), money(budget.toDouble()));
    // list prices and usage assumptions: an estimate, not a quote
    card.confidence = 0.7;
    card.inputs = QJsonObject{{s("cloud"), plan.value(s("cloud"))},
                              {s("budget_monthly_usd"), k.value(s("budget_monthly_usd"))},
                              {s("usage"), plan.value(s("usage"))}};
    card.outputs = QJsonObject{{s("total_monthly"), total},
                               {s("within_budget"), estimate.value(s("within_budget"))},
                               {s("line_items"), int(lines.size())},
                               {s("savings_monthly"), saving}};
    card.alternatives = alternatives;
    card.evidence = evidenceFor(k, {"budget_monthly_usd", "throughput_requests_per_day", "peak_rps", "data_volume_gb"});
    card.category = s("cost");
    card.priority = blocking ? s("high") : s("medium");
    c.card(card);
    return NodeResult{{{StatePart::costEstimate(), estimate}}, {}};
}

} // namespace

std::shared_ptr<Node> makeTechCriticNode() {
    return std::make_shared<FunctionNode>(s("tech_critic"), QStringList{StatePart::techFindings()}, runTechCritic);
}

std::shared_ptr<Node> makeCostCriticNode() {
    return std::make_shared<FunctionNode>(s("cost_critic"), QStringList{StatePart::costEstimate()}, runCostCritic);
}

} // namespace mlops
