#include "plan/Plan.h"

#include <QJsonArray>

namespace mlops {

namespace {

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

QStringList texts(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toString());
    return out;
}

} // namespace

PatternScore PatternScore::fromJson(const QJsonObject& o) {
    return {text(o, "id"), text(o, "name"), o.value(QLatin1String("score")).toDouble(),
            texts(o.value(QLatin1String("reasons")))};
}

QJsonObject PatternScore::toJson() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("score"), score},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}};
}

QString PlanComponent::instanceType() const {
    return size.value(QLatin1String("instance_type")).toString();
}

int PlanComponent::replicas() const {
    return size.value(QLatin1String("replicas")).toInt();
}

int PlanComponent::zones() const {
    return size.value(QLatin1String("zones")).toInt();
}

double PlanComponent::gpus() const {
    return size.value(QLatin1String("gpus")).toDouble();
}

int PlanComponent::minInstances() const {
    return size.value(QLatin1String("min_instances")).toInt();
}

bool PlanComponent::spot() const {
    return size.value(QLatin1String("spot")).toBool();
}

PlanComponent PlanComponent::fromJson(const QJsonObject& o) {
    PlanComponent c;
    c.id = text(o, "id");
    c.role = text(o, "role");
    c.name = text(o, "name");
    c.service = text(o, "service");
    c.serviceId = text(o, "service_id");
    c.kind = text(o, "kind");
    c.size = o.value(QLatin1String("size")).toObject();
    return c;
}

QJsonObject PlanComponent::toJson() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("role"), role},
            {QStringLiteral("name"), name},
            {QStringLiteral("service"), service},
            {QStringLiteral("service_id"), serviceId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("size"), size}};
}

PlanFlow PlanFlow::fromJson(const QJsonObject& o) {
    return {text(o, "from"), text(o, "to"), text(o, "label")};
}

QJsonObject PlanFlow::toJson() const {
    return {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}, {QStringLiteral("label"), label}};
}

QList<PatternScore> Plan::runnersUp(int max, bool positiveOnly) const {
    QList<PatternScore> out;
    for (const PatternScore& a : alternatives) {
        if (out.size() >= max)
            break;
        if (a.id == pattern.id || (positiveOnly && a.score <= 0))
            continue;
        out.append(a);
    }
    return out;
}

Plan Plan::fromJson(const QJsonObject& o) {
    Plan p;
    const QJsonObject chosen = o.value(QLatin1String("pattern")).toObject();
    p.pattern = PatternScore::fromJson(chosen);
    p.summary = text(chosen, "summary");
    p.serving = text(chosen, "serving");
    p.cloud = text(o, "cloud");
    p.region = text(o, "region");
    p.iteration = o.value(QLatin1String("iteration")).toInt();
    for (const QJsonValue& v : o.value(QLatin1String("alternatives")).toArray())
        p.alternatives.append(PatternScore::fromJson(v.toObject()));
    p.decisions = texts(o.value(QLatin1String("decisions")));
    p.assumptions = texts(o.value(QLatin1String("assumptions")));
    for (const QJsonValue& v : o.value(QLatin1String("components")).toArray())
        p.components.append(PlanComponent::fromJson(v.toObject()));
    for (const QJsonValue& v : o.value(QLatin1String("data_flow")).toArray())
        p.dataFlow.append(PlanFlow::fromJson(v.toObject()));
    return p;
}

QJsonObject Plan::toJson() const {
    QJsonObject chosen = pattern.toJson();
    chosen.insert(QStringLiteral("summary"), summary);
    chosen.insert(QStringLiteral("serving"), serving);
    QJsonArray scored, parts, flow;
    for (const PatternScore& a : alternatives)
        scored.append(a.toJson());
    for (const PlanComponent& c : components)
        parts.append(c.toJson());
    for (const PlanFlow& f : dataFlow)
        flow.append(f.toJson());
    return {{QStringLiteral("pattern"), chosen},
            {QStringLiteral("cloud"), cloud},
            {QStringLiteral("region"), region},
            {QStringLiteral("iteration"), iteration},
            {QStringLiteral("alternatives"), scored},
            {QStringLiteral("decisions"), QJsonArray::fromStringList(decisions)},
            {QStringLiteral("assumptions"), QJsonArray::fromStringList(assumptions)},
            {QStringLiteral("components"), parts},
            {QStringLiteral("data_flow"), flow}};
}

} // namespace mlops
