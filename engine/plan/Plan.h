#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlops {

// A pattern of the pattern library as the planner scored it.
struct PatternScore {
    QString id;
    QString name;
    double score = 0;
    QStringList reasons; // "+0.25 streaming data", ...

    static PatternScore fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// One component of the plan (ingestion, storage, features, training, serving, ...) mapped to a concrete service.
struct PlanComponent {
    QString id; // unique in the plan; data-flow edges name it
    QString role;
    QString name;      // what it is for, e.g. "Event stream"
    QString service;   // e.g. "Amazon Kinesis Data Streams"
    QString serviceId; // catalogue id, e.g. "aws_kinesis_stream"
    QString kind;
    // The sizing: its keys depend on the service (agents/PlanSizer.cpp). The accessors read the common ones.
    QJsonObject size;

    QString instanceType() const;
    int replicas() const; // 0 when the service is not sized in replicas
    int zones() const;
    double gpus() const;
    int minInstances() const;
    bool spot() const;

    static PlanComponent fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// An edge of the plan's data flow between two components.
struct PlanFlow {
    QString from;
    QString to;
    QString label;

    static PlanFlow fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
};

// A read-only typed view of the `plan` state part, as agents/Planner.cpp writes it. The UI, the CLI and reports
// read a plan through this rather than by JSON key, so a renamed key breaks one parser and its test.
struct Plan {
    PatternScore pattern; // the chosen one
    QString summary;      // the chosen pattern's description
    QString serving;      // the chosen pattern's serving style, e.g. "containers"
    QString cloud;
    QString region;
    int iteration = 0;                // planner iteration that produced it (1 unless critics sent it back)
    QList<PatternScore> alternatives; // every pattern scored, the chosen one included, best first
    QStringList decisions;            // one line per choice a stated input drove, naming that input
    QStringList assumptions;
    QList<PlanComponent> components;
    QList<PlanFlow> dataFlow;

    // Before the planner has run there is no plan.
    bool isEmpty() const { return pattern.id.isEmpty() && components.isEmpty(); }
    // The alternatives other than the chosen pattern, in the planner's order; `positiveOnly` drops hopeless ones.
    QList<PatternScore> runnersUp(int max, bool positiveOnly) const;

    static Plan fromJson(const QJsonObject& object);
    // The fields above under their JSON names: what fromJson read, written back.
    QJsonObject toJson() const;
};

} // namespace mlops
