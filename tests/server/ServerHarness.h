#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpSocket>

#include <memory>

// Real mlops-studio-server processes on 127.0.0.1 for the server suites, a raw HTTP/1.1 client (the bad-request
// corpus needs bytes no HTTP library would send), and a throwaway PostgreSQL cluster.
namespace mlops::test::server {

QString serverBinary();

struct Response {
    int status = 0;                       // 0: no answer (connection refused, timeout, closed early)
    QMap<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QJsonObject json() const;
    QString errorCode() const;
};

// One request per connection ("Connection: close"), answered or timed out within `timeoutMs`.
Response rawRequest(quint16 port, const QByteArray& bytes, int timeoutMs = 10000);
Response request(quint16 port, const QByteArray& method, const QString& path, const QString& token = {},
                 const QByteArray& body = {}, const QByteArray& contentType = "application/json",
                 const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {});

// Runs an admin command (`team add ...`) against a data folder or database; returns stdout, fails the test on a
// non-zero exit.
QByteArray admin(const QStringList& arguments, int* exitCode = nullptr);

class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    // `storage` is {"--data-dir", dir} or {"--database", url}. Waits for "listening on"; false on failure.
    bool start(const QStringList& storage, const QStringList& extra = {});
    void kill9();
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    bool running() const;
    QByteArray stderrText() const;

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// Tokens of the standard fixture: team "alpha" (user ana: right, read-only, revoked, expired) and team "beta"
// (user bo: other).
struct Tokens {
    QString right, readOnly, revoked, expired, other;
    QString revokedId;
};
Tokens createFixture(const QStringList& storage);

// A server-sent event as read off the wire.
struct SseEvent {
    qint64 id = -1;
    QByteArray data;
};

// A raw SSE subscriber: reads the chunked stream and parses events as they come.
class SseClient {
public:
    SseClient();
    ~SseClient();
    bool open(quint16 port, const QString& path, const QString& token, const QByteArray& lastEventId = {});
    // Waits until at least `count` events arrived in total, or `timeoutMs`.
    bool waitFor(int count, int timeoutMs);
    bool waitForComment(const QByteArray& text, int timeoutMs);
    bool waitForClose(int timeoutMs);
    QList<SseEvent> events() const { return m_events; }
    int status() const { return m_status; }
    QByteArray raw() const { return m_raw; }
    // Stops reading from the socket (a slow reader) without closing it.
    void pauseReading();
    QTcpSocket* socket() const { return m_socket; }

private:
    void onData();
    QTcpSocket* m_socket = nullptr;
    QByteArray m_raw;     // de-chunked body
    QByteArray m_wire;    // undecoded bytes
    QByteArray m_pending; // body text not yet parsed into events
    QByteArray m_comments;
    bool m_headDone = false;
    int m_status = 0;
    QList<SseEvent> m_events;
    bool m_paused = false;
};

// A PostgreSQL 15 cluster in a temporary folder on a free loopback port, started with initdb/pg_ctl as the
// postgres user (or the current user when not root). available() is false when the binaries are absent.
class PgCluster {
public:
    PgCluster();
    ~PgCluster();
    static bool binariesPresent();
    bool start(QString* error);
    void stop();
    QString url() const;
    quint16 port() const { return m_port; }
    // Runs SQL through psql; returns its output.
    QByteArray psql(const QString& sql) const;

private:
    QStringList asPostgres(const QString& program, const QStringList& args) const;
    QString m_dir;
    quint16 m_port = 0;
    bool m_running = false;
};

QString newUuid();
QByteArray eventsBody(const QString& decisionSetId, qint64 from, qint64 to, const QString& marker = {});

} // namespace mlops::test::server
