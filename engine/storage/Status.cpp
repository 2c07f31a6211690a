#include "storage/Status.h"

#include "storage/Sqlite.h"

#include <sqlite3.h>

#include <iterator>
#include <utility>

namespace mlops {

namespace {

// One table per kind, in enum order; storedText and statusFromText both read it.
constexpr std::pair<DecisionSetStatus, const char*> kDecisionSetTexts[] = {
    {DecisionSetStatus::Created, "created"},
    {DecisionSetStatus::Processing, "processing"},
    {DecisionSetStatus::HitlPending, "hitl_pending"},
    {DecisionSetStatus::Validating, "validating"},
    {DecisionSetStatus::Generating, "generating"},
    {DecisionSetStatus::Completed, "completed"},
    {DecisionSetStatus::Failed, "failed"},
    {DecisionSetStatus::Cancelled, "cancelled"},
};
constexpr std::pair<JobStatus, const char*> kJobTexts[] = {
    {JobStatus::Queued, "queued"},   {JobStatus::Running, "running"},     {JobStatus::Done, "done"},
    {JobStatus::Failed, "failed"},   {JobStatus::Cancelled, "cancelled"}, {JobStatus::Paused, "paused"},
    {JobStatus::Waiting, "waiting"},
};
constexpr std::pair<GateStatus, const char*> kGateTexts[] = {
    {GateStatus::Pending, "pending"},
    {GateStatus::Answered, "answered"},
    {GateStatus::AutoApproved, "auto_approved"},
    {GateStatus::Cancelled, "cancelled"},
};

template <typename Status, std::size_t N>
QString textOf(const std::pair<Status, const char*> (&table)[N], Status status) {
    for (const auto& [value, text] : table) {
        if (value == status)
            return QString::fromLatin1(text);
    }
    return {}; // unreachable: every enumerator has a row (tst_storage checks it against the schema)
}

template <typename Status, std::size_t N>
std::optional<Status> valueOf(const std::pair<Status, const char*> (&table)[N], QStringView text) {
    for (const auto& [value, stored] : table) {
        if (text == QLatin1String(stored))
            return value;
    }
    return std::nullopt;
}

template <typename Status> Status requireStatus(const QString& text, const char* column) {
    if (const std::optional<Status> status = statusFromText<Status>(text))
        return *status;
    throw SqliteError(QStringLiteral("unknown %1 '%2' in the database").arg(QLatin1String(column), text),
                      SQLITE_CORRUPT);
}

} // namespace

QString storedText(DecisionSetStatus status) {
    return textOf(kDecisionSetTexts, status);
}

QString storedText(JobStatus status) {
    return textOf(kJobTexts, status);
}

QString storedText(GateStatus status) {
    return textOf(kGateTexts, status);
}

template <> std::optional<DecisionSetStatus> statusFromText<DecisionSetStatus>(QStringView text) {
    return valueOf(kDecisionSetTexts, text);
}

template <> std::optional<JobStatus> statusFromText<JobStatus>(QStringView text) {
    return valueOf(kJobTexts, text);
}

template <> std::optional<GateStatus> statusFromText<GateStatus>(QStringView text) {
    return valueOf(kGateTexts, text);
}

template <> DecisionSetStatus storedStatus<DecisionSetStatus>(const QString& text) {
    return requireStatus<DecisionSetStatus>(text, "decision_set.status");
}

template <> JobStatus storedStatus<JobStatus>(const QString& text) {
    return requireStatus<JobStatus>(text, "job.status");
}

template <> GateStatus storedStatus<GateStatus>(const QString& text) {
    return requireStatus<GateStatus>(text, "hitl_gate.status");
}

bool isFinished(DecisionSetStatus status) {
    return status == DecisionSetStatus::Completed || status == DecisionSetStatus::Failed ||
           status == DecisionSetStatus::Cancelled;
}

} // namespace mlops
