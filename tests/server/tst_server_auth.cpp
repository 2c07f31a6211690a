// The auth matrix: every route the server registers (read from `mlops-studio-server routes`, so a new endpoint
// joins automatically) x {no token, bad, revoked, expired, read-only, other team, right team}; plus the
// per-token rate limit.
#include "ServerHarness.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops::test::server;

namespace {

struct RouteRow {
    QByteArray method;
    QString path;
    bool writes = false;
    bool streams = false;
    bool hasParams() const { return path.contains(QLatin1Char('{')); }
};

} // namespace

class TestServerAuth : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_storage;
    Tokens m_tokens;
    ServerProcess m_server;
    QList<RouteRow> m_routes;
    QString m_project, m_ds, m_sha, m_anaTokenId;
    QByteArray m_blob;
    // Also alpha's; the other team uploads it in the matrix, so m_sha stays alpha's alone for the GET rows.
    QString m_sharedSha;
    QByteArray m_sharedBlob;

    quint16 port() const { return m_server.port(); }

    // A valid request body for each writing route; a route without one fails the test, so it cannot be forgotten.
    std::optional<QByteArray> sampleBody(const RouteRow& r) {
        const QString key = QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path;
        if (key == QLatin1String("POST /v1/tokens"))
            return QByteArray(R"({"label":"matrix"})");
        if (key == QLatin1String("DELETE /v1/tokens/{tokenId}"))
            return QByteArray();
        if (key == QLatin1String("POST /v1/projects"))
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("id"), newUuid()}, {QStringLiteral("name"), QStringLiteral("m")}})
                .toJson();
        if (key == QLatin1String("POST /v1/projects/{projectId}/decision-sets"))
            return QJsonDocument(QJsonObject{{QStringLiteral("id"), newUuid()}}).toJson();
        if (key == QLatin1String("PUT /v1/decision-sets/{decisionSetId}/status"))
            return QByteArray(R"({"status":"processing"})");
        if (key == QLatin1String("POST /v1/decision-sets/{decisionSetId}/events"))
            return eventsBody(m_ds, 1, 3);
        if (key == QLatin1String("POST /v1/decision-sets/{decisionSetId}/checkpoints"))
            return QByteArray(R"({"checkpoints":[{"step":1,"node":"plan","state":{},"last_event_seq":3}]})");
        if (key == QLatin1String("POST /v1/decision-sets/{decisionSetId}/artifacts"))
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("artifacts"),
                                    QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("repo.bundle")},
                                                           {QStringLiteral("sha256"), m_sha},
                                                           {QStringLiteral("size"), m_blob.size()},
                                                           {QStringLiteral("type"), QStringLiteral("git-bundle")}}}}})
                .toJson();
        if (key == QLatin1String("PUT /v1/blobs/{sha256}"))
            return m_blob;
        return std::nullopt;
    }

    QString concretePath(const RouteRow& r, const QString& tokenId) {
        QString p = r.path;
        p.replace(QStringLiteral("{projectId}"), m_project);
        p.replace(QStringLiteral("{decisionSetId}"), m_ds);
        p.replace(QStringLiteral("{sha256}"), m_sha);
        p.replace(QStringLiteral("{tokenId}"), tokenId);
        return p;
    }

    int call(const RouteRow& r, const QString& token, const QString& tokenId, QByteArray* body = nullptr) {
        QString path = concretePath(r, tokenId);
        const bool sharedUpload =
            r.method == "PUT" && r.path.startsWith(QLatin1String("/v1/blobs/")) && token == m_tokens.other;
        if (sharedUpload)
            path.replace(m_sha, m_sharedSha);
        if (r.streams) {
            SseClient sse;
            if (!sse.open(port(), path, token))
                return 0;
            return sse.status();
        }
        const QByteArray content =
            sharedUpload ? m_sharedBlob : (r.writes ? sampleBody(r).value_or(QByteArray()) : QByteArray());
        const QByteArray type =
            r.path.startsWith(QLatin1String("/v1/blobs")) ? "application/octet-stream" : "application/json";
        const auto resp = request(port(), r.method, path, token, content, type);
        if (body)
            *body = resp.body;
        return resp.status;
    }

    // A fresh token of ana's to revoke, so the DELETE row does not revoke a token the matrix still needs.
    QString freshTokenId() {
        const auto r = request(port(), "POST", QStringLiteral("/v1/tokens"), m_tokens.right, R"({"label":"victim"})");
        return r.json().value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
        m_tokens = createFixture(m_storage);
        m_anaTokenId = m_tokens.revokedId;
        QVERIFY(m_server.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        const QJsonArray table = QJsonDocument::fromJson(admin({QStringLiteral("routes")})).array();
        QVERIFY(table.size() >= 20);
        for (const auto& v : table) {
            const QJsonObject o = v.toObject();
            m_routes.append({o.value(QStringLiteral("method")).toString().toLatin1(),
                             o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("writes")).toBool(),
                             o.value(QStringLiteral("streams")).toBool()});
        }
        // Team alpha's objects that the matrix addresses.
        m_project = newUuid();
        QCOMPARE(request(port(), "POST", QStringLiteral("/v1/projects"), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_project},
                                                   {QStringLiteral("name"), QStringLiteral("p")}})
                             .toJson())
                     .status,
                 201);
        m_ds = newUuid();
        QCOMPARE(request(port(), "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(m_project), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_ds}}).toJson())
                     .status,
                 201);
        m_blob = "bundle bytes";
        m_sha = QString::fromLatin1(QCryptographicHash::hash(m_blob, QCryptographicHash::Sha256).toHex());
        QCOMPARE(request(port(), "PUT", QStringLiteral("/v1/blobs/") + m_sha, m_tokens.right, m_blob,
                         "application/octet-stream")
                     .status,
                 201);
        m_sharedBlob = "bundle bytes both teams have";
        m_sharedSha = QString::fromLatin1(QCryptographicHash::hash(m_sharedBlob, QCryptographicHash::Sha256).toHex());
        QCOMPARE(request(port(), "PUT", QStringLiteral("/v1/blobs/") + m_sharedSha, m_tokens.right, m_sharedBlob,
                         "application/octet-stream")
                     .status,
                 201);
    }

    void matrix_data() {
        QTest::addColumn<int>("route");
        QTest::addColumn<QString>("who");
        const QStringList whos = {QStringLiteral("none"),      QStringLiteral("bad"),
                                  QStringLiteral("revoked"),   QStringLiteral("expired"),
                                  QStringLiteral("read-only"), QStringLiteral("other-team"),
                                  QStringLiteral("right-team")};
        // initTestCase has not run yet when the rows are made: read the table here as well.
        const QJsonArray table = QJsonDocument::fromJson(admin({QStringLiteral("routes")})).array();
        for (int i = 0; i < table.size(); ++i) {
            const QJsonObject o = table[i].toObject();
            for (const QString& w : whos) {
                const QString name = o.value(QStringLiteral("method")).toString() + QLatin1Char(' ') +
                                     o.value(QStringLiteral("path")).toString() + QStringLiteral(" / ") + w;
                QTest::newRow(qPrintable(name)) << i << w;
            }
        }
    }

    void matrix() {
        QFETCH(int, route);
        QFETCH(QString, who);
        QVERIFY(route < m_routes.size());
        const RouteRow& r = m_routes[route];
        if (r.writes)
            QVERIFY2(sampleBody(r).has_value(), "no sample request for this writing route: add one to sampleBody()");
        const QString tokenId = r.path.contains(QLatin1String("{tokenId}")) && who == QLatin1String("right-team")
                                    ? freshTokenId()
                                    : m_anaTokenId;
        QByteArray body;
        if (who == QLatin1String("none")) {
            QCOMPARE(call(r, QString(), tokenId), 401);
        } else if (who == QLatin1String("bad")) {
            QCOMPARE(call(r, QStringLiteral("mst_not-a-real-token"), tokenId), 401);
        } else if (who == QLatin1String("revoked")) {
            QCOMPARE(call(r, m_tokens.revoked, tokenId), 401);
        } else if (who == QLatin1String("expired")) {
            QCOMPARE(call(r, m_tokens.expired, tokenId), 401);
        } else if (who == QLatin1String("read-only")) {
            const int status = call(r, m_tokens.readOnly, tokenId);
            if (r.writes)
                QCOMPARE(status, 403);
            else
                QCOMPARE(status, 200);
        } else if (who == QLatin1String("other-team")) {
            const int status = call(r, m_tokens.other, tokenId, &body);
            if (r.method == "PUT" && r.path.startsWith(QLatin1String("/v1/blobs/"))) {
                // A blob is addressed by its content, per team: the other team uploading bytes alpha also has
                // stores its own copy (201, so nothing about alpha is revealed).
                QCOMPARE(status, 201);
            } else if (r.hasParams()) {
                QCOMPARE(status, 404); // existence is not revealed
            } else {
                QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
                QVERIFY2(!body.contains(m_project.toLatin1()), "another team's project leaked into a list");
                QVERIFY(!body.contains(m_ds.toLatin1()));
            }
        } else {
            const int status = call(r, m_tokens.right, tokenId);
            QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
        }
    }

    void unauthorized_carriesWwwAuthenticateAndCode() {
        const auto r = request(port(), "GET", QStringLiteral("/v1/projects"), m_tokens.expired);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("token_expired"));
        QVERIFY(r.headers.value("www-authenticate").startsWith("Bearer"));
        QCOMPARE(request(port(), "GET", QStringLiteral("/v1/projects"), m_tokens.revoked).errorCode(),
                 QStringLiteral("token_revoked"));
    }

    void rateLimit_perToken_429WithRetryAfter() {
        ServerProcess limited;
        QVERIFY(limited.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("1"),
                                          QStringLiteral("--rate-burst"), QStringLiteral("5")}));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(request(limited.port(), "GET", QStringLiteral("/v1/me"), m_tokens.right).status, 200);
        const auto r = request(limited.port(), "GET", QStringLiteral("/v1/me"), m_tokens.right);
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.value("retry-after").toInt() >= 1);
        QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
        // Another token has its own bucket.
        QCOMPARE(request(limited.port(), "GET", QStringLiteral("/v1/me"), m_tokens.readOnly).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_server_auth.moc"
