#include "core/Clock.h"

#include <QDateTime>
#include <QThread>

#include <algorithm>

namespace mlops {

namespace {

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace

QString Clock::nowText() const {
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
}

void Clock::sleepFor(qint64 ms, const std::atomic_bool* cancelled) const {
    // Polled in short real-time steps so that cancellation is seen at once and a manual clock, which only moves
    // when a test advances it, is noticed within 10 ms.
    const qint64 until = nowMs() + ms;
    for (qint64 left = ms; left > 0 && !(cancelled && cancelled->load()); left = until - nowMs())
        QThread::msleep(std::clamp<unsigned long>(static_cast<unsigned long>(left), 1, 10));
}

std::shared_ptr<Clock> Clock::system() {
    static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

} // namespace mlops
