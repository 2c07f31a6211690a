// planner: scores the pattern library, composes and sizes the plan. On a later iteration it receives the critics'
// blocking findings (or the reviewer's rejection) and its reason card says what changed since the previous plan.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/FunctionNode.h"
#include "agents/Planner.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString sizeSummary(const QJsonObject& component) {
    const QJsonObject size = component.value(s("size")).toObject();
    QStringList parts;
    if (size.contains(s("instance_type")))
        parts.append(size.value(s("instance_type")).toString());
    if (size.contains(s("replicas")))
        parts.append(QStringLiteral("x%1").arg(size.value(s("replicas")).toInt()));
    if (size.contains(s("zones")))
        parts.append(QStringLiteral("%1 zone(s)").arg(size.value(s("zones")).toInt()));
    if (size.value(s("min_instances")).toInt() > 0)
        parts.append(QStringLiteral("min %1 warm").arg(size.value(s("min_instances")).toInt()));
    if (size.value(s("spot")).toBool())
        parts.append(s("spot"));
    return parts.join(QLatin1Char(' '));
}

// What differs between two plans, in words, for the reason card of a re-plan.
QStringList planChanges(const QJsonObject& before, const QJsonObject& after) {
    QStringList out;
    const QString p0 = before.value(s("pattern")).toObject().value(s("id")).toString();
    const QString p1 = after.value(s("pattern")).toObject().value(s("id")).toString();
    if (p0 != p1)
        out.append(QStringLiteral("pattern %1 -> %2").arg(p0, p1));
    if (before.value(s("region")) != after.value(s("region")))
        out.append(QStringLiteral("region %1 -> %2")
                       .arg(before.value(s("region")).toString(), after.value(s("region")).toString()));
    QHash<QString, QJsonObject> old;
    for (const QJsonValue& v : before.value(s("components")).toArray())
        old.insert(v.toObject().value(s("id")).toString(), v.toObject());
    for (const QJsonValue& v : after.value(s("components")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(s("id")).toString();
        if (!old.contains(id)) {
            out.append(QStringLiteral("added %1 (%2)").arg(id, c.value(s("service")).toString()));
            continue;
        }
        const QJsonObject o = old.take(id);
        if (o.value(s("service")) != c.value(s("service")))
            out.append(QStringLiteral("%1: %2 -> %3")
                           .arg(id, o.value(s("service")).toString(), c.value(s("service")).toString()));
        else if (sizeSummary(o) != sizeSummary(c))
            out.append(QStringLiteral("%1 resized: %2 -> %3").arg(id, sizeSummary(o), sizeSummary(c)));
        if (o.value(s("config")) != c.value(s("config"))) {
            const QJsonObject oc = o.value(s("config")).toObject(), cc = c.value(s("config")).toObject();
            QStringList keys;
            for (auto it = cc.begin(); it != cc.end(); ++it) {
                if (oc.value(it.key()) != it.value())
                    keys.append(it.key());
            }
            if (!keys.isEmpty())
                out.append(QStringLiteral("%1 config: %2").arg(id, keys.join(s(", "))));
        }
    }
    for (auto it = old.begin(); it != old.end(); ++it)
        out.append(QStringLiteral("removed %1").arg(it.key()));
    return out;
}

NodeResult runPlanner(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(c, &error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const int iteration = c.state().integer(StatePart::planIterations()) + 1;
    const QJsonObject previous = iteration > 1 ? c.state().object(StatePart::plan()) : QJsonObject();
    const QJsonArray blocking = iteration > 1 ? AgentSupport::blockingFindings(c.state()) : QJsonArray();
    const QJsonObject approval = c.state().object(StatePart::approval());
    const bool rejected = iteration > 1 && approval.contains(s("approved")) && !approval.value(s("approved")).toBool();

    const Planner planner(kb);
    Planner::Result result = planner.plan(k, previous, blocking, iteration);
    ReasonCard card = result.card;
    if (iteration > 1) {
        const QStringList changes = planChanges(previous, result.plan);
        QStringList why;
        for (const QJsonValue& v : blocking) {
            const QJsonObject f = v.toObject();
            why.append(
                QStringLiteral("%1 on %2")
                    .arg(f.contains(s("rule_id")) ? f.value(s("rule_id")).toString() : f.value(s("id")).toString(),
                         f.contains(s("resource")) ? f.value(s("resource")).toString()
                                                   : f.value(s("component")).toString()));
        }
        if (rejected)
            why.append(QStringLiteral("the reviewer did not approve the plan (feedback: \"%1\")")
                           .arg(approval.value(s("feedback")).toString()));
        card.reasoning +=
            QStringLiteral(" Re-plan %1 because of: %2. Changes: %3.")
                .arg(iteration)
                .arg(why.isEmpty() ? s("no blocking findings") : why.join(s("; ")))
                .arg(changes.isEmpty() ? s("none possible automatically; the remaining findings need a human decision")
                                       : changes.join(s("; ")));
        card.outputs.insert(s("changes"), QJsonArray::fromStringList(changes));
        card.inputs.insert(s("findings"), blocking);
        if (changes.isEmpty())
            card.priority = s("high");
    }
    c.card(card);
    return NodeResult{{{StatePart::plan(), result.plan}, {StatePart::planIterations(), iteration}}, {}};
}

} // namespace

std::shared_ptr<Node> makePlannerNode() {
    return std::make_shared<FunctionNode>(s("planner"), QStringList{StatePart::plan(), StatePart::planIterations()},
                                          runPlanner);
}

} // namespace mlops
