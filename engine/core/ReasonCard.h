#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mlops {

// An option an agent weighed, with its score; the chosen one is listed too.
struct Alternative {
    QString name;
    double score = 0.0;
    QString note;
    QJsonObject toJson() const;
};

// Why an agent decided what it did (docs/events.md). Every agent emits at least one per run of its node.
struct ReasonCard {
    QString agent;
    QString node;
    QString reasoning;
    QString decision;
    double confidence = 0.0;
    QJsonObject inputs;
    QJsonObject outputs;
    QList<Alternative> alternatives;
    QJsonObject evidence; // field -> quoted span of the requirement text
    QString category;     // extraction | coverage | questions | architecture | feasibility | cost | policy | codegen |
                          // validation | approval | fallback
    QString priority = QStringLiteral("medium"); // high | medium | low
    qint64 durationMs = 0;

    QJsonObject toJson() const;
    static ReasonCard fromJson(const QJsonObject& object);
};

} // namespace mlops
