#include "core/ClockTimer.h"

#include <QThread>

#include <algorithm>
#include <limits>

namespace mlops {

ClockTimer::ClockTimer(Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock) {
    connect(&m_timer, &QTimer::timeout, this, &ClockTimer::fire);
    if (m_clock.isManual()) {
        m_link = std::make_shared<Link>();
        m_link->timer = this;
        // Called on the advancing thread: hop to this timer's thread. An event posted to a timer that is destroyed
        // before it runs is discarded with it, and `done` is released then as well. In the advancing thread's
        // own timers `done` is not kept: that thread cannot wait for itself.
        m_observer = m_clock.addObserver([link = m_link](const std::shared_ptr<void>& done) {
            QMutexLocker lock(&link->mutex);
            ClockTimer* timer = link->timer;
            if (!timer)
                return;
            // Not kept either for a timer whose thread has ended: nothing will run there any more.
            QThread* thread = timer->thread();
            const bool wait = thread != QThread::currentThread() && thread->isRunning();
            QMetaObject::invokeMethod(
                timer,
                [timer, keep = wait ? done : std::shared_ptr<void>()] {
                    Q_UNUSED(keep) // released when this call has run (or is discarded with the timer)
                    timer->checkDue();
                },
                Qt::QueuedConnection);
        });
    }
}

ClockTimer::~ClockTimer() {
    if (!m_link)
        return;
    m_clock.removeObserver(m_observer);
    QMutexLocker lock(&m_link->mutex);
    m_link->timer = nullptr;
}

void ClockTimer::setSingleShot(bool singleShot) {
    m_singleShot = singleShot;
    m_timer.setSingleShot(singleShot);
}

void ClockTimer::start(qint64 ms) {
    m_intervalMs = std::max<qint64>(0, ms);
    m_dueMs = m_clock.nowMs() + m_intervalMs;
    m_active = true;
    if (!m_clock.isManual())
        m_timer.start(int(std::min<qint64>(m_intervalMs, std::numeric_limits<int>::max())));
    else if (m_intervalMs == 0)
        QMetaObject::invokeMethod(this, &ClockTimer::checkDue, Qt::QueuedConnection); // due now, as a 0 ms QTimer
}

void ClockTimer::startAt(qint64 dueMs) {
    setSingleShot(true);
    m_active = true;
    m_dueMs = dueMs;
    const qint64 wait = std::max<qint64>(0, dueMs - m_clock.nowMs());
    m_intervalMs = wait;
    if (!m_clock.isManual())
        m_timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    else if (wait == 0)
        QMetaObject::invokeMethod(this, &ClockTimer::checkDue, Qt::QueuedConnection);
}

void ClockTimer::stop() {
    m_active = false;
    m_timer.stop();
}

qint64 ClockTimer::remainingTime() const {
    if (!m_active)
        return -1;
    if (!m_clock.isManual())
        return m_timer.remainingTime();
    return std::max<qint64>(0, m_dueMs - m_clock.nowMs());
}

void ClockTimer::checkDue() {
    if (m_active && m_clock.nowMs() >= m_dueMs)
        fire();
}

void ClockTimer::fire() {
    if (m_singleShot)
        m_active = false;
    else
        m_dueMs = m_clock.nowMs() + m_intervalMs;
    emit timeout();
}

} // namespace mlops
