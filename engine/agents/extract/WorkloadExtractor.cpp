// workload_types: named workloads, plus what the tasks and stated numbers imply (an LLM task is LLM serving; a
// stated request latency or rate is a request path, except a stream's seconds-scale end-to-end latency).
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

#include <algorithm>

namespace mlops::extract {

namespace {

// A schedule ("weekly", "every night", "once per day") in a clause about scoring a population ("weekly churn
// scores for 5M customers") that is neither about training or a request path nor the period of a rate ("2M
// predictions daily"): the clause, or empty.
QString scheduledScoring(Context& c) {
    const QStringList scoring = strings(c.lexicon.value(s("scheduled_scoring_words")));
    const QJsonObject workloads = c.lexicon.value(s("workloads")).toObject();
    QStringList other = strings(workloads.value(s("batch_training")));
    other += strings(workloads.value(s("online_inference")));
    constexpr int kSchedules = 16; // the schedules looked at, in text order: a prompt states its few early
    for (const QuantityGrammar& g : c.grammars) {
        QList<RateMatch> rates;
        bool ratesRead = false; // read only for a schedule in a scoring clause
        for (const PeriodMatch& p : g.periods(c.prompt, kSchedules)) {
            if (p.periodSeconds < 3600)
                continue;
            const QString clause = c.index.clauseAt(p.start, p.end);
            const TextIndex words(clause);
            const auto named = [&](const QStringList& terms) {
                return std::any_of(terms.begin(), terms.end(), [&](const QString& w) { return words.contains(w); });
            };
            if (!named(scoring) || named(other))
                continue;
            if (!ratesRead)
                rates = g.rates(c.prompt), ratesRead = true;
            const bool inRate = std::any_of(rates.begin(), rates.end(),
                                            [&](const RateMatch& r) { return p.start < r.end && p.end > r.start; });
            if (!inRate)
                return clause;
        }
    }
    return {};
}

} // namespace

void extractWorkloads(Context& c) {
    Draft& d = c.draft;
    const QStringList order = IntakeExtractor::allowedValues(s("workload_types"));
    const QList<GroupHit> w = matchGroups(c.index, c.lexicon.value(s("workloads")).toObject(), order);
    QJsonArray types = keysOf(w);
    const QString quote = quotes(c.index, w);
    double conf = w.isEmpty() ? 0.0 : 0.85;
    QStringList why;
    QStringList from;
    const auto infer = [&](const QString& type, const QString& reason, const QString& field) {
        if (types.contains(type))
            return;
        types.append(type);
        why.append(reason);
        from.append(field);
        conf = conf == 0.0 ? 0.7 : qMin(conf, 0.8);
    };
    const QJsonArray taskList = d.values.value(s("ml_tasks")).toArray();
    if (taskList.contains(s("llm")) || taskList.contains(s("rag")))
        infer(s("llm_serving"), s("LLM/RAG task implies LLM serving."), s("ml_tasks"));
    const double latency = d.values.value(s("latency_p99_ms")).toDouble(-1);
    const bool statedRate = d.provenance.value(s("peak_rps")).toString() == QLatin1String("stated");
    const bool streaming = types.contains(s("streaming_inference"));
    if ((latency > 0 || statedRate) && (!streaming || (latency > 0 && latency <= 1000)) &&
        !types.contains(s("online_inference")) && !types.contains(s("llm_serving")))
        infer(s("online_inference"), s("A request latency or rate implies online inference."),
              latency > 0 ? s("latency_p99_ms") : s("peak_rps"));
    // read from the prompt's own words, so the workloads stay stated
    const QString schedule = types.contains(s("batch_inference")) || types.contains(s("streaming_inference"))
                                 ? QString()
                                 : scheduledScoring(c);
    if (!schedule.isEmpty()) {
        types.append(s("batch_inference"));
        why.append(QStringLiteral("Scoring on a schedule ('%1') is batch inference.").arg(schedule));
        conf = qMax(conf, 0.8);
    }
    if (types.isEmpty())
        return;
    QJsonArray ordered;
    for (const QString& t : order) {
        if (types.contains(t))
            ordered.append(t);
    }
    const QString evidence = !quote.isEmpty()      ? quote
                             : !schedule.isEmpty() ? schedule
                                                   : d.evidence.value(from.value(0)).toString();
    d.set(s("workload_types"), ordered, conf, evidence, why.join(QLatin1Char(' ')));
    if (w.isEmpty() && schedule.isEmpty())
        d.derive(s("workload_types"), ordered, conf, from, why.join(QLatin1Char(' ')),
                 d.evidence.value(from.value(0)).toString());
}

} // namespace mlops::extract
