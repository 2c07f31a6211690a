#include "plan/PlanFinding.h"

namespace mlops {

namespace {

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

} // namespace

PlanFinding PlanFinding::fromJson(const QJsonObject& o) {
    PlanFinding f;
    f.id = text(o, "id");
    f.severity = text(o, "severity");
    f.blocking = o.value(QLatin1String("blocking")).toBool();
    f.component = text(o, "component");
    f.message = text(o, "message");
    f.recommendation = text(o, "recommendation");
    return f;
}

QList<PlanFinding> PlanFinding::listFromJson(const QJsonArray& array) {
    QList<PlanFinding> out;
    for (const QJsonValue& v : array)
        out.append(fromJson(v.toObject()));
    return out;
}

QJsonObject PlanFinding::toJson() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("blocking"), blocking},
            {QStringLiteral("component"), component},
            {QStringLiteral("message"), message},
            {QStringLiteral("recommendation"), recommendation}};
}

PolicyResult PolicyResult::fromJson(const QJsonObject& o) {
    PolicyResult r;
    r.ruleId = text(o, "rule_id");
    r.pack = text(o, "pack");
    r.title = text(o, "title");
    r.severity = text(o, "severity");
    r.passed = o.value(QLatin1String("passed")).toBool();
    r.blocking = o.value(QLatin1String("blocking")).toBool();
    r.resource = text(o, "resource");
    r.message = text(o, "message");
    r.remediation = text(o, "remediation");
    return r;
}

QList<PolicyResult> PolicyResult::listFromJson(const QJsonArray& array) {
    QList<PolicyResult> out;
    for (const QJsonValue& v : array)
        out.append(fromJson(v.toObject()));
    return out;
}

QJsonObject PolicyResult::toJson() const {
    return {{QStringLiteral("rule_id"), ruleId},
            {QStringLiteral("pack"), pack},
            {QStringLiteral("title"), title},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("passed"), passed},
            {QStringLiteral("blocking"), blocking},
            {QStringLiteral("resource"), resource},
            {QStringLiteral("message"), message},
            {QStringLiteral("remediation"), remediation}};
}

} // namespace mlops
