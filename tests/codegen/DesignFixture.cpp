#include "DesignFixture.h"

#include "agents/CostCritic.h"
#include "agents/IntakeExtractor.h"
#include "agents/Planner.h"
#include "agents/PolicyEvaluator.h"
#include "agents/TechCritic.h"

#include "TestSupport.h"

#include "codegen/RepositoryRenderer.h"
#include "codegen/RepositoryWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace mlops::test {

WorkflowState designState(const QString& prompt) {
    const auto kb = test::knowledge();
    const QJsonObject constraints = IntakeExtractor(kb).extract(prompt);
    QJsonObject plan;
    QJsonArray findings;
    QJsonArray decisions;
    QJsonArray tech;
    QJsonObject cost;
    QJsonArray policy;
    for (int iteration = 1; iteration <= 3; ++iteration) {
        const Planner::Result r = Planner(kb).plan(constraints, plan, findings, iteration);
        plan = r.plan;
        QJsonObject card = r.card.toJson();
        card.remove(QStringLiteral("duration_ms"));
        decisions.append(card);
        tech = TechCritic(kb).review(constraints, plan);
        cost = CostCritic(kb).estimate(constraints, plan);
        policy = PolicyEvaluator(kb).evaluatePlan(constraints, plan);
        findings = QJsonArray();
        bool blocking = false;
        for (const QJsonArray& list : {tech, cost.value(QStringLiteral("findings")).toArray(), policy}) {
            for (const QJsonValue& f : list) {
                findings.append(f);
                blocking = blocking || f.toObject().value(QStringLiteral("blocking")).toBool();
            }
        }
        if (!blocking)
            break;
    }
    WorkflowState state;
    state.set(StatePart::prompt(), prompt);
    state.set(StatePart::constraints(), constraints);
    state.set(StatePart::plan(), plan);
    state.set(StatePart::techFindings(), tech);
    state.set(StatePart::costEstimate(), cost);
    state.set(StatePart::policyFindings(), policy);
    state.set(StatePart::decisions(), decisions);
    state.set(StatePart::answers(), QJsonObject{{QStringLiteral("q_team_size"), 4}});
    return state;
}

WorkflowState designStateFromFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return designState(QString::fromUtf8(f.readAll()));
}

WorkflowState frozenDesignState(const QString& name) {
    const QString path = dataPath(QStringLiteral("codegen/states/") + name + QStringLiteral(".json"));
    QFile f(path);
    if (qEnvironmentVariableIntValue("MLOPS_UPDATE_STATES") != 1 && f.open(QIODevice::ReadOnly))
        return WorkflowState(QJsonDocument::fromJson(f.readAll()).object());
    const WorkflowState state =
        designStateFromFile(dataPath(QStringLiteral("codegen/prompts/") + name + QStringLiteral(".txt")));
    QDir().mkpath(QFileInfo(path).path());
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented));
    return state;
}

QString writeFrozenRepository(const QString& name, const QString& dir) {
    QString error;
    const QJsonObject written = RepositoryWriter(dir).write(
        RepositoryRenderer(test::knowledge()).render(RenderInput::fromState(frozenDesignState(name))), {}, &error);
    if (!written.isEmpty())
        return {};
    return error.isEmpty() ? QStringLiteral("nothing was written") : error;
}

} // namespace mlops::test
