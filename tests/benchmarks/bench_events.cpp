// Event stream figures:
//  1. events persisted per second through EventBus (publish + commit at node-like boundaries) vs a raw batched
//     sqlite3 insert of the same rows into the same schema;  target ratio >= 0.3 and >= 100k events/s.
//  2. emit-to-receive latency across threads (worker publishes, main-thread subscription receives) vs a bare
//     queued Qt signal between the same threads; target p99 < 2 ms.
#include "BenchReport.h"
#include "events/EventBus.h"
#include "events/EventSubscription.h"
#include "storage/EventLogStore.h"
#include "storage/ProjectStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

using namespace mlops;

namespace {

constexpr int kIngestEvents = 200000;
constexpr int kCommitEvery = 1000;
constexpr int kLatencyEvents = 2000;

QJsonObject sampleData(int i) {
    return {{QStringLiteral("node"), QStringLiteral("planner")},
            {QStringLiteral("i"), i},
            {QStringLiteral("progress_percentage"), 42.5},
            {QStringLiteral("message"), QStringLiteral("scored 14 patterns; chose realtime_containers")}};
}

void prepare(Database& db) {
    db.writeAndWait([](SqliteConnection& c) {
        ProjectStore::createProject(c, QStringLiteral("p"), QStringLiteral("bench"), {});
        ProjectStore::createDecisionSet(c, QStringLiteral("ds"), QStringLiteral("p"), QStringLiteral("x"), {});
    });
}

double rawSqliteInsertPerSecond(const QString& path) {
    Database db(path); // same schema, WAL and pragmas
    prepare(db);
    sqlite3* raw = nullptr;
    sqlite3_open(path.toUtf8().constData(), &raw);
    sqlite3_exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    // Rows prepared up front: the baseline measures SQLite alone.
    std::vector<QByteArray> json;
    json.reserve(kIngestEvents);
    const QByteArray ts = "2026-11-24T10:00:00.000Z";
    for (int i = 0; i < kIngestEvents; ++i)
        json.push_back(QJsonDocument(sampleData(i)).toJson(QJsonDocument::Compact));
    QElapsedTimer t;
    t.start();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO event_log(decision_set_id, seq, timestamp, type, data_json) VALUES (?,?,?,?,?)", -1,
                       &st, nullptr);
    for (int i = 0; i < kIngestEvents; i += kCommitEvery) {
        sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr);
        for (int j = i; j < std::min(kIngestEvents, i + kCommitEvery); ++j) {
            sqlite3_bind_text(st, 1, "ds", 2, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, j + 1);
            sqlite3_bind_text(st, 3, ts.constData(), int(ts.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 4, "reason-card", 11, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, json[size_t(j)].constData(), int(json[size_t(j)].size()), SQLITE_STATIC);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_finalize(st);
    const double secs = t.nsecsElapsed() / 1e9;
    sqlite3_close(raw);
    return kIngestEvents / secs;
}

double eventBusPerSecond(const QString& path, qint64* persisted) {
    Database db(path);
    prepare(db);
    EventBus bus(db);
    QElapsedTimer t;
    t.start();
    QFuture<WriteResult> last;
    for (int i = 0; i < kIngestEvents; ++i) {
        bus.publish(QStringLiteral("ds"), QStringLiteral("reason-card"), sampleData(i));
        if ((i + 1) % kCommitEvery == 0)
            last = bus.commit(QStringLiteral("ds"));
    }
    last = bus.commit(QStringLiteral("ds"));
    last.waitForFinished();
    const double secs = t.nsecsElapsed() / 1e9;
    *persisted = EventLogStore::maxSeq(db.reader(), QStringLiteral("ds"));
    return kIngestEvents / secs;
}

struct Percentiles {
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<qint64> ns) {
    std::sort(ns.begin(), ns.end());
    const auto at = [&](double q) { return ns[size_t(q * double(ns.size() - 1))] / 1e6; };
    return {at(0.5), at(0.99), ns.back() / 1e6};
}

class Pinger : public QObject {
    Q_OBJECT
signals:
    void ping(int i);
};

// Sends kLatencyEvents from a worker thread at ~2 kHz; `send(i)` is what is measured.
void paced(const std::function<void(int)>& send) {
    QThread* worker = QThread::create([send] {
        for (int i = 0; i < kLatencyEvents; ++i) {
            send(i);
            QThread::usleep(500);
        }
    });
    worker->start();
    while (!worker->isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    worker->wait();
    delete worker;
}

Percentiles queuedSignalLatency() {
    std::vector<qint64> sent(kLatencyEvents), received(kLatencyEvents, 0);
    QElapsedTimer clock;
    clock.start();
    Pinger pinger;
    QObject receiver;
    QObject::connect(
        &pinger, &Pinger::ping, &receiver, [&](int i) { received[size_t(i)] = clock.nsecsElapsed(); },
        Qt::QueuedConnection);
    paced([&](int i) {
        sent[size_t(i)] = clock.nsecsElapsed();
        emit pinger.ping(i);
    });
    while (std::count(received.begin(), received.end(), 0) > 0)
        QCoreApplication::processEvents();
    std::vector<qint64> lat(kLatencyEvents);
    for (int i = 0; i < kLatencyEvents; ++i)
        lat[size_t(i)] = received[size_t(i)] - sent[size_t(i)];
    return percentiles(lat);
}

Percentiles eventBusLatency(const QString& path) {
    Database db(path);
    prepare(db);
    EventBus bus(db);
    std::vector<qint64> sent(kLatencyEvents + 1), received(kLatencyEvents + 1, 0);
    QElapsedTimer clock;
    clock.start();
    EventSubscription* sub = bus.subscribe(QStringLiteral("ds"));
    QObject::connect(sub, &EventSubscription::eventReceived, sub,
                     [&](const Event& e) { received[size_t(e.seq)] = clock.nsecsElapsed(); });
    paced([&](int i) {
        sent[size_t(i + 1)] = clock.nsecsElapsed();
        bus.publish(QStringLiteral("ds"), QStringLiteral("heartbeat"), sampleData(i));
        if ((i + 1) % 100 == 0)
            bus.commit(QStringLiteral("ds")); // node boundaries happen while events stream
    });
    while (std::count(received.begin() + 1, received.end(), 0) > 0)
        QCoreApplication::processEvents();
    std::vector<qint64> lat(kLatencyEvents);
    for (int i = 1; i <= kLatencyEvents; ++i)
        lat[size_t(i - 1)] = received[size_t(i)] - sent[size_t(i)];
    bus.commit(QStringLiteral("ds")).waitForFinished();
    delete sub;
    return percentiles(lat);
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    std::printf("Event stream benchmark (%d events, commit every %d)\n\n", kIngestEvents, kCommitEvery);
    const double raw = rawSqliteInsertPerSecond(dir.filePath(QStringLiteral("raw.db")));
    qint64 persisted = 0;
    const double bus = eventBusPerSecond(dir.filePath(QStringLiteral("bus.db")), &persisted);
    using bench::report;
    report({"events persisted", bus, raw, "events/s", "raw sqlite3 batched insert", "ratio >= 0.3 and >= 100k/s",
            bus / raw >= 0.3 && bus >= 100000});
    if (persisted != kIngestEvents)
        std::printf("ERROR: %lld events persisted, expected %d\n", static_cast<long long>(persisted), kIngestEvents);
    const Percentiles base = queuedSignalLatency();
    const Percentiles ours = eventBusLatency(dir.filePath(QStringLiteral("lat.db")));
    report({"emit->receive latency p50 across threads", ours.p50, base.p50, "ms", "bare queued Qt signal", "", true});
    report({"emit->receive latency p99 across threads", ours.p99, base.p99, "ms", "bare queued Qt signal", "p99 < 2 ms",
            ours.p99 < 2.0});
    report({"emit->receive latency max across threads", ours.max, base.max, "ms", "bare queued Qt signal", "", true});
    return persisted == kIngestEvents ? 0 : 1;
}

#include "bench_events.moc"
