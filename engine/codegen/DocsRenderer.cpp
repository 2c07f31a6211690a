#include "codegen/DocsRenderer.h"

#include "llm/LlmRunUsage.h"
#include "plan/RequirementSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlops {

namespace {

QString s(const char* t) {
    return QString::fromLatin1(t);
}

// Markdown table cells: pipes and newlines would break the row.
QString cell(QString text) {
    return text.replace(QLatin1Char('|'), s("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString money(double v) {
    return s("$") + QString::number(v, 'f', 2);
}

QString mermaidId(const QString& id) {
    QString out = id;
    for (QChar& c : out) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    return s("c_") + out;
}

QString mermaidText(QString text) {
    return text.replace(QLatin1Char('"'), s("#quot;"));
}

QString valueText(const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? s("true") : s("false");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8("—");
}

// What the run's LLM calls cost, from the reason cards in `decisions`; one line when no LLM took part.
QString llmUsageSection(const RenderInput& in) {
    const LlmRunUsage usage = LlmRunUsage::fromCards(in.decisions);
    QString md = s("\n## LLM usage\n\n") + usage.summaryLine() + s("\n");
    if (usage.mode() != LlmRunUsage::Mode::Used)
        return md;
    md += s("\n| agent | node | provider | model | requests | sent over HTTP | cache hits | input tokens | output "
            "tokens | cost |\n"
            "|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
    const auto row = [](const QString& agent, const QString& node, const QString& provider, const QString& model,
                        const LlmUsage& u) -> QString {
        return s("| ") + cell(agent) + s(" | ") + cell(node) + s(" | ") + cell(provider) + s(" | ") + cell(model) +
               s(" | ") + LlmRunUsage::count(u.calls) + s(" | ") + LlmRunUsage::count(u.networkRequests) + s(" | ") +
               LlmRunUsage::count(u.cacheHits) + s(" | ") + LlmRunUsage::count(u.inputTokens) + s(" | ") +
               LlmRunUsage::count(u.outputTokens) + s(" | ") + cell(LlmRunUsage::costText(u)) + s(" |\n");
    };
    for (const LlmRunUsage::Entry& e : usage.entries())
        md += row(e.agent, e.node, e.provider, e.model, e.usage);
    if (usage.entries().size() > 1)
        md += row(s("**total**"), QString(), QString(), QString(), usage.total());
    return md;
}

} // namespace

QString DocsRenderer::sizeSummary(const QJsonObject& size) {
    QStringList parts;
    const int replicas =
        size.value(s("replicas")).toInt(size.value(s("workers")).toInt(size.value(s("units")).toInt()));
    if (size.contains(s("instance_type")))
        parts.append((replicas > 0 ? QString::number(replicas) + s(" x ") : QString()) +
                     size.value(s("instance_type")).toString());
    if (size.value(s("gpus")).toInt() > 0)
        parts.append(QString::number(size.value(s("gpus")).toInt()) + s(" x ") + size.value(s("gpu")).toString());
    if (size.contains(s("max_replicas")))
        parts.append(s("autoscale to ") + QString::number(size.value(s("max_replicas")).toInt()));
    if (size.value(s("zones")).toInt() > 1)
        parts.append(QString::number(size.value(s("zones")).toInt()) + s(" zones"));
    if (size.contains(s("storage_gb")))
        parts.append(QString::number(size.value(s("storage_gb")).toDouble()) + s(" GB"));
    if (size.contains(s("runs_per_month")))
        parts.append(QString::number(size.value(s("runs_per_month")).toDouble()) + s(" runs/month x ") +
                     QString::number(size.value(s("hours_per_run")).toDouble()) + s(" h"));
    return parts.isEmpty() ? s("managed / pay per use") : parts.join(s(", "));
}

QJsonArray DocsRenderer::adrCards(const RenderInput& in) {
    static const QStringList categories{s("architecture"), s("feasibility"), s("cost"), s("policy"), s("approval")};
    QJsonArray out;
    for (const QJsonValue& v : in.decisions) {
        if (categories.contains(v.toObject().value(s("category")).toString()))
            out.append(v);
    }
    return out;
}

// The requirements the design was built from, each with where its value came from (stated in the prompt,
// answered, derived by a rule, or a default), so a reader sees which numbers the user gave (docs/extraction.md).
static QString provenanceTable(const QJsonObject& k) {
    const QJsonObject provenance = k.value(s("provenance")).toObject();
    if (provenance.isEmpty())
        return {};
    QString md = s("\n## Requirements and where they came from\n\n| field | value | source | evidence or rule |\n"
                   "|---|---|---|---|\n");
    for (const RequirementSource& r : RequirementSource::listFromConstraints(k))
        md += s("| ") + cell(r.field) + s(" | ") + cell(r.value) + s(" | ") + cell(r.source) + s(" | ") + cell(r.why) +
              s(" |\n");
    return md;
}

QString DocsRenderer::architectureMarkdown(const RenderInput& in) {
    const QJsonObject pattern = in.plan.value(s("pattern")).toObject();
    QString md;
    md += s("# Architecture of ") + in.project() + s("\n\n");
    md += s("Pattern: **") + pattern.value(s("name")).toString() + s("** (score ") +
          QString::number(pattern.value(s("score")).toDouble()) + s(") on **") + in.cloud() + s("**") +
          (in.region().isEmpty() ? QString() : s(" in `") + in.region() + s("`")) + s(".");
    if (!in.compliance().isEmpty())
        md += s(" Compliance: ") + in.compliance().join(s(", ")) + s(".");
    md += s(" Data classification: ") + in.dataClassification() + s(".\n\n");
    if (pattern.contains(s("summary")))
        md += pattern.value(s("summary")).toString() + s("\n\n");

    md += s("## Diagram\n\n```mermaid\nflowchart LR\n");
    for (const QJsonValue& v : in.components()) {
        const QJsonObject c = v.toObject();
        md += s("    ") + mermaidId(c.value(s("id")).toString()) + s("[\"") +
              mermaidText(c.value(s("name")).toString()) + s("<br/>") + mermaidText(c.value(s("service")).toString()) +
              s("\"]\n");
    }
    for (const QJsonValue& v : in.plan.value(s("data_flow")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString label = f.value(s("label")).toString();
        md += s("    ") + mermaidId(f.value(s("from")).toString()) +
              (label.isEmpty() ? s(" --> ") : s(" -- \"") + mermaidText(label) + s("\" --> ")) +
              mermaidId(f.value(s("to")).toString()) + s("\n");
    }
    md += s("```\n\n## Components\n\n| role | component | service | size |\n|---|---|---|---|\n");
    for (const QJsonValue& v : in.components()) {
        const QJsonObject c = v.toObject();
        md += s("| ") + cell(c.value(s("role")).toString()) + s(" | ") + cell(c.value(s("name")).toString()) +
              s(" | ") + cell(c.value(s("service")).toString()) + s(" | ") +
              cell(sizeSummary(c.value(s("size")).toObject())) + s(" |\n");
    }

    md += provenanceTable(in.constraints);

    md += s("\n## Decisions (ADRs)\n\nEach record is drawn from an agent's reason card of this decision set.\n");
    int n = 0;
    for (const QJsonValue& v : adrCards(in)) {
        const QJsonObject card = v.toObject();
        md += s("\n### ADR-") + QString::number(++n).rightJustified(3, QLatin1Char('0')) + s(": ") +
              cell(card.value(s("decision")).toString().left(160)) + s("\n\n");
        md += s("- Status: accepted\n- Agent: ") + card.value(s("agent")).toString() + s(" (") +
              card.value(s("category")).toString() + s(", confidence ") +
              QString::number(card.value(s("confidence")).toDouble(), 'f', 2) + s(")\n\n");
        md += s("Context and reasoning: ") + card.value(s("reasoning")).toString() + s("\n");
        const QJsonArray alternatives = card.value(s("alternatives_considered")).toArray();
        if (!alternatives.isEmpty()) {
            md += s("\n| alternative | score | note |\n|---|---|---|\n");
            for (const QJsonValue& a : alternatives)
                md += s("| ") + cell(a.toObject().value(s("name")).toString()) + s(" | ") +
                      QString::number(a.toObject().value(s("score")).toDouble(), 'f', 2) + s(" | ") +
                      cell(a.toObject().value(s("note")).toString()) + s(" |\n");
        }
    }
    if (n == 0)
        md += s("\nNo reason cards were recorded for this version.\n");

    md += s("\n## Cost\n\n");
    const QJsonObject priceTable = in.costEstimate.value(s("price_table")).toObject();
    if (!priceTable.isEmpty())
        md += s("Prices: ") + priceTable.value(s("source")).toString() + s(" (") +
              priceTable.value(s("date")).toString() + s(").\n\n");
    md += s("| component | service | unit | quantity | unit price | monthly |\n|---|---|---|---:|---:|---:|\n");
    for (const QJsonValue& v : in.costEstimate.value(s("line_items")).toArray()) {
        const QJsonObject li = v.toObject();
        md += s("| ") + cell(li.value(s("component")).toString()) + s(" | ") + cell(li.value(s("service")).toString()) +
              s(" | ") + cell(li.value(s("unit")).toString()) + s(" | ") +
              QString::number(li.value(s("quantity")).toDouble()) + s(" | ") +
              QString::number(li.value(s("unit_price")).toDouble()) + s(" | ") +
              money(li.value(s("monthly_cost")).toDouble()) + s(" |\n");
    }
    md += s("| **total** | | | | | **") + money(in.costEstimate.value(s("total_monthly")).toDouble()) + s("** |\n");
    if (in.costEstimate.value(s("budget_monthly")).isDouble())
        md += s("\nBudget: ") + money(in.costEstimate.value(s("budget_monthly")).toDouble()) +
              QString::fromUtf8(" per month — ") +
              (in.costEstimate.value(s("within_budget")).toBool() ? s("within budget.") : s("over budget.")) + s("\n");

    const auto policyTable = [](const QJsonArray& findings) {
        QString t = s("| rule | pack | resource | result | severity |\n|---|---|---|---|---|\n");
        for (const QJsonValue& v : findings) {
            const QJsonObject f = v.toObject();
            t += s("| ") + f.value(s("rule_id")).toString() + s(" | ") + f.value(s("pack")).toString() + s(" | ") +
                 cell(f.value(s("resource")).toString()) + s(" | ") +
                 (f.value(s("passed")).toBool() ? s("pass") : s("**fail**")) + s(" | ") +
                 f.value(s("severity")).toString() + s(" |\n");
        }
        return t;
    };
    md += s("\n## Policy results\n\n### On the plan\n\n") + policyTable(in.policyFindings);
    md += s("\n### On the generated Terraform\n\n") + policyTable(in.terraformPolicy);

    if (!in.answers.isEmpty()) {
        md += s("\n## Questions and answers\n\n| question | answer |\n|---|---|\n");
        for (auto it = in.answers.begin(); it != in.answers.end(); ++it)
            md += s("| ") + cell(it.key()) + s(" | ") + cell(valueText(it.value())) + s(" |\n");
    }
    if (!in.validation.isEmpty()) {
        const QJsonObject counts = in.validation.value(s("counts")).toObject();
        md += s("\n## Validation\n\nResult: ") +
              (in.validation.value(s("ok")).toBool() ? s("**passed**") : s("**failed**")) + QString::fromUtf8(" — ") +
              QString::number(counts.value(s("error")).toInt()) + s(" errors, ") +
              QString::number(counts.value(s("warning")).toInt()) + s(" warnings, ") +
              QString::number(counts.value(s("info")).toInt()) + s(" notes.\n");
        const QJsonArray findings = in.validation.value(s("findings")).toArray();
        if (!findings.isEmpty()) {
            md += s("\n| validator | severity | file | line | message |\n|---|---|---|---:|---|\n");
            for (const QJsonValue& v : findings) {
                const QJsonObject f = v.toObject();
                md += s("| ") + f.value(s("validator")).toString() + s(" | ") + f.value(s("severity")).toString() +
                      s(" | ") + cell(f.value(s("file")).toString()) + s(" | ") +
                      QString::number(f.value(s("line")).toInt()) + s(" | ") + cell(f.value(s("message")).toString()) +
                      s(" |\n");
            }
        }
    }
    return md + llmUsageSection(in);
}

QString DocsRenderer::readme(const RenderInput& in) {
    const QJsonObject pattern = in.plan.value(s("pattern")).toObject();
    QString md = s("# ") + in.project() + s("\n\n") + pattern.value(s("name")).toString() + s(" on ") + in.cloud() +
                 (in.region().isEmpty() ? QString() : s(" (") + in.region() + s(")")) +
                 s(". Generated by Agentic MLOps Studio from an approved plan; ") +
                 s("the reasoning behind every choice is in [docs/architecture.md](docs/architecture.md).\n\n");
    md += s("## Layout\n\n| path | what |\n|---|---|\n");
    md += s(
        "| `infra/terraform/` | infrastructure: providers and remote state, network, keys, one file per component |\n");
    md += s("| `app/features/` | feature pipeline |\n| `app/training/` | training pipeline (") + in.primaryFramework() +
          s(", schedule `") + in.trainingSchedule() + s("`) |\n");
    md += in.onlineServing() ? s("| `app/serving/service.py` | online prediction API (FastAPI) |\n")
                             : s("| `app/serving/batch.py` | batch scoring job |\n");
    md += s("| `app/monitoring/drift.py`, `monitoring/` | drift job, Prometheus rules, Grafana dashboard |\n");
    md += s("| `.github/workflows/`, `.gitlab-ci.yml` | lint, test, terraform fmt/validate/plan |\n| `docker/` | "
            "training and serving images |\n\n");
    md += s("## Getting started\n\n```sh\nmake install\nmake test\nmake tf-validate\n```\n\n");
    md += s("Before `make tf-plan`, create the remote state backend named in `infra/terraform/providers.tf` and set ") +
          s("`project`, `owner` and `cost_center` in a `terraform.tfvars`. CI authenticates to the cloud with OIDC; no "
            "keys are stored.\n\n");
    md += s("## Estimated cost\n\n") + s("About **$") +
          QString::number(in.costEstimate.value(s("total_monthly")).toDouble(), 'f', 0) + s(" per month**") +
          (in.costEstimate.value(s("budget_monthly")).isDouble()
               ? s(" against a budget of $") +
                     QString::number(in.costEstimate.value(s("budget_monthly")).toDouble(), 'f', 0)
               : QString()) +
          s("; line items in the architecture document.\n");
    return md;
}

void DocsRenderer::render(const RenderInput& in, GeneratedRepository& repo) {
    repo.add(s("README.md"), readme(in));
    repo.add(s("docs/architecture.md"), architectureMarkdown(in));
}

} // namespace mlops
