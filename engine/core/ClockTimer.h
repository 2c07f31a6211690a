#pragma once

#include "core/Clock.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mlops {

// A QTimer that measures with a Clock: on the system clock it is a QTimer; on a manual clock it fires when the
// clock is advanced past its due time (once per advance for a repeating timer, as a QTimer that fell behind
// does). Lives in the thread that created it, like a QTimer; timeout() is emitted there.
class ClockTimer : public QObject {
    Q_OBJECT
public:
    explicit ClockTimer(Clock& clock, QObject* parent = nullptr);
    ~ClockTimer() override;

    void setInterval(qint64 ms) { m_intervalMs = ms; }
    void setSingleShot(bool singleShot);
    // System clock: Qt::PreciseTimer (never early) instead of the default coarse timer.
    void setPrecise(bool precise) { m_timer.setTimerType(precise ? Qt::PreciseTimer : Qt::CoarseTimer); }
    void start() { start(m_intervalMs); }
    void start(qint64 ms);
    // Fires once the clock reads `dueMs` (ms since the epoch): a deadline, not an interval, so that time passing
    // between computing and arming it cannot move it. Implies single shot.
    void startAt(qint64 dueMs);
    void stop();
    bool isActive() const { return m_active; }
    // Milliseconds of clock time until timeout(), 0 when due, -1 when stopped.
    qint64 remainingTime() const;

signals:
    void timeout();

private:
    // What a manual clock's observer holds: the timer while it exists (cleared by its destructor under the
    // mutex), so that a wake-up from the advancing thread never reaches a destroyed timer.
    struct Link {
        QMutex mutex;
        ClockTimer* timer = nullptr;
    };
    void checkDue();
    void fire();

    Clock& m_clock;
    QTimer m_timer{this}; // system clock only
    qint64 m_intervalMs = 0;
    qint64 m_dueMs = 0;
    bool m_singleShot = false;
    bool m_active = false;
    int m_observer = 0;
    std::shared_ptr<Link> m_link;
};

} // namespace mlops
