#include "TestSupport.h"
#include "validate/GithubWorkflowValidator.h"
#include "validate/GitlabCiValidator.h"
#include "validate/HclSyntaxValidator.h"
#include "validate/JsonSyntaxValidator.h"
#include "validate/PythonSyntaxValidator.h"
#include "validate/RepositoryValidator.h"
#include "validate/ShellSyntaxValidator.h"
#include "validate/TerraformPolicyValidator.h"
#include "validate/TerraformReferenceValidator.h"
#include "validate/YamlSyntaxValidator.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

QString describe(const QList<Finding>& findings) {
    QStringList lines;
    for (const Finding& f : findings)
        lines << f.toText();
    return lines.join(QLatin1Char('\n'));
}

bool hasFinding(const QList<Finding>& findings, const QString& validator, const QString& file, int line,
                Finding::Severity severity, const QString& text) {
    for (const Finding& f : findings) {
        if (f.validator == validator && f.file == file && f.line == line && f.severity == severity &&
            f.message.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestValidators : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void goodRepository_noErrorsNoWarnings();
    void brokenFiles_eachValidatorReportsFileAndLine_data();
    void brokenFiles_eachValidatorReportsFileAndLine();
    void pythonMissing_skippedWithInfo();
    void symlinkOutsideRoot_refused();
    void checkPaths_refusesEscapingPaths();
    void policyPacks_followComplianceConstraints();
};

void TestValidators::goodRepository_noErrorsNoWarnings() {
    RepositoryValidator validator;
    QStringList seen;
    const QList<Finding> findings =
        validator.validate(test::dataPath(QStringLiteral("validate/good")),
                           [&](const QString& name, const QList<Finding>&) { seen << name; });
    QCOMPARE(seen, validator.validatorNames());
    const FindingSummary s = FindingSummary::of(findings);
    QVERIFY2(s.errors == 0 && s.warnings == 0, qPrintable(describe(findings)));
    // The policy summary proves the packs ran on the module's resources (not that nothing was parsed).
    bool summary = false;
    for (const Finding& f : findings)
        summary = summary || (f.validator == QLatin1String("terraform-policy") &&
                              f.message.contains(QLatin1String("checks passed")));
    QVERIFY(summary);
}

void TestValidators::brokenFiles_eachValidatorReportsFileAndLine_data() {
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("validator");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("text");
    const int E = int(Finding::Severity::Error), W = int(Finding::Severity::Warning), I = int(Finding::Severity::Info);
    const QString broken = QStringLiteral("broken");
    QTest::newRow("yaml") << broken << "yaml"
                          << "config/service.yaml" << 3 << E << "";
    QTest::newRow("json") << broken << "json"
                          << "monitoring/dashboard.json" << 4 << E << "";
    QTest::newRow("hcl brace") << broken << "hcl"
                               << "infra/terraform/unbalanced.tf" << 1 << E << "never closed";
    QTest::newRow("hcl string") << broken << "hcl"
                                << "infra/terraform/unterminated.tf" << 2 << E << "unterminated string";
    QTest::newRow("python") << broken << "python"
                            << "app/train.py" << 3 << E << "SyntaxError";
    QTest::newRow("shell") << broken << "shell"
                           << "scripts/run.sh" << 4 << E << "bash -n";
    QTest::newRow("gha runs-on") << broken << "github-actions"
                                 << ".github/workflows/ci.yml" << 4 << E << "no 'runs-on'";
    QTest::newRow("gha step") << broken << "github-actions"
                              << ".github/workflows/ci.yml" << 7 << E << "neither 'run' nor 'uses'";
    QTest::newRow("gha needs") << broken << "github-actions"
                               << ".github/workflows/ci.yml" << 9 << E << "unknown job 'build'";
    QTest::newRow("gha steps") << broken << "github-actions"
                               << ".github/workflows/ci.yml" << 8 << E << "has no 'steps'";
    QTest::newRow("gitlab stage") << broken << "gitlab-ci"
                                  << ".gitlab-ci.yml" << 8 << E << "stage 'deploy'";
    QTest::newRow("gitlab script") << broken << "gitlab-ci"
                                   << ".gitlab-ci.yml" << 11 << E << "no 'script'";
    const QString refs = QStringLiteral("tfrefs");
    QTest::newRow("var") << refs << "terraform-refs"
                         << "main.tf" << 10 << E << "var.regoin";
    QTest::newRow("local") << refs << "terraform-refs"
                           << "main.tf" << 15 << E << "local.nmae";
    QTest::newRow("module ref") << refs << "terraform-refs"
                                << "main.tf" << 23 << E << "module.netwrok";
    QTest::newRow("module missing") << refs << "terraform-refs"
                                    << "main.tf" << 14 << E << "does not exist";
    QTest::newRow("module outside") << refs << "terraform-refs"
                                    << "main.tf" << 19 << E << "leaves the repository";
    QTest::newRow("tfvars") << refs << "terraform-refs"
                            << "terraform.tfvars" << 2 << W << "\"unknown\"";
    QTest::newRow("unused") << refs << "terraform-refs"
                            << "main.tf" << 1 << I << "never used";
    const QString policy = QStringLiteral("tfpolicy");
    QTest::newRow("public acl") << policy << "terraform-policy"
                                << "main.tf" << 11 << E << "public-read";
    QTest::newRow("pab flag") << policy << "terraform-policy"
                              << "main.tf" << 16 << E << "block_public_acls";
    QTest::newRow("pack BASE-003") << policy << "terraform-policy"
                                   << "main.tf" << 14 << E << "BASE-003";
    QTest::newRow("ingress") << policy << "terraform-policy"
                             << "main.tf" << 22 << E << "0.0.0.0/0";
    QTest::newRow("unencrypted db") << policy << "terraform-policy"
                                    << "main.tf" << 36 << E << "storage_encrypted = false";
    QTest::newRow("bucket sse") << policy << "terraform-policy"
                                << "main.tf" << 5 << W << "server-side encryption";
    QTest::newRow("missing tags") << policy << "terraform-policy"
                                  << "main.tf" << 5 << W << "no tags";
    QTest::newRow("pack BASE-006") << policy << "terraform-policy"
                                   << "main.tf" << 42 << W << "BASE-006";
}

void TestValidators::brokenFiles_eachValidatorReportsFileAndLine() {
    QFETCH(QString, folder);
    QFETCH(QString, validator);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, severity);
    QFETCH(QString, text);
    const QList<Finding> findings =
        RepositoryValidator().validate(test::dataPath(QStringLiteral("validate/") + folder));
    QVERIFY2(hasFinding(findings, validator, file, line, Finding::Severity(severity), text),
             qPrintable(describe(findings)));
}

void TestValidators::pythonMissing_skippedWithInfo() {
    const RepositorySnapshot snapshot = RepositorySnapshot::read(test::dataPath(QStringLiteral("validate/broken")));
    const QList<Finding> findings = PythonSyntaxValidator(QStringLiteral("/nonexistent/python3")).validate(snapshot);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().severity, Finding::Severity::Info);
    QVERIFY(findings.first().message.contains(QLatin1String("not syntax-checked")));
}

void TestValidators::symlinkOutsideRoot_refused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("repo"));
    QFile outside(dir.filePath(QStringLiteral("secret.txt")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.write("outside\n");
    outside.close();
    QVERIFY(QFile::link(outside.fileName(), dir.filePath(QStringLiteral("repo/leak.txt"))));
    const QList<Finding> findings = RepositoryValidator().validate(dir.filePath(QStringLiteral("repo")));
    QVERIFY2(hasFinding(findings, QStringLiteral("path-guard"), QStringLiteral("leak.txt"), 0, Finding::Severity::Error,
                        QStringLiteral("refused")),
             qPrintable(describe(findings)));
}

void TestValidators::checkPaths_refusesEscapingPaths() {
    QTemporaryDir dir;
    const QList<Finding> findings =
        RepositoryValidator::checkPaths(dir.path(), {QStringLiteral("ok/file.txt"), QStringLiteral("../escape.txt"),
                                                     QStringLiteral("/etc/passwd"), QStringLiteral("a/../../b")});
    QCOMPARE(findings.size(), 3);
    for (const Finding& f : findings)
        QCOMPARE(f.severity, Finding::Severity::Error);
}

void TestValidators::policyPacks_followComplianceConstraints() {
    const RepositorySnapshot snapshot = RepositorySnapshot::read(test::dataPath(QStringLiteral("validate/good")));
    auto ruleIds = [&](const QJsonObject& constraints) {
        QStringList ids;
        for (const Finding& f : TerraformPolicyValidator(constraints).validate(snapshot)) {
            if (f.message.contains(QLatin1String("policy packs")))
                ids << f.message;
        }
        return ids.join(QLatin1Char('|'));
    };
    QVERIFY(ruleIds({}).contains(QLatin1String("policy packs baseline:")));
    const QString hipaa = ruleIds({{QStringLiteral("compliance_requirements"), QJsonArray{QStringLiteral("HIPAA")}}});
    QVERIFY2(hipaa.contains(QLatin1String("HIPAA")), qPrintable(hipaa));
}

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
