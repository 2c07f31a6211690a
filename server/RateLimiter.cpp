#include "RateLimiter.h"

#include <cmath>

namespace mlops::server {

RateLimiter::RateLimiter(double perSecond, double burst)
    : m_perSecond(perSecond)
    , m_burst(std::max(1.0, burst)) {
    m_clock.start();
}

int RateLimiter::admit(const QString& key) {
    if (m_perSecond <= 0)
        return 0;
    const qint64 now = m_clock.elapsed();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, now});
    Bucket& b = *it;
    b.tokens = std::min(m_burst, b.tokens + (now - b.lastMs) * m_perSecond / 1000.0);
    b.lastMs = now;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / m_perSecond)));
}

} // namespace mlops::server
