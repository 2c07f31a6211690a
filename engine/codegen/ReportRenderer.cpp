#include "codegen/ReportRenderer.h"

#include "codegen/DocsRenderer.h"
#include "llm/LlmRunUsage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mlops {

namespace {

QString s(const char* t) {
    return QString::fromLatin1(t);
}

QString e(const QString& t) {
    return ReportRenderer::escape(t);
}

// Diagram columns follow the lifecycle of data, so the page reads left to right like the mermaid diagram.
int stageOf(const QString& role) {
    static const QStringList stages[] = {
        {s("ingestion"), s("streaming")},
        {s("storage"), s("features"), s("online_store")},
        {s("orchestration"), s("training"), s("tracking"), s("registry"), s("notebooks")},
        {s("serving"), s("gateway"), s("llm"), s("vector_store")},
    };
    for (int i = 0; i < 4; ++i) {
        if (stages[i].contains(role))
            return i;
    }
    return 4; // monitoring, CI/CD, registry of images, keys: cross-cutting
}

const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d2430;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #d0d7e2;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}th,td{border:1px solid #d0d7e2;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.lanes{display:flex;gap:.8rem;align-items:stretch}.lane{flex:1;background:#f6f8fb;border-radius:6px;padding:.5rem}
.lane h3{font-size:.8rem;text-transform:uppercase;color:#5a6577;margin:.2rem 0 .4rem}
.box{background:#fff;border:1px solid #9fb3d1;border-radius:5px;padding:.4rem;margin-bottom:.4rem;font-size:.85rem}
.box small{color:#5a6577;display:block}.pass{color:#1b7f3b;font-weight:600}.fail{color:#b42318;font-weight:600}
.meta{color:#5a6577}.card{border-left:3px solid #9fb3d1;padding:.2rem .8rem;margin:.8rem 0}
@media print{body{margin:1cm}.lanes{break-inside:avoid}}
)";

QString policyRows(const QJsonArray& findings) {
    QString rows;
    for (const QJsonValue& v : findings) {
        const QJsonObject f = v.toObject();
        const bool passed = f.value(s("passed")).toBool();
        rows += s("<tr><td>") + e(f.value(s("rule_id")).toString()) + s("</td><td>") +
                e(f.value(s("pack")).toString()) + s("</td><td>") + e(f.value(s("resource")).toString()) +
                s("</td><td class=\"") + (passed ? s("pass\">pass") : s("fail\">fail")) + s("</td><td>") +
                e(f.value(s("severity")).toString()) + s("</td><td>") +
                e(passed ? QString() : f.value(s("remediation")).toString()) + s("</td></tr>\n");
    }
    return s("<table><tr><th>rule</th><th>pack</th><th>resource</th><th>result</th><th>severity</th><th>remediation</"
             "th></tr>\n") +
           rows + s("</table>\n");
}

// The run's LLM calls from the reason cards in `decisions`: a summary, then one row per agent/node/model.
QString llmUsageSection(const QJsonArray& decisions) {
    const LlmRunUsage usage = LlmRunUsage::fromCards(decisions);
    QString h = s("<h2>LLM usage</h2>\n<p") +
                (usage.mode() == LlmRunUsage::Mode::Used ? QString() : s(" class=\"meta\"")) + s(">") +
                e(usage.summaryLine()) + s("</p>\n");
    if (usage.mode() != LlmRunUsage::Mode::Used)
        return h;
    h += s("<table><tr><th>agent</th><th>node</th><th>provider</th><th>model</th><th>requests</th><th>sent over "
           "HTTP</th><th>cache hits</th>"
           "<th>input tokens</th><th>output tokens</th><th>cost</th></tr>\n");
    const auto row = [](const QString& cells, const LlmUsage& u, bool total) -> QString {
        const QString td = total ? s("<th class=\"num\">") : s("<td class=\"num\">");
        const QString end = total ? s("</th>") : s("</td>");
        return s("<tr>") + cells + td + LlmRunUsage::count(u.calls) + end + td + LlmRunUsage::count(u.networkRequests) +
               end + td + LlmRunUsage::count(u.cacheHits) + end + td + LlmRunUsage::count(u.inputTokens) + end + td +
               LlmRunUsage::count(u.outputTokens) + end + (total ? s("<th>") : s("<td>")) +
               e(LlmRunUsage::costText(u)) + end + s("</tr>\n");
    };
    for (const LlmRunUsage::Entry& entry : usage.entries())
        h += row(s("<td>") + e(entry.agent) + s("</td><td>") + e(entry.node) + s("</td><td>") + e(entry.provider) +
                     s("</td><td>") + e(entry.model) + s("</td>"),
                 entry.usage, false);
    if (usage.entries().size() > 1)
        h += row(s("<th colspan=\"4\">total</th>"), usage.total(), true);
    return h + s("</table>\n");
}

} // namespace

QString ReportRenderer::escape(const QString& text) {
    return text.toHtmlEscaped();
}

QString ReportRenderer::render(const RenderInput& in) {
    const QJsonObject pattern = in.plan.value(s("pattern")).toObject();
    QString h = s("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>") + e(in.project()) +
                QString::fromUtf8(" — architecture report</title>\n<style>") + QString::fromLatin1(kStyle) +
                s("</style>\n</head>\n<body>\n");
    h += s("<h1>") + e(in.project()) + s("</h1>\n<p class=\"meta\">") + e(pattern.value(s("name")).toString()) +
         s(" on ") + e(in.cloud()) + (in.region().isEmpty() ? QString() : s(" (") + e(in.region()) + s(")")) +
         QString::fromUtf8(" · compliance: ") +
         e(in.compliance().isEmpty() ? s("none named") : in.compliance().join(s(", "))) +
         QString::fromUtf8(" · data: ") + e(in.dataClassification()) + s("</p>\n");

    static const char* laneNames[] = {"Ingest", "Store &amp; features", "Train &amp; track", "Serve", "Operate"};
    QString lanes[5];
    for (const QJsonValue& v : in.components()) {
        const QJsonObject c = v.toObject();
        lanes[stageOf(c.value(s("role")).toString())] +=
            s("<div class=\"box\"><b>") + e(c.value(s("name")).toString()) + s("</b><small>") +
            e(c.value(s("service")).toString()) + s("</small><small>") +
            e(DocsRenderer::sizeSummary(c.value(s("size")).toObject())) + s("</small></div>\n");
    }
    h += s("<h2>Architecture</h2>\n<div class=\"lanes\">\n");
    for (int i = 0; i < 5; ++i) {
        if (!lanes[i].isEmpty())
            h += s("<div class=\"lane\"><h3>") + QLatin1String(laneNames[i]) + s("</h3>\n") + lanes[i] + s("</div>\n");
    }
    h += s("</div>\n");
    const QJsonArray flows = in.plan.value(s("data_flow")).toArray();
    if (!flows.isEmpty()) {
        h += s("<table><tr><th>from</th><th>to</th><th>data</th></tr>\n");
        for (const QJsonValue& v : flows)
            h += s("<tr><td>") + e(v.toObject().value(s("from")).toString()) + s("</td><td>") +
                 e(v.toObject().value(s("to")).toString()) + s("</td><td>") +
                 e(v.toObject().value(s("label")).toString()) + s("</td></tr>\n");
        h += s("</table>\n");
    }

    h += s("<h2>Decisions</h2>\n");
    for (const QJsonValue& v : DocsRenderer::adrCards(in)) {
        const QJsonObject card = v.toObject();
        h += s("<div class=\"card\"><b>") + e(card.value(s("decision")).toString()) + s("</b> <span class=\"meta\">") +
             e(card.value(s("agent")).toString()) + s(", confidence ") +
             QString::number(card.value(s("confidence")).toDouble(), 'f', 2) + s("</span><p>") +
             e(card.value(s("reasoning")).toString()) + s("</p>");
        const QJsonArray alternatives = card.value(s("alternatives_considered")).toArray();
        if (!alternatives.isEmpty()) {
            h += s("<table><tr><th>alternative</th><th>score</th></tr>");
            for (const QJsonValue& a : alternatives)
                h += s("<tr><td>") + e(a.toObject().value(s("name")).toString()) + s("</td><td class=\"num\">") +
                     QString::number(a.toObject().value(s("score")).toDouble(), 'f', 2) + s("</td></tr>");
            h += s("</table>");
        }
        h += s("</div>\n");
    }

    h += s("<h2>Cost</h2>\n<table><tr><th>component</th><th>service</th><th>unit</th><th>quantity</th><th>unit "
           "price</th><th>monthly</th></tr>\n");
    for (const QJsonValue& v : in.costEstimate.value(s("line_items")).toArray()) {
        const QJsonObject li = v.toObject();
        h += s("<tr><td>") + e(li.value(s("component")).toString()) + s("</td><td>") +
             e(li.value(s("service")).toString()) + s("</td><td>") + e(li.value(s("unit")).toString()) +
             s("</td><td class=\"num\">") + QString::number(li.value(s("quantity")).toDouble()) +
             s("</td><td class=\"num\">") + QString::number(li.value(s("unit_price")).toDouble()) +
             s("</td><td class=\"num\">$") + QString::number(li.value(s("monthly_cost")).toDouble(), 'f', 2) +
             s("</td></tr>\n");
    }
    h += s("<tr><th colspan=\"5\">total per month</th><th class=\"num\">$") +
         QString::number(in.costEstimate.value(s("total_monthly")).toDouble(), 'f', 2) + s("</th></tr>\n</table>\n");

    h += s("<h2>Policy results</h2>\n<h3>Plan</h3>\n") + policyRows(in.policyFindings) +
         s("<h3>Generated Terraform</h3>\n") + policyRows(in.terraformPolicy);

    h += s("<h2>Questions and answers</h2>\n");
    if (in.answers.isEmpty()) {
        h += s("<p class=\"meta\">No questions needed answers for this version.</p>\n");
    } else {
        h += s("<table><tr><th>question</th><th>answer</th></tr>\n");
        for (auto it = in.answers.begin(); it != in.answers.end(); ++it) {
            const QJsonValue v = it.value();
            const QString text =
                v.isString()   ? v.toString()
                : v.isDouble() ? QString::number(v.toDouble())
                : v.isBool()
                    ? (v.toBool() ? s("yes") : s("no"))
                    : QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
            h += s("<tr><td>") + e(it.key()) + s("</td><td>") + e(text) + s("</td></tr>\n");
        }
        h += s("</table>\n");
    }

    h += s("<h2>Validation</h2>\n");
    if (in.validation.isEmpty()) {
        h += s("<p class=\"meta\">The validators have not run for this version.</p>\n");
    } else {
        const QJsonObject counts = in.validation.value(s("counts")).toObject();
        h += s("<p>") +
             (in.validation.value(s("ok")).toBool() ? s("<span class=\"pass\">passed</span>")
                                                    : s("<span class=\"fail\">failed</span>")) +
             s(": ") + QString::number(counts.value(s("error")).toInt()) + s(" errors, ") +
             QString::number(counts.value(s("warning")).toInt()) + s(" warnings, ") +
             QString::number(counts.value(s("info")).toInt()) + s(" notes.</p>\n");
        const QJsonArray findings = in.validation.value(s("findings")).toArray();
        if (!findings.isEmpty()) {
            h += s("<table><tr><th>validator</th><th>severity</th><th>file</th><th>line</th><th>message</th></tr>\n");
            for (const QJsonValue& v : findings) {
                const QJsonObject f = v.toObject();
                h += s("<tr><td>") + e(f.value(s("validator")).toString()) + s("</td><td>") +
                     e(f.value(s("severity")).toString()) + s("</td><td>") + e(f.value(s("file")).toString()) +
                     s("</td><td class=\"num\">") + QString::number(f.value(s("line")).toInt()) + s("</td><td>") +
                     e(f.value(s("message")).toString()) + s("</td></tr>\n");
            }
            h += s("</table>\n");
        }
    }
    h += llmUsageSection(in.decisions);
    return h + s("</body>\n</html>\n");
}

} // namespace mlops
