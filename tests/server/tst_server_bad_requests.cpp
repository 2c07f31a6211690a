// The bad-request corpus (tests/data/server/bad-requests.json): each request gets its expected 4xx status and
// error code, nothing stored changes, and the server still serves afterwards.
#include "ServerHarness.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops::test::server;

class TestServerBadRequests : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_storage;
    Tokens m_tokens;
    ServerProcess m_server;
    QString m_project, m_ds, m_sha;
    QByteArray m_blob;

    static QJsonArray loadCorpus() {
        QFile f(mlops::test::dataPath(QStringLiteral("server/bad-requests.json")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).array();
    }

    QString fill(QString text) const {
        text.replace(QStringLiteral("{project_upper}"), m_project.toUpper());
        text.replace(QStringLiteral("{sha_upper}"), m_sha.toUpper());
        text.replace(QStringLiteral("{project}"), m_project);
        text.replace(QStringLiteral("{ds}"), m_ds);
        text.replace(QStringLiteral("{sha}"), m_sha);
        text.replace(QStringLiteral("{size}"), QString::number(m_blob.size()));
        text.replace(QStringLiteral("{token}"), m_tokens.right);
        while (text.contains(QStringLiteral("{new}")))
            text.replace(text.indexOf(QStringLiteral("{new}")), 5, newUuid());
        text.replace(QStringLiteral("{new2}"), newUuid());
        static const QRegularExpression pad(QStringLiteral("\\{pad:(\\d+)\\}"));
        for (auto m = pad.match(text); m.hasMatch(); m = pad.match(text))
            text.replace(m.capturedStart(), m.capturedLength(), QString(m.captured(1).toInt(), QLatin1Char('p')));
        return text;
    }

    QByteArray snapshot() {
        QByteArray all;
        for (const QString& path :
             {QStringLiteral("/v1/projects?limit=1000"), QStringLiteral("/v1/projects/%1/decision-sets").arg(m_project),
              QStringLiteral("/v1/decision-sets/%1").arg(m_ds), QStringLiteral("/v1/decision-sets/%1/events").arg(m_ds),
              QStringLiteral("/v1/decision-sets/%1/artifacts").arg(m_ds),
              QStringLiteral("/v1/decision-sets/%1/checkpoints").arg(m_ds), QStringLiteral("/v1/tokens")})
            all += request(m_server.port(), "GET", path, m_tokens.right).body + '\n';
        return all;
    }

    QByteArray m_before;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(loadCorpus().size() >= 60, "the corpus must hold at least 60 requests");
        m_storage = {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
        m_tokens = createFixture(m_storage);
        QVERIFY(m_server.start(m_storage, {QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        const quint16 port = m_server.port();
        m_project = newUuid();
        QCOMPARE(request(port, "POST", QStringLiteral("/v1/projects"), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_project},
                                                   {QStringLiteral("name"), QStringLiteral("b")}})
                             .toJson())
                     .status,
                 201);
        m_ds = newUuid();
        QCOMPARE(request(port, "POST", QStringLiteral("/v1/projects/%1/decision-sets").arg(m_project), m_tokens.right,
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), m_ds}}).toJson())
                     .status,
                 201);
        QCOMPARE(request(port, "POST", QStringLiteral("/v1/decision-sets/%1/events").arg(m_ds), m_tokens.right,
                         eventsBody(m_ds, 1, 3))
                     .status,
                 200);
        m_blob = "stored blob";
        m_sha = QString::fromLatin1(QCryptographicHash::hash(m_blob, QCryptographicHash::Sha256).toHex());
        QCOMPARE(request(port, "PUT", QStringLiteral("/v1/blobs/") + m_sha, m_tokens.right, m_blob,
                         "application/octet-stream")
                     .status,
                 201);
        m_before = snapshot();
    }

    void corpus_data() {
        QTest::addColumn<int>("index");
        const QJsonArray all = loadCorpus();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(qPrintable(all[i].toObject().value(QStringLiteral("name")).toString())) << i;
    }

    void corpus() {
        QFETCH(int, index);
        const QJsonObject c = loadCorpus().at(index).toObject();
        Response r;
        if (c.contains(QStringLiteral("raw"))) {
            r = rawRequest(m_server.port(), fill(c.value(QStringLiteral("raw")).toString()).toUtf8());
        } else {
            const QByteArray body =
                c.contains(QStringLiteral("body_base64"))
                    ? QByteArray::fromBase64(c.value(QStringLiteral("body_base64")).toString().toLatin1())
                    : fill(c.value(QStringLiteral("body")).toString()).toUtf8();
            const QString who = c.value(QStringLiteral("token")).toString();
            r = request(m_server.port(), c.value(QStringLiteral("method")).toString().toLatin1(),
                        fill(c.value(QStringLiteral("path")).toString()),
                        who == QLatin1String("none") ? QString() : m_tokens.right, body,
                        c.value(QStringLiteral("content_type")).toString().toLatin1());
        }
        QVERIFY2(r.status == c.value(QStringLiteral("expect")).toInt(),
                 qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        // Every refusal explains itself in JSON.
        QVERIFY2(!r.errorCode().isEmpty(), r.body.constData());
        QVERIFY(
            !r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        if (c.contains(QStringLiteral("code")))
            QCOMPARE(r.errorCode(), c.value(QStringLiteral("code")).toString());
    }

    void afterCorpus_nothingChangedAndServerServes() {
        QVERIFY(m_server.running());
        QCOMPARE(request(m_server.port(), "GET", QStringLiteral("/v1/me"), m_tokens.right).status, 200);
        QCOMPARE(snapshot(), m_before);
    }
};

QTEST_GUILESS_MAIN(TestServerBadRequests)
#include "tst_server_bad_requests.moc"
