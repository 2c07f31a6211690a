// `mlops-studio-cli extract` and `plan`, in-process through swappable streams: neither touches the database.
#include "CliRunner.h"
#include "TestSupport.h"
#include "agents/CoverageScorer.h"
#include "agents/IntakeExtractor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString casePrompt(const char* name) {
    return test::dataPath(s("agents/%1/prompt.txt").arg(s(name)));
}

} // namespace

class TestAgentsCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        test::isolateDataDirs(m_home.path());
    }

    void extract_json_printsConstraintObjectWithSchemaNames() {
        const test::CliRun r = test::runCli({s("extract"), s("--json"), casePrompt("gcp_bigquery_churn_batch")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        const QJsonObject k = doc.object();
        for (const QString& field : IntakeExtractor::fieldNames())
            QVERIFY2(k.contains(field), qPrintable(field));
        for (const char* meta :
             {"field_confidence", "evidence", "missing_fields", "ambiguous_fields", "conflicts", "extraction_method"})
            QVERIFY2(k.contains(s(meta)), meta);
        QCOMPARE(k.value(s("cloud_provider")).toString(), s("gcp"));
        QCOMPARE(k.value(s("budget_monthly_usd")).toDouble(), 5000.0);
        QVERIFY(!QDir(m_home.filePath(s("data/agentic-mlops-studio"))).exists()); // no database was created
    }

    // The constraint object and coverage_check detect conflicts once, the same way: what `extract --json` prints is
    // what the coverage agent reports for that object, also after an answer resolves one.
    void extract_json_conflictsAgreeWithCoverageCheck() {
        const test::CliRun r = test::runCli({s("extract"), s("--json"), casePrompt("conflict_five_nines_tiny_budget")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject k = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray printed = k.value(s("conflicts")).toArray();
        const QJsonArray covered = CoverageScorer(KnowledgeBase::shared()).score(k).value(s("conflicts")).toArray();
        QVERIFY2(!covered.isEmpty(), qPrintable(r.out));
        QCOMPARE(printed, covered);
        const auto names = [](const QJsonArray& conflicts, const char* field) {
            return std::any_of(conflicts.begin(), conflicts.end(), [field](const QJsonValue& c) {
                return c.toObject().value(s("fields")).toArray().contains(s(field));
            });
        };
        QVERIFY(names(printed, "availability_target"));
        QVERIFY(names(printed, "budget_monthly_usd"));

        // A budget that fits five nines: the rule no longer holds, in the printed object as in coverage.
        QTemporaryDir dir;
        QFile answers(dir.filePath(s("answers.yaml")));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write("budget_monthly_usd: 20000\n");
        answers.close();
        const test::CliRun answered = test::runCli({s("extract"), s("--json"), s("--answers"), answers.fileName(),
                                                    casePrompt("conflict_five_nines_tiny_budget")});
        QVERIFY2(answered.code == 0, qPrintable(answered.err));
        const QJsonObject k2 = QJsonDocument::fromJson(answered.out.toUtf8()).object();
        QVERIFY(!names(k2.value(s("conflicts")).toArray(), "budget_monthly_usd"));
        QCOMPARE(k2.value(s("conflicts")).toArray(),
                 CoverageScorer(KnowledgeBase::shared()).score(k2).value(s("conflicts")).toArray());
    }

    void extract_stdin_readsPrompt() {
        const test::CliRun r = test::runCli({s("extract"), s("--json"), s("-")},
                                            "Event Hubs feeds a real-time scoring API, p95 latency 2 seconds.");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject k = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(k.value(s("cloud_provider")).toString(), s("azure"));
        QCOMPARE(k.value(s("latency_p99_ms")).toDouble(), 2000.0);
    }

    void extract_text_showsEvidence() {
        const test::CliRun r = test::runCli({s("extract"), casePrompt("unit_euro_1500")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(s("budget_monthly_usd")) && r.out.contains(s("1620")) &&
                     r.out.contains(QString::fromUtf8("€1,500")),
                 qPrintable(r.out));
    }

    void extract_emptyPrompt_failsWithOneLine() {
        const test::CliRun r = test::runCli({s("extract"), s("--json"), s("-")}, "   \n");
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.trimmed().count(QLatin1Char('\n')) == 0 && r.err.contains(s("empty")));
    }

    void plan_text_showsPlanFindingsCostAndPolicy() {
        const test::CliRun r = test::runCli({s("plan"), casePrompt("aws_fraud_pci_realtime")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char* section : {"PLAN", "COMPONENTS", "FINDINGS", "COST", "TOTAL", "POLICY", "PCI-"})
            QVERIFY2(r.out.contains(s(section)), section);
        QVERIFY(r.out.contains(s("budget $12,000.00/month")));
    }

    void plan_json_withAnswers_answersWin() {
        QTemporaryDir dir;
        QFile answers(dir.filePath(s("answers.yaml")));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write("cloud_provider: azure\nbudget_monthly_usd: 4000\ncompliance_requirements: [HIPAA]\n");
        answers.close();
        const test::CliRun r = test::runCli(
            {s("plan"), casePrompt("vague_predict_things"), s("--answers"), answers.fileName(), s("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(s("plan")).toObject().value(s("cloud")).toString(), s("azure"));
        QCOMPARE(o.value(s("cost_estimate")).toObject().value(s("budget_monthly")).toDouble(), 4000.0);
        QCOMPARE(o.value(s("cost_estimate")).toObject().value(s("price_table")).toObject().value(s("cloud")).toString(),
                 s("azure"));
        bool hipaa = false;
        for (const QJsonValue& f : o.value(s("policy_findings")).toArray())
            hipaa = hipaa || f.toObject().value(s("pack")).toString().contains(s("HIPAA"), Qt::CaseInsensitive);
        QVERIFY(hipaa);
        for (const char* part :
             {"constraints", "coverage", "questions", "plan", "tech_findings", "cost_estimate", "policy_findings"})
            QVERIFY2(o.contains(s(part)), part);
    }

    void plan_malformedAnswers_failsWithFileAndLine() {
        QTemporaryDir dir;
        QFile answers(dir.filePath(s("answers.yaml")));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write("cloud_provider: aws\nbudget: [1, 2\n");
        answers.close();
        const test::CliRun r =
            test::runCli({s("plan"), casePrompt("vague_predict_things"), s("--answers"), answers.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(s("answers.yaml:")), qPrintable(r.err));
    }

    void plan_userPolicyFileBroken_warnsAndStillPlans() {
        // test mode puts the user's config folder under ~/.qttest; the file is removed again below
        const QString policies = KnowledgeBase::userPolicyDir();
        QVERIFY(QDir().mkpath(policies));
        QFile bad(policies + s("/zz-agents-test-bad.yaml"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("pack: broken\nrules:\n  - id: B-1\n    check: {field: x, equals: [1\n");
        bad.close();
        KnowledgeBase::resetShared();
        const test::CliRun r = test::runCli({s("plan"), casePrompt("aws_fraud_pci_realtime")});
        QFile::remove(bad.fileName());
        KnowledgeBase::resetShared();
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(s("zz-agents-test-bad.yaml:")) && r.err.contains(s("skipped")), qPrintable(r.err));
        QVERIFY(r.out.contains(s("TOTAL")));
    }
};

QTEST_GUILESS_MAIN(TestAgentsCli)
#include "tst_agents_cli.moc"
