#include "TestClock.h"

#include <QDateTime>
#include <QDebug>
#include <QSemaphore>

namespace mlops::test {

namespace {

// Shared by every observer of one advance; destroyed when the last of them has handled it.
class Settled {
public:
    explicit Settled(QSemaphore* semaphore)
        : m_semaphore(semaphore) {}
    Settled(const Settled&) = delete;
    Settled& operator=(const Settled&) = delete;
    ~Settled() { m_semaphore->release(); }

private:
    QSemaphore* m_semaphore;
};

} // namespace

TestClock::TestClock()
    : TestClock(QDateTime::currentMSecsSinceEpoch()) {}

TestClock::TestClock(qint64 startMs)
    : m_nowMs(startMs) {}

int TestClock::addObserver(Observer observer) {
    QMutexLocker lock(&m_mutex);
    const int id = m_nextId++;
    m_observers.insert(id, std::move(observer));
    return id;
}

void TestClock::removeObserver(int id) {
    QMutexLocker lock(&m_mutex);
    m_observers.remove(id);
}

void TestClock::advance(qint64 ms) {
    if (ms < 0) {
        qWarning() << "TestClock::advance: time does not go backwards; ignored" << ms;
        return;
    }
    advanceTo(nowMs() + ms);
}

void TestClock::advanceTo(qint64 ms) {
    if (ms > m_nowMs.load())
        m_nowMs.store(ms);
    QList<Observer> observers;
    {
        QMutexLocker lock(&m_mutex);
        observers = m_observers.values();
    }
    // Called without the lock: an observer only posts to its timer's thread (and is safe after the timer is
    // gone), and a timer created or destroyed meanwhile must not wait for this thread.
    QSemaphore settled;
    {
        auto done = std::make_shared<Settled>(&settled);
        for (const Observer& observer : std::as_const(observers))
            observer(done);
    }
    // A thread busy for this long is stuck, not slow: go on and let the test's own timeout report it.
    if (!settled.tryAcquire(1, 10000))
        qWarning() << "TestClock: the clock's timers did not settle within 10 s of advancing";
}

} // namespace mlops::test
