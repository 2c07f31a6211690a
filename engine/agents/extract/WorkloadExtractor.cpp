// workload_types: named workloads, plus what the tasks and stated numbers imply (an LLM task is LLM serving; a
// stated request latency or rate is a request path, except a stream's seconds-scale end-to-end latency).
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

namespace mlops::extract {

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
    if (types.isEmpty())
        return;
    QJsonArray ordered;
    for (const QString& t : order) {
        if (types.contains(t))
            ordered.append(t);
    }
    d.set(s("workload_types"), ordered, conf, quote.isEmpty() ? d.evidence.value(from.value(0)).toString() : quote,
          why.join(QLatin1Char(' ')));
    if (w.isEmpty())
        d.derive(s("workload_types"), ordered, conf, from, why.join(QLatin1Char(' ')),
                 d.evidence.value(from.value(0)).toString());
}

} // namespace mlops::extract
