#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace mlops {

// Event type names of docs/events.md. Kept as functions so that no static QString is built before QCoreApplication.
namespace EventType {
inline QString workflowStart() {
    return QStringLiteral("workflow-start");
}
inline QString workflowPaused() {
    return QStringLiteral("workflow-paused");
}
inline QString workflowResumed() {
    return QStringLiteral("workflow-resumed");
}
inline QString workflowComplete() {
    return QStringLiteral("workflow-complete");
}
inline QString workflowFailed() {
    return QStringLiteral("workflow-failed");
}
inline QString nodeStart() {
    return QStringLiteral("node-start");
}
inline QString nodeComplete() {
    return QStringLiteral("node-complete");
}
inline QString nodeError() {
    return QStringLiteral("node-error");
}
inline QString reasonCard() {
    return QStringLiteral("reason-card");
}
inline QString questionsPresented() {
    return QStringLiteral("questions-presented");
}
inline QString autoApproving() {
    return QStringLiteral("auto-approving");
}
inline QString answersReceived() {
    return QStringLiteral("answers-received");
}
inline QString artifactGenerated() {
    return QStringLiteral("artifact-generated");
}
inline QString validationResult() {
    return QStringLiteral("validation-result");
}
inline QString heartbeat() {
    return QStringLiteral("heartbeat");
}
bool isKnown(const QString& type);
} // namespace EventType

// One entry of a decision set's event stream. `seq` is gapless per decision set, starting at 1.
struct Event {
    QString decisionSetId;
    qint64 seq = 0;
    QDateTime timestamp;
    QString type;
    QJsonObject data;

    QJsonObject toJson() const;
    QByteArray toNdjsonLine() const;
    static Event fromJson(const QJsonObject& object);
    QString timestampText() const;
};

} // namespace mlops

Q_DECLARE_METATYPE(mlops::Event)
