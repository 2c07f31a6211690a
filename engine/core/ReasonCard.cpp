#include "core/ReasonCard.h"

namespace mlops {

QJsonObject Alternative::toJson() const {
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("score"), score}};
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

QJsonObject ReasonCard::toJson() const {
    QJsonArray alts;
    for (const Alternative& a : alternatives)
        alts.append(a.toJson());
    return QJsonObject{
        {QStringLiteral("agent"), agent},           {QStringLiteral("node"), node},
        {QStringLiteral("reasoning"), reasoning},   {QStringLiteral("decision"), decision},
        {QStringLiteral("confidence"), confidence}, {QStringLiteral("inputs"), inputs},
        {QStringLiteral("outputs"), outputs},       {QStringLiteral("alternatives_considered"), alts},
        {QStringLiteral("evidence"), evidence},     {QStringLiteral("category"), category},
        {QStringLiteral("priority"), priority},     {QStringLiteral("duration_ms"), durationMs},
    };
}

ReasonCard ReasonCard::fromJson(const QJsonObject& o) {
    ReasonCard c;
    c.agent = o.value(QStringLiteral("agent")).toString();
    c.node = o.value(QStringLiteral("node")).toString();
    c.reasoning = o.value(QStringLiteral("reasoning")).toString();
    c.decision = o.value(QStringLiteral("decision")).toString();
    c.confidence = o.value(QStringLiteral("confidence")).toDouble();
    c.inputs = o.value(QStringLiteral("inputs")).toObject();
    c.outputs = o.value(QStringLiteral("outputs")).toObject();
    const QJsonArray alts = o.value(QStringLiteral("alternatives_considered")).toArray();
    for (const QJsonValue& v : alts) {
        const QJsonObject a = v.toObject();
        c.alternatives.append({a.value(QStringLiteral("name")).toString(), a.value(QStringLiteral("score")).toDouble(),
                               a.value(QStringLiteral("note")).toString()});
    }
    c.evidence = o.value(QStringLiteral("evidence")).toObject();
    c.category = o.value(QStringLiteral("category")).toString();
    c.priority = o.value(QStringLiteral("priority")).toString();
    c.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
    return c;
}

} // namespace mlops
