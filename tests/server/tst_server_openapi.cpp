// docs/sync-protocol.yaml against the server: every route the server registers is documented with its method
// (and nothing undocumented or phantom), path parameters match, and the document passes Redocly's OpenAPI
// linter (fetched by npx; skipped where npx is not installed).
#include "ServerHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace mlops::test::server;

class TestServerOpenApi : public QObject {
    Q_OBJECT

    static QString sourceDir() {
        const QString fromEnv = qEnvironmentVariable("MLOPS_SOURCE_DIR");
        return fromEnv.isEmpty() ? QDir(QStringLiteral(MLOPS_TEST_DATA_DIR)).filePath(QStringLiteral("../.."))
                                 : fromEnv;
    }
    static QString documentPath() { return QDir(sourceDir()).filePath(QStringLiteral("docs/sync-protocol.yaml")); }

    // "GET /v1/projects" for every operation under `paths:` (two-space path keys, four-space method keys).
    static QSet<QString> documentedOperations() {
        QFile f(documentPath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        static const QRegularExpression pathKey(QStringLiteral("^  (/\\S*):\\s*$"));
        static const QRegularExpression methodKey(QStringLiteral("^    (get|put|post|delete|patch):\\s*$"));
        QSet<QString> ops;
        bool inPaths = false;
        QString current;
        for (const QByteArray& raw : f.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (!line.startsWith(QLatin1Char(' ')) && !line.isEmpty())
                inPaths = line.startsWith(QLatin1String("paths:"));
            if (!inPaths)
                continue;
            if (const auto m = pathKey.match(line); m.hasMatch())
                current = m.captured(1);
            else if (const auto m2 = methodKey.match(line); m2.hasMatch() && !current.isEmpty())
                ops.insert(m2.captured(1).toUpper() + QLatin1Char(' ') + current);
        }
        return ops;
    }

private slots:
    void everyRegisteredRoute_isDocumented_andNothingElse() {
        const QJsonArray table = QJsonDocument::fromJson(admin({QStringLiteral("routes")})).array();
        QVERIFY(table.size() >= 20);
        QSet<QString> registered;
        for (const auto& v : table)
            registered.insert(v.toObject().value(QStringLiteral("method")).toString() + QLatin1Char(' ') +
                              v.toObject().value(QStringLiteral("path")).toString());
        const QSet<QString> documented = documentedOperations();
        QVERIFY2(!documented.isEmpty(), qPrintable(documentPath()));
        for (const QString& op : registered)
            QVERIFY2(documented.contains(op),
                     qPrintable(op + QStringLiteral(" is served but not in docs/sync-protocol.yaml")));
        for (const QString& op : documented)
            QVERIFY2(registered.contains(op), qPrintable(op + QStringLiteral(" is documented but not served")));
    }

    void document_passesRedoclyLint() {
        const QString npx = QStandardPaths::findExecutable(QStringLiteral("npx"));
        if (npx.isEmpty())
            QSKIP("npx (Node.js) is not installed; CI installs it through installer/install-deps.sh");
        // @redocly/cli 2.77 needs Node.js >= 20.19 (Debian 12 ships 18).
        QProcess node;
        node.start(QStringLiteral("node"), {QStringLiteral("--version")});
        node.waitForFinished(10000);
        const QStringList version =
            QString::fromLatin1(node.readAllStandardOutput().trimmed().mid(1)).split(QLatin1Char('.'));
        const int major = version.value(0).toInt(), minor = version.value(1).toInt();
        if (major < 20 || (major == 20 && minor < 19))
            QSKIP("Node.js older than 20.19: @redocly/cli 2.77 does not run on it");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(npx, {QStringLiteral("--yes"), QStringLiteral("@redocly/cli@2.77.0"), QStringLiteral("lint"),
                      documentPath()});
        QVERIFY(p.waitForFinished(400000));
        const QByteArray out = p.readAll();
        QVERIFY2(p.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("valid"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerOpenApi)
#include "tst_server_openapi.moc"
