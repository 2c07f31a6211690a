// mlops-studio-cli plan: what the agents would design for a prompt (plan, critics' findings, an Infracost-like cost
// table, Checkov-like policy results), computed in-process without the database.
#include "agents/AnswersFile.h"
#include "agents/DesignPipeline.h"
#include "cli/CliCommands.h"

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

QString sizeText(const QJsonObject& size) {
    QStringList parts;
    if (size.contains(s("instance_type")))
        parts.append(size.value(s("instance_type")).toString());
    if (size.contains(s("replicas")))
        parts.append(QStringLiteral("x%1").arg(size.value(s("replicas")).toInt()));
    if (size.value(s("zones")).toInt() > 1)
        parts.append(QStringLiteral("%1 zones").arg(size.value(s("zones")).toInt()));
    if (size.value(s("gpus")).toDouble() > 0)
        parts.append(QStringLiteral("%1 GPU").arg(size.value(s("gpus")).toDouble()));
    if (size.value(s("min_instances")).toInt() > 0)
        parts.append(QStringLiteral("min %1 warm").arg(size.value(s("min_instances")).toInt()));
    if (size.value(s("spot")).toBool())
        parts.append(s("spot"));
    return parts.join(QLatin1Char(' '));
}

void printPlan(QTextStream& out, const DesignPipeline::Result& r) {
    const QJsonObject plan = r.plan;
    const QJsonObject pattern = plan.value(s("pattern")).toObject();
    out << "PLAN  " << pattern.value(s("name")).toString() << " (" << pattern.value(s("id")).toString() << ", score "
        << pattern.value(s("score")).toDouble() << ") on " << plan.value(s("cloud")).toString() << ' '
        << plan.value(s("region")).toString() << ", iteration " << r.planIterations << "\n";
    out << "      " << pattern.value(s("summary")).toString() << "\n";
    QStringList alternatives;
    for (const QJsonValue& v : plan.value(s("alternatives")).toArray()) {
        if (alternatives.size() < 4 && v.toObject().value(s("id")) != pattern.value(s("id")))
            alternatives.append(QStringLiteral("%1 %2")
                                    .arg(v.toObject().value(s("id")).toString())
                                    .arg(v.toObject().value(s("score")).toDouble()));
    }
    out << "      alternatives: " << alternatives.join(s(", ")) << "\n";
    if (!r.questions.isEmpty()) {
        QStringList taken;
        for (const Question& q : r.questions)
            taken.append(QStringLiteral("%1=%2").arg(q.id, r.defaultsTaken.value(q.id).toVariant().toString()));
        out << "      defaults taken (" << r.questionRounds << " question round(s)): " << taken.join(s(", ")) << "\n";
    }
    for (const QJsonValue& v : plan.value(s("decisions")).toArray())
        out << "      decision: " << v.toString() << "\n";
    for (const QJsonValue& v : plan.value(s("assumptions")).toArray())
        out << "      assumption: " << v.toString() << "\n";
    out << "\nCOMPONENTS\n";
    for (const QJsonValue& v : plan.value(s("components")).toArray()) {
        const QJsonObject c = v.toObject();
        out << "  " << c.value(s("role")).toString().leftJustified(20)
            << c.value(s("service")).toString().leftJustified(52) << sizeText(c.value(s("size")).toObject()) << "\n";
    }
}

// Every constraint that is set, with where its value came from: the numbers the user gave are told apart from
// the ones the tool derived or defaulted (docs/extraction.md).
void printConstraints(QTextStream& out, const QJsonObject& k) {
    const QJsonObject provenance = k.value(s("provenance")).toObject();
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    const QJsonObject derivations = k.value(s("derivations")).toObject();
    out << "\nREQUIREMENTS (value, source, evidence or rule)\n";
    for (auto it = provenance.begin(); it != provenance.end(); ++it) {
        const QJsonValue v = k.value(it.key());
        QString value;
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue& item : v.toArray())
                items.append(item.toVariant().toString());
            value = items.join(s(", "));
        } else {
            value = v.toVariant().toString();
        }
        if (value.isEmpty())
            continue;
        const QString source = it.value().toString();
        QString why = evidence.value(it.key()).toString();
        if (source == QLatin1String("derived"))
            why = derivations.value(it.key()).toObject().value(s("rule")).toString();
        else if (!why.isEmpty())
            why = QLatin1Char('"') + why.left(90) + QLatin1Char('"');
        out << "  " << it.key().leftJustified(28) << value.left(40).leftJustified(42) << source.leftJustified(10) << why
            << "\n";
    }
}

void printFindings(QTextStream& out, const DesignPipeline::Result& r) {
    out << "\nFINDINGS (tech and cost)\n";
    QJsonArray all = r.techFindings;
    for (const QJsonValue& f : r.costEstimate.value(s("findings")).toArray())
        all.append(f);
    if (all.isEmpty())
        out << "  none\n";
    for (const QJsonValue& v : all) {
        const QJsonObject f = v.toObject();
        out << "  [" << f.value(s("severity")).toString() << "] " << f.value(s("id")).toString() << " ("
            << f.value(s("component")).toString() << "): " << f.value(s("message")).toString() << "\n"
            << "      -> " << f.value(s("recommendation")).toString() << "\n";
    }
    if (!r.blockingRemaining.isEmpty())
        out << "  " << r.blockingRemaining.size() << " blocking finding(s) remain after " << r.planIterations
            << " iteration(s): a human decision is needed\n";
}

void printCost(QTextStream& out, const QJsonObject& cost) {
    const QJsonObject table = cost.value(s("price_table")).toObject();
    out << "\nCOST (" << cost.value(s("currency")).toString() << ", price table " << table.value(s("cloud")).toString()
        << ' ' << table.value(s("region")).toString() << ", " << table.value(s("date")).toString() << ": "
        << table.value(s("source")).toString() << ")\n";
    out << "  " << s("component").leftJustified(20) << s("unit").leftJustified(48) << s("quantity").rightJustified(12)
        << s("unit price").rightJustified(12) << s("monthly").rightJustified(13) << "\n";
    for (const QJsonValue& v : cost.value(s("line_items")).toArray()) {
        const QJsonObject l = v.toObject();
        out << "  " << l.value(s("component")).toString().leftJustified(20)
            << l.value(s("unit")).toString().left(47).leftJustified(48)
            << QString::number(l.value(s("quantity")).toDouble(), 'f', 2).rightJustified(12)
            << QString::number(l.value(s("unit_price")).toDouble(), 'g', 6).rightJustified(12)
            << money(l.value(s("monthly_cost")).toDouble()).rightJustified(13) << "\n";
    }
    const double total = cost.value(s("total_monthly")).toDouble();
    out << "  " << s("TOTAL").leftJustified(92) << money(total).rightJustified(13) << "\n";
    const QJsonValue budget = cost.value(s("budget_monthly"));
    if (budget.isDouble())
        out << "  budget " << money(budget.toDouble()) << "/month: "
            << (cost.value(s("within_budget")).toBool()
                    ? s("within budget")
                    : QStringLiteral("over by %1").arg(money(total - budget.toDouble())))
            << "\n";
    else
        out << "  no budget stated\n";
    for (const QJsonValue& v : cost.value(s("savings")).toArray())
        out << "  saving: " << v.toObject().value(s("message")).toString() << " ("
            << money(v.toObject().value(s("monthly_saving")).toDouble()) << "/month)\n";
}

void printPolicy(QTextStream& out, const QJsonArray& results) {
    int passed = 0, failed = 0;
    for (const QJsonValue& v : results)
        (v.toObject().value(s("passed")).toBool() ? passed : failed) += 1;
    out << "\nPOLICY  passed " << passed << ", failed " << failed << "\n";
    // failed checks first, with their remediation; then the passed ones, one line each
    for (const bool wantPassed : {false, true}) {
        for (const QJsonValue& v : results) {
            const QJsonObject f = v.toObject();
            if (f.value(s("passed")).toBool() != wantPassed)
                continue;
            out << "  " << (wantPassed ? s("PASSED") : s("FAILED")) << "  "
                << f.value(s("rule_id")).toString().leftJustified(34)
                << f.value(s("severity")).toString().leftJustified(9)
                << f.value(s("resource")).toString().leftJustified(20)
                << (wantPassed ? f.value(s("title")).toString() : f.value(s("message")).toString()) << "\n";
            if (!wantPassed)
                out << "          remediation: " << f.value(s("remediation")).toString() << "\n";
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
        const auto kb = KnowledgeBase::shared();
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
            printCost(ctx.io.out, r.costEstimate);
            printPolicy(ctx.io.out, r.policyFindings);
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
