// Data-driven agent cases, one folder per case under tests/data/agents/: prompt.txt is what a user would type,
// expected.yaml what a human reading it expects. When the agents disagree, the agents are wrong.
//
// expected.yaml:
//   fields:                          # raw extraction (no answers, no defaults)
//     cloud_provider: gcp            # scalar: equal (numbers within 1 %), null: must be null
//     workload_types: {contains: [batch_inference], excludes: [online_inference]}
//     cloud_provider: {in: [aws, gcp]}
//   conflicts: true|false            # extractor's contradictions plus the knowledge base's conflict rules
//   conflict_fields: [budget_monthly_usd]
//   ambiguous_include: [cloud_provider]
//   coverage_sufficient: true|false
//   questions_include: [cloud_provider]   # asked in the first question round
//   max_questions_per_round: 5
//   pattern: batch_scoring | pattern_in: [a, b]   # the plan after questions answered with smart defaults
//   components: {ingestion: "Amazon MSK"}         # the service of a role contains this text
//   serving_gpu_memory_gb_min: 45                 # the serving instance holds the model's weights
//   within_budget: true                           # cost estimate vs the (stated or default) budget
//   no_blocking: true                             # no blocking finding left after the planner loop
#include "TestSupport.h"
#include "agents/CoverageScorer.h"
#include "agents/DesignPipeline.h"
#include "agents/IntakeExtractor.h"
#include "agents/knowledge/YamlJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace mlops;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString show(const QJsonValue& v) {
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.isNull() ? s("null") : v.toVariant().toString();
}

// Why `actual` does not meet `expected`, or empty.
QString mismatch(const QString& field, const QJsonValue& actual, const QJsonValue& expected, const QString& evidence) {
    const QString where = QStringLiteral("%1 = %2 (evidence: \"%3\")").arg(field, show(actual), evidence);
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonArray list = actual.toArray();
        for (const QJsonValue& v : e.value(s("contains")).toArray()) {
            if (!list.contains(v))
                return where + QStringLiteral(": lacks %1").arg(v.toString());
        }
        for (const QJsonValue& v : e.value(s("excludes")).toArray()) {
            if (list.contains(v))
                return where + QStringLiteral(": must not contain %1").arg(v.toString());
        }
        if (e.contains(s("in")) && !e.value(s("in")).toArray().contains(actual))
            return where + QStringLiteral(": not one of %1").arg(show(e.value(s("in"))));
        return {};
    }
    if (expected.isDouble()) {
        if (!actual.isDouble() ||
            std::abs(actual.toDouble() - expected.toDouble()) > 0.01 * std::abs(expected.toDouble()))
            return where + QStringLiteral(": expected %1").arg(expected.toDouble());
        return {};
    }
    if (expected.isNull())
        return actual.isNull() ? QString() : where + s(": expected null");
    if (actual != expected)
        return where + QStringLiteral(": expected %1").arg(show(expected));
    return {};
}

QStringList caseNames() {
    return QDir(test::dataPath(s("agents"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestAgentsCases : public QObject {
    Q_OBJECT

    std::shared_ptr<const KnowledgeBase> m_kb;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_kb = KnowledgeBase::load({});
        QVERIFY2(m_kb->isValid(), qPrintable(m_kb->errors().join(s("\n"))));
        QVERIFY2(caseNames().size() >= 40, "the agent suite needs at least 40 cases");
    }

    void case_prompt_matchesHumanExpectation_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : caseNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void case_prompt_matchesHumanExpectation() {
        QFETCH(QString, name);
        const QDir dir(test::dataPath(s("agents/") + name));
        QFile promptFile(dir.filePath(s("prompt.txt")));
        QVERIFY(promptFile.open(QIODevice::ReadOnly));
        const QString prompt = QString::fromUtf8(promptFile.readAll());
        const YamlJsonResult parsed = yamlFileToJson(dir.filePath(s("expected.yaml")));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        const QJsonObject expected = parsed.value.toObject();

        const IntakeExtractor extractor(m_kb);
        const QJsonObject k = extractor.extract(prompt);
        const QJsonObject evidence = k.value(s("evidence")).toObject();
        QStringList problems;
        const QJsonObject fields = expected.value(s("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QVERIFY2(IntakeExtractor::fieldNames().contains(it.key()),
                     qPrintable(s("unknown field in expected.yaml: ") + it.key()));
            const QString problem =
                mismatch(it.key(), k.value(it.key()), it.value(), evidence.value(it.key()).toString());
            if (!problem.isEmpty())
                problems.append(problem);
        }

        // The constraint object carries every conflict itself (the text's and the knowledge base's rules).
        const QJsonArray conflicts = k.value(s("conflicts")).toArray();
        if (expected.contains(s("conflicts")) && expected.value(s("conflicts")).toBool() == conflicts.isEmpty())
            problems.append(QStringLiteral("conflicts: %1").arg(show(conflicts)));
        for (const QJsonValue& f : expected.value(s("conflict_fields")).toArray()) {
            const bool found = std::any_of(conflicts.begin(), conflicts.end(), [&](const QJsonValue& c) {
                return c.toObject().value(s("fields")).toArray().contains(f);
            });
            if (!found)
                problems.append(QStringLiteral("no conflict on %1: %2").arg(f.toString(), show(conflicts)));
        }
        for (const QJsonValue& f : expected.value(s("ambiguous_include")).toArray()) {
            if (!k.value(s("ambiguous_fields")).toArray().contains(f))
                problems.append(QStringLiteral("%1 should be ambiguous: %2")
                                    .arg(f.toString(), show(k.value(s("ambiguous_fields")))));
        }
        const QJsonObject coverage = CoverageScorer(m_kb).score(k);
        if (expected.contains(s("coverage_sufficient")) &&
            coverage.value(s("sufficient")).toBool() != expected.value(s("coverage_sufficient")).toBool())
            problems.append(QStringLiteral("coverage %1 sufficient=%2")
                                .arg(coverage.value(s("score")).toDouble())
                                .arg(coverage.value(s("sufficient")).toBool()));

        const DesignPipeline::Result r = DesignPipeline(m_kb).run(prompt, {});
        QStringList firstRound;
        for (int i = 0; i < qMin(5, int(r.questions.size())); ++i)
            firstRound.append(r.questions.at(i).id);
        for (const QJsonValue& q : expected.value(s("questions_include")).toArray()) {
            if (!firstRound.contains(q.toString()))
                problems.append(
                    QStringLiteral("question %1 not asked first: %2").arg(q.toString(), firstRound.join(s(", "))));
        }
        if (expected.contains(s("max_questions_per_round")) && r.questionRounds > 0 &&
            r.questions.size() > expected.value(s("max_questions_per_round")).toInt() * r.questionRounds)
            problems.append(
                QStringLiteral("%1 questions in %2 round(s)").arg(r.questions.size()).arg(r.questionRounds));
        const QString pattern = r.plan.value(s("pattern")).toObject().value(s("id")).toString();
        QStringList ranking;
        for (const QJsonValue& a : r.plan.value(s("alternatives")).toArray()) {
            if (ranking.size() < 4)
                ranking.append(QStringLiteral("%1 %2")
                                   .arg(a.toObject().value(s("id")).toString())
                                   .arg(a.toObject().value(s("score")).toDouble()));
        }
        if (expected.contains(s("pattern")) && pattern != expected.value(s("pattern")).toString())
            problems.append(QStringLiteral("pattern %1, expected %2 (ranking: %3)")
                                .arg(pattern, expected.value(s("pattern")).toString(), ranking.join(s(", "))));
        if (expected.contains(s("pattern_in")) && !expected.value(s("pattern_in")).toArray().contains(pattern))
            problems.append(QStringLiteral("pattern %1 not in %2 (ranking: %3)")
                                .arg(pattern, show(expected.value(s("pattern_in"))), ranking.join(s(", "))));

        const QJsonObject components = expected.value(s("components")).toObject();
        for (auto it = components.begin(); it != components.end(); ++it) {
            QString service;
            for (const QJsonValue& c : r.plan.value(s("components")).toArray()) {
                if (c.toObject().value(s("role")).toString() == it.key())
                    service = c.toObject().value(s("service")).toString();
            }
            if (!service.contains(it.value().toString()))
                problems.append(
                    QStringLiteral("%1 is '%2', expected '%3'").arg(it.key(), service, it.value().toString()));
        }
        if (expected.contains(s("serving_gpu_memory_gb_min"))) {
            double memory = 0;
            for (const QJsonValue& c : r.plan.value(s("components")).toArray()) {
                if (c.toObject().value(s("role")).toString() == QLatin1String("serving"))
                    memory = c.toObject().value(s("size")).toObject().value(s("gpu_memory_gb")).toDouble();
            }
            if (memory < expected.value(s("serving_gpu_memory_gb_min")).toDouble())
                problems.append(QStringLiteral("serving GPU memory %1 GB").arg(memory));
        }
        if (expected.contains(s("within_budget")) &&
            r.costEstimate.value(s("within_budget")).toBool() != expected.value(s("within_budget")).toBool())
            problems.append(QStringLiteral("total %1 vs budget %2")
                                .arg(r.costEstimate.value(s("total_monthly")).toDouble())
                                .arg(r.costEstimate.value(s("budget_monthly")).toDouble()));
        if (expected.value(s("no_blocking")).toBool() && !r.blockingRemaining.isEmpty())
            problems.append(QStringLiteral("blocking findings remain: %1").arg(show(r.blockingRemaining)));

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("\n  "))));
    }

    // Nothing is invented: every field that is set has a confidence and either a quote of the prompt or a stated
    // assumption, and every quote really is in the prompt.
    void case_everyField_hasEvidenceOrAssumption_data() { case_prompt_matchesHumanExpectation_data(); }
    void case_everyField_hasEvidenceOrAssumption() {
        QFETCH(QString, name);
        QFile promptFile(test::dataPath(s("agents/") + name + s("/prompt.txt")));
        QVERIFY(promptFile.open(QIODevice::ReadOnly));
        const QString prompt = QString::fromUtf8(promptFile.readAll());
        const QJsonObject k = IntakeExtractor(m_kb).extract(prompt);
        const QJsonObject confidence = k.value(s("field_confidence")).toObject();
        const QJsonObject evidence = k.value(s("evidence")).toObject();
        const QJsonObject assumptions = k.value(s("assumptions")).toObject();
        for (const QString& field : IntakeExtractor::fieldNames()) {
            const QJsonValue v = k.value(field);
            QVERIFY2(!v.isUndefined(), qPrintable(field + s(" missing from the object")));
            if (v.isNull() || (v.isArray() && v.toArray().isEmpty()))
                continue;
            QVERIFY2(confidence.contains(field), qPrintable(field + s(" has no confidence")));
            const double c = confidence.value(field).toDouble(-1);
            QVERIFY2(c >= 0 && c <= 1, qPrintable(field));
            QVERIFY2(evidence.contains(field) || assumptions.contains(field),
                     qPrintable(field + s(" has neither evidence nor an assumption")));
            for (const QString& quote :
                 evidence.value(field).toString().split(QString::fromUtf8(" … "), Qt::SkipEmptyParts))
                QVERIFY2(prompt.contains(quote),
                         qPrintable(QStringLiteral("%1: \"%2\" is not in the prompt").arg(field, quote)));
        }
        const double budget = k.value(s("budget_monthly_usd")).toDouble(-1);
        if (budget >= 0)
            QCOMPARE(k.value(s("budget_band")).toString(), IntakeExtractor::bandForBudget(budget));
    }
};

QTEST_GUILESS_MAIN(TestAgentsCases)
#include "tst_agents_cases.moc"
