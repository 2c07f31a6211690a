// The typed plan views of engine/plan/ read what the agents write: a real design from the pipeline parses into
// Plan, CostEstimate, PlanFinding and PolicyResult, and writes back the same values under the same keys. A key
// renamed in the planner or a critic fails here rather than showing up as an empty cell in the UI or the CLI.
#include "TestSupport.h"
#include "agents/DesignPipeline.h"
#include "plan/CostEstimate.h"
#include "plan/Plan.h"
#include "plan/PlanFinding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace mlops;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString readPrompt(const QString& caseName) {
    QFile f(test::dataPath(s("agents/") + caseName + s("/prompt.txt")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Empty when every value the view wrote is in `raw` under the same key path with the same value, else the first
// path that differs.
QString mismatch(const QJsonValue& view, const QJsonValue& raw, const QString& path) {
    if (view.isObject()) {
        if (!raw.isObject())
            return path + s(": not an object in the agents' JSON");
        const QJsonObject v = view.toObject(), r = raw.toObject();
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!r.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + s(": the agents do not write this key");
            const QString m = mismatch(it.value(), r.value(it.key()), path + QLatin1Char('.') + it.key());
            if (!m.isEmpty())
                return m;
        }
        return {};
    }
    if (view.isArray()) {
        const QJsonArray v = view.toArray(), r = raw.toArray();
        if (!raw.isArray() || v.size() != r.size())
            return path + s(": %1 items read, %2 written").arg(v.size()).arg(r.size());
        for (int i = 0; i < v.size(); ++i) {
            const QString m = mismatch(v.at(i), r.at(i), path + s("[%1]").arg(i));
            if (!m.isEmpty())
                return m;
        }
        return {};
    }
    if (view != raw)
        return path + s(": read %1, written %2")
                          .arg(QString::fromUtf8(QJsonDocument(QJsonArray{view}).toJson(QJsonDocument::Compact)),
                               QString::fromUtf8(QJsonDocument(QJsonArray{raw}).toJson(QJsonDocument::Compact)));
    return {};
}

} // namespace

class TestPlanViews : public QObject {
    Q_OBJECT

    std::shared_ptr<const KnowledgeBase> m_kb;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_kb = KnowledgeBase::load({});
        QVERIFY2(m_kb->isValid(), qPrintable(m_kb->errors().join(s("\n"))));
    }

    void views_realDesign_roundTrip_data() {
        QTest::addColumn<QString>("name");
        // Four clouds, online and batch serving, with and without a budget, with and without critic findings.
        for (const char* name : {"aws_fraud_pci_realtime", "gcp_gke_recsys_high_rps", "azure_hipaa_radiology_gpu",
                                 "onprem_openshift_credit_api", "aws_serverless_low_traffic",
                                 "edge_cv_factory_tiny_budget", "experimentation_notebooks_only"})
            QTest::newRow(name) << s(name);
    }

    void views_realDesign_roundTrip() {
        QFETCH(QString, name);
        const QString prompt = readPrompt(name);
        QVERIFY(!prompt.isEmpty());
        const DesignPipeline::Result r = DesignPipeline(m_kb).run(prompt, {});

        const Plan plan = Plan::fromJson(r.plan);
        QVERIFY(!plan.isEmpty());
        QString m = mismatch(plan.toJson(), r.plan, s("plan"));
        QVERIFY2(m.isEmpty(), qPrintable(m));
        QVERIFY(!plan.components.isEmpty());
        QSet<QString> ids;
        for (const PlanComponent& c : plan.components) {
            QVERIFY2(!c.id.isEmpty() && !c.service.isEmpty() && !c.role.isEmpty(), qPrintable(c.id));
            ids.insert(c.id);
        }
        for (const PlanFlow& f : plan.dataFlow)
            QVERIFY2(ids.contains(f.from) && ids.contains(f.to), qPrintable(f.from + s(" -> ") + f.to));
        QVERIFY(plan.alternatives.size() > 1);
        QVERIFY(!plan.runnersUp(3, false).isEmpty());
        for (const PatternScore& a : plan.runnersUp(10, true))
            QVERIFY(a.id != plan.pattern.id && a.score > 0);
        QCOMPARE(Plan::fromJson(plan.toJson()).toJson(), plan.toJson()); // a fixed point

        const CostEstimate cost = CostEstimate::fromJson(r.costEstimate);
        QVERIFY(!cost.isEmpty());
        m = mismatch(cost.toJson(), r.costEstimate, s("cost_estimate"));
        QVERIFY2(m.isEmpty(), qPrintable(m));
        double sum = 0;
        for (const CostLineItem& l : cost.lineItems)
            sum += l.monthlyCost;
        QVERIFY2(std::abs(sum - cost.totalMonthly) < 0.05 * cost.lineItems.size() + 0.01,
                 qPrintable(s("%1 vs %2").arg(sum).arg(cost.totalMonthly)));
        QCOMPARE(cost.budgetMonthly.has_value(), r.costEstimate.value(s("budget_monthly")).isDouble());
        QVERIFY(!cost.priceTable.source.isEmpty() && !cost.priceTable.date.isEmpty());

        for (const PlanFinding& f : PlanFinding::listFromJson(r.techFindings))
            QVERIFY2(!f.id.isEmpty() && !f.severity.isEmpty() && !f.message.isEmpty(), qPrintable(f.id));
        QJsonArray tech;
        for (const PlanFinding& f : PlanFinding::listFromJson(r.techFindings))
            tech.append(f.toJson());
        m = mismatch(tech, r.techFindings, s("tech_findings"));
        QVERIFY2(m.isEmpty(), qPrintable(m));

        const QList<PolicyResult> policy = PolicyResult::listFromJson(r.policyFindings);
        QVERIFY(!policy.isEmpty());
        QJsonArray results;
        for (const PolicyResult& p : policy) {
            QVERIFY2(!p.ruleId.isEmpty() && !p.severity.isEmpty(), qPrintable(p.ruleId));
            results.append(p.toJson());
        }
        m = mismatch(results, r.policyFindings, s("policy_findings"));
        QVERIFY2(m.isEmpty(), qPrintable(m));
    }

    void views_beforeTheAgentsRan_areEmpty() {
        QVERIFY(Plan::fromJson({}).isEmpty());
        const CostEstimate cost = CostEstimate::fromJson({});
        QVERIFY(cost.isEmpty());
        QVERIFY(!cost.budgetMonthly.has_value());
        QCOMPARE(cost.totalSavings(), 0.0);
        QVERIFY(PlanFinding::listFromJson({}).isEmpty());
    }

    // A view does not invent: a key the agents did not write reads as empty, and the check above names it.
    void mismatch_renamedKey_isReported() {
        QJsonObject plan = DesignPipeline(m_kb).run(readPrompt(s("aws_fraud_pci_realtime")), {}).plan;
        QJsonArray components = plan.value(s("components")).toArray();
        QJsonObject first = components.first().toObject();
        first.insert(s("service_name"), first.take(s("service")));
        components.replace(0, first);
        plan.insert(s("components"), components);
        const Plan parsed = Plan::fromJson(plan);
        QVERIFY(parsed.components.first().service.isEmpty());
        QVERIFY(mismatch(parsed.toJson(), plan, s("plan")).contains(s("components[0].service")));
    }
};

QTEST_GUILESS_MAIN(TestPlanViews)
#include "tst_plan_views.moc"
