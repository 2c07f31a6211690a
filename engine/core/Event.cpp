#include "core/Event.h"

#include <QJsonDocument>

namespace mlops {

bool EventType::isKnown(const QString& type) {
    static const QStringList known = {
        workflowStart(), workflowPaused(),  workflowResumed(),   workflowComplete(), workflowFailed(),
        nodeStart(),     nodeComplete(),    nodeError(),         reasonCard(),       questionsPresented(),
        autoApproving(), answersReceived(), artifactGenerated(), validationResult(), heartbeat(),
    };
    return known.contains(type);
}

QString Event::timestampText() const {
    return timestamp.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject Event::toJson() const {
    return QJsonObject{
        {QStringLiteral("decision_set_id"), decisionSetId},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("timestamp"), timestampText()},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), data},
    };
}

QByteArray Event::toNdjsonLine() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

Event Event::fromJson(const QJsonObject& object) {
    Event e;
    e.decisionSetId = object.value(QStringLiteral("decision_set_id")).toString();
    e.seq = object.value(QStringLiteral("seq")).toInteger();
    e.timestamp = QDateTime::fromString(object.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
    e.type = object.value(QStringLiteral("type")).toString();
    e.data = object.value(QStringLiteral("data")).toObject();
    return e;
}

} // namespace mlops
