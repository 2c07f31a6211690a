#include "workflow/RunOutcome.h"

namespace mlops {

QString outcomeName(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Completed:
        return QStringLiteral("completed");
    case RunOutcome::Failed:
        return QStringLiteral("failed");
    case RunOutcome::Paused:
        return QStringLiteral("paused");
    case RunOutcome::Waiting:
        return QStringLiteral("waiting");
    case RunOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case RunOutcome::Abandoned:
        return QStringLiteral("abandoned");
    }
    return {};
}

std::optional<RunOutcome> outcomeFromName(QStringView name) {
    for (const RunOutcome o : {RunOutcome::Completed, RunOutcome::Failed, RunOutcome::Paused, RunOutcome::Waiting,
                               RunOutcome::Cancelled, RunOutcome::Abandoned}) {
        if (name == outcomeName(o))
            return o;
    }
    return std::nullopt;
}

std::optional<JobStatus> jobStatusAfter(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Completed:
        return JobStatus::Done;
    case RunOutcome::Failed:
        return JobStatus::Failed;
    case RunOutcome::Cancelled:
        return JobStatus::Cancelled;
    case RunOutcome::Paused:
        return JobStatus::Paused;
    case RunOutcome::Waiting:
        return JobStatus::Waiting;
    case RunOutcome::Abandoned:
        break;
    }
    return std::nullopt;
}

std::optional<DecisionSetStatus> decisionSetStatusAfter(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Completed:
        return DecisionSetStatus::Completed;
    case RunOutcome::Failed:
        return DecisionSetStatus::Failed;
    case RunOutcome::Cancelled:
        return DecisionSetStatus::Cancelled;
    case RunOutcome::Paused:
    case RunOutcome::Waiting:
    case RunOutcome::Abandoned:
        break;
    }
    return std::nullopt;
}

} // namespace mlops
