#include "StatusText.h"

namespace mlops::ui {

QString StatusText::of(DecisionSetStatus status) {
    switch (status) {
    case DecisionSetStatus::Created:
        return tr("queued");
    case DecisionSetStatus::Processing:
        return tr("running");
    case DecisionSetStatus::HitlPending:
        return tr("waiting for answers");
    case DecisionSetStatus::Validating:
        return tr("validating");
    case DecisionSetStatus::Generating:
        return tr("generating");
    case DecisionSetStatus::Completed:
        return tr("completed");
    case DecisionSetStatus::Failed:
        return tr("failed");
    case DecisionSetStatus::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString StatusText::of(const DecisionSetRecord& decisionSet) {
    return decisionSet.paused ? tr("paused") : of(decisionSet.status);
}

} // namespace mlops::ui
