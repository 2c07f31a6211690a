#include "ServerHarness.h"

#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <unistd.h>

namespace mlops::test::server {

QString serverBinary() {
    return binaryPath(QStringLiteral("mlops-studio-server"));
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject Response::json() const {
    return QJsonDocument::fromJson(body).object();
}

QString Response::errorCode() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

static bool parseResponse(const QByteArray& wire, Response* r, bool closed) {
    const qsizetype end = wire.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = wire.left(end).split('\n');
    r->status = lines.value(0).split(' ').value(1).toInt();
    r->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r->headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const QByteArray body = wire.mid(end + 4);
    if (r->headers.contains("content-length")) {
        const qint64 n = r->headers.value("content-length").toLongLong();
        if (body.size() < n)
            return false;
        r->body = body.left(n);
        return true;
    }
    r->body = body;
    return closed;
}

Response rawRequest(quint16 port, const QByteArray& bytes, int timeoutMs) {
    Response r;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return r;
    socket.write(bytes);
    QElapsedTimer t;
    t.start();
    QByteArray wire;
    while (t.elapsed() < timeoutMs) {
        socket.waitForBytesWritten(0);
        if (socket.state() != QAbstractSocket::ConnectedState) {
            wire += socket.readAll();
            parseResponse(wire, &r, true);
            return r;
        }
        if (socket.waitForReadyRead(50)) {
            wire += socket.readAll();
            Response candidate;
            if (parseResponse(wire, &candidate, false))
                return candidate;
        }
    }
    wire += socket.readAll();
    parseResponse(wire, &r, true);
    return r;
}

Response request(quint16 port, const QByteArray& method, const QString& path, const QString& token,
                 const QByteArray& body, const QByteArray& contentType,
                 const QList<QPair<QByteArray, QByteArray>>& extraHeaders) {
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT") {
        head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    for (const auto& h : extraHeaders)
        head += h.first + ": " + h.second + "\r\n";
    return rawRequest(port, head + "\r\n" + body);
}

QByteArray admin(const QStringList& arguments, int* exitCode) {
    QProcess p;
    p.start(serverBinary(), arguments);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitCode() != 0)
        qWarning("admin %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

ServerProcess::~ServerProcess() {
    stop();
}

bool ServerProcess::start(const QStringList& storage, const QStringList& extra) {
    m_process = std::make_unique<QProcess>();
    QStringList args = {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")};
    args += storage;
    args += extra;
    m_process->start(serverBinary(), args);
    if (!m_process->waitForStarted(10000))
        return false;
    QElapsedTimer t;
    t.start();
    QByteArray out;
    static const QRegularExpression re(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    while (t.elapsed() < 20000) {
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = static_cast<quint16>(m.captured(1).toUInt());
            return true;
        }
    }
    qWarning("server did not start: %s", m_process->readAllStandardError().constData());
    return false;
}

bool ServerProcess::running() const {
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray ServerProcess::stderrText() const {
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

void ServerProcess::kill9() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // SIGKILL
        m_process->waitForFinished(10000);
    }
}

void ServerProcess::stop() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            kill9();
    }
}

static QString tokenOf(const QByteArray& output) {
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("token "))
            return QString::fromLatin1(line.mid(6).trimmed());
    }
    return {};
}

static QString idOf(const QByteArray& output) {
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("id "))
            return QString::fromLatin1(line.mid(3).trimmed());
    }
    return {};
}

Tokens createFixture(const QStringList& storage) {
    auto run = [&](QStringList args) { return admin(args + storage); };
    run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("alpha")});
    run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("beta")});
    run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"), QStringLiteral("--team"),
         QStringLiteral("alpha")});
    run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bo"), QStringLiteral("--team"),
         QStringLiteral("beta")});
    Tokens t;
    const QStringList ana = {QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--user"),
                             QStringLiteral("ana")};
    t.right = tokenOf(run(ana));
    t.readOnly = tokenOf(run(ana + QStringList{QStringLiteral("--read-only")}));
    const QByteArray revoked = run(ana);
    t.revoked = tokenOf(revoked);
    t.revokedId = idOf(revoked);
    run({QStringLiteral("token"), QStringLiteral("revoke"), t.revokedId});
    t.expired = tokenOf(run(ana + QStringList{QStringLiteral("--expires"), QStringLiteral("2020-01-01T00:00:00Z")}));
    t.other = tokenOf(
        run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--user"), QStringLiteral("bo")}));
    return t;
}

QByteArray eventsBody(const QString& decisionSetId, qint64 from, qint64 to, const QString& marker) {
    QJsonArray events;
    for (qint64 s = from; s <= to; ++s) {
        events.append(
            QJsonObject{{QStringLiteral("seq"), s},
                        {QStringLiteral("type"), QStringLiteral("node-start")},
                        {QStringLiteral("timestamp"), QStringLiteral("2026-01-01T00:00:00.000Z")},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("node"), QStringLiteral("planner")},
                                                             {QStringLiteral("i"), s},
                                                             {QStringLiteral("marker"), marker}}}});
    }
    Q_UNUSED(decisionSetId);
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
}

// --- SSE ---

SseClient::SseClient() = default;

SseClient::~SseClient() {
    delete m_socket;
}

bool SseClient::open(quint16 port, const QString& path, const QString& token, const QByteArray& lastEventId) {
    m_socket = new QTcpSocket;
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket->waitForConnected(5000))
        return false;
    QByteArray head = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!lastEventId.isEmpty())
        head += "Last-Event-ID: " + lastEventId + "\r\n";
    m_socket->write(head + "\r\n");
    m_socket->waitForBytesWritten(1000);
    QElapsedTimer t;
    t.start();
    while (!m_headDone && t.elapsed() < 5000) {
        if (!m_socket->waitForReadyRead(100) && m_socket->state() != QAbstractSocket::ConnectedState)
            break;
        onData();
    }
    return m_headDone;
}

void SseClient::pauseReading() {
    m_paused = true;
    m_socket->setReadBufferSize(1);
}

void SseClient::onData() {
    if (m_paused)
        return;
    m_wire += m_socket->readAll();
    if (!m_headDone) {
        const qsizetype end = m_wire.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_status = m_wire.left(end).split(' ').value(1).toInt();
        m_wire = m_wire.mid(end + 4);
        m_headDone = true;
    }
    // De-chunk, then cut the body into events; offsets instead of copies keep large streams linear.
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = m_wire.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qint64 size = m_wire.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok) {
            // Not chunked (an error answer with Content-Length): keep as is.
            m_raw += m_wire.mid(pos);
            pos = m_wire.size();
            break;
        }
        if (m_wire.size() < lineEnd + 2 + size + 2)
            break;
        const QByteArray chunk = m_wire.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
        m_raw += chunk;
        m_pending += chunk;
    }
    m_wire.remove(0, pos);
    qsizetype at = 0;
    while (true) {
        const qsizetype end = m_pending.indexOf("\n\n", at);
        if (end < 0)
            break;
        const QByteArray block = m_pending.mid(at, end - at);
        at = end + 2;
        SseEvent e;
        bool any = false;
        for (const QByteArray& line : block.split('\n')) {
            if (line.startsWith("id: ")) {
                e.id = line.mid(4).toLongLong();
                any = true;
            } else if (line.startsWith("data: ")) {
                e.data = line.mid(6);
                any = true;
            } else if (line.startsWith(": ")) {
                m_comments += line.mid(2) + '\n';
            }
        }
        if (any && e.id >= 0)
            m_events.append(e);
    }
    m_pending.remove(0, at);
}

bool SseClient::waitFor(int count, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (m_events.size() < count && t.elapsed() < timeoutMs) {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(50) &&
            m_socket->state() != QAbstractSocket::ConnectedState)
            break;
        onData();
    }
    return m_events.size() >= count;
}

bool SseClient::waitForComment(const QByteArray& text, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!m_comments.contains(text) && t.elapsed() < timeoutMs) {
        if (!m_socket->waitForReadyRead(50) && m_socket->state() != QAbstractSocket::ConnectedState)
            break;
        onData();
    }
    return m_comments.contains(text);
}

bool SseClient::waitForClose(int timeoutMs) {
    QElapsedTimer t;
    t.start();
    m_paused = false;
    m_socket->setReadBufferSize(0);
    while (m_socket->state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
        m_socket->waitForReadyRead(50);
        onData();
    }
    onData();
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

// --- PostgreSQL ---

static QString pgBin(const QString& name) {
    return QStringLiteral("/usr/lib/postgresql/15/bin/") + name;
}

PgCluster::PgCluster() = default;

PgCluster::~PgCluster() {
    stop();
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

bool PgCluster::binariesPresent() {
    return QFile::exists(pgBin(QStringLiteral("initdb"))) && QFile::exists(pgBin(QStringLiteral("pg_ctl")));
}

QStringList PgCluster::asPostgres(const QString& program, const QStringList& args) const {
    // initdb refuses to run as root: the cluster belongs to the postgres user then.
    if (geteuid() == 0)
        return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                           QStringLiteral("--"), program} +
               args;
    return QStringList{program} + args;
}

static bool runTool(const QStringList& command, QString* error, int timeoutMs = 120000) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0) {
        *error = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

bool PgCluster::start(QString* error) {
    m_dir = QDir::temp().filePath(QStringLiteral("mlops-pg-") + newUuid().left(8));
    QDir().mkpath(m_dir);
    // Readable by the postgres user, who owns the cluster folder inside.
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                     QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                     QFileDevice::ExeOther | QFileDevice::WriteOther);
    const QString data = QDir(m_dir).filePath(QStringLiteral("data"));
    if (geteuid() == 0 && !runTool({QStringLiteral("install"), QStringLiteral("-d"), QStringLiteral("-o"),
                                    QStringLiteral("postgres"), data},
                                   error))
        return false;
    if (!runTool(asPostgres(pgBin(QStringLiteral("initdb")),
                            {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
                             QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                             QStringLiteral("UTF8"), QStringLiteral("--no-sync")}),
                 error))
        return false;
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    const QString options =
        QStringLiteral("-F -p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=300").arg(m_port).arg(m_dir);
    if (!runTool(asPostgres(pgBin(QStringLiteral("pg_ctl")),
                            {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                             QDir(m_dir).filePath(QStringLiteral("log")), QStringLiteral("-w"), QStringLiteral("-t"),
                             QStringLiteral("60"), QStringLiteral("start")}),
                 error))
        return false;
    m_running = true;
    return true;
}

void PgCluster::stop() {
    if (!m_running)
        return;
    QString error;
    runTool(asPostgres(pgBin(QStringLiteral("pg_ctl")),
                       {QStringLiteral("-D"), QDir(m_dir).filePath(QStringLiteral("data")), QStringLiteral("-m"),
                        QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")}),
            &error, 60000);
    m_running = false;
}

QString PgCluster::url() const {
    return QStringLiteral("postgres://postgres@127.0.0.1:%1/postgres").arg(m_port);
}

QByteArray PgCluster::psql(const QString& sql) const {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(pgBin(QStringLiteral("psql")),
            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
             QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), QStringLiteral("postgres"),
             QStringLiteral("-At"), QStringLiteral("-c"), sql});
    p.waitForFinished(30000);
    return p.readAll();
}

} // namespace mlops::test::server
