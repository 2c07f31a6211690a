#include "CliRunner.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

class TestValidateCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_data.isValid());
        test::isolateDataDirs(m_data.path());
    }
    void validate_goodRepository_exitsZero();
    void validate_brokenRepository_printsFileLineAndExitsOne();
    void validate_json_isTheValidationPart();
    void validate_helpAndUsageErrors();

private:
    QTemporaryDir m_data;
};

void TestValidateCli::validate_goodRepository_exitsZero() {
    const test::CliRun r = test::runCli({QStringLiteral("validate"), test::dataPath(QStringLiteral("validate/good"))});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QLatin1String("0 error(s), 0 warning(s)")));
}

void TestValidateCli::validate_brokenRepository_printsFileLineAndExitsOne() {
    const test::CliRun r = test::runCli(
        {QStringLiteral("validate"), QStringLiteral("--no-info"), test::dataPath(QStringLiteral("validate/broken"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QLatin1String("infra/terraform/unterminated.tf:2: error: hcl: unterminated string")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("monitoring/dashboard.json:4: error: json: ")));
    QVERIFY(!r.out.contains(QLatin1String(": info: ")));
}

void TestValidateCli::validate_json_isTheValidationPart() {
    const test::CliRun r = test::runCli(
        {QStringLiteral("validate"), QStringLiteral("--json"), test::dataPath(QStringLiteral("validate/tfpolicy"))});
    QCOMPARE(r.code, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    QCOMPARE(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("error")).toInt() > 0, true);
    for (const QJsonValue& f : findings) {
        for (const char* key : {"validator", "severity", "file", "line", "message"})
            QVERIFY(f.toObject().contains(QLatin1String(key)));
    }
}

void TestValidateCli::validate_helpAndUsageErrors() {
    const test::CliRun help = test::runCli({QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QLatin1String("--compliance")));
    QCOMPARE(test::runCli({QStringLiteral("validate")}).code, 2);
    QCOMPARE(test::runCli({QStringLiteral("validate"), QStringLiteral("/nonexistent/folder")}).code, 2);
    const test::CliRun exportHelp = test::runCli({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(exportHelp.code, 0);
    QVERIFY(exportHelp.out.contains(QLatin1String("--bundle")));
}

QTEST_GUILESS_MAIN(TestValidateCli)
#include "tst_validate_cli.moc"
