#pragma once

#include <QDateTime>
#include <QString>

namespace mlops {

// Wall-clock helpers; all stored times are UTC, ISO 8601 text or milliseconds since the epoch.
namespace Clock {
inline qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
inline QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace Clock

} // namespace mlops
