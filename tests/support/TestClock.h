#pragma once

#include "core/Clock.h"

#include <QHash>
#include <QMutex>

namespace mlops::test {

// A manual clock: time stands still until the test advances it. advance() wakes every ClockTimer made with it
// and returns once those living in other threads (the engine thread's gate deadlines, leases, heartbeats, job
// poll) have checked whether they are due and run their handlers. The test then sees the effect with a short
// QTRY_* or a signal spy where the handler only queued a write, instead of sleeping through a real deadline.
// Starts at the real time of its creation so that stored deadlines look like ordinary timestamps.
class TestClock : public Clock {
public:
    TestClock();
    explicit TestClock(qint64 startMs);

    qint64 nowMs() const override { return m_nowMs.load(); }
    bool isManual() const override { return true; }
    int addObserver(Observer observer) override;
    void removeObserver(int id) override;

    // Moves the time forward by `ms` (never backwards: a negative step is refused with a warning).
    void advance(qint64 ms);
    // Moves the time to `ms` since the epoch, if that is later than now.
    void advanceTo(qint64 ms);

private:
    std::atomic<qint64> m_nowMs;
    QMutex m_mutex;
    QHash<int, Observer> m_observers;
    int m_nextId = 1;
};

} // namespace mlops::test
