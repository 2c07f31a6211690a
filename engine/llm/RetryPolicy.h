#pragma once

#include <QByteArray>
#include <QDateTime>

namespace mlops {

// Delays between attempts: exponential backoff with jitter, or what the server asked for in Retry-After.
struct RetryPolicy {
    int baseMs = 500;
    int maxMs = 20000;
    int maxRetryAfterMs = 60000;

    // Retry-After as delta-seconds or an HTTP date; -1 when absent or unreadable.
    static qint64 parseRetryAfter(const QByteArray& header, const QDateTime& now = QDateTime::currentDateTimeUtc());
    // Delay before retry number `retry` (0-based). `jitter` in [0, 1) (random in production, fixed in tests).
    // Returns -1 when the server asks for a wait longer than maxRetryAfterMs: the caller gives up.
    qint64 delayMs(int retry, const QByteArray& retryAfter, double jitter) const;
};

} // namespace mlops
