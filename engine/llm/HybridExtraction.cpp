#include "llm/HybridExtraction.h"

#include "llm/ConstraintSchema.h"
#include "llm/StructuredCall.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace mlops::HybridExtraction {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

constexpr double kMaxLlmConfidence = 0.7; // below what rules give an explicit statement
constexpr double kLowConfidence = 0.5;
constexpr int kMaxGaps = 12;

QString normalised(const QString& text) {
    return text.simplified().toCaseFolded();
}

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toString());
    return out;
}

QString bandForBudget(double usd) {
    return usd < 500 ? k("startup") : usd <= 2000 ? k("growth") : k("enterprise");
}

QString bandForThroughput(double perDay) {
    return perDay < 1000 ? k("low") : perDay < 100000 ? k("medium") : perDay < 1000000 ? k("high") : k("very_high");
}

QString task(const QStringList& fields) {
    QString t = QStringLiteral(
        "You extract requirements for an ML platform from a user's description. Rules already extracted most "
        "fields; fill only these, and only when the text states or clearly implies them:\n");
    for (const QString& f : fields)
        t += QStringLiteral("- %1: %2\n").arg(f, ConstraintSchema::describe(f));
    t += QStringLiteral(
        "For each field you fill, give \"evidence\": a short span copied verbatim from the text that supports the "
        "value, and a \"confidence\" between 0 and 1. Leave out every field the text does not support; an empty "
        "\"fields\" object is a fine answer.");
    return t;
}

} // namespace

QStringList gapFields(const QJsonObject& c) {
    const QStringList askable = ConstraintSchema::askableFields();
    QStringList out;
    const auto add = [&](const QString& f) {
        if (askable.contains(f) && !out.contains(f) && out.size() < kMaxGaps)
            out.append(f);
    };
    if (c.contains(k("missing_fields"))) {
        for (const QString& f : strings(c.value(k("missing_fields"))))
            add(f);
    } else {
        // An extraction that does not list what it missed: every askable field it left empty is a gap.
        for (const QString& f : askable) {
            const QJsonValue v = c.value(f);
            if (v.isNull() || v.isUndefined() || (v.isArray() && v.toArray().isEmpty()))
                add(f);
        }
    }
    for (const QString& f : strings(c.value(k("ambiguous_fields"))))
        add(f);
    const QJsonObject confidence = c.value(k("field_confidence")).toObject();
    const QJsonObject assumptions = c.value(k("assumptions")).toObject();
    for (auto it = assumptions.begin(); it != assumptions.end(); ++it) {
        if (confidence.value(it.key()).toDouble(0.0) < kLowConfidence)
            add(it.key());
    }
    return out;
}

QJsonObject answerSchema(const QStringList& fields) {
    QJsonObject props;
    for (const QString& f : fields) {
        props.insert(
            f,
            QJsonObject{
                {k("type"), k("object")},
                {k("additionalProperties"), false},
                {k("required"), QJsonArray{k("value"), k("evidence")}},
                {k("properties"),
                 QJsonObject{
                     {k("value"), ConstraintSchema::fieldSchema(f)},
                     {k("evidence"), QJsonObject{{k("type"), k("string")}, {k("minLength"), 2}, {k("maxLength"), 300}}},
                     {k("confidence"), QJsonObject{{k("type"), k("number")}, {k("minimum"), 0}, {k("maximum"), 1}}}}},
            });
    }
    return QJsonObject{
        {k("type"), k("object")},
        {k("additionalProperties"), false},
        {k("required"), QJsonArray{k("fields")}},
        {k("properties"), QJsonObject{{k("fields"), QJsonObject{{k("type"), k("object")},
                                                                {k("additionalProperties"), false},
                                                                {k("properties"), props}}}}},
    };
}

HybridOutcome refine(const QJsonObject& constraints, const QString& prompt, LlmClient& client,
                     const LlmSettings& settings, const QString& runId, LlmCancelCheck cancelled) {
    HybridOutcome out;
    out.constraints = constraints;
    out.card.agent = k("intake_extract");
    out.card.node = k("intake_extract");
    const QStringList gaps = gapFields(constraints);
    out.card.inputs = QJsonObject{{k("provider"), settings.providerName()},
                                  {k("model"), settings.model},
                                  {k("gaps"), QJsonArray::fromStringList(gaps)}};
    if (gaps.isEmpty()) {
        out.card.category = k("extraction");
        out.card.decision = k("rules left no gaps; LLM not consulted");
        out.card.reasoning = k("Every field was found by the rules with enough confidence.");
        out.card.confidence = 1.0;
        out.card.priority = k("low");
        return out;
    }

    const StructuredCall call(client, settings);
    const StructuredResult answer =
        call.run(task(gaps), prompt, answerSchema(gaps), runId, k("intake_extract"), std::move(cancelled));
    out.consulted = true;
    out.usage = answer.usage;
    out.card.outputs.insert(k("llm-usage"), answer.usage.toJson());
    if (!answer.dropped.isEmpty())
        out.card.outputs.insert(k("dropped"), QJsonArray::fromStringList(answer.dropped.mid(0, 20)));
    if (!answer.ok) {
        out.card.category = k("fallback");
        out.card.priority = k("medium");
        out.card.confidence = 1.0;
        out.card.decision = k("kept the rule-based extraction");
        out.card.reasoning = QStringLiteral("The LLM (%1 %2) was asked for %3 field(s) but its answer was not used: "
                                            "%4. The offline extraction stands unchanged.")
                                 .arg(settings.providerName(), settings.model)
                                 .arg(gaps.size())
                                 .arg(answer.failure);
        out.card.outputs.insert(k("failure_kind"), answer.failureKind);
        out.card.outputs.insert(k("fallback"), k("rules"));
        return out;
    }

    const QJsonObject proposed = answer.value.value(k("fields")).toObject();
    const QString haystack = normalised(prompt);
    QJsonObject c = constraints;
    QJsonObject confidence = c.value(k("field_confidence")).toObject();
    QJsonObject evidence = c.value(k("evidence")).toObject();
    QJsonObject assumptions = c.value(k("assumptions")).toObject();
    QStringList missing = strings(c.value(k("missing_fields")));
    QStringList ambiguous = strings(c.value(k("ambiguous_fields")));
    QJsonObject filledValues;
    double confidenceSum = 0.0;
    for (auto it = proposed.begin(); it != proposed.end(); ++it) {
        const QString field = it.key();
        const QJsonObject entry = it.value().toObject();
        const QJsonValue value = entry.value(k("value"));
        const QString quote = entry.value(k("evidence")).toString();
        if (!gaps.contains(field)) { // the schema only declares gaps; kept as a second line of defence
            out.rejected.insert(field, k("not asked for"));
            continue;
        }
        if (value.isNull() || (value.isArray() && value.toArray().isEmpty()))
            continue;
        const QString needle = normalised(quote);
        if (needle.size() < 2 || !haystack.contains(needle)) {
            out.rejected.insert(field, k("evidence is not a quote of the prompt"));
            continue;
        }
        const double conf = std::min(entry.value(k("confidence")).toDouble(0.6), kMaxLlmConfidence);
        c.insert(field, value);
        confidence.insert(field, std::round(conf * 100.0) / 100.0);
        evidence.insert(field, quote.left(300));
        assumptions.remove(field);
        missing.removeAll(field);
        ambiguous.removeAll(field);
        filledValues.insert(field, value);
        out.filled.append(field);
        confidenceSum += conf;
        // Bands follow the numbers they are derived from.
        if (field == QLatin1String("budget_monthly_usd")) {
            c.insert(k("budget_band"), bandForBudget(value.toDouble()));
            confidence.insert(k("budget_band"), std::round(conf * 100.0) / 100.0);
            missing.removeAll(k("budget_band"));
        } else if (field == QLatin1String("throughput_requests_per_day")) {
            c.insert(k("expected_throughput"), bandForThroughput(value.toDouble()));
            confidence.insert(k("expected_throughput"), std::round(conf * 100.0) / 100.0);
            missing.removeAll(k("expected_throughput"));
        }
    }
    out.card.outputs.insert(k("filled"), filledValues);
    if (!out.rejected.isEmpty())
        out.card.outputs.insert(k("rejected"), out.rejected);
    out.card.outputs.insert(k("repaired"), answer.repaired);
    out.card.category = k("extraction");
    if (out.filled.isEmpty()) {
        out.card.decision = k("LLM found nothing the rules missed");
        out.card.reasoning = QStringLiteral("The LLM (%1 %2) was asked for %3 field(s) and supported none of them "
                                            "with a quote from the prompt; the rule-based extraction stands.")
                                 .arg(settings.providerName(), settings.model)
                                 .arg(gaps.size());
        out.card.confidence = 0.9;
        return out;
    }
    c.insert(k("field_confidence"), confidence);
    c.insert(k("evidence"), evidence);
    if (c.contains(k("assumptions")))
        c.insert(k("assumptions"), assumptions);
    c.insert(k("missing_fields"), QJsonArray::fromStringList(missing));
    c.insert(k("ambiguous_fields"), QJsonArray::fromStringList(ambiguous));
    c.insert(k("extraction_method"), k("hybrid"));
    out.constraints = c;
    out.usedLlm = true;
    for (const QString& f : std::as_const(out.filled))
        out.card.evidence.insert(f, evidence.value(f));
    out.card.decision = QStringLiteral("LLM filled %1 of %2 gap(s): %3")
                            .arg(out.filled.size())
                            .arg(gaps.size())
                            .arg(out.filled.join(QStringLiteral(", ")));
    out.card.reasoning =
        QStringLiteral("Rules first; the LLM (%1 %2) was asked only for the fields they left open and "
                       "each value it gave is backed by a verbatim quote of the prompt. Its confidence "
                       "is capped at %3.%4")
            .arg(settings.providerName(), settings.model)
            .arg(kMaxLlmConfidence)
            .arg(out.rejected.isEmpty()
                     ? QString()
                     : QStringLiteral(" Rejected: %1.").arg(out.rejected.keys().join(QStringLiteral(", "))));
    out.card.confidence = std::round(confidenceSum / out.filled.size() * 100.0) / 100.0;
    return out;
}

} // namespace mlops::HybridExtraction
