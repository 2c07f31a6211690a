#pragma once

#include "workflow/RunOutcome.h"

#include <QObject>
#include <QTextStream>

namespace mlops {

class Studio;

// Follows one decision set's run from the CLI: optionally streams its events as NDJSON (history first),
// and returns once the run has settled (completed, failed, cancelled, paused or waiting for answers).
class RunFollower : public QObject {
    Q_OBJECT
public:
    RunFollower(Studio& studio, QString decisionSetId, QTextStream* ndjson);
    // Runs the application's event loop until the run settles (a write that could not be stored: Failed).
    RunOutcome wait(QString* error);

private:
    Studio& m_studio;
    QString m_decisionSetId;
    QTextStream* m_ndjson;
};

// One-line and multi-line summaries shared by the run commands.
namespace RunSummary {
void print(Studio& studio, const QString& decisionSetId, RunOutcome outcome, const QString& error, QTextStream& out);
} // namespace RunSummary

} // namespace mlops
