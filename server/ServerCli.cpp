#include "ServerCli.h"

#include "Accounts.h"
#include "Routes.h"
#include "SyncServer.h"
#include "SyncStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

namespace mlops::server {

namespace {

// --expires: "30d", "12h", "45m", "90s" from now, or an ISO 8601 time with a time zone.
QDateTime parseExpiry(const QString& text, QString* error) {
    static const QRegularExpression relative(QStringLiteral("^(\\d{1,6})([smhd])$"));
    const auto m = relative.match(text);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('s')   ? n
                               : unit == QLatin1Char('m') ? n * 60
                               : unit == QLatin1Char('h') ? n * 3600
                                                          : n * 86400;
        return QDateTime::currentDateTimeUtc().addSecs(seconds);
    }
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) {
        *error = QStringLiteral("--expires takes 30d, 12h, 45m, 90s or an ISO 8601 time with a time zone, not '%1'")
                     .arg(text);
        return {};
    }
    return t;
}

QJsonArray routeTable() {
    QJsonArray out;
    for (const Route& r : routes()) {
        QJsonArray query;
        for (const QString& q : r.query)
            query.append(q);
        out.append(QJsonObject{{QStringLiteral("method"), r.methodName()},
                               {QStringLiteral("path"), r.path},
                               {QStringLiteral("writes"), r.writes},
                               {QStringLiteral("body"), r.body == Route::Body::Json     ? QStringLiteral("json")
                                                        : r.body == Route::Body::Binary ? QStringLiteral("binary")
                                                                                        : QStringLiteral("none")},
                               {QStringLiteral("streams"), r.streams},
                               {QStringLiteral("query"), query}});
    }
    return out;
}

bool number(const QCommandLineParser& p, const QString& name, double* target, QString* error) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < 0) {
        *error = QStringLiteral("--%1 takes a non-negative number").arg(name);
        return false;
    }
    *target = v;
    return true;
}

} // namespace

int runServerCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Team sync server of Agentic MLOps Studio (protocol: docs/sync-protocol.md).\n\nCommands:\n"
                       "  serve                         run the server\n"
                       "  team add NAME                 create a team\n"
                       "  user add NAME --team TEAM     create a user in a team\n"
                       "  token create --user USER [--read-only] [--expires 30d|ISO] [--label L]\n"
                       "                                create a token and print it (shown only this once)\n"
                       "  token revoke TOKEN-ID         revoke a token\n"
                       "  routes                        print the route table as JSON"));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve | team add | user add | token create | "
                                                                      "token revoke | routes"));
    const QList<QCommandLineOption> options = {
        {QStringLiteral("data-dir"), QStringLiteral("Data folder (SQLite database)."), QStringLiteral("dir")},
        {QStringLiteral("database"), QStringLiteral("postgres://user:password@host:port/db, or sqlite:/path."),
         QStringLiteral("url")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("addr")},
        {QStringLiteral("port"), QStringLiteral("Port (default 8765; 0 picks a free one)."), QStringLiteral("port")},
        {QStringLiteral("insecure-listen"), QStringLiteral("Allow plain HTTP on a non-loopback address.")},
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain) for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("max-json-bytes"), QStringLiteral("Largest JSON request body."), QStringLiteral("bytes")},
        {QStringLiteral("max-blob-bytes"), QStringLiteral("Largest blob upload."), QStringLiteral("bytes")},
        {QStringLiteral("rate-limit"), QStringLiteral("Requests per second per token (0: no limit)."),
         QStringLiteral("n")},
        {QStringLiteral("rate-burst"), QStringLiteral("Burst allowance per token."), QStringLiteral("n")},
        {QStringLiteral("heartbeat-ms"), QStringLiteral("SSE heartbeat interval."), QStringLiteral("ms")},
        {QStringLiteral("sse-max-unsent"), QStringLiteral("Unsent bytes after which an SSE reader is cut off."),
         QStringLiteral("bytes")},
        {QStringLiteral("listener-probe-ms"), QStringLiteral("PostgreSQL listener liveness check interval."),
         QStringLiteral("ms")},
        {QStringLiteral("team"), QStringLiteral("Team of the new user."), QStringLiteral("name")},
        {QStringLiteral("user"), QStringLiteral("User the token is for."), QStringLiteral("name")},
        {QStringLiteral("read-only"), QStringLiteral("The token may only read.")},
        {QStringLiteral("expires"), QStringLiteral("Token expiry: 30d, 12h, 45m, 90s or ISO 8601."),
         QStringLiteral("when")},
        {QStringLiteral("label"), QStringLiteral("A note stored with the token."), QStringLiteral("text")},
    };
    p.addOptions(options);
    if (!p.parse(arguments)) {
        err << p.errorText() << Qt::endl;
        return 2;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out << p.helpText();
        return 0;
    }
    const QStringList words = p.positionalArguments();
    const QString command = words.value(0) + (words.size() > 1 ? QLatin1Char(' ') + words.value(1) : QString());
    if (words.isEmpty()) {
        err << "mlops-studio-server: no command given (try --help)" << Qt::endl;
        return 2;
    }
    if (words[0] == QLatin1String("routes")) {
        out << QJsonDocument(routeTable()).toJson(QJsonDocument::Indented);
        return 0;
    }

    ServerConfig config;
    config.dataDir = p.isSet(QStringLiteral("data-dir"))
                         ? p.value(QStringLiteral("data-dir"))
                         : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(QStringLiteral("server"));
    config.database = p.value(QStringLiteral("database"));

    if (words[0] == QLatin1String("serve")) {
        QString error;
        if (p.isSet(QStringLiteral("listen")) && !config.address.setAddress(p.value(QStringLiteral("listen")))) {
            err << "mlops-studio-server: --listen takes an IP address" << Qt::endl;
            return 2;
        }
        if (p.isSet(QStringLiteral("port"))) {
            bool ok = false;
            const uint port = p.value(QStringLiteral("port")).toUInt(&ok);
            if (!ok || port > 65535) {
                err << "mlops-studio-server: --port takes 0 to 65535" << Qt::endl;
                return 2;
            }
            config.port = static_cast<quint16>(port);
        }
        config.insecureListen = p.isSet(QStringLiteral("insecure-listen"));
        config.tlsCert = p.value(QStringLiteral("tls-cert"));
        config.tlsKey = p.value(QStringLiteral("tls-key"));
        double maxJson = config.maxJsonBody, maxBlob = config.maxBlobBody, heartbeat = config.heartbeatMs,
               unsent = config.sseMaxUnsentBytes, probe = config.listenerProbeMs;
        if (!number(p, QStringLiteral("max-json-bytes"), &maxJson, &error) ||
            !number(p, QStringLiteral("max-blob-bytes"), &maxBlob, &error) ||
            !number(p, QStringLiteral("rate-limit"), &config.rateLimitPerSecond, &error) ||
            !number(p, QStringLiteral("rate-burst"), &config.rateLimitBurst, &error) ||
            !number(p, QStringLiteral("heartbeat-ms"), &heartbeat, &error) ||
            !number(p, QStringLiteral("sse-max-unsent"), &unsent, &error) ||
            !number(p, QStringLiteral("listener-probe-ms"), &probe, &error)) {
            err << "mlops-studio-server: " << error << Qt::endl;
            return 2;
        }
        config.maxJsonBody = static_cast<qint64>(maxJson);
        config.maxBlobBody = static_cast<qint64>(maxBlob);
        config.heartbeatMs = std::max(10, static_cast<int>(heartbeat));
        config.sseMaxUnsentBytes = static_cast<qint64>(unsent);
        config.listenerProbeMs = std::max(10, static_cast<int>(probe));
        auto* server = new SyncServer(config, QCoreApplication::instance());
        if (!server->start(&error)) {
            err << "mlops-studio-server: " << error << Qt::endl;
            return 1;
        }
        const bool tls = !config.tlsCert.isEmpty();
        out << "listening on " << (tls ? "https://" : "http://") << config.address.toString() << ':' << server->port()
            << Qt::endl;
        return QCoreApplication::exec();
    }

    QString error;
    auto store = SyncStore::open(config, QStringLiteral("mlops-admin"), &error);
    if (!store) {
        err << "mlops-studio-server: " << error << Qt::endl;
        return 1;
    }
    Accounts accounts(*store);
    if (command == QLatin1String("team add") && words.size() == 3) {
        if (auto id = accounts.addTeam(words[2], &error)) {
            out << *id << Qt::endl;
            return 0;
        }
    } else if (command == QLatin1String("user add") && words.size() == 3) {
        if (!p.isSet(QStringLiteral("team"))) {
            error = QStringLiteral("user add needs --team");
        } else if (auto id = accounts.addUser(words[2], p.value(QStringLiteral("team")), &error)) {
            out << *id << Qt::endl;
            return 0;
        }
    } else if (command == QLatin1String("token create") && words.size() == 2) {
        QDateTime expires;
        if (!p.isSet(QStringLiteral("user"))) {
            error = QStringLiteral("token create needs --user");
        } else if (p.isSet(QStringLiteral("expires")) &&
                   !(expires = parseExpiry(p.value(QStringLiteral("expires")), &error)).isValid()) {
            // error set by parseExpiry
        } else if (auto token =
                       accounts.createToken(p.value(QStringLiteral("user")), p.isSet(QStringLiteral("read-only")),
                                            expires, p.value(QStringLiteral("label")), &error)) {
            // The secret is printed once; the database keeps only its hash.
            out << "id " << token->id << Qt::endl << "token " << token->token << Qt::endl;
            if (!token->expiresAt.isEmpty())
                out << "expires " << token->expiresAt << Qt::endl;
            return 0;
        }
    } else if (command == QLatin1String("token revoke") && words.size() == 3) {
        if (accounts.revokeToken(words[2], QString(), &error)) {
            out << "revoked " << words[2] << Qt::endl;
            return 0;
        }
    } else {
        error = QStringLiteral("unknown command '%1' (try --help)").arg(words.join(QLatin1Char(' ')));
        err << "mlops-studio-server: " << error << Qt::endl;
        return 2;
    }
    err << "mlops-studio-server: " << error << Qt::endl;
    return 1;
}

} // namespace mlops::server
