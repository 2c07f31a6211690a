#pragma once

#include "storage/Status.h"

#include <QJsonObject>
#include <QString>

namespace mlops {

struct ProjectRecord {
    QString id;
    QString name;
    QJsonObject settings;
    QString createdAt;
};

struct DecisionSetRecord {
    QString id;
    QString projectId;
    int version = 0;
    QString parentId;
    int forkedFromStep = -1;
    QString prompt;
    QJsonObject settings;
    DecisionSetStatus status = DecisionSetStatus::Created;
    bool paused = false;
    QJsonObject result;
    QString createdAt;
    QString updatedAt;
    bool isValid() const { return !id.isEmpty(); }
};

struct CheckpointRecord {
    QString decisionSetId;
    int step = -1;
    QString node;     // the node (or parallel step) that just completed
    QString nextStep; // what runs next; empty when the run is finished
    QJsonObject state;
    qint64 lastEventSeq = 0;
    QString createdAt;
    bool isValid() const { return step >= 0; }
};

struct JobRecord {
    qint64 id = 0;
    QString decisionSetId;
    QString kind;
    QJsonObject payload;
    JobStatus status = JobStatus::Queued;
    QString workerId;
    qint64 leaseUntilMs = 0;
    int attempts = 0;
    int maxAttempts = 3;
    QString lastError;
    int runCount = 0;
    bool isValid() const { return id > 0; }
};

struct GateRecord {
    qint64 id = 0;
    QString decisionSetId;
    QString node;
    int step = -1;
    QJsonObject questions; // {"questions": [...]}
    qint64 deadlineMs = 0;
    GateStatus status = GateStatus::Pending;
    QJsonObject answers;
    QJsonObject resolution;
    bool isValid() const { return id > 0; }
};

struct ArtifactRecord {
    QString decisionSetId;
    QString path;
    QString sha256;
    qint64 size = 0;
    QString type;
};

} // namespace mlops
