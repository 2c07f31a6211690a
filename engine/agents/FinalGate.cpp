// hitl_gate_final: one approval question with the plan's summary. Approving when blocking or critical findings
// remain is a human decision, so the question is then high priority (never auto-approved by default).
#include "agents/AgentSupport.h"
#include "agents/Agents.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

class FinalGate : public GateNode {
public:
    QString name() const override { return s("hitl_gate_final"); }
    QStringList writes() const override { return {StatePart::approval()}; }

    QList<Question> questions(const WorkflowState& state, const RunSettings&) const override {
        const QJsonObject plan = state.object(StatePart::plan());
        const QJsonObject pattern = plan.value(s("pattern")).toObject();
        const QJsonObject cost = state.object(StatePart::costEstimate());
        int failedPolicies = 0, critical = 0;
        for (const QJsonValue& v : state.array(StatePart::policyFindings())) {
            const QJsonObject f = v.toObject();
            if (!f.value(s("passed")).toBool()) {
                ++failedPolicies;
                critical += f.value(s("severity")).toString() == QLatin1String("critical") ? 1 : 0;
            }
        }
        const QJsonArray blocking = AgentSupport::blockingFindings(state);
        const double total = cost.value(s("total_monthly")).toDouble();
        const QJsonValue budget = cost.value(s("budget_monthly"));
        const QString costText =
            budget.isNull() || budget.isUndefined()
                ? QStringLiteral("$%L1/month (no budget stated)").arg(total, 0, 'f', 0)
                : QStringLiteral("$%L1/month vs budget $%L2").arg(total, 0, 'f', 0).arg(budget.toDouble(), 0, 'f', 0);

        Question q;
        q.id = s("approve_plan");
        q.text = QStringLiteral("Approve %1 on %2 (%3), %4 failed policy check(s), and generate the repository?")
                     .arg(pattern.value(s("name")).toString(), plan.value(s("cloud")).toString(), costText)
                     .arg(failedPolicies);
        q.type = s("bool");
        q.defaultValue = true;
        QStringList blockers;
        for (const QJsonValue& v : blocking) {
            const QJsonObject f = v.toObject();
            blockers.append(f.contains(s("rule_id")) ? f.value(s("rule_id")).toString() : f.value(s("id")).toString());
        }
        if (!blocking.isEmpty() || critical > 0) {
            q.priority = s("high");
            q.confidence = 0.5;
            q.rationale =
                QStringLiteral(
                    "After %1 planning iteration(s), %2 blocking finding(s) remain (%3) and %4 critical policy "
                    "failure(s): approving accepts these risks.")
                    .arg(state.integer(StatePart::planIterations()))
                    .arg(blocking.size())
                    .arg(blockers.join(s(", ")))
                    .arg(critical);
        } else {
            q.priority = failedPolicies > 0 ? s("medium") : s("low");
            q.confidence = failedPolicies > 0 ? 0.85 : 0.95;
            q.rationale =
                QStringLiteral("No blocking findings; pattern %1 (score %2), %3; %4 non-blocking policy finding(s).")
                    .arg(pattern.value(s("id")).toString())
                    .arg(pattern.value(s("score")).toDouble())
                    .arg(costText)
                    .arg(failedPolicies);
        }
        return {q};
    }

    QJsonObject applyAnswers(const WorkflowState&, const QJsonObject& answers) const override {
        const QJsonValue v = answers.value(s("approve_plan"));
        const bool approved =
            v.isString() ? QStringList{s("true"), s("yes"), s("y"), s("1")}.contains(v.toString().trimmed().toLower())
                         : v.toBool(true);
        return {{StatePart::approval(),
                 QJsonObject{{s("approved"), approved}, {s("feedback"), answers.value(s("feedback")).toString()}}}};
    }
};

} // namespace

std::shared_ptr<GateNode> makeFinalGateNode() {
    return std::make_shared<FinalGate>();
}

} // namespace mlops
