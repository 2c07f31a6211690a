#include "TestSupport.h"
#include "validate/SecretScanner.h"

#include <QStandardPaths>
#include <QTest>

using namespace mlops;

class TestSecretScanner : public QObject {
    Q_OBJECT
private slots:
    void repository_hitsAndNonHits_data();
    void repository_hitsAndNonHits();
    void references_areAllowListed_data();
    void references_areAllowListed();
    void findings_neverContainTheSecret();
};

void TestSecretScanner::repository_hitsAndNonHits_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("yaml") << "config/settings.yaml" << QList<int>{3, 5, 6};
    QTest::newRow("python") << "app/keys.py" << QList<int>{4, 6};
    QTest::newRow("terraform") << "main.tf" << QList<int>{12};
}

void TestSecretScanner::repository_hitsAndNonHits() {
    QFETCH(QString, file);
    QFETCH(QList<int>, lines);
    const RepositorySnapshot snapshot = RepositorySnapshot::read(test::dataPath(QStringLiteral("validate/secrets")));
    QList<int> found;
    QStringList text;
    for (const Finding& f : SecretScanner().validate(snapshot)) {
        if (f.file == file) {
            found << f.line;
            text << f.toText();
            QCOMPARE(f.severity, Finding::Severity::Error);
        }
    }
    QVERIFY2(found == lines, qPrintable(text.join(QLatin1Char('\n'))));
}

void TestSecretScanner::references_areAllowListed_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("hit");
    QTest::newRow("terraform var") << "password = var.db_password" << false;
    QTest::newRow("interpolation") << "password = \"${var.db_password}\"" << false;
    QTest::newRow("gha secret") << "  TOKEN: ${{ secrets.DEPLOY_TOKEN }}" << false;
    QTest::newRow("shell var") << "export DB_PASSWORD=$DB_PASSWORD" << false;
    QTest::newRow("env call") << "api_key = os.getenv('API_KEY')" << false;
    QTest::newRow("placeholder") << "password: <your-password>" << false;
    QTest::newRow("metadata name") << "secret_name = \"prod-db-credentials-01\"" << false;
    QTest::newRow("short") << "token = \"abc123\"" << false;
    QTest::newRow("plain words") << "password_hint = \"ask the team lead\"" << false;
    QTest::newRow("allow comment") << "token = \"Qm9vYmFyYmF6cXV4MTIz\" # mlops:allow-secret" << false;
    QTest::newRow("literal password") << "DB_PASSWORD=\"s3cr3tP4ssw0rd!\"" << true;
    QTest::newRow("json api key") << "{\"api_key\": \"9f86d081884c7d659a2feaa0c55ad015\"}" << true;
    QTest::newRow("aws key id") << "key = AKIAIOSFODNN7EXAMPLE" << true;
    QTest::newRow("slack") << "hook: xoxb-123456789012-abcdefghij" << true;
    QTest::newRow("ssh key") << "-----BEGIN OPENSSH PRIVATE KEY-----" << true;
}

void TestSecretScanner::references_areAllowListed() {
    QFETCH(QString, line);
    QFETCH(bool, hit);
    const QList<Finding> findings = SecretScanner().scanText(QStringLiteral("f"), line);
    QCOMPARE(!findings.isEmpty(), hit);
}

void TestSecretScanner::findings_neverContainTheSecret() {
    const QString secret = QStringLiteral("s3cr3tP4ssw0rd!xyz");
    const QList<Finding> findings =
        SecretScanner().scanText(QStringLiteral("f"), QStringLiteral("password = \"") + secret + QLatin1Char('"'));
    QCOMPARE(findings.size(), 1);
    QVERIFY(!findings.first().message.contains(secret));
    QVERIFY(findings.first().message.contains(QLatin1String("s3cr")));
}

QTEST_GUILESS_MAIN(TestSecretScanner)
#include "tst_secret_scanner.moc"
