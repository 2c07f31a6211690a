#pragma once

#include "storage/Records.h"

#include <QCoreApplication>
#include <QString>

namespace mlops::ui {

// The words the UI shows for a decision-set status, in one place (project list, outcome title, ...): a status
// means the same thing everywhere, so it is called the same everywhere.
class StatusText {
    Q_DECLARE_TR_FUNCTIONS(mlops::ui::StatusText)
public:
    static QString of(DecisionSetStatus status);
    // A paused run reads as paused, whatever step it stopped at.
    static QString of(const DecisionSetRecord& decisionSet);
};

} // namespace mlops::ui
