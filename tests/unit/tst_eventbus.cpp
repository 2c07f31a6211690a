#include "TestWrites.h"
#include "events/EventBus.h"
#include "events/EventSubscription.h"
#include "storage/EventLogStore.h"
#include "storage/ProjectStore.h"

#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace mlops;

namespace {

const QString kDs = QStringLiteral("ds-1");

void createDecisionSet(Database& db, const QString& id = kDs) {
    test::writeOrFail(db, [id](SqliteConnection& c) {
        if (!ProjectStore::project(c, QStringLiteral("p")).id.isEmpty()) {
        } else {
            ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("p"), {});
        }
        ProjectStore::createDecisionSet(c, id, QStringLiteral("p"), QStringLiteral("prompt"), {});
    });
}

QList<qint64> seqs(const QList<Event>& events) {
    QList<qint64> out;
    for (const Event& e : events)
        out.append(e.seq);
    return out;
}

QList<qint64> range(qint64 from, qint64 to) {
    QList<qint64> out;
    for (qint64 i = from; i <= to; ++i)
        out.append(i);
    return out;
}

} // namespace

class TestEventBus : public QObject {
    Q_OBJECT
private slots:
    void publish_afterReopen_continuesGaplessSequence() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path);
            createDecisionSet(db);
            EventBus bus(db);
            for (int i = 0; i < 5; ++i)
                bus.publish(kDs, QStringLiteral("heartbeat"), {{QStringLiteral("i"), i}});
            QVERIFY(bus.commit(kDs).result().ok());
        }
        Database db(path);
        EventBus bus(db);
        const Event e = bus.publish(kDs, QStringLiteral("heartbeat"), {});
        QCOMPARE(e.seq, 6);
        QVERIFY(bus.commit(kDs).result().ok());
        QCOMPARE(seqs(EventLogStore::load(db.reader(), kDs)), range(1, 6));
    }

    void commit_withExtraWrite_isAtomic() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        createDecisionSet(db);
        EventBus bus(db);
        bus.publish(kDs, QStringLiteral("node-start"), {});
        bus.publish(kDs, QStringLiteral("node-complete"), {});
        // The extra write fails: the staged events must not be persisted without it.
        const WriteResult r =
            bus.commit(kDs, [](SqliteConnection& c) { c.exec("INSERT INTO no_such_table VALUES (1)"); }).result();
        QVERIFY(!r.ok());
        QCOMPARE(EventLogStore::maxSeq(db.reader(), kDs), 0);
    }

    void subscribe_late_getsHistoryThenLiveInOrderWithoutDuplicates() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        createDecisionSet(db);
        EventBus bus(db);
        constexpr int kTotal = 3000;
        // A publisher thread commits every 100 events (like node boundaries) while we subscribe midway.
        std::atomic_int published{0};
        QFuture<void> publisher = QtConcurrent::run([&] {
            for (int i = 1; i <= kTotal; ++i) {
                bus.publish(kDs, QStringLiteral("heartbeat"), {{QStringLiteral("i"), i}});
                published = i;
                if (i % 100 == 0)
                    bus.commit(kDs).waitForFinished();
            }
            bus.commit(kDs).waitForFinished();
        });
        QTRY_VERIFY(published.load() > 1200); // the buffer has been trimmed at least once by now
        QList<qint64> received;
        EventSubscription* sub = bus.subscribe(kDs, this);
        connect(sub, &EventSubscription::eventReceived, this, [&](const Event& e) { received.append(e.seq); });
        publisher.waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), kTotal, 10000);
        QCOMPARE(received, range(1, kTotal));
        delete sub;
    }

    void buffer_overLimit_trimmedTo500_andPersistedKept() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        createDecisionSet(db);
        EventBus bus(db);
        for (int i = 0; i < 1000; ++i)
            bus.publish(kDs, QStringLiteral("heartbeat"), {});
        QVERIFY(bus.commit(kDs).result().ok());
        QCOMPARE(bus.bufferedCount(kDs), 1000);
        bus.publish(kDs, QStringLiteral("heartbeat"), {}); // 1001st: over the limit
        QCOMPARE(bus.bufferedCount(kDs), 500);
        QVERIFY(bus.commit(kDs).result().ok());
        QCOMPARE(EventLogStore::maxSeq(db.reader(), kDs), 1001); // the database keeps all
    }

    void buffer_neverDropsUnpersistedEvents() {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")));
        createDecisionSet(db);
        EventBus bus(db);
        for (int i = 0; i < 1200; ++i)
            bus.publish(kDs, QStringLiteral("heartbeat"), {});
        QCOMPARE(bus.bufferedCount(kDs), 1200); // nothing committed yet: a late subscriber still needs them
        QList<qint64> received;
        EventSubscription* sub = bus.subscribe(kDs, this);
        connect(sub, &EventSubscription::eventReceived, this, [&](const Event& e) { received.append(e.seq); });
        QTRY_COMPARE(received.size(), 1200);
        QCOMPARE(received, range(1, 1200));
    }

    void appendAtomically_numbersAfterOtherWriters() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        Database db(path);
        createDecisionSet(db);
        EventBus bus(db);
        bus.publish(kDs, QStringLiteral("workflow-start"), {});
        QVERIFY(bus.commit(kDs).result().ok());
        {
            // Another process appends events 2 and 3.
            Database other(path);
            EventBus otherBus(other);
            otherBus.publish(kDs, QStringLiteral("heartbeat"), {});
            otherBus.publish(kDs, QStringLiteral("heartbeat"), {});
            QVERIFY(otherBus.commit(kDs).result().ok());
        }
        QList<qint64> received;
        EventSubscription* sub = bus.subscribe(kDs, this);
        connect(sub, &EventSubscription::eventReceived, this, [&](const Event& e) { received.append(e.seq); });
        const WriteResult r =
            bus.appendAtomically(kDs,
                                 [](SqliteConnection&) {
                                     return EventBus::EventList{{QStringLiteral("answers-received"), {}}};
                                 })
                .result();
        QVERIFY(r.ok());
        QCOMPARE(seqs(EventLogStore::load(db.reader(), kDs)), range(1, 4));
        QTRY_VERIFY(received.contains(4));
        QCOMPARE(bus.publish(kDs, QStringLiteral("heartbeat"), {}).seq, 5);
    }
};

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
