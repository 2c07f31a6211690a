#include "SyncServer.h"

#include "ApiCall.h"
#include "GatedTcpServer.h"
#include "HttpReply.h"
#include "PgListener.h"
#include "Routes.h"
#include "SyncApi.h"
#include "SyncStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>

namespace mlops::server {

SyncServer::SyncServer(const ServerConfig& config, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
    , m_limiter(config.rateLimitPerSecond, config.rateLimitBurst) {}

SyncServer::~SyncServer() {
    delete m_listener;
    delete m_api;
}

bool SyncServer::start(QString* error) {
    const bool tls = !m_config.tlsCert.isEmpty() || !m_config.tlsKey.isEmpty();
    if (!m_config.address.isLoopback() && !tls && !m_config.insecureListen) {
        *error = QStringLiteral("refusing plain HTTP on %1: give --tls-cert/--tls-key, or --insecure-listen behind a "
                                "TLS-terminating proxy")
                     .arg(m_config.address.toString());
        return false;
    }
    std::optional<QSslConfiguration> sslConfig;
    if (tls) {
        QFile certFile(m_config.tlsCert), keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read --tls-cert %1 or --tls-key %2").arg(m_config.tlsCert, m_config.tlsKey);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey = key.isNull() ? QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem) : key;
        if (chain.isEmpty() || ecKey.isNull()) {
            *error = QStringLiteral("--tls-cert must be a PEM certificate and --tls-key a PEM RSA or EC key");
            return false;
        }
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificateChain(chain);
        conf.setPrivateKey(ecKey);
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        // Recorded on the HTTP server too, for anything that calls listen() on it; our own socket below is what
        // serves.
        sslSetup(conf);
        sslConfig = conf;
    }
    m_store = SyncStore::open(m_config, QStringLiteral("mlops-sync"), error);
    if (!m_store)
        return false;
    m_api = new SyncApi(*m_store, m_config);
    if (m_store->isPostgres()) {
        m_listener = new PgListener(m_store->databaseUrl(), m_config.listenerProbeMs);
        connect(m_listener, &PgListener::eventsStored, m_api, &SyncApi::onEventsStored);
        connect(m_listener, &PgListener::changeStored, m_api, &SyncApi::onChangeStored);
        connect(m_listener, &PgListener::reconnected, m_api, [this] { m_api->streams().pokeAll(); });
        if (!m_listener->start(error))
            return false;
    }
    auto* tcp = new GatedTcpServer(
        RequestGate::Limits{m_config.maxJsonBody, m_config.maxBlobBody, m_config.maxHeaderBytes}, sslConfig, this);
    if (!tcp->listen(m_config.address, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    bind(tcp);
    m_port = tcp->serverPort();
    return true;
}

void SyncServer::write(QHttpServerResponder& responder, const HttpReply& reply) {
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    for (const auto& h : reply.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(reply.body);
}

bool SyncServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    QHttpServerResponder responder = makeResponder(request, socket);
    const HttpReply reply = dispatch(request, responder);
    if (!reply.streamed)
        write(responder, reply);
    return true;
}

void SyncServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint")));
}

HttpReply SyncServer::dispatch(const QHttpServerRequest& request, QHttpServerResponder& responder) {
    const QString path = request.url().path(QUrl::FullyEncoded);
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (path.contains(QLatin1String("//")) || segments.contains(QLatin1String("..")) ||
        segments.contains(QLatin1String(".")) || path.contains(QLatin1Char('%'))) {
        return HttpReply::error(400, QStringLiteral("bad_path"),
                                QStringLiteral("the path must not contain '.', '..', empty or percent-encoded parts"));
    }
    // Route match: a path that fits no pattern is a 404, one that fits only under another method a 405.
    const Route* route = nullptr;
    QStringList allowed;
    QStringList params, paramNames;
    for (const Route& r : routes()) {
        const QStringList pattern = r.segments();
        if (pattern.size() != segments.size())
            continue;
        QStringList values, names;
        bool match = true;
        for (qsizetype i = 0; i < pattern.size() && match; ++i) {
            if (pattern[i].startsWith(QLatin1Char('{'))) {
                values.append(segments[i]);
                names.append(pattern[i].mid(1, pattern[i].size() - 2));
            } else {
                match = pattern[i] == segments[i];
            }
        }
        if (!match)
            continue;
        if (r.method != request.method()) {
            allowed.append(r.methodName());
            continue;
        }
        route = &r;
        params = values;
        paramNames = names;
        break;
    }
    if (!route && !allowed.isEmpty()) {
        HttpReply reply =
            HttpReply::error(405, QStringLiteral("method_not_allowed"),
                             QStringLiteral("this path accepts %1").arg(allowed.join(QStringLiteral(", "))));
        reply.headers.append(qMakePair(QByteArray("Allow"), allowed.join(QStringLiteral(", ")).toLatin1()));
        return reply;
    }
    if (!route)
        return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));

    const Accounts::Authenticated auth = m_api->accounts().authenticate(request.value("Authorization"));
    if (auth.check != Accounts::Check::Ok) {
        if (auth.check == Accounts::Check::Failed)
            return HttpReply::error(500, QStringLiteral("internal"), QStringLiteral("the token could not be checked"));
        static const QHash<Accounts::Check, QPair<QString, QString>> reasons = {
            {Accounts::Check::Missing,
             {QStringLiteral("token_missing"), QStringLiteral("send Authorization: Bearer <token>")}},
            {Accounts::Check::Unknown, {QStringLiteral("token_invalid"), QStringLiteral("the token is not known")}},
            {Accounts::Check::Revoked, {QStringLiteral("token_revoked"), QStringLiteral("the token was revoked")}},
            {Accounts::Check::Expired, {QStringLiteral("token_expired"), QStringLiteral("the token has expired")}},
        };
        HttpReply reply = HttpReply::error(401, reasons.value(auth.check).first, reasons.value(auth.check).second);
        reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"mlops-studio\"")));
        return reply;
    }
    if (const int wait = m_limiter.admit(auth.who.tokenId); wait > 0) {
        HttpReply reply =
            HttpReply::error(429, QStringLiteral("rate_limited"),
                             QStringLiteral("too many requests for this token; retry after %1 s").arg(wait),
                             {{QStringLiteral("retry_after_seconds"), wait}});
        reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
        return reply;
    }
    if (route->writes && auth.who.readOnly)
        return HttpReply::error(403, QStringLiteral("read_only_token"), QStringLiteral("this token may only read"));
    for (qsizetype i = 0; i < params.size(); ++i) {
        QString expected;
        if (!isValidParameter(paramNames[i], params[i], &expected))
            return HttpReply::error(400, QStringLiteral("bad_parameter"),
                                    QStringLiteral("path parameter %1 must be %2").arg(paramNames[i], expected),
                                    {{QStringLiteral("parameter"), paramNames[i]}});
    }
    ApiCall call{request, params, auth.who, {}, request.query(), &responder};
    for (const auto& item : call.query.queryItems()) {
        if (!route->query.contains(item.first))
            return HttpReply::error(400, QStringLiteral("unknown_parameter"),
                                    QStringLiteral("unknown query parameter '%1'").arg(item.first));
    }
    if (route->body == Route::Body::Json) {
        const QByteArray type = request.value("Content-Type").split(';').value(0).trimmed().toLower();
        if (type != "application/json")
            return HttpReply::error(415, QStringLiteral("unsupported_media_type"),
                                    QStringLiteral("send the body as Content-Type: application/json"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return HttpReply::error(400, QStringLiteral("malformed_json"),
                                    QStringLiteral("the body is not JSON: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        if (!doc.isObject())
            return HttpReply::error(400, QStringLiteral("malformed_json"),
                                    QStringLiteral("the body must be a JSON object"));
        call.body = doc.object();
    } else if (route->body == Route::Body::None && !request.body().isEmpty()) {
        return HttpReply::error(400, QStringLiteral("unexpected_body"), QStringLiteral("this endpoint takes no body"));
    }
    return (m_api->*(route->handler))(call);
}

} // namespace mlops::server
