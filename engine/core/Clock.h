#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace mlops {

// Where the engine reads the time for everything it decides by time: HITL gate deadlines and their
// auto-approval, job leases and their heartbeats, node heartbeats, the job poll and LLM retry backoff.
// The application uses the system clock; tests pass a manual clock (tests/support/TestClock.h) that moves only
// when told, so a test of a 30 s deadline takes no 30 s. Stored times are UTC milliseconds since the epoch.
// Timers that measure with a clock are ClockTimers (core/ClockTimer.h).
class Clock {
public:
    virtual ~Clock() = default;

    virtual qint64 nowMs() const = 0;
    // nowMs() as ISO 8601 UTC text with milliseconds, the form the database stores.
    QString nowText() const;

    // False for the system clock. A manual clock's time moves only when its owner advances it; it then calls
    // every observer from the advancing thread. An observer keeps `done` alive until it has handled the change
    // (a ClockTimer: until it has checked, in its own thread, whether it is due), so that the clock can tell
    // when everything that was due has happened.
    virtual bool isManual() const { return false; }
    using Observer = std::function<void(const std::shared_ptr<void>& done)>;
    virtual int addObserver(Observer) { return 0; }
    virtual void removeObserver(int) {}

    // Blocks the calling worker thread (never the UI or engine thread) for `ms` of this clock's time, or until
    // `cancelled` is set.
    void sleepFor(qint64 ms, const std::atomic_bool* cancelled) const;

    // The real-time clock. Stateless: sharing one instance is the same as each caller having its own.
    static std::shared_ptr<Clock> system();
};

} // namespace mlops
