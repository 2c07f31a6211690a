#include "vcs/CommitMessage.h"

#include <QJsonArray>

namespace mlops::CommitMessage {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString money(double value) {
    return QStringLiteral("$") + QString::number(value, 'f', 0);
}

} // namespace

QString branchFor(const WorkflowState& state) {
    const QJsonObject lineage = state.object(StatePart::lineage());
    if (lineage.value(s("parent_id")).toString().isEmpty())
        return s("main");
    return s("version-") + QString::number(lineage.value(s("version")).toInt());
}

QString body(const WorkflowState& state) {
    const QJsonObject constraints = state.object(StatePart::constraints());
    const QJsonObject plan = state.object(StatePart::plan());
    const QJsonObject lineage = state.object(StatePart::lineage());
    const QJsonObject pattern = plan.value(s("pattern")).toObject();
    QString project = constraints.value(s("project_name")).toString();
    if (project.isEmpty())
        project = s("ML system");
    const QString cloud = plan.value(s("cloud")).toString(constraints.value(s("cloud_provider")).toString());
    const QString patternName = pattern.value(s("name")).toString(pattern.value(s("id")).toString(s("no pattern")));

    QString subject = QStringLiteral("%1: %2 on %3 (v%4)")
                          .arg(project, patternName, cloud.isEmpty() ? s("unspecified cloud") : cloud)
                          .arg(lineage.value(s("version")).toInt(1));
    QStringList lines;
    lines << QStringLiteral("Pattern: %1 (score %2)")
                 .arg(patternName)
                 .arg(pattern.value(s("score")).toDouble(), 0, 'f', 2);
    if (!plan.value(s("region")).toString().isEmpty())
        lines << QStringLiteral("Cloud: %1, region %2").arg(cloud, plan.value(s("region")).toString());
    QStringList components;
    for (const QJsonValue& c : plan.value(s("components")).toArray()) {
        const QJsonObject o = c.toObject();
        components << o.value(s("role")).toString() + QLatin1Char('=') +
                          o.value(s("service")).toString(o.value(s("name")).toString());
    }
    if (!components.isEmpty())
        lines << QStringLiteral("Components: %1").arg(components.join(s(", ")));

    const QJsonObject cost = state.object(StatePart::costEstimate());
    if (!cost.isEmpty()) {
        const QJsonValue budget = cost.value(s("budget_monthly"));
        lines << QStringLiteral("Cost: %1/month vs budget %2 (%3)")
                     .arg(money(cost.value(s("total_monthly")).toDouble()),
                          budget.isDouble() ? money(budget.toDouble()) : s("none"),
                          budget.isDouble()
                              ? (cost.value(s("within_budget")).toBool() ? s("within budget") : s("over budget"))
                              : s("no budget given"));
    }
    const QJsonArray policy = state.array(StatePart::policyFindings());
    if (!policy.isEmpty()) {
        int passed = 0, failed = 0, blocking = 0;
        for (const QJsonValue& f : policy) {
            const QJsonObject o = f.toObject();
            o.value(s("passed")).toBool() ? ++passed : ++failed;
            blocking += o.value(s("blocking")).toBool() ? 1 : 0;
        }
        lines << QStringLiteral("Policy: %1 passed, %2 failed (%3 blocking)").arg(passed).arg(failed).arg(blocking);
    }
    const QJsonArray compliance = constraints.value(s("compliance_requirements")).toArray();
    if (!compliance.isEmpty()) {
        QStringList names;
        for (const QJsonValue& c : compliance)
            names << c.toString();
        lines << QStringLiteral("Compliance: %1").arg(names.join(s(", ")));
    }
    const QJsonObject validation = state.object(StatePart::validation());
    if (!validation.isEmpty()) {
        const QJsonObject counts = validation.value(s("counts")).toObject();
        lines << QStringLiteral("Validation: %1 error(s), %2 warning(s), %3 info")
                     .arg(counts.value(s("error")).toInt())
                     .arg(counts.value(s("warning")).toInt())
                     .arg(counts.value(s("info")).toInt());
    }
    const QJsonObject answers = state.object(StatePart::answers());
    if (!answers.isEmpty())
        lines << QStringLiteral("Answers: %1 question(s) answered").arg(answers.size());
    if (!lineage.value(s("parent_id")).toString().isEmpty())
        lines << QStringLiteral("Forked from decision set %1 at step %2")
                     .arg(lineage.value(s("parent_id")).toString())
                     .arg(lineage.value(s("forked_from_step")).toInt());
    return subject + s("\n\n") + lines.join(QLatin1Char('\n'));
}

QList<QPair<QString, QString>> trailers(const WorkflowState& state) {
    const QJsonObject lineage = state.object(StatePart::lineage());
    QList<QPair<QString, QString>> out{
        {s("Decision-Set-Id"), lineage.value(s("decision_set_id")).toString()},
        {s("Decision-Set-Version"), QString::number(lineage.value(s("version")).toInt(1))}};
    if (!lineage.value(s("parent_id")).toString().isEmpty())
        out.append({s("Parent-Decision-Set-Id"), lineage.value(s("parent_id")).toString()});
    if (!lineage.value(s("project_id")).toString().isEmpty())
        out.append({s("Project-Id"), lineage.value(s("project_id")).toString()});
    return out;
}

} // namespace mlops::CommitMessage
