// mlops-studio-cli plan: what the agents would design for a prompt (plan, critics' findings, an Infracost-like cost
// table, Checkov-like policy results), computed in-process without the database.
#include "agents/AnswersFile.h"
#include "agents/DesignPipeline.h"
#include "cli/CliCommands.h"
#include "plan/CostEstimate.h"
#include "plan/Plan.h"
#include "plan/RequirementSource.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

QString money(double v) {
    return QStringLiteral("$%L1").arg(v, 0, 'f', 2);
}

QString sizeText(const PlanComponent& c) {
    QStringList parts;
    // Instance type and replicas print whenever the sizer set them (even "x0"); the others only when they matter.
    if (c.size.contains(s("instance_type")))
        parts.append(c.instanceType());
    if (c.size.contains(s("replicas")))
        parts.append(QStringLiteral("x%1").arg(c.replicas()));
    if (c.zones() > 1)
        parts.append(QStringLiteral("%1 zones").arg(c.zones()));
    if (c.gpus() > 0)
        parts.append(QStringLiteral("%1 GPU").arg(c.gpus()));
    if (c.minInstances() > 0)
        parts.append(QStringLiteral("min %1 warm").arg(c.minInstances()));
    if (c.spot())
        parts.append(s("spot"));
    return parts.join(QLatin1Char(' '));
}

void printPlan(QTextStream& out, const DesignPipeline::Result& r) {
    const Plan plan = Plan::fromJson(r.plan);
    out << "PLAN  " << plan.pattern.name << " (" << plan.pattern.id << ", score " << plan.pattern.score << ") on "
        << plan.cloud << ' ' << plan.region << ", iteration " << r.planIterations << "\n";
    out << "      " << plan.summary << "\n";
    QStringList alternatives;
    for (const PatternScore& a : plan.runnersUp(4, false))
        alternatives.append(QStringLiteral("%1 %2").arg(a.id).arg(a.score));
    out << "      alternatives: " << alternatives.join(s(", ")) << "\n";
    if (!r.questions.isEmpty()) {
        QStringList taken;
        for (const Question& q : r.questions)
            taken.append(QStringLiteral("%1=%2").arg(q.id, r.defaultsTaken.value(q.id).toVariant().toString()));
        out << "      defaults taken (" << r.questionRounds << " question round(s)): " << taken.join(s(", ")) << "\n";
    }
    for (const QString& decision : plan.decisions)
        out << "      decision: " << decision << "\n";
    for (const QString& assumption : plan.assumptions)
        out << "      assumption: " << assumption << "\n";
    out << "\nCOMPONENTS\n";
    for (const PlanComponent& c : plan.components)
        out << "  " << c.role.leftJustified(20) << c.service.leftJustified(52) << sizeText(c) << "\n";
}

// Every constraint that is set, with where its value came from: the numbers the user gave are told apart from
// the ones the tool derived or defaulted (docs/extraction.md).
void printConstraints(QTextStream& out, const QJsonObject& k) {
    out << "\nREQUIREMENTS (value, source, evidence or rule)\n";
    for (const RequirementSource& r : RequirementSource::listFromConstraints(k)) {
        QString why = r.why;
        if (r.source != QLatin1String("derived") && !why.isEmpty())
            why = QLatin1Char('"') + why.simplified().left(90) + QLatin1Char('"'); // one line per requirement
        out << "  " << r.field.leftJustified(28) << r.value.left(40).leftJustified(42) << r.source.leftJustified(10)
            << why << "\n";
    }
}

void printFindings(QTextStream& out, const DesignPipeline::Result& r) {
    out << "\nFINDINGS (tech and cost)\n";
    const QList<PlanFinding> all =
        PlanFinding::listFromJson(r.techFindings) + CostEstimate::fromJson(r.costEstimate).findings;
    if (all.isEmpty())
        out << "  none\n";
    for (const PlanFinding& f : all) {
        out << "  [" << f.severity << "] " << f.id << " (" << f.component << "): " << f.message << "\n"
            << "      -> " << f.recommendation << "\n";
    }
    if (!r.blockingRemaining.isEmpty())
        out << "  " << r.blockingRemaining.size() << " blocking finding(s) remain after " << r.planIterations
            << " iteration(s): a human decision is needed\n";
}

void printCost(QTextStream& out, const CostEstimate& cost) {
    const PriceTableRef& table = cost.priceTable;
    out << "\nCOST (" << cost.currency << ", price table " << table.cloud << ' ' << table.region << ", " << table.date
        << ": " << table.source << ")\n";
    out << "  " << s("component").leftJustified(20) << s("unit").leftJustified(48) << s("quantity").rightJustified(12)
        << s("unit price").rightJustified(12) << s("monthly").rightJustified(13) << "\n";
    for (const CostLineItem& l : cost.lineItems) {
        out << "  " << l.component.leftJustified(20) << l.unit.left(47).leftJustified(48)
            << QString::number(l.quantity, 'f', 2).rightJustified(12)
            << QString::number(l.unitPrice, 'g', 6).rightJustified(12) << money(l.monthlyCost).rightJustified(13)
            << "\n";
    }
    const double total = cost.totalMonthly;
    out << "  " << s("TOTAL").leftJustified(92) << money(total).rightJustified(13) << "\n";
    if (cost.budgetMonthly && cost.withinBudget)
        out << "  budget " << money(*cost.budgetMonthly) << "/month: "
            << (*cost.withinBudget ? s("within budget")
                                   : QStringLiteral("over by %1").arg(money(total - *cost.budgetMonthly)))
            << "\n";
    else
        out << "  no budget stated\n";
    for (const CostSaving& saving : cost.savings)
        out << "  saving: " << saving.message << " (" << money(saving.monthlySaving) << "/month)\n";
}

void printPolicy(QTextStream& out, const QList<PolicyResult>& results) {
    int passed = 0, failed = 0;
    for (const PolicyResult& r : results)
        (r.passed ? passed : failed) += 1;
    out << "\nPOLICY  passed " << passed << ", failed " << failed << "\n";
    // failed checks first, with their remediation; then the passed ones, one line each
    for (const bool wantPassed : {false, true}) {
        for (const PolicyResult& r : results) {
            if (r.passed != wantPassed)
                continue;
            out << "  " << (wantPassed ? s("PASSED") : s("FAILED")) << "  " << r.ruleId.leftJustified(34)
                << r.severity.leftJustified(9) << r.resource.leftJustified(20) << (wantPassed ? r.title : r.message)
                << "\n";
            if (!wantPassed)
                out << "          remediation: " << r.remediation << "\n";
        }
    }
}

class PlanCommand : public CliCommand {
public:
    QString name() const override { return s("plan"); }
    QString summary() const override {
        return s("Design from a prompt without writing anything: plan, findings, cost table, policy results.");
    }
    void configure(QCommandLineParser& p) const override {
        p.addPositionalArgument(s("prompt"), s("Prompt file, or - for standard input."));
        p.addOption(
            {s("answers"), s("YAML file answering questions (question id or constraint field: value)."), s("FILE")});
        p.addOption({s("json"), s("Print everything as one JSON object.")});
    }

    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        if (p.positionalArguments().size() != 1)
            return CliSupport::fail(ctx, s("plan needs exactly one prompt file (or -)"), 2);
        QString prompt;
        if (!CliSupport::readPrompt(p.positionalArguments().first(), ctx, &prompt))
            return 1;
        QJsonObject answers;
        if (p.isSet(s("answers"))) {
            QString error;
            if (!AnswersFile::load(p.value(s("answers")), &answers, &error))
                return CliSupport::fail(ctx, error);
        }
        const auto kb = ctx.knowledge();
        if (!kb->isValid())
            return CliSupport::fail(ctx,
                                    QStringLiteral("knowledge base is invalid: %1").arg(kb->errors().join(s("; "))));
        for (const QString& problem : kb->userErrors())
            ctx.io.err << "warning: " << problem << " (user policy file skipped)\n";
        const DesignPipeline::Result r = DesignPipeline(kb).run(prompt, answers);
        for (const QString& problem : r.answerErrors)
            ctx.io.err << "warning: answer ignored: " << problem << '\n';
        ctx.io.err.flush();
        if (p.isSet(s("json"))) {
            ctx.io.out << QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented));
        } else {
            printPlan(ctx.io.out, r);
            printConstraints(ctx.io.out, r.constraints);
            printFindings(ctx.io.out, r);
            printCost(ctx.io.out, CostEstimate::fromJson(r.costEstimate));
            printPolicy(ctx.io.out, PolicyResult::listFromJson(r.policyFindings));
        }
        ctx.io.out.flush();
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makePlanCommand() {
    return std::make_unique<PlanCommand>();
}

} // namespace mlops
