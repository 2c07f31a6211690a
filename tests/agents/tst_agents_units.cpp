// Unit tests of the offline agents: user policy files, the bounded planner loop, cost arithmetic, unit parsing and
// the workflow nodes' reason cards.
#include "TestSupport.h"
#include "agents/Agents.h"
#include "agents/CostCritic.h"
#include "agents/DesignPipeline.h"
#include "agents/FactSources.h"
#include "agents/IntakeExtractor.h"
#include "agents/Planner.h"
#include "agents/PolicyEvaluator.h"
#include "agents/QuantityParser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlops;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QString readPrompt(const QString& caseName) {
    QFile f(test::dataPath(s("agents/") + caseName + s("/prompt.txt")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Runs one node on `state` and applies its patch, as the runtime does.
QList<ReasonCard> runNode(Node& node, WorkflowState& state, const RunSettings& settings) {
    NodeContext context(s("ds-test"), node.name(), node.agent(), state, settings, {}, nullptr, test::services());
    const NodeResult result = node.run(context);
    if (!result.ok())
        qWarning("%s failed: %s", qPrintable(node.name()), qPrintable(result.error));
    const QString error = state.apply(result.patch, node.writes());
    if (!error.isEmpty())
        qWarning("%s: %s", qPrintable(node.name()), qPrintable(error));
    return context.cards();
}

} // namespace

class TestAgentsUnits : public QObject {
    Q_OBJECT

    std::shared_ptr<const KnowledgeBase> m_kb;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_kb = KnowledgeBase::load({});
        QVERIFY2(m_kb->isValid(), qPrintable(m_kb->errors().join(s("\n"))));
    }

    void userPolicy_malformedYaml_errorNamesFileAndLineAndKnowledgeStaysUsable() {
        QTemporaryDir dir;
        // line 5 opens a flow sequence that is never closed
        writeFile(dir.filePath(s("broken.yaml")), "pack: team-rules\n"
                                                  "rules:\n"
                                                  "  - id: TEAM-001\n"
                                                  "    severity: high\n"
                                                  "    check: {field: plan.audit_logging, equals: [true\n"
                                                  "    message: audit logs\n");
        writeFile(dir.filePath(s("good.yaml")), "pack: team-good\n"
                                                "rules:\n"
                                                "  - id: TEAM-100\n"
                                                "    title: Plan keeps audit logs\n"
                                                "    severity: medium\n"
                                                "    resources: {plan: true}\n"
                                                "    check: {field: plan.audit_logging, equals: true}\n"
                                                "    message: audit logging is off\n"
                                                "    remediation: turn on audit logging\n");
        KnowledgeBase::Options options;
        options.userPolicyDirs = {dir.path()};
        const auto kb = KnowledgeBase::load(options);
        QVERIFY2(kb->isValid(), "a broken user file must not invalidate the built-in knowledge");
        QCOMPARE(kb->userErrors().size(), 1);
        const QString error = kb->userErrors().first();
        QVERIFY2(error.contains(s("broken.yaml:")), qPrintable(error));
        const QRegularExpression lineRe(s("broken\\.yaml:(\\d+)"));
        const int line = lineRe.match(error).captured(1).toInt();
        QVERIFY2(line >= 5 && line <= 7, qPrintable(error)); // where the parser notices the unclosed sequence
        // the good file next to it is loaded and evaluated
        const DesignPipeline::Result r = DesignPipeline(kb).run(readPrompt(s("aws_fraud_pci_realtime")), {});
        bool evaluated = false;
        for (const QJsonValue& v : r.policyFindings)
            evaluated = evaluated || v.toObject().value(s("rule_id")).toString() == QLatin1String("TEAM-100");
        QVERIFY(evaluated);
    }

    void userPolicy_invalidRule_errorNamesRuleAndLine() {
        QStringList errors;
        const QJsonObject pack = KnowledgeBase::parsePolicyPack("pack: x\n"
                                                                "rules:\n"
                                                                "  - id: X-1\n"
                                                                "    severity: urgent\n"
                                                                "    check: {field: plan.audit_logging, equals: true}\n"
                                                                "    message: m\n",
                                                                s("team.yaml"), &errors);
        QVERIFY(pack.isEmpty());
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.first().startsWith(s("team.yaml:3")) && errors.first().contains(s("X-1")) &&
                     errors.first().contains(s("severity")),
                 qPrintable(errors.join(s("; "))));
    }

    void userPolicy_notYamlAtAll_errorNotCrash() {
        QStringList errors;
        KnowledgeBase::parsePolicyPack(QByteArray("\x01\x02 : : [\n\t- ]]]"), s("garbage.yaml"), &errors);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.first().startsWith(s("garbage.yaml:")), qPrintable(errors.first()));
    }

    void plannerLoop_unresolvableFindings_stopsAfterThreeReplans() {
        // Four nines on $40 a month: no plan can satisfy both, so the critics keep blocking.
        const QString prompt =
            s("Real-time fraud scoring API on AWS, 99.99% availability, p99 latency 50 ms, 5M requests per day, "
              "budget $40 per month.");
        const DesignPipeline::Result r = DesignPipeline(m_kb).run(prompt, {});
        QCOMPARE(r.planIterations, 4); // one plan plus three re-plans, as the workflow graph allows
        QVERIFY(!r.blockingRemaining.isEmpty());
        QCOMPARE(r.plan.value(s("iteration")).toInt(), 4);
        // every re-plan recorded what it responded to
        QSet<int> iterations;
        for (const QJsonValue& a : r.plan.value(s("addressed_findings")).toArray())
            iterations.insert(a.toObject().value(s("iteration")).toInt());
        QVERIFY(iterations.contains(2) && iterations.contains(3) && iterations.contains(4));
    }

    void planner_replan_cardSaysWhatChangedAndWhy() {
        const QJsonObject k = IntakeExtractor(m_kb).extract(
            s("Recommendation API on AWS Lambda, p99 latency 80 ms, 100k requests per day."));
        const Planner planner(m_kb);
        const Planner::Result first = planner.plan(k, {}, {}, 1);
        QJsonArray findings{QJsonObject{{s("id"), s("tech.cold_start_latency")},
                                        {s("severity"), s("blocking")},
                                        {s("blocking"), true},
                                        {s("component"), s("serving")},
                                        {s("message"), s("cold start")}}};
        const Planner::Result second = planner.plan(k, first.plan, findings, 2);
        QVERIFY2(second.card.reasoning.contains(s("tech.cold_start_latency")), qPrintable(second.card.reasoning));
        QCOMPARE(second.plan.value(s("iteration")).toInt(), 2);
        QVERIFY(!second.card.alternatives.isEmpty());
        for (const Alternative& a : second.card.alternatives)
            QVERIFY(a.score >= 0.0 && a.score <= 1.0);
        QVERIFY(second.plan != first.plan);
    }

    void factSources_derivedFromADefault_isNotGiven() {
        const QJsonObject k{
            {s("provenance"), QJsonObject{{s("throughput_requests_per_day"), s("default")},
                                          {s("peak_rps"), s("derived")},
                                          {s("latency_p99_ms"), QJsonObject{{s("source"), s("stated")}}},
                                          {s("budget_monthly_usd"), s("answered")}}},
            {s("derivations"),
             QJsonObject{{s("peak_rps"), QJsonObject{{s("from"), QJsonArray{s("throughput_requests_per_day")}}}}}}};
        QVERIFY(!FactSources::isGiven(k, s("throughput_requests_per_day")));
        QVERIFY(!FactSources::isGiven(k, s("peak_rps")));
        QVERIFY(FactSources::isGiven(k, s("latency_p99_ms")));
        QVERIFY(FactSources::isGiven(k, s("budget_monthly_usd")));
        const QJsonObject condition{
            {s("all"),
             QJsonArray{QJsonObject{{s("field"), s("peak_rps")}, {s("gt"), 10}},
                        QJsonObject{{s("not"), QJsonObject{{s("field"), s("latency_p99_ms")}, {s("lt"), 5}}}}}}};
        QCOMPARE(FactSources::fieldsOf(condition), (QStringList{s("peak_rps"), s("latency_p99_ms")}));
        QCOMPARE(FactSources::defaultedFieldsOf(k, condition), QStringList{s("peak_rps")});
    }

    void planner_defaultedPreference_countsLessThanAStatedOne() {
        QJsonObject k = IntakeExtractor(m_kb).extract(s("Churn prediction API on AWS, p99 latency 100 ms."));
        k.insert(s("deployment_preference"), s("managed"));
        const auto managedScore = [&](const QJsonObject& constraints) {
            for (const QJsonValue& v : Planner(m_kb).scorePatterns(constraints, {})) {
                if (v.toObject().value(s("id")).toString() == QLatin1String("managed_ml_platform"))
                    return v.toObject();
            }
            return QJsonObject();
        };
        QJsonObject stated = k, defaulted = k;
        QJsonObject provenance = k.value(s("provenance")).toObject();
        provenance.insert(s("deployment_preference"), s("stated"));
        stated.insert(s("provenance"), provenance);
        provenance.insert(s("deployment_preference"), s("default"));
        defaulted.insert(s("provenance"), provenance);
        const QJsonObject a = managedScore(stated), b = managedScore(defaulted);
        QVERIFY2(
            a.value(s("score")).toDouble() > b.value(s("score")).toDouble(),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(a.value(s("score")).toDouble()).arg(b.value(s("score")).toDouble())));
        bool saysDefault = false;
        for (const QJsonValue& r : b.value(s("reasons")).toArray())
            saysDefault = saysDefault || r.toString().contains(s("default deployment_preference, not stated"));
        QVERIFY(saysDefault);
    }

    void planner_patternDecision_namesTheInputsThatDroveIt() {
        const QJsonObject k = IntakeExtractor(m_kb).extract(
            s("Sensor telemetry arrives continuously on our Kafka; score every event in the stream and raise an "
              "alert within seconds. GCP europe-west1."));
        const Planner::Result r = Planner(m_kb).plan(k, {}, {}, 1);
        const QString first = r.plan.value(s("decisions")).toArray().first().toString();
        QVERIFY2(
            first.startsWith(
                QStringLiteral("pattern %1:").arg(r.plan.value(s("pattern")).toObject().value(s("name")).toString())),
            qPrintable(first));
        QVERIFY2(first.contains(s("workload_types")), qPrintable(first));
        QCOMPARE(r.plan.value(s("pattern")).toObject().value(s("id")).toString(), s("streaming_inference"));
    }

    void planner_overBudgetAgainstADefaultBudget_changesNothing() {
        QJsonObject k = IntakeExtractor(m_kb).extract(s("Churn prediction API on AWS, p99 latency 100 ms."));
        k.insert(s("budget_monthly_usd"), 800);
        QJsonObject provenance = k.value(s("provenance")).toObject();
        provenance.insert(s("budget_monthly_usd"), s("default"));
        k.insert(s("provenance"), provenance);
        const QJsonArray findings{QJsonObject{{s("id"), s("cost.over_budget")},
                                              {s("blocking"), true},
                                              {s("component"), s("plan")},
                                              {s("message"), s("over budget")}}};
        QVERIFY(Planner(m_kb).adjustmentsFor(k, findings, {}, 2).isEmpty());
        provenance.insert(s("budget_monthly_usd"), s("stated"));
        k.insert(s("provenance"), provenance);
        const QJsonArray stated = Planner(m_kb).adjustmentsFor(k, findings, {}, 2);
        QCOMPARE(stated.size(), 1);
        QCOMPARE(stated.first().toObject().value(s("action")).toString(), s("reduce_cost"));
    }

    void cost_lineItems_sumToTotal_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name :
             QDir(test::dataPath(s("agents"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(name)) << name;
    }

    void cost_lineItems_sumToTotal() {
        QFETCH(QString, name);
        const DesignPipeline::Result r = DesignPipeline(m_kb).run(readPrompt(name), {});
        const QJsonObject cost = r.costEstimate;
        const QJsonArray lines = cost.value(s("line_items")).toArray();
        QVERIFY(!lines.isEmpty());
        double sum = 0;
        for (const QJsonValue& v : lines) {
            const QJsonObject l = v.toObject();
            for (const char* key : {"component", "service", "unit", "quantity", "unit_price", "monthly_cost"})
                QVERIFY2(l.contains(s(key)), key);
            const double expected = l.value(s("quantity")).toDouble() * l.value(s("unit_price")).toDouble();
            // quantity is shown rounded to cents; the cost was computed from the exact quantity
            QVERIFY2(std::abs(l.value(s("monthly_cost")).toDouble() - expected) <=
                         0.01 + 0.005 * l.value(s("unit_price")).toDouble() + 1e-9,
                     qPrintable(l.value(s("unit")).toString()));
            QVERIFY(l.value(s("monthly_cost")).toDouble() >= 0);
            sum += l.value(s("monthly_cost")).toDouble();
        }
        QVERIFY2(std::abs(sum - cost.value(s("total_monthly")).toDouble()) < 0.01, qPrintable(QString::number(sum)));
        QVERIFY(!cost.value(s("price_table")).toObject().value(s("source")).toString().isEmpty());
        QVERIFY(!cost.value(s("price_table")).toObject().value(s("date")).toString().isEmpty());
        const QJsonValue budget = cost.value(s("budget_monthly"));
        if (budget.isDouble())
            QCOMPARE(cost.value(s("within_budget")).toBool(),
                     cost.value(s("total_monthly")).toDouble() <= budget.toDouble());
    }

    void units_trickyPhrases_normalised_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("5k/month") << s("We can spend 5k/month.") << s("budget_monthly_usd") << 5000.0;
        QTest::newRow("euro") << QString::fromUtf8("Budget: €1,500 per month.") << s("budget_monthly_usd") << 1620.0;
        QTest::newRow("pound") << QString::fromUtf8("Budget: £2,000 per month.") << s("budget_monthly_usd") << 2540.0;
        QTest::newRow("yearly") << s("Our budget is $120k per year.") << s("budget_monthly_usd") << 10000.0;
        QTest::newRow("2M daily") << s("We serve 2M predictions daily.") << s("throughput_requests_per_day") << 2e6;
        QTest::newRow("per month") << s("About 3 million requests per month.") << s("throughput_requests_per_day")
                                   << 1e5;
        QTest::newRow("per hour") << s("Around 1,000 requests per hour.") << s("throughput_requests_per_day")
                                  << 24000.0;
        QTest::newRow("half a second") << s("It must respond within half a second.") << s("latency_p99_ms") << 500.0;
        QTest::newRow("p95 seconds") << s("p95 latency 2 seconds is fine.") << s("latency_p99_ms") << 2000.0;
        QTest::newRow("decimal seconds") << s("Answers in under 1.5 s at p99.") << s("latency_p99_ms") << 1500.0;
        QTest::newRow("peak k") << s("Peaks of 12k requests per second.") << s("peak_rps") << 12000.0;
        QTest::newRow("three nines") << s("We need three nines of availability.") << s("availability_target") << 99.9;
        QTest::newRow("TB") << s("We hold 2 TB of history.") << s("data_volume_gb") << 2000.0;
        QTest::newRow("team words") << s("We are a team of five.") << s("team_size") << 5.0;
        QTest::newRow("roles add up") << s("We have 3 data scientists and 2 ML engineers.") << s("team_size") << 5.0;
    }

    void units_trickyPhrases_normalised() {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QFETCH(double, value);
        const QJsonObject k = IntakeExtractor(m_kb).extract(text);
        QVERIFY2(k.value(field).isDouble(), qPrintable(field + s(" not set")));
        QCOMPARE(k.value(field).toDouble(), value);
        QVERIFY(!k.value(s("evidence")).toObject().value(field).toString().isEmpty());
    }

    // An answer is read like the prompt: "€1,500" in the questions form is the same budget as in the text.
    void answers_unitsAndCurrencies_normalised_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << s("budget_monthly_usd") << s("1500") << 1500.0;
        QTest::newRow("dollar k") << s("budget_monthly_usd") << s("$5k") << 5000.0;
        QTest::newRow("euro") << s("budget_monthly_usd") << QString::fromUtf8("€1,500") << 1620.0;
        QTest::newRow("pound") << s("budget_monthly_usd") << QString::fromUtf8("£2,000 a month") << 2540.0;
        QTest::newRow("yearly") << s("budget_monthly_usd") << s("$120k per year") << 10000.0;
        QTest::newRow("latency") << s("latency_p99_ms") << s("250") << 250.0;
        QTest::newRow("percent") << s("availability_target") << s("99.9%") << 99.9;
    }

    void answers_unitsAndCurrencies_normalised() {
        QFETCH(QString, field);
        QFETCH(QString, answer);
        QFETCH(double, value);
        QString error;
        const QJsonValue v = IntakeExtractor(m_kb).normaliseAnswer(field, answer, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(v.toDouble(), value);
    }

    void answers_notANumber_clearError() {
        QString error;
        IntakeExtractor(m_kb).normaliseAnswer(s("budget_monthly_usd"), s("lots"), &error);
        QVERIFY2(error.contains(s("budget_monthly_usd")) && error.contains(s("lots")), qPrintable(error));
    }

    void units_moneyThatIsNoBudget_ignored() {
        const QJsonObject k = IntakeExtractor(m_kb).extract(
            s("Fraud costs us $2M in losses per year; transactions over $500 are reviewed."));
        QVERIFY(k.value(s("budget_monthly_usd")).isNull());
    }

    void nodes_fullAnalysis_cardsCarryTheSpecFields() {
        WorkflowState state(QJsonObject{{StatePart::prompt(), readPrompt(s("aws_fraud_pci_realtime"))}});
        RunSettings settings;
        QList<ReasonCard> cards;
        for (const auto& node : {makeIntakeExtractNode(), makeCoverageCheckNode(), makePlannerNode(),
                                 makeTechCriticNode(), makeCostCriticNode(), makePolicyEngineNode()})
            cards += runNode(*node, state, settings);
        QCOMPARE(cards.size(), 6);
        for (const ReasonCard& c : std::as_const(cards)) {
            QVERIFY2(!c.reasoning.isEmpty() && !c.decision.isEmpty() && !c.category.isEmpty(), qPrintable(c.node));
            QVERIFY2(c.confidence > 0 && c.confidence <= 1, qPrintable(c.node));
            QVERIFY2(!c.inputs.isEmpty() && !c.outputs.isEmpty(), qPrintable(c.node));
            QVERIFY2(QStringList({s("high"), s("medium"), s("low")}).contains(c.priority), qPrintable(c.node));
            QVERIFY2(!c.evidence.isEmpty(), qPrintable(c.node + s(" quotes nothing from the prompt")));
        }
        const ReasonCard& planner = cards.at(2);
        QCOMPARE(planner.alternatives.size(), int(m_kb->patterns().size()));
        QCOMPARE(state.integer(StatePart::planIterations()), 1);
        QVERIFY(!state.object(StatePart::plan()).value(s("components")).toArray().isEmpty());
        QVERIFY(!state.object(StatePart::costEstimate()).value(s("line_items")).toArray().isEmpty());
        QVERIFY(!state.array(StatePart::policyFindings()).isEmpty());

        // the final gate asks one approval question that summarises the plan
        const QList<Question> questions = makeFinalGateNode()->questions(state, settings);
        QCOMPARE(questions.size(), 1);
        QCOMPARE(questions.first().id, s("approve_plan"));
        QCOMPARE(questions.first().type, s("bool"));
        QVERIFY(questions.first().defaultValue.toBool());
        QVERIFY2(questions.first().text.contains(
                     state.object(StatePart::plan()).value(s("pattern")).toObject().value(s("name")).toString()),
                 qPrintable(questions.first().text));
        QVERIFY2(questions.first().text.contains(s("$")) && questions.first().text.contains(s("budget")),
                 qPrintable(questions.first().text));
    }

    // The name typed for the project (app, CLI --project) names the system when the prompt does not: stated beats
    // answered beats default.
    void intake_projectNameTyped_winsOverDefaultButNotOverStatedName() {
        const QString unnamed = s("Nightly batch training of a churn model on 200 GB of tabular data.");
        const auto intake = [](const QString& prompt, const RunSettings& settings) {
            WorkflowState state(QJsonObject{{StatePart::prompt(), prompt}});
            runNode(*makeIntakeExtractNode(), state, settings);
            return state.object(StatePart::constraints());
        };
        RunSettings settings;
        QCOMPARE(intake(unnamed, settings).value(s("project_name")).toString(), s("ml-platform")); // default
        settings.projectName = s("  Churn scoring EU ");
        const QJsonObject typed = intake(unnamed, settings);
        QCOMPARE(typed.value(s("project_name")).toString(), s("Churn scoring EU"));
        QVERIFY(!typed.value(s("assumptions")).toObject().contains(s("project_name")));
        QCOMPARE(typed.value(s("field_confidence")).toObject().value(s("project_name")).toDouble(), 1.0);
        const QJsonObject stated = intake(s("A project called Falcon: ") + unnamed, settings);
        QCOMPARE(stated.value(s("project_name")).toString(), s("falcon"));
        settings.presetAnswers = QJsonObject{{s("project_name"), s("answered-name")}};
        QCOMPARE(intake(unnamed, settings).value(s("project_name")).toString(), s("answered-name"));
        // Blank is no name: the default stays.
        QCOMPARE(IntakeExtractor(m_kb).applyProjectName(IntakeExtractor(m_kb).extract(unnamed), s(" ")),
                 IntakeExtractor(m_kb).extract(unnamed));
    }

    void nodes_sameState_sameResult() {
        // crash-resume re-runs a node and expects the same patch
        WorkflowState a(QJsonObject{{StatePart::prompt(), readPrompt(s("gcp_gke_recsys_high_rps"))}});
        WorkflowState b = a;
        RunSettings settings;
        for (const auto& node :
             {makeIntakeExtractNode(), makeCoverageCheckNode(), makePlannerNode(), makeCostCriticNode()}) {
            runNode(*node, a, settings);
            runNode(*node, b, settings);
        }
        QCOMPARE(a.object(StatePart::plan()), b.object(StatePart::plan()));
        QCOMPARE(a.object(StatePart::costEstimate()), b.object(StatePart::costEstimate()));
    }

    void nodes_replanWithBlockingFindings_finalGateIsHighPriority() {
        WorkflowState state(QJsonObject{
            {StatePart::prompt(), s("Real-time fraud scoring API on AWS, 99.99% availability, p99 latency 50 ms, "
                                    "5M requests per day, budget $40 per month.")}});
        RunSettings settings;
        for (const auto& node : {makeIntakeExtractNode(), makePlannerNode(), makeTechCriticNode(), makeCostCriticNode(),
                                 makePolicyEngineNode()})
            runNode(*node, state, settings);
        const QList<ReasonCard> replan = runNode(*makePlannerNode(), state, settings);
        QCOMPARE(state.integer(StatePart::planIterations()), 2);
        QVERIFY2(replan.first().reasoning.contains(s("Re-plan 2 because of")), qPrintable(replan.first().reasoning));
        QVERIFY(replan.first().outputs.contains(s("changes")));
        for (const auto& node : {makeTechCriticNode(), makeCostCriticNode(), makePolicyEngineNode()})
            runNode(*node, state, settings);
        const QList<Question> questions = makeFinalGateNode()->questions(state, settings);
        QCOMPARE(questions.first().priority, s("high")); // the budget cannot be met: a human must accept that
        QVERIFY(questions.first().rationale.contains(s("blocking")));
    }

    void inputGate_answers_mergedAndAppliedOnNextIntake() {
        WorkflowState state(QJsonObject{{StatePart::prompt(), readPrompt(s("vague_predict_things"))}});
        RunSettings settings;
        for (const auto& node : {makeIntakeExtractNode(), makeCoverageCheckNode(), makeAdaptiveQuestionsNode()})
            runNode(*node, state, settings);
        const auto gate = makeInputGateNode();
        const QList<Question> asked = gate->questions(state, settings);
        QVERIFY(!asked.isEmpty() && asked.size() <= 5);
        QString error =
            state.apply(gate->applyAnswers(state, {{s("cloud_provider"), s("azure")}, {s("budget_monthly_usd"), 2500}}),
                        gate->writes());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(state.array(StatePart::questions()).isEmpty());
        runNode(*makeIntakeExtractNode(), state, settings);
        const QJsonObject k = state.object(StatePart::constraints());
        QCOMPARE(k.value(s("cloud_provider")).toString(), s("azure"));
        QCOMPARE(k.value(s("budget_monthly_usd")).toDouble(), 2500.0);
        QCOMPARE(k.value(s("budget_band")).toString(), s("enterprise"));
        QCOMPARE(k.value(s("field_confidence")).toObject().value(s("cloud_provider")).toDouble(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestAgentsUnits)
#include "tst_agents_units.moc"
