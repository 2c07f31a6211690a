#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace mlops {

// The life cycle of a decision set: `decision_set.status` (docs/architecture.md, "Durability").
enum class DecisionSetStatus { Created, Processing, HitlPending, Validating, Generating, Completed, Failed, Cancelled };
// A job of the database-backed queue: `job.status`. Paused and Waiting park a run until it is re-queued.
enum class JobStatus { Queued, Running, Done, Failed, Cancelled, Paused, Waiting };
// A durable human-in-the-loop gate: `hitl_gate.status`.
enum class GateStatus { Pending, Answered, AutoApproved, Cancelled };

// The text each status is stored as (the schema's CHECK lists) and printed as by the CLI's JSON. This file is the
// only mapping between the two, in both directions; the rest of the code compares enum values.
QString storedText(DecisionSetStatus status);
QString storedText(JobStatus status);
QString storedText(GateStatus status);
// Empty when `text` is not a status of that kind (a foreign or hand-edited database).
template <typename Status> std::optional<Status> statusFromText(QStringView text);
template <> std::optional<DecisionSetStatus> statusFromText<DecisionSetStatus>(QStringView text);
template <> std::optional<JobStatus> statusFromText<JobStatus>(QStringView text);
template <> std::optional<GateStatus> statusFromText<GateStatus>(QStringView text);

// statusFromText for a value read from the database: text that is no status of that kind throws SqliteError, the
// storage layer's report of a corrupted or foreign database.
template <typename Status> Status storedStatus(const QString& text);
template <> DecisionSetStatus storedStatus<DecisionSetStatus>(const QString& text);
template <> JobStatus storedStatus<JobStatus>(const QString& text);
template <> GateStatus storedStatus<GateStatus>(const QString& text);

// Completed, failed or cancelled: nothing will run for this decision set any more.
bool isFinished(DecisionSetStatus status);

} // namespace mlops

Q_DECLARE_METATYPE(mlops::DecisionSetStatus)
Q_DECLARE_METATYPE(mlops::JobStatus)
Q_DECLARE_METATYPE(mlops::GateStatus)
