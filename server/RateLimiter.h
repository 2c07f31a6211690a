#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace mlops::server {

// A token bucket per bearer token: `burst` requests at once, refilled at `perSecond`.
class RateLimiter {
public:
    RateLimiter(double perSecond, double burst);
    // 0 when the request may go ahead; otherwise the whole seconds to wait (the Retry-After value).
    int admit(const QString& key);

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    double m_perSecond;
    double m_burst;
    QElapsedTimer m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace mlops::server
