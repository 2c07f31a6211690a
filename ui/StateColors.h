#pragma once

#include "storage/Status.h"

#include <QColor>

namespace mlops::ui {

// The few colours the UI does not take from the palette: run and node states. Mid-saturation tones chosen to
// stay readable as borders, bars and dots on both light and dark window backgrounds; text never uses them.
namespace StateColors {
inline QColor pending() {
    return QColor(0x8a, 0x8f, 0x98);
}
inline QColor running() {
    return QColor(0x2f, 0x80, 0xed);
}
inline QColor done() {
    return QColor(0x2e, 0xa0, 0x4f);
}
inline QColor failed() {
    return QColor(0xe0, 0x3e, 0x3e);
}
inline QColor waiting() {
    return QColor(0xf0, 0x8c, 0x00);
}

// A decision-set status as a state colour: the one mapping (the project list's dots use it).
inline QColor forStatus(DecisionSetStatus status) {
    switch (status) {
    case DecisionSetStatus::Completed:
        return done();
    case DecisionSetStatus::Failed:
    case DecisionSetStatus::Cancelled:
        return failed();
    case DecisionSetStatus::HitlPending:
        return waiting();
    case DecisionSetStatus::Created:
        return pending();
    case DecisionSetStatus::Processing:
    case DecisionSetStatus::Validating:
    case DecisionSetStatus::Generating:
        break;
    }
    return running();
}
} // namespace StateColors

} // namespace mlops::ui
