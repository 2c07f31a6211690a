#include "agents/QuestionGenerator.h"

#include "agents/CoverageScorer.h"
#include "agents/Planner.h"
#include "agents/knowledge/Condition.h"

#include <QJsonArray>

#include <algorithm>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool listHas(const QJsonArray& a, const QString& v) {
    return a.contains(QJsonValue(v));
}

QJsonValue currentValueFor(const QJsonObject& bankQuestion, const QJsonValue& value) {
    // free-text questions over list fields take a comma-separated default
    if (bankQuestion.value(s("type")).toString() == QLatin1String("text") && value.isArray()) {
        QStringList parts;
        for (const QJsonValue& v : value.toArray())
            parts.append(v.toString());
        return parts.join(s(", "));
    }
    return value;
}

} // namespace

QuestionGenerator::QuestionGenerator(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QJsonObject QuestionGenerator::smartDefault(const QJsonObject& q, const QJsonObject& constraints) const {
    for (const QJsonValue& v : q.value(s("defaults")).toArray()) {
        const QJsonObject d = v.toObject();
        if (Condition::evaluate(d.value(s("when")), constraints))
            return QJsonObject{{s("value"), d.value(s("value"))},
                               {s("confidence"), d.value(s("confidence"))},
                               {s("rationale"), d.value(s("rationale"))}};
    }
    return q.value(s("default")).toObject();
}

bool QuestionGenerator::isDecisive(const QJsonObject& q, const QJsonObject& k) const {
    const QJsonObject rule = q.value(s("ask_when_decisive")).toObject();
    if (rule.isEmpty() || !rule.contains(s("probe")))
        return true;
    const Planner planner(m_kb);
    const auto choice = [&](const QJsonObject& constraints) {
        const QJsonObject plan = planner.plan(constraints, {}, {}, 1).plan;
        QStringList parts{plan.value(s("pattern")).toObject().value(s("id")).toString()};
        for (const QJsonValue& c : plan.value(s("components")).toArray())
            parts.append(c.toObject().value(s("role")).toString() + QLatin1Char('=') +
                         c.toObject().value(s("component")).toString());
        return parts.join(QLatin1Char(','));
    };
    QJsonObject probe = k;
    probe.insert(q.value(s("field")).toString(), rule.value(s("probe")));
    return choice(k) != choice(probe);
}

QList<QuestionGenerator::Scored> QuestionGenerator::generate(const QJsonObject& k, const QJsonObject& coverage,
                                                             const QJsonObject& answers, int maxQuestions) const {
    const QJsonObject bank = m_kb->questionBank();
    if (maxQuestions < 0)
        maxQuestions = bank.value(s("max_per_round")).toInt(5);
    const QJsonObject factors = bank.value(s("priority_factor")).toObject();
    const CoverageScorer scorer(m_kb);
    const QJsonArray missing = coverage.value(s("missing_fields")).toArray();
    const QJsonArray ambiguous = coverage.value(s("ambiguous_fields")).toArray();
    QHash<QString, QString> conflictMessage;
    for (const QJsonValue& c : coverage.value(s("conflicts")).toArray()) {
        for (const QJsonValue& f : c.toObject().value(s("fields")).toArray()) {
            if (!conflictMessage.contains(f.toString()))
                conflictMessage.insert(f.toString(), c.toObject().value(s("message")).toString());
        }
    }
    const QJsonObject confidence = k.value(s("field_confidence")).toObject();
    const QJsonObject evidence = k.value(s("evidence")).toObject();

    QList<Scored> out;
    const QJsonArray questions = bank.value(s("questions")).toArray();
    for (const QJsonValue& v : questions) {
        const QJsonObject q = v.toObject();
        const QString id = q.value(s("id")).toString();
        const QString field = q.value(s("field")).toString();
        if (answers.contains(id) || answers.contains(field))
            continue; // asked and answered in an earlier round
        const bool isMissing = listHas(missing, field);
        const bool isAmbiguous = listHas(ambiguous, field);
        const bool inConflict = conflictMessage.contains(field);
        if (!isMissing && !isAmbiguous && !inConflict)
            continue;
        double w = scorer.weight(field, k);
        if (w <= 0 && !inConflict)
            continue;
        // a missing value that would not change the design is not worth a human's time (nor a default's risk)
        if (isMissing && !isAmbiguous && !inConflict && !isDecisive(q, k))
            continue;
        Scored sc;
        Question& question = sc.question;
        question.id = id;
        question.field = field;
        question.text = q.value(s("text")).toString();
        question.type = q.value(s("type")).toString(s("text"));
        for (const QJsonValue& o : q.value(s("options")).toArray())
            question.options.append(o.toString());
        question.priority = q.value(s("priority")).toString(s("medium"));
        question.optional = q.value(s("optional")).toBool(false);
        const QJsonValue current = k.value(field);
        const bool hasCurrent =
            !(current.isNull() || current.isUndefined() || (current.isArray() && current.toArray().isEmpty()));
        if (hasCurrent && !isMissing) {
            // keep what the text said, and say how sure we are
            question.defaultValue = currentValueFor(q, current);
            question.confidence = confidence.value(field).toDouble(0.5);
            question.rationale =
                QStringLiteral("Read from your description: \"%1\".").arg(evidence.value(field).toString());
        } else {
            const QJsonObject d = smartDefault(q, k);
            question.defaultValue = d.value(s("value"));
            question.confidence = d.value(s("confidence")).toDouble(0.5);
            question.rationale = d.value(s("rationale")).toString();
        }
        sc.value = qMax(w, 0.01) * factors.value(question.priority).toDouble(1.0);
        if (inConflict) {
            sc.value *= 2.0;
            question.priority = s("high");
            question.confidence = qMin(question.confidence, 0.5);
            question.rationale = conflictMessage.value(field) + QLatin1Char(' ') + question.rationale;
            sc.reason = s("conflict");
        } else if (isAmbiguous) {
            sc.value *= 1.0 - 0.5 * confidence.value(field).toDouble(0.5);
            sc.reason = s("ambiguous");
        } else {
            sc.reason = s("missing");
        }
        out.append(sc);
    }
    // most valuable first; ties keep the bank's order (stable sort) so the result is deterministic
    std::stable_sort(out.begin(), out.end(), [](const Scored& a, const Scored& b) { return a.value > b.value; });
    if (out.size() > maxQuestions)
        out.resize(maxQuestions);
    return out;
}

QJsonObject QuestionGenerator::defaultAnswers(const QJsonObject& k, const QJsonObject& coverage,
                                              const QJsonObject& answers) const {
    QJsonObject out;
    for (const Scored& sc : generate(k, coverage, answers, 1000))
        out.insert(sc.question.id, sc.question.defaultValue);
    return out;
}

} // namespace mlops
