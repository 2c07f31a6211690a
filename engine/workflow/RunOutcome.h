#pragma once

#include "storage/Status.h"

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace mlops {

// How one execution of a run ended. Abandoned: the job's lease was lost and another worker owns the run now.
enum class RunOutcome { Completed, Failed, Paused, Waiting, Cancelled, Abandoned };

// The name in workflow events' "status" and in the CLI's summary ("completed", "waiting", ...).
QString outcomeName(RunOutcome outcome);
std::optional<RunOutcome> outcomeFromName(QStringView name);
// The job status the run leaves behind; none when abandoned (the job is not ours to finish).
std::optional<JobStatus> jobStatusAfter(RunOutcome outcome);
// The decision set's final status; none when the run only parked (paused, waiting) or was abandoned.
std::optional<DecisionSetStatus> decisionSetStatusAfter(RunOutcome outcome);

} // namespace mlops

// Carried by Studio::runEnded across the engine thread's queued connections.
Q_DECLARE_METATYPE(mlops::RunOutcome)
