#include "TestClock.h"
#include "core/ClockTimer.h"

#include <QThread>
#include <QtTest>

using namespace mlops;
using namespace mlops::test;

// The manual clock and the timers that measure with it: the pieces that let the workflow tests run a 3 s
// deadline in milliseconds.
class TestClockTimers : public QObject {
    Q_OBJECT
private slots:
    void singleShot_firesAtItsDueTimeNotBefore() {
        TestClock clock(1000);
        ClockTimer timer(clock);
        timer.setSingleShot(true);
        int fired = 0;
        connect(&timer, &ClockTimer::timeout, this, [&fired] { ++fired; });
        timer.start(500);
        QCOMPARE(timer.remainingTime(), qint64(500));
        clock.advance(499);
        QCoreApplication::processEvents(); // same-thread timers fire from the event loop
        QCOMPARE(fired, 0);
        QCOMPARE(timer.remainingTime(), qint64(1));
        clock.advance(1);
        QTRY_COMPARE(fired, 1);
        QVERIFY(!timer.isActive());
        clock.advance(10000);
        QCoreApplication::processEvents();
        QCOMPARE(fired, 1);
    }

    void startAt_firesAtTheAbsoluteDeadlineWhateverTheClockReadWhenArmed() {
        TestClock clock(1000);
        ClockTimer timer(clock);
        int fired = 0;
        connect(&timer, &ClockTimer::timeout, this, [&fired] { ++fired; });
        timer.startAt(1500);
        clock.advance(499);
        QCoreApplication::processEvents();
        QCOMPARE(fired, 0);
        clock.advanceTo(1500);
        QTRY_COMPARE(fired, 1);
        QVERIFY(!timer.isActive());
        timer.startAt(1200); // already past: due at once
        QTRY_COMPARE(fired, 2);
    }

    void repeating_firesOncePerAdvanceAndRearms() {
        TestClock clock(0);
        ClockTimer timer(clock);
        timer.setInterval(100);
        int fired = 0;
        connect(&timer, &ClockTimer::timeout, this, [&fired] { ++fired; });
        timer.start();
        clock.advance(350); // like a QTimer that fell behind: one timeout, then the next interval from now
        QTRY_COMPARE(fired, 1);
        QCOMPARE(timer.remainingTime(), qint64(100));
        clock.advance(100);
        QTRY_COMPARE(fired, 2);
        timer.stop();
        clock.advance(1000);
        QCoreApplication::processEvents();
        QCOMPARE(fired, 2);
        QCOMPARE(timer.remainingTime(), qint64(-1));
    }

    void advance_returnsOnceTimersOfOtherThreadsHaveRun() {
        TestClock clock(0);
        QThread worker;
        worker.start();
        auto* timer = new ClockTimer(clock);
        timer->setSingleShot(true);
        std::atomic_int fired{0};
        connect(
            timer, &ClockTimer::timeout, timer, [&fired] { fired = fired + 1; }, Qt::DirectConnection);
        timer->moveToThread(&worker);
        QMetaObject::invokeMethod(
            timer, [timer] { timer->start(50); }, Qt::BlockingQueuedConnection);
        clock.advance(49);
        QCOMPARE(fired.load(), 0);
        clock.advance(1);
        QCOMPARE(fired.load(), 1); // no waiting: advance() came back after the handler ran
        QMetaObject::invokeMethod(
            timer, [timer] { delete timer; }, Qt::BlockingQueuedConnection);
        clock.advance(1000); // a destroyed timer is not woken (and does not hold advance up)
        worker.quit();
        worker.wait();
    }

    void advance_backwards_isRefused() {
        TestClock clock(5000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not go backwards")));
        clock.advance(-1);
        QCOMPARE(clock.nowMs(), qint64(5000));
        clock.advanceTo(4000);
        QCOMPARE(clock.nowMs(), qint64(5000));
    }

    void sleepFor_onManualClock_endsWhenAdvancedOrCancelled() {
        TestClock clock(0);
        std::atomic_bool done{false};
        std::atomic_bool cancelled{false};
        QThread* sleeper = QThread::create([&] {
            clock.sleepFor(100, &cancelled);
            done = true;
        });
        sleeper->start();
        QThread::msleep(30);
        QVERIFY(!done.load()); // the clock has not moved
        clock.advance(100);
        QTRY_VERIFY(done.load());
        sleeper->wait();
        delete sleeper;

        done = false;
        QThread* cancelledSleeper = QThread::create([&] {
            clock.sleepFor(100, &cancelled);
            done = true;
        });
        cancelledSleeper->start();
        cancelled = true;
        QTRY_VERIFY(done.load());
        cancelledSleeper->wait();
        delete cancelledSleeper;
    }

    void systemClock_isRealTime() {
        const std::shared_ptr<Clock> clock = Clock::system();
        QVERIFY(!clock->isManual());
        QVERIFY(qAbs(clock->nowMs() - QDateTime::currentMSecsSinceEpoch()) < 1000);
        QVERIFY(clock->nowText().endsWith(QLatin1Char('Z')));
        ClockTimer timer(*clock);
        timer.setSingleShot(true);
        QSignalSpy spy(&timer, &ClockTimer::timeout);
        timer.start(10);
        QVERIFY(spy.wait(2000));
    }
};

QTEST_GUILESS_MAIN(TestClockTimers)
#include "tst_clock.moc"
