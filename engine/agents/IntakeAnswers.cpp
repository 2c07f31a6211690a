// IntakeExtractor: answers from the HITL gate or an answers file, applied over the extracted constraints.
#include "agents/IntakeExtractor.h"

#include "agents/ConstraintConflicts.h"
#include "agents/QuantityGrammar.h"
#include "agents/QuantityParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromUtf8(text);
}

const QStringList kListFields = {s("regions"),
                                 s("workload_types"),
                                 s("compliance_requirements"),
                                 s("data_sources"),
                                 s("data_modalities"),
                                 s("ml_tasks"),
                                 s("frameworks"),
                                 s("existing_tools"),
                                 s("team_expertise"),
                                 s("monitoring_requirements")};
const QStringList kNumberFields = {s("budget_monthly_usd"), s("latency_p99_ms"),      s("throughput_requests_per_day"),
                                   s("peak_rps"),           s("availability_target"), s("data_volume_gb"),
                                   s("team_size")};
const QStringList kBoolFields = {s("disaster_recovery_required"), s("gpu_required")};

QString canonical(const QString& field, const QString& raw) {
    const QStringList allowed = IntakeExtractor::allowedValues(field);
    QString v = raw.trimmed();
    if (field == QLatin1String("cloud_provider")) {
        const QString l =
            v.toLower().replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
        if (l == QLatin1String("google") || l == QLatin1String("google_cloud"))
            return s("gcp");
        if (l == QLatin1String("onprem") || l == QLatin1String("on_premises") || l == QLatin1String("on_premise"))
            return s("on_prem");
        return l;
    }
    for (const QString& a : allowed) {
        QString x = a, y = v;
        x.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
        y.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
        if (x.compare(y, Qt::CaseInsensitive) == 0)
            return a;
    }
    return allowed.isEmpty() ? v : v.toLower();
}

// A value as JSON text, for messages ("2000", "\"aws\"", "[\"GDPR\"]").
QString shown(const QJsonValue& v) {
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

QString IntakeExtractor::fieldForKey(const QString& key) const {
    if (fieldNames().contains(key))
        return key;
    for (const QJsonValue& q : m_kb->questionBank().value(s("questions")).toArray()) {
        const QJsonObject question = q.toObject();
        if (question.value(s("id")).toString() == key)
            return question.value(s("field")).toString();
    }
    return {};
}

QJsonValue IntakeExtractor::normaliseAnswer(const QString& field, const QJsonValue& value, QString* error) const {
    const QStringList allowed = allowedValues(field);
    if (kNumberFields.contains(field)) {
        double d = -1;
        if (value.isDouble()) {
            d = value.toDouble();
        } else if (value.isString()) {
            // A budget reads like one in the prompt ("€1,500", "2k a month", "$30k per year" -> USD per month).
            if (field == QLatin1String("budget_monthly_usd")) {
                const QuantityParser money(m_kb->lexicon().value(s("currency_rates")).toObject());
                const QList<Quantity> found = money.budgets(s("budget ") + value.toString().trimmed());
                if (found.size() == 1)
                    d = found.first().value;
            }
            static const QRegularExpression re(
                s("^\\s*[$€£]?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|m|million|thousand)?\\s*%?\\s*$"),
                QRegularExpression::CaseInsensitiveOption);
            const auto m = re.match(value.toString());
            if (d < 0 && m.hasMatch())
                d = QuantityParser::parseNumber(m.captured(1), m.captured(2));
            // otherwise read like the prompt: "half a second", "40k events a minute", "about two thousand"
            for (const QuantityGrammar& g : QuantityGrammar::forLexicon(m_kb->lexicon())) {
                if (d >= 0 || field == QLatin1String("budget_monthly_usd"))
                    break;
                const QString text = value.toString();
                if (field == QLatin1String("latency_p99_ms")) {
                    if (const QList<DurationMatch> found = g.durations(text, 1); !found.isEmpty())
                        d = found.first().ms;
                } else if (field == QLatin1String("peak_rps") ||
                           field == QLatin1String("throughput_requests_per_day")) {
                    if (const QList<RateMatch> found = g.rates(text, 1); !found.isEmpty())
                        d = field == QLatin1String("peak_rps") ? found.first().perSecond() : found.first().perDay();
                }
                if (const Amount a = g.parseLoose(text); d < 0 && a.isValid())
                    d = a.value;
            }
        } else if (value.isNull()) {
            return QJsonValue::Null;
        }
        if (d < 0) {
            *error =
                QStringLiteral("%1: expected a non-negative number, got '%2'").arg(field, value.toVariant().toString());
            return {};
        }
        if (field == QLatin1String("availability_target") && d > 100) {
            *error = QStringLiteral("availability_target: a percentage must be at most 100");
            return {};
        }
        return field == QLatin1String("team_size") ? QJsonValue(qRound(d)) : QJsonValue(d);
    }
    if (kBoolFields.contains(field)) {
        if (value.isBool())
            return value;
        const QString t = value.toString().trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("y") ||
            t == QLatin1String("1"))
            return true;
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("n") ||
            t == QLatin1String("0"))
            return false;
        *error = QStringLiteral("%1: answer yes or no").arg(field);
        return {};
    }
    if (kListFields.contains(field)) {
        QStringList items;
        if (value.isArray()) {
            for (const QJsonValue& v : value.toArray())
                items.append(v.toVariant().toString());
        } else if (value.isString()) {
            for (const QString& part : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                items.append(part);
        } else if (!value.isNull()) {
            *error = QStringLiteral("%1: expected a list").arg(field);
            return {};
        }
        QJsonArray out;
        for (const QString& item : std::as_const(items)) {
            const QString c = canonical(field, item);
            if (c.isEmpty())
                continue;
            if (!allowed.isEmpty() && !allowed.contains(c)) {
                *error = QStringLiteral("%1: '%2' is not one of %3").arg(field, item.trimmed(), allowed.join(s(", ")));
                return {};
            }
            if (!out.contains(c))
                out.append(allowed.isEmpty() ? c.toLower() : c);
        }
        return out;
    }
    if (value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()))
        return QJsonValue::Null;
    if (!value.isString()) {
        *error = QStringLiteral("%1: expected text").arg(field);
        return {};
    }
    const QString c = canonical(field, value.toString());
    if (!allowed.isEmpty() && !allowed.contains(c)) {
        *error = QStringLiteral("%1: '%2' is not one of %3").arg(field, value.toString(), allowed.join(s(", ")));
        return {};
    }
    if (field == QLatin1String("data_residency"))
        return c.toUpper();
    return c;
}

QJsonObject IntakeExtractor::applyProjectName(const QJsonObject& k, const QString& projectName) const {
    // The extractor assumes its default only when the text names no project.
    if (projectName.trimmed().isEmpty() || !k.value(s("assumptions")).toObject().contains(s("project_name")))
        return k;
    return applyAnswers(k, QJsonObject{{s("project_name"), projectName.trimmed()}});
}

QJsonObject IntakeExtractor::applyAnswers(QJsonObject k, const QJsonObject& answers, QStringList* errors) const {
    QJsonObject confidence = k.value(s("field_confidence")).toObject();
    QJsonObject evidence = k.value(s("evidence")).toObject();
    QJsonObject assumptions = k.value(s("assumptions")).toObject();
    QJsonObject provenance = k.value(s("provenance")).toObject();
    QJsonObject derivations = k.value(s("derivations")).toObject();
    QJsonArray missing = k.value(s("missing_fields")).toArray();
    QJsonArray ambiguous = k.value(s("ambiguous_fields")).toArray();
    QJsonArray conflicts = k.value(s("conflicts")).toArray();
    const auto drop = [](QJsonArray& list, const QString& field) {
        for (int i = int(list.size()) - 1; i >= 0; --i) {
            if (list.at(i).toString() == field)
                list.removeAt(i);
        }
    };
    const auto inConflict = [&](const QString& field) {
        for (const QJsonValue& c : std::as_const(conflicts)) {
            if (c.toObject().value(s("fields")).toArray().contains(field))
                return true;
        }
        return false;
    };
    const auto answered = [&](const QString& field, const QJsonValue& value, const QString& key) {
        k.insert(field, value);
        confidence.insert(field, 1.0);
        evidence.insert(field, QStringLiteral("answer to question %1").arg(key));
        provenance.insert(field, s("answered"));
        derivations.remove(field);
        assumptions.remove(field);
        drop(missing, field);
    };
    // a value derived from an answered one follows it (docs/extraction.md: stated > answered > derived > default)
    const double factor = m_kb->techSpecs().value(s("assumptions")).toObject().value(s("peak_factor")).toDouble(3.0);
    const auto rederive = [&](const QString& field, const QJsonValue& value, const QString& from, const QString& rule) {
        const QString p = provenance.value(field).toString();
        if (p == QLatin1String("stated") || p == QLatin1String("answered") || answers.contains(field))
            return;
        k.insert(field, value);
        confidence.insert(field, 0.6);
        evidence.insert(field, evidence.value(from));
        provenance.insert(field, s("derived"));
        derivations.insert(field, QJsonObject{{s("from"), QJsonArray{from}}, {s("rule"), rule}});
        assumptions.insert(field, rule);
        drop(missing, field);
    };
    const QStringList keys = answers.keys(); // sorted: deterministic order
    for (const QString& key : keys) {
        if (key == QLatin1String("approve_plan") || key == QLatin1String("feedback"))
            continue;
        const QString field = fieldForKey(key);
        if (field.isEmpty()) {
            if (errors)
                errors->append(QStringLiteral("unknown question or field '%1'").arg(key));
            continue;
        }
        QString error;
        const QJsonValue value = normaliseAnswer(field, answers.value(key), &error);
        if (!error.isEmpty()) {
            if (errors)
                errors->append(error);
            continue;
        }
        // A value the text states plainly is never replaced silently: only a field that was asked (missing,
        // ambiguous or in conflict) takes the answer. Otherwise the answer is reported, and the text wins.
        if (provenance.value(field).toString() == QLatin1String("stated") && k.value(field) != value &&
            !ambiguous.contains(field) && !inConflict(field)) {
            if (errors)
                errors->append(QStringLiteral("%1: the text states %2 (\"%3\"); the answer %4 was not applied")
                                   .arg(field, shown(k.value(field)), evidence.value(field).toString(), shown(value)));
            continue;
        }
        answered(field, value, key);
        // An explicit "none" answer (null or an empty list) is still an answer: the field is no longer missing.
        drop(ambiguous, field);
        for (int i = int(conflicts.size()) - 1; i >= 0; --i) {
            const QJsonArray fields = conflicts.at(i).toObject().value(s("fields")).toArray();
            if (fields.size() == 1 && fields.first().toString() == field)
                conflicts.removeAt(i);
        }
        if (field == QLatin1String("budget_monthly_usd") && value.isDouble() && !answers.contains(s("budget_band")))
            answered(s("budget_band"), bandForBudget(value.toDouble()), key);
        if (field == QLatin1String("throughput_requests_per_day") && value.isDouble()) {
            if (!answers.contains(s("expected_throughput")))
                answered(s("expected_throughput"), bandForThroughput(value.toDouble()), key);
            rederive(s("peak_rps"), std::round(value.toDouble() / 86400.0 * factor * 100.0) / 100.0, field,
                     QStringLiteral("peak = daily volume / 86400 x peak factor %1 (tech_specs.yaml)").arg(factor));
        }
        if (field == QLatin1String("peak_rps") && value.isDouble()) {
            const double perDay = std::round(value.toDouble() * 86400.0 / factor);
            rederive(s("throughput_requests_per_day"), perDay, field,
                     QStringLiteral("daily volume = peak x 86400 / peak factor %1 (tech_specs.yaml)").arg(factor));
            if (provenance.value(s("throughput_requests_per_day")).toString() == QLatin1String("derived"))
                rederive(s("expected_throughput"), bandForThroughput(perDay), field,
                         s("band of the daily volume: low < 1k, medium < 100k, high < 1M, very_high"));
        }
    }
    k.insert(s("field_confidence"), confidence);
    k.insert(s("evidence"), evidence);
    k.insert(s("assumptions"), assumptions);
    k.insert(s("provenance"), provenance);
    k.insert(s("derivations"), derivations);
    k.insert(s("missing_fields"), missing);
    k.insert(s("ambiguous_fields"), ambiguous);
    k.insert(s("conflicts"), conflicts);
    // Answers change values: a conflict rule may hold no longer (a budget raised) or hold now.
    k.insert(s("conflicts"), ConstraintConflicts::detect(*m_kb, k));
    return k;
}

} // namespace mlops
