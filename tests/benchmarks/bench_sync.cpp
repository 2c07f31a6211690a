// Team sync server figures (docs/sync-protocol.md), each against a baseline measured in the same run:
//  1. events ingested per second through POST /v1/decision-sets/{id}/events (batches of 1000, real server
//     process) vs a raw batched insert of the same rows into the same database — SQLite, and PostgreSQL where
//     its binaries are installed;
//  2. push-to-receive latency p50/p99 of an SSE subscriber on the same instance (target p99 < 20 ms on
//     loopback) and, on PostgreSQL, on the other instance;
//  3. 1,000 concurrent SSE subscribers on one instance: server memory per subscriber, the time until all of them
//     received one pushed event, and the latency of an ordinary GET meanwhile vs with no subscriber.
#include "BenchReport.h"
#include "ServerHarness.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace mlops::test::server;
using mlops::bench::Figure;
using mlops::bench::report;

namespace {

constexpr int kIngestEvents = 100000;
constexpr int kBatch = 1000;
constexpr int kLatencyEvents = 500;
constexpr int kSubscribers = 1000;

double percentile(QList<double> v, double p) {
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min<qsizetype>(v.size() - 1, static_cast<qsizetype>(p * v.size()))];
}

qint64 rssKiB(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

struct Setup {
    QStringList storage;
    Tokens tokens;
    QString project;
};

QString createDecisionSet(quint16 port, const Setup& s) {
    const QString id = newUuid();
    request(port, "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(s.project), s.tokens.right,
            QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson());
    return id;
}

Setup prepare(const QStringList& storage, quint16 port) {
    Setup s{storage, createFixture(storage), newUuid()};
    request(
        port, "POST", QStringLiteral("/v1/projects"), s.tokens.right,
        QJsonDocument(QJsonObject{{QStringLiteral("id"), s.project}, {QStringLiteral("name"), QStringLiteral("bench")}})
            .toJson());
    return s;
}

// A keep-alive connection for pushes, so latency figures do not include connection setup.
class Pusher {
public:
    Pusher(quint16 port, const QString& token)
        : m_token(token.toLatin1()) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    void send(const QString& ds, const QByteArray& body) {
        m_socket.write("POST /v1/decision-sets/" + ds.toLatin1() +
                       "/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token +
                       "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                       "\r\n\r\n" + body);
        m_socket.flush();
    }
    int awaitStatus() {
        QByteArray wire;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            const qsizetype end = wire.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QByteArray head = wire.left(end);
                const qsizetype cl = head.toLower().indexOf("content-length:");
                const qint64 n = cl >= 0 ? head.mid(cl + 15).split('\r').value(0).trimmed().toLongLong() : 0;
                if (wire.size() >= end + 4 + n) {
                    m_leftover = wire.mid(end + 4 + n);
                    return head.split(' ').value(1).toInt();
                }
            }
            if (m_socket.bytesAvailable() == 0)
                m_socket.waitForReadyRead(100);
            wire += m_leftover + m_socket.readAll();
            m_leftover.clear();
        }
        return 0;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_token;
    QByteArray m_leftover;
};

double ingestThroughApi(quint16 port, const Setup& s, const QString& ds) {
    Pusher pusher(port, s.tokens.right);
    QList<QByteArray> bodies;
    for (int from = 1; from <= kIngestEvents; from += kBatch)
        bodies.append(eventsBody(ds, from, from + kBatch - 1));
    QElapsedTimer t;
    t.start();
    for (const QByteArray& body : std::as_const(bodies)) {
        pusher.send(ds, body);
        if (pusher.awaitStatus() != 200)
            return 0;
    }
    return kIngestEvents / (t.nsecsElapsed() / 1e9);
}

// The same rows, in transactions of kBatch rows, straight into the server's SQLite file.
double rawSqliteInsert(const QString& path, const QString& ds) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return 0;
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO event (decision_set_id, seq, type, ts, data) VALUES (?, ?, ?, ?, ?)", -1,
                       &insert, nullptr);
    const QByteArray id = ds.toLatin1();
    QElapsedTimer t;
    t.start();
    for (int from = 1; from <= kIngestEvents; from += kBatch) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (int seq = from; seq < from + kBatch; ++seq) {
            const QByteArray data = "{\"i\":" + QByteArray::number(seq) + ",\"marker\":\"\",\"node\":\"planner\"}";
            sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert, 2, seq);
            sqlite3_bind_text(insert, 3, "node-start", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 4, "2026-01-01T00:00:00.000Z", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 5, data.constData(), int(data.size()), SQLITE_TRANSIENT);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double rate = kIngestEvents / (t.nsecsElapsed() / 1e9);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return rate;
}

// The same rows as multi-row INSERTs of kBatch rows, one transaction each, through QPSQL.
double rawPostgresInsert(const QString& url, const QString& ds) {
    const QUrl u(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-raw"));
    db.setHostName(u.host());
    db.setPort(u.port());
    db.setUserName(u.userName());
    db.setDatabaseName(u.path().mid(1));
    if (!db.open())
        return 0;
    QElapsedTimer t;
    t.start();
    for (int from = 1; from <= kIngestEvents; from += kBatch) {
        db.transaction();
        for (int chunk = from; chunk < from + kBatch; chunk += 200) {
            QString sql = QStringLiteral("INSERT INTO event (decision_set_id, seq, type, ts, data) VALUES ");
            QSqlQuery q(db);
            QVariantList args;
            for (int seq = chunk; seq < chunk + 200; ++seq) {
                sql += seq == chunk ? QStringLiteral("(?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?)");
                args << ds << seq << QStringLiteral("node-start") << QStringLiteral("2026-01-01T00:00:00.000Z")
                     << QStringLiteral("{\"i\":%1,\"marker\":\"\",\"node\":\"planner\"}").arg(seq);
            }
            q.prepare(sql);
            for (const QVariant& a : std::as_const(args))
                q.addBindValue(a);
            if (!q.exec()) {
                std::printf("raw insert failed: %s\n", qPrintable(q.lastError().text()));
                return 0;
            }
        }
        db.commit();
    }
    const double rate = kIngestEvents / (t.nsecsElapsed() / 1e9);
    db.close();
    return rate;
}

// Push one event at a time; the time until the subscriber has read it.
QList<double> pushToReceive(quint16 pushPort, quint16 subscribePort, const Setup& s, const QString& ds) {
    SseClient sse;
    QList<double> ms;
    if (!sse.open(subscribePort, QStringLiteral("/v1/decision-sets/%1/events/stream").arg(ds), s.tokens.right))
        return ms;
    Pusher pusher(pushPort, s.tokens.right);
    for (int i = 1; i <= kLatencyEvents; ++i) {
        const QByteArray body = eventsBody(ds, i, i);
        QElapsedTimer t;
        t.start();
        pusher.send(ds, body);
        if (!sse.waitFor(i, 5000))
            break;
        ms.append(t.nsecsElapsed() / 1e6);
        pusher.awaitStatus();
    }
    return ms;
}

double getLatencyP50(quint16 port, const Setup& s) {
    QList<double> ms;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer t;
        t.start();
        request(port, "GET", QStringLiteral("/v1/me"), s.tokens.right);
        ms.append(t.nsecsElapsed() / 1e6);
    }
    return percentile(ms, 0.5);
}

void raiseFileLimit() {
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
}

int runSqlite(const QString& root) {
    const QStringList storage = {QStringLiteral("--data-dir"), root + QStringLiteral("/sqlite")};
    ServerProcess server;
    if (!server.start(storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}))
        return 1;
    const Setup s = prepare(storage, server.port());

    const double api = ingestThroughApi(server.port(), s, createDecisionSet(server.port(), s));
    const double raw =
        rawSqliteInsert(root + QStringLiteral("/sqlite/sync.sqlite"), createDecisionSet(server.port(), s));
    report({"SQLite: events ingested through the API", api, raw, "events/s", "raw batched sqlite3 insert",
            "ratio >= 0.1", raw > 0 && api / raw >= 0.1});

    const QList<double> latency = pushToReceive(server.port(), server.port(), s, createDecisionSet(server.port(), s));
    const double p50 = percentile(latency, 0.5), p99 = percentile(latency, 0.99);
    report({"SQLite: SSE push-to-receive p50, same instance", p50, p99, "ms", "p99 of the same run", "", true});
    report({"SQLite: SSE push-to-receive p99, same instance", p99, p50, "ms", "p50 of the same run", "< 20 ms",
            latency.size() == kLatencyEvents && p99 < 20});

    // 1,000 subscribers on one decision set.
    const double idleGet = getLatencyP50(server.port(), s);
    const qint64 before = rssKiB(server.pid());
    const QString ds = createDecisionSet(server.port(), s);
    std::vector<std::unique_ptr<SseClient>> subscribers;
    for (int i = 0; i < kSubscribers; ++i) {
        auto c = std::make_unique<SseClient>();
        if (!c->open(server.port(), QStringLiteral("/v1/decision-sets/%1/events/stream").arg(ds), s.tokens.right)) {
            std::printf("subscriber %d could not connect\n", i);
            return 1;
        }
        subscribers.push_back(std::move(c));
    }
    QElapsedTimer fan;
    fan.start();
    request(server.port(), "POST", QStringLiteral("/v1/decision-sets/%1/events").arg(ds), s.tokens.right,
            eventsBody(ds, 1, 1));
    int received = 0;
    for (auto& c : subscribers)
        received += c->waitFor(1, 5000) ? 1 : 0;
    const double fanMs = fan.nsecsElapsed() / 1e6;
    const qint64 after = rssKiB(server.pid());
    const double busyGet = getLatencyP50(server.port(), s);
    report({"SQLite: server memory per SSE subscriber (1000)", (after - before) / double(kSubscribers), double(before),
            "KiB", "idle server RSS (KiB)", "< 64 KiB", (after - before) / double(kSubscribers) < 64});
    report({"SQLite: one event reaches 1000 subscribers", fanMs, p50, "ms", "one subscriber p50 (ms)", "all received",
            received == kSubscribers});
    report({"SQLite: GET /v1/me p50 with 1000 subscribers", busyGet, idleGet, "ms", "GET p50 without subscribers",
            "< 5x", busyGet < 5 * idleGet + 1});
    return 0;
}

int runPostgres() {
    if (!PgCluster::binariesPresent() || !QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        std::printf("PostgreSQL figures skipped: PostgreSQL 15 or the QPSQL driver is not installed\n");
        return 0;
    }
    PgCluster pg;
    QString error;
    if (!pg.start(&error)) {
        std::printf("PostgreSQL cluster did not start: %s\n", qPrintable(error));
        return 1;
    }
    const QStringList storage = {QStringLiteral("--database"), pg.url()};
    const QStringList options = {QStringLiteral("--rate-limit"), QStringLiteral("0")};
    ServerProcess a, b;
    if (!a.start(storage, options) || !b.start(storage, options))
        return 1;
    const Setup s = prepare(storage, a.port());
    const double api = ingestThroughApi(a.port(), s, createDecisionSet(a.port(), s));
    const double raw = rawPostgresInsert(pg.url(), createDecisionSet(a.port(), s));
    report({"PostgreSQL: events ingested through the API", api, raw, "events/s", "raw batched INSERT (QPSQL)",
            "ratio >= 0.1", raw > 0 && api / raw >= 0.1});
    const QList<double> same = pushToReceive(a.port(), a.port(), s, createDecisionSet(a.port(), s));
    const QList<double> other = pushToReceive(a.port(), b.port(), s, createDecisionSet(a.port(), s));
    report({"PostgreSQL: SSE push-to-receive p99, same instance", percentile(same, 0.99), percentile(same, 0.5), "ms",
            "p50 of the same run", "< 20 ms", same.size() == kLatencyEvents && percentile(same, 0.99) < 20});
    report({"PostgreSQL: SSE push-to-receive p99, other instance", percentile(other, 0.99), percentile(other, 0.5),
            "ms", "p50 of the same run", "< 100 ms", other.size() == kLatencyEvents && percentile(other, 0.99) < 100});
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    raiseFileLimit();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const int sqlite = runSqlite(dir.path());
    const int postgres = runPostgres();
    return sqlite || postgres;
}
