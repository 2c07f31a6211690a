#pragma once

// QCOMPARE prints a mismatch through toString() found by argument-dependent lookup: statuses print as the text
// they are stored as, not as a bare number.
#include "storage/Status.h"
#include "workflow/RunOutcome.h"

#include <QByteArray>
#include <cstring>

namespace mlops {

inline char* toString(DecisionSetStatus status) {
    return qstrdup(storedText(status).toUtf8().constData());
}
inline char* toString(JobStatus status) {
    return qstrdup(storedText(status).toUtf8().constData());
}
inline char* toString(GateStatus status) {
    return qstrdup(storedText(status).toUtf8().constData());
}
inline char* toString(RunOutcome outcome) {
    return qstrdup(outcomeName(outcome).toUtf8().constData());
}

} // namespace mlops
