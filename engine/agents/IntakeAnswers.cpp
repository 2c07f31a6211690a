// IntakeExtractor: answers from the HITL gate or an answers file, applied over the extracted constraints.
#include "agents/IntakeExtractor.h"

#include "agents/ConstraintConflicts.h"
#include "agents/QuantityParser.h"

#include <QJsonArray>
#include <QRegularExpression>

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
    QJsonArray missing = k.value(s("missing_fields")).toArray();
    QJsonArray ambiguous = k.value(s("ambiguous_fields")).toArray();
    QJsonArray conflicts = k.value(s("conflicts")).toArray();
    const auto drop = [](QJsonArray& list, const QString& field) {
        for (int i = int(list.size()) - 1; i >= 0; --i) {
            if (list.at(i).toString() == field)
                list.removeAt(i);
        }
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
        k.insert(field, value);
        confidence.insert(field, 1.0);
        evidence.insert(field, QStringLiteral("answer to question %1").arg(key));
        assumptions.remove(field);
        drop(missing, field);
        // An explicit "none" answer (null or an empty list) is still an answer: the field is no longer missing.
        drop(ambiguous, field);
        for (int i = int(conflicts.size()) - 1; i >= 0; --i) {
            const QJsonArray fields = conflicts.at(i).toObject().value(s("fields")).toArray();
            if (fields.size() == 1 && fields.first().toString() == field)
                conflicts.removeAt(i);
        }
        if (field == QLatin1String("budget_monthly_usd") && value.isDouble() && !answers.contains(s("budget_band"))) {
            k.insert(s("budget_band"), bandForBudget(value.toDouble()));
            confidence.insert(s("budget_band"), 1.0);
            evidence.insert(s("budget_band"), QStringLiteral("answer to question %1").arg(key));
            drop(missing, s("budget_band"));
        }
        if (field == QLatin1String("throughput_requests_per_day") && value.isDouble() &&
            !answers.contains(s("expected_throughput"))) {
            k.insert(s("expected_throughput"), bandForThroughput(value.toDouble()));
            confidence.insert(s("expected_throughput"), 1.0);
            evidence.insert(s("expected_throughput"), QStringLiteral("answer to question %1").arg(key));
            drop(missing, s("expected_throughput"));
            assumptions.remove(s("expected_throughput"));
        }
    }
    k.insert(s("field_confidence"), confidence);
    k.insert(s("evidence"), evidence);
    k.insert(s("assumptions"), assumptions);
    k.insert(s("missing_fields"), missing);
    k.insert(s("ambiguous_fields"), ambiguous);
    k.insert(s("conflicts"), conflicts);
    // Answers change values: a conflict rule may hold no longer (a budget raised) or hold now.
    k.insert(s("conflicts"), ConstraintConflicts::detect(*m_kb, k));
    if (!answers.isEmpty() && k.value(s("extraction_method")).toString() == QLatin1String("rules"))
        k.insert(s("extraction_method"), s("rules"));
    return k;
}

} // namespace mlops
