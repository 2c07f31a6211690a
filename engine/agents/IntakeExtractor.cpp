#include "agents/IntakeExtractor.h"

#include "agents/ConstraintConflicts.h"
#include "agents/QuantityParser.h"
#include "agents/TextIndex.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

// The extraction in progress: values with their confidence, evidence and stated assumptions.
struct Draft {
    QJsonObject values;
    QJsonObject confidence;
    QJsonObject evidence;
    QJsonObject assumptions;
    QStringList ambiguous;
    QJsonArray conflicts;

    void set(const QString& field, const QJsonValue& value, double conf, const QString& quote,
             const QString& note = {}) {
        values.insert(field, value);
        confidence.insert(field, std::round(conf * 100.0) / 100.0);
        if (!quote.isEmpty())
            evidence.insert(field, quote.left(300));
        if (!note.isEmpty())
            assumptions.insert(field, note);
    }
    void assume(const QString& field, const QJsonValue& value, double conf, const QString& note) {
        set(field, value, conf, {}, note);
    }
    void ambiguity(const QString& field) {
        if (!ambiguous.contains(field))
            ambiguous.append(field);
    }
    void conflict(const QStringList& fields, const QString& message) {
        conflicts.append(QJsonObject{{s("fields"), QJsonArray::fromStringList(fields)}, {s("message"), message}});
    }
};

struct GroupHit {
    QString key;
    QString term;
    TextIndex::Hit hit;
};

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out.append(item.toString());
    return out;
}

// First non-negated occurrence per group key, in text order.
QList<GroupHit> matchGroups(const TextIndex& index, const QJsonObject& groups, const QStringList& order = {}) {
    QList<GroupHit> out;
    const QStringList keys = order.isEmpty() ? groups.keys() : order;
    for (const QString& key : keys) {
        GroupHit best{key, {}, {}};
        for (const QString& term : strings(groups.value(key))) {
            const TextIndex::Hit h = index.first(term);
            if (h.token >= 0 && (best.hit.token < 0 || h.token < best.hit.token))
                best = {key, term, h};
        }
        if (best.hit.token >= 0)
            out.append(best);
    }
    return out;
}

// Like matchGroups, but a negator counts only right before the term: obligations are rarely negated, and
// "data may not leave Germany (GDPR ...)" negates "leave", not GDPR.
QList<GroupHit> matchGroupsStrictNegation(const TextIndex& index, const QJsonObject& groups,
                                          const QSet<QString>& negators, const QStringList& order) {
    QList<GroupHit> out;
    for (const QString& key : order) {
        GroupHit best{key, {}, {}};
        for (const QString& term : strings(groups.value(key))) {
            for (const TextIndex::Hit& h : index.find(term, 8)) {
                if (h.negated && negators.contains(index.token(h.token - 1)))
                    continue;
                if (best.hit.token < 0 || h.token < best.hit.token)
                    best = {key, term, h};
                break;
            }
        }
        if (best.hit.token >= 0)
            out.append(best);
    }
    return out;
}

QJsonArray keysOf(const QList<GroupHit>& hits) {
    QJsonArray a;
    for (const GroupHit& h : hits)
        a.append(h.key);
    return a;
}

QString quotes(const TextIndex& index, const QList<GroupHit>& hits) {
    QStringList parts;
    for (const GroupHit& h : hits) {
        const QString c = index.clause(h.hit);
        if (!parts.contains(c))
            parts.append(c);
        if (parts.size() >= 3)
            break;
    }
    return parts.join(QString::fromUtf8(" … "));
}

const QStringList kFields = {
    s("project_name"),
    s("cloud_provider"),
    s("regions"),
    s("budget_monthly_usd"),
    s("budget_band"),
    s("deployment_preference"),
    s("workload_types"),
    s("latency_p99_ms"),
    s("throughput_requests_per_day"),
    s("peak_rps"),
    s("expected_throughput"),
    s("availability_target"),
    s("disaster_recovery_required"),
    s("compliance_requirements"),
    s("data_classification"),
    s("data_residency"),
    s("data_sources"),
    s("data_modalities"),
    s("data_volume_gb"),
    s("ml_tasks"),
    s("frameworks"),
    s("existing_tools"),
    s("training_frequency"),
    s("gpu_required"),
    s("team_size"),
    s("team_expertise"),
    s("monitoring_requirements"),
};
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

} // namespace

IntakeExtractor::IntakeExtractor(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QStringList IntakeExtractor::fieldNames() {
    return kFields;
}

QStringList IntakeExtractor::metaNames() {
    return {s("field_confidence"), s("evidence"),          s("missing_fields"), s("ambiguous_fields"),
            s("conflicts"),        s("extraction_method"), s("assumptions"),    s("llm_parameters_b")};
}

QStringList IntakeExtractor::allowedValues(const QString& field) {
    static const QHash<QString, QStringList> values = {
        {s("cloud_provider"), {s("aws"), s("gcp"), s("azure"), s("on_prem")}},
        {s("budget_band"), {s("startup"), s("growth"), s("enterprise")}},
        {s("deployment_preference"), {s("serverless"), s("containers"), s("kubernetes"), s("managed"), s("edge")}},
        {s("workload_types"),
         {s("batch_training"), s("online_inference"), s("streaming_inference"), s("batch_inference"),
          s("feature_engineering"), s("data_processing"), s("model_experimentation"), s("llm_serving")}},
        {s("expected_throughput"), {s("low"), s("medium"), s("high"), s("very_high")}},
        {s("compliance_requirements"),
         {s("HIPAA"), s("GDPR"), s("PCI-DSS"), s("SOC2"), s("SOX"), s("ISO27001"), s("FedRAMP"), s("CCPA")}},
        {s("data_classification"), {s("public"), s("internal"), s("sensitive"), s("restricted")}},
        {s("data_modalities"),
         {s("tabular"), s("image"), s("text"), s("time_series"), s("audio"), s("video"), s("graph")}},
        {s("ml_tasks"),
         {s("classification"), s("regression"), s("recommendation"), s("forecasting"), s("anomaly_detection"), s("nlp"),
          s("computer_vision"), s("llm"), s("rag"), s("ranking"), s("clustering")}},
        {s("training_frequency"), {s("one_time"), s("monthly"), s("weekly"), s("daily"), s("hourly"), s("continuous")}},
        {s("monitoring_requirements"),
         {s("drift"), s("performance"), s("latency"), s("data_quality"), s("explainability"), s("fairness"),
          s("cost")}},
    };
    return values.value(field);
}

QString IntakeExtractor::bandForBudget(double usd) {
    return usd < 500 ? s("startup") : usd <= 2000 ? s("growth") : s("enterprise");
}

QString IntakeExtractor::bandForThroughput(double perDay) {
    return perDay < 1000 ? s("low") : perDay < 100000 ? s("medium") : perDay < 1000000 ? s("high") : s("very_high");
}

QJsonObject IntakeExtractor::extract(const QString& prompt) const {
    const QJsonObject lex = m_kb->lexicon();
    QSet<QString> negators;
    for (const QString& n : strings(lex.value(s("negators"))))
        negators.insert(n);
    const TextIndex index(prompt, negators);
    const QuantityParser numbers(lex.value(s("currency_rates")).toObject());
    Draft d;

    // cloud: explicit names outweigh services; "from AWS" (a migration source) counts little
    QHash<QString, double> cloudScore;
    QHash<QString, GroupHit> cloudHit;
    QHash<QString, bool> cloudExplicit;
    const QJsonObject clouds = lex.value(s("clouds")).toObject();
    for (const QString& cloud : KnowledgeBase::clouds()) {
        const QJsonObject c = clouds.value(cloud).toObject();
        for (const char* kind : {"explicit", "services"}) {
            const bool isExplicit = qstrcmp(kind, "explicit") == 0;
            for (const QString& term : strings(c.value(s(kind)))) {
                for (const TextIndex::Hit& h : index.find(term, 4)) {
                    if (h.negated)
                        continue;
                    const QString prev = index.token(h.token - 1);
                    double w = isExplicit ? 1.0 : 0.8;
                    if (prev == QLatin1String("from") || prev == QLatin1String("leaving"))
                        w = 0.2;
                    else if (prev == QLatin1String("to") || prev == QLatin1String("onto"))
                        w += 0.3;
                    cloudScore[cloud] += w;
                    if (!cloudHit.contains(cloud) || (isExplicit && !cloudExplicit.value(cloud))) {
                        cloudHit[cloud] = {cloud, term, h};
                        cloudExplicit[cloud] = isExplicit;
                    }
                }
            }
        }
    }
    if (!cloudScore.isEmpty()) {
        QString best;
        for (const QString& cloud : KnowledgeBase::clouds()) {
            if (cloudScore.contains(cloud) && (best.isEmpty() || cloudScore[cloud] > cloudScore[best]))
                best = cloud;
        }
        const GroupHit& h = cloudHit[best];
        const bool viaService = !cloudExplicit.value(best);
        d.set(s("cloud_provider"), best, viaService ? 0.85 : 0.95, index.clause(h.hit),
              viaService ? QStringLiteral("'%1' is a %2 service").arg(index.span(h.hit), best) : QString());
        QStringList others;
        for (const QString& cloud : KnowledgeBase::clouds()) {
            if (cloud != best && cloudScore.value(cloud) >= 0.8)
                others.append(cloud);
        }
        if (!others.isEmpty()) {
            d.confidence.insert(s("cloud_provider"),
                                others.size() > 1 || cloudScore.value(others.first()) >= cloudScore[best] * 0.75 ? 0.5
                                                                                                                 : 0.7);
            d.ambiguity(s("cloud_provider"));
            d.conflict(
                {s("cloud_provider")},
                QStringLiteral("Several platforms are named: %1 and %2; %1 was chosen because it is mentioned most.")
                    .arg(best, others.join(s(", "))));
        }
    }

    // regions: explicit region codes
    {
        QStringList regions;
        QString quote;
        const QJsonObject patterns = lex.value(s("region_patterns")).toObject();
        for (auto it = patterns.begin(); it != patterns.end(); ++it) {
            const QRegularExpression re(it.value().toString(), QRegularExpression::CaseInsensitiveOption);
            auto m = re.globalMatch(prompt);
            while (m.hasNext() && regions.size() < 5) {
                const auto match = m.next();
                const QString region = match.captured(0).toLower();
                if (!regions.contains(region)) {
                    regions.append(region);
                    quote =
                        quote.isEmpty() ? index.clauseAt(int(match.capturedStart()), int(match.capturedEnd())) : quote;
                    const QString cloud = d.values.value(s("cloud_provider")).toString();
                    if (!cloud.isEmpty() && cloud != it.key())
                        d.conflict({s("cloud_provider"), s("regions")},
                                   QStringLiteral("Region %1 belongs to %2, but the cloud is %3.")
                                       .arg(region, it.key(), cloud));
                    if (cloud.isEmpty())
                        d.set(s("cloud_provider"), it.key(), 0.8, match.captured(0),
                              QStringLiteral("region code %1 is a %2 region").arg(region, it.key()));
                }
            }
        }
        if (!regions.isEmpty())
            d.set(s("regions"), QJsonArray::fromStringList(regions), 0.95, quote);
    }

    // budget
    const QList<Quantity> budgets = numbers.budgets(prompt);
    if (!budgets.isEmpty()) {
        const Quantity& b = budgets.first();
        d.set(s("budget_monthly_usd"), b.value, b.confidence, b.span, b.note);
        d.set(s("budget_band"), bandForBudget(b.value), b.confidence, b.span);
        for (const Quantity& other : budgets) {
            if (std::abs(other.value - b.value) > 0.25 * b.value) {
                d.conflict({s("budget_monthly_usd")},
                           QStringLiteral("Two budgets are stated: '%1' and '%2'.").arg(b.span, other.span));
                d.ambiguity(s("budget_monthly_usd"));
                break;
            }
        }
    }

    // deployment preference: generic words are preferences, service names only hints
    {
        const QJsonObject dep = lex.value(s("deployment")).toObject();
        QSet<QString> serviceTerms;
        for (const QString& cloud : KnowledgeBase::clouds())
            for (const QString& t : strings(clouds.value(cloud).toObject().value(s("services"))))
                serviceTerms.insert(t);
        QList<GroupHit> strong, weak;
        for (const GroupHit& h :
             matchGroups(index, dep, {s("edge"), s("kubernetes"), s("serverless"), s("containers"), s("managed")})) {
            // a group may match on a generic word later in the text even if its first hit was a service name
            GroupHit generic{h.key, {}, {}};
            for (const QString& term : strings(dep.value(h.key))) {
                if (serviceTerms.contains(term))
                    continue;
                const TextIndex::Hit g = index.first(term);
                if (g.token >= 0 && (generic.hit.token < 0 || g.token < generic.hit.token))
                    generic = {h.key, term, g};
            }
            if (generic.hit.token >= 0)
                strong.append(generic);
            else
                weak.append(h);
        }
        const QList<GroupHit>& pool = strong.isEmpty() ? weak : strong;
        if (!pool.isEmpty()) {
            const GroupHit& pick = pool.first(); // priority order: edge, kubernetes, serverless, containers, managed
            d.set(s("deployment_preference"), pick.key, strong.isEmpty() ? 0.65 : 0.85, index.clause(pick.hit),
                  strong.isEmpty() ? QStringLiteral("inferred from the service '%1'").arg(index.span(pick.hit))
                                   : QString());
            if (pool.size() > 1) {
                d.ambiguity(s("deployment_preference"));
                d.confidence.insert(s("deployment_preference"), 0.6);
            }
        }
    }

    // ML tasks, modalities, monitoring
    const QList<GroupHit> tasks = matchGroups(index, lex.value(s("ml_tasks")).toObject(), allowedValues(s("ml_tasks")));
    if (!tasks.isEmpty())
        d.set(s("ml_tasks"), keysOf(tasks), 0.8, quotes(index, tasks));
    const QList<GroupHit> modalities =
        matchGroups(index, lex.value(s("modalities")).toObject(), allowedValues(s("data_modalities")));
    if (!modalities.isEmpty())
        d.set(s("data_modalities"), keysOf(modalities), 0.8, quotes(index, modalities));
    QList<GroupHit> monitoring =
        matchGroups(index, lex.value(s("monitoring")).toObject(), allowedValues(s("monitoring_requirements")));
    {
        // Bare words ("latency", "cost", "bias") are monitoring needs only in a clause about monitoring; elsewhere
        // "latency" is a target and "cost" a budget.
        static const QRegularExpression about(
            s("\\b(?:monitor\\w*|alert\\w*|track\\w*|watch\\w*|observ\\w*|dashboards?)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        const QJsonObject contextual = lex.value(s("monitoring_in_context")).toObject();
        for (const QString& key : allowedValues(s("monitoring_requirements"))) {
            if (std::any_of(monitoring.begin(), monitoring.end(), [&](const GroupHit& h) { return h.key == key; }))
                continue;
            for (const QString& term : strings(contextual.value(key))) {
                bool found = false;
                for (const TextIndex::Hit& h : index.find(term, 16)) {
                    // the sentence so far: "Monitor drift, latency and cost" lists needs across commas
                    const int start = index.tokenStart(h.token);
                    QString before = index.text().mid(qMax(0, start - 80), qMin(80, start));
                    const qsizetype stop =
                        qMax(before.lastIndexOf(QLatin1String(". ")),
                             qMax(before.lastIndexOf(QLatin1Char('?')), before.lastIndexOf(QLatin1Char('!'))));
                    if (stop >= 0)
                        before = before.mid(stop + 1);
                    if (!h.negated && (about.match(index.clause(h)).hasMatch() || about.match(before).hasMatch())) {
                        monitoring.append({key, term, h});
                        found = true;
                        break;
                    }
                }
                if (found)
                    break;
            }
        }
        QList<GroupHit> ordered;
        for (const QString& key : allowedValues(s("monitoring_requirements"))) {
            for (const GroupHit& h : std::as_const(monitoring)) {
                if (h.key == key)
                    ordered.append(h);
            }
        }
        monitoring = ordered;
    }
    if (!monitoring.isEmpty())
        d.set(s("monitoring_requirements"), keysOf(monitoring), 0.8, quotes(index, monitoring));

    // numbers
    const QList<Quantity> latencies = numbers.latencies(prompt);
    if (!latencies.isEmpty()) {
        const Quantity* best = &latencies.first();
        for (const Quantity& q : latencies) {
            if (q.confidence > best->confidence)
                best = &q;
        }
        d.set(s("latency_p99_ms"), best->value, best->confidence, best->span, best->note);
        if (best->ambiguous)
            d.ambiguity(s("latency_p99_ms"));
        for (const Quantity& q : latencies) {
            if (q.confidence == best->confidence && q.value != best->value) {
                d.conflict({s("latency_p99_ms")},
                           QStringLiteral("Two latency targets are stated: '%1' and '%2'.").arg(best->span, q.span));
                break;
            }
        }
    }
    const QList<Quantity> volumes = numbers.dailyVolumes(prompt);
    if (!volumes.isEmpty())
        d.set(s("throughput_requests_per_day"), volumes.first().value, volumes.first().confidence, volumes.first().span,
              volumes.first().note);
    const QList<Quantity> rates = numbers.peakRates(prompt);
    if (!rates.isEmpty()) {
        const Quantity* best = &rates.first();
        for (const Quantity& q : rates) {
            if (q.value > best->value)
                best = &q;
        }
        d.set(s("peak_rps"), best->value, best->confidence, best->span, best->note);
    }
    const double peakFactor =
        m_kb->techSpecs().value(s("assumptions")).toObject().value(s("peak_factor")).toDouble(3.0);
    if (d.values.contains(s("throughput_requests_per_day"))) {
        d.set(s("expected_throughput"), bandForThroughput(d.values.value(s("throughput_requests_per_day")).toDouble()),
              d.confidence.value(s("throughput_requests_per_day")).toDouble(),
              d.evidence.value(s("throughput_requests_per_day")).toString());
    } else if (d.values.contains(s("peak_rps"))) {
        const double perDay = d.values.value(s("peak_rps")).toDouble() * 86400.0 / peakFactor;
        d.set(s("expected_throughput"), bandForThroughput(perDay), 0.6, d.evidence.value(s("peak_rps")).toString(),
              QStringLiteral("daily volume estimated as peak x 86400 / peak factor %1").arg(peakFactor));
    }
    const QList<Quantity> avail = numbers.availabilities(prompt, lex.value(s("nines")).toObject());
    if (!avail.isEmpty()) {
        d.set(s("availability_target"), avail.first().value, avail.first().confidence, avail.first().span,
              avail.first().note);
        for (const Quantity& q : avail) {
            if (q.value != avail.first().value) {
                d.conflict({s("availability_target")},
                           QStringLiteral("Two availability targets: '%1' and '%2'.").arg(avail.first().span, q.span));
                break;
            }
        }
    } else {
        for (const QString& term : strings(lex.value(s("high_availability_terms")))) {
            const TextIndex::Hit h = index.first(term);
            if (h.token >= 0) {
                d.ambiguity(s("availability_target"));
                d.evidence.insert(s("availability_target"), index.clause(h));
                break;
            }
        }
    }
    const QList<Quantity> sizes = numbers.dataVolumes(prompt);
    if (!sizes.isEmpty()) {
        const Quantity* best = &sizes.first();
        for (const Quantity& q : sizes) {
            if (q.value > best->value)
                best = &q;
        }
        d.set(s("data_volume_gb"), best->value, best->confidence, best->span, best->note);
        if (best->ambiguous)
            d.ambiguity(s("data_volume_gb"));
    }
    const QList<Quantity> teams = numbers.teamSizes(prompt, lex.value(s("number_words")).toObject());
    if (!teams.isEmpty()) {
        d.set(s("team_size"), int(teams.first().value), teams.first().confidence, teams.first().span,
              teams.first().note);
    } else {
        for (const char* solo :
             {"solo", "just me", "by myself", "only me", "one-person", "single developer", "solo founder"}) {
            const TextIndex::Hit h = index.first(s(solo));
            if (h.token >= 0) {
                d.set(s("team_size"), 1, 0.8, index.clause(h));
                break;
            }
        }
    }

    // workloads, with inferences from tasks and numbers
    {
        QList<GroupHit> w =
            matchGroups(index, lex.value(s("workloads")).toObject(), allowedValues(s("workload_types")));
        QJsonArray types = keysOf(w);
        QString quote = quotes(index, w);
        double conf = w.isEmpty() ? 0.0 : 0.85;
        const auto infer = [&](const QString& type, const QString& why) {
            if (!types.contains(type)) {
                types.append(type);
                d.assumptions.insert(
                    s("workload_types"),
                    QString(d.assumptions.value(s("workload_types")).toString() + QLatin1Char(' ') + why).trimmed());
                conf = conf == 0.0 ? 0.7 : qMin(conf, 0.8);
            }
        };
        const QJsonArray taskList = d.values.value(s("ml_tasks")).toArray();
        if (taskList.contains(s("llm")) || taskList.contains(s("rag")))
            infer(s("llm_serving"), s("LLM/RAG task implies LLM serving."));
        // A latency target implies a request path, except a stream's seconds-scale end-to-end latency.
        const double latency = d.values.value(s("latency_p99_ms")).toDouble(-1);
        const bool streaming = types.contains(s("streaming_inference"));
        if ((latency > 0 || d.values.contains(s("peak_rps"))) && (!streaming || (latency > 0 && latency <= 1000)) &&
            !types.contains(s("online_inference")) && !types.contains(s("llm_serving")))
            infer(s("online_inference"), s("A request latency or rate implies online inference."));
        if (!types.isEmpty()) {
            QJsonArray ordered;
            for (const QString& t : allowedValues(s("workload_types"))) {
                if (types.contains(t))
                    ordered.append(t);
            }
            d.set(s("workload_types"), ordered, conf, quote, d.assumptions.value(s("workload_types")).toString());
        }
    }

    // size of a named LLM ("Llama 3 70B", "a 13-billion-parameter model"): not a schema field but it decides the GPU;
    // kept with the other meta information
    double llmParams = 0;
    QString llmParamsQuote;
    if (d.values.value(s("workload_types")).toArray().contains(s("llm_serving"))) {
        static const QRegularExpression size(s("\\b(\\d{1,3}(?:\\.\\d)?)\\s?(?:b\\b|-?b-|billion[- ]param)"),
                                             QRegularExpression::CaseInsensitiveOption);
        const auto m = size.match(prompt);
        if (m.hasMatch()) {
            llmParams = m.captured(1).toDouble();
            llmParamsQuote = index.clauseAt(int(m.capturedStart()), int(m.capturedEnd()));
        }
    }

    // compliance and data sensitivity
    {
        const QStringList direct = strings(lex.value(s("compliance_direct_terms")));
        const QList<GroupHit> packs = matchGroupsStrictNegation(index, lex.value(s("compliance")).toObject(), negators,
                                                                allowedValues(s("compliance_requirements")));
        if (!packs.isEmpty()) {
            bool allDirect = true;
            QStringList implied;
            for (const GroupHit& h : packs) {
                if (!direct.contains(h.term)) {
                    allDirect = false;
                    implied.append(QStringLiteral("%1 implied by '%2'").arg(h.key, index.span(h.hit)));
                }
            }
            d.set(s("compliance_requirements"), keysOf(packs), allDirect ? 0.95 : 0.7, quotes(index, packs),
                  implied.join(s("; ")));
        }
        const QJsonArray packList = d.values.value(s("compliance_requirements")).toArray();
        const QList<GroupHit> cls = matchGroups(index, lex.value(s("classification")).toObject(),
                                                {s("restricted"), s("sensitive"), s("public"), s("internal")});
        if (packList.contains(s("HIPAA")) || packList.contains(s("PCI-DSS")) || packList.contains(s("FedRAMP"))) {
            d.set(s("data_classification"), s("restricted"), 0.9,
                  d.evidence.value(s("compliance_requirements")).toString(),
                  s("health, card or government data is restricted"));
        } else if (!cls.isEmpty() && cls.first().key == QLatin1String("restricted")) {
            d.set(s("data_classification"), s("restricted"), 0.8, index.clause(cls.first().hit));
        } else if (packList.contains(s("GDPR")) || packList.contains(s("CCPA")) ||
                   (!cls.isEmpty() && cls.first().key == QLatin1String("sensitive"))) {
            d.set(s("data_classification"), s("sensitive"), 0.8,
                  cls.isEmpty() ? d.evidence.value(s("compliance_requirements")).toString()
                                : index.clause(cls.first().hit));
        } else if (!cls.isEmpty()) {
            d.set(s("data_classification"), cls.first().key, 0.75, index.clause(cls.first().hit));
        }
        const QList<GroupHit> residency = matchGroups(index, lex.value(s("residency")).toObject());
        static const QRegularExpression stay(
            s("stay|remain|resid|within|only|host|stor|keep|sovereign|locat|never leave|must be in|based in"),
            QRegularExpression::CaseInsensitiveOption);
        // a stated obligation ("must stay in the EU") beats a place merely named ("a shop in Germany and France")
        const GroupHit* best = nullptr;
        bool bestFirm = false;
        for (const GroupHit& h : residency) {
            const bool firm = stay.match(index.clause(h.hit)).hasMatch();
            if (!best || (firm && !bestFirm) || (firm == bestFirm && h.hit.token < best->hit.token)) {
                best = &h;
                bestFirm = firm;
            }
        }
        if (best) {
            const QString clause = index.clause(best->hit);
            const bool firm = stay.match(clause).hasMatch();
            d.set(s("data_residency"), best->key, firm ? 0.85 : 0.55, clause,
                  firm ? QString() : s("region named without a residency requirement"));
            if (!firm)
                d.ambiguity(s("data_residency"));
        }
    }

    // DR
    for (const QString& term : strings(lex.value(s("dr_terms")))) {
        const QList<TextIndex::Hit> hits = index.find(term, 4);
        if (hits.isEmpty())
            continue;
        const bool negated = std::all_of(hits.begin(), hits.end(), [](const TextIndex::Hit& h) { return h.negated; });
        d.set(s("disaster_recovery_required"), !negated, 0.85, index.clause(hits.first()));
        break;
    }
    if (!d.values.contains(s("disaster_recovery_required")))
        d.assume(s("disaster_recovery_required"), false, 0.5, s("not mentioned; no disaster recovery assumed"));

    // GPU
    {
        const QJsonObject gpu = lex.value(s("gpu")).toObject();
        GroupHit no{}, yes{};
        for (const QString& term : strings(gpu.value(s("not_required")))) {
            if (const TextIndex::Hit h = index.first(term); h.token >= 0) {
                no = {s("no"), term, h};
                break;
            }
        }
        for (const QString& term : strings(gpu.value(s("required")))) {
            if (const TextIndex::Hit h = index.first(term);
                h.token >= 0 && (yes.hit.token < 0 || h.token < yes.hit.token))
                yes = {s("yes"), term, h};
        }
        const auto direct = [](const QString& term) {
            return term.contains(QLatin1String("gpu")) || term.contains(QLatin1String("cuda")) ||
                   term.contains(QLatin1String("nvidia")) ||
                   std::any_of(term.begin(), term.end(), [](QChar c) { return c.isDigit(); });
        };
        if (no.hit.token >= 0) {
            d.set(s("gpu_required"), false, 0.9, index.clause(no.hit));
            // any GPU named outright (not merely implied by "fine-tune") contradicts the exclusion
            GroupHit named{};
            for (const QString& term : strings(gpu.value(s("required")))) {
                if (!direct(term))
                    continue;
                if (const TextIndex::Hit h = index.first(term);
                    h.token >= 0 && (named.hit.token < 0 || h.token < named.hit.token))
                    named = {s("yes"), term, h};
            }
            if (named.hit.token >= 0) {
                d.conflict({s("gpu_required")}, QStringLiteral("GPUs are both excluded ('%1') and named ('%2').")
                                                    .arg(index.span(no.hit), index.span(named.hit)));
                d.ambiguity(s("gpu_required"));
            }
        } else if (yes.hit.token >= 0) {
            d.set(s("gpu_required"), true, direct(yes.term) ? 0.9 : 0.7, index.clause(yes.hit),
                  direct(yes.term) ? QString() : QStringLiteral("'%1' implies GPUs").arg(index.span(yes.hit)));
        }
    }

    // training frequency: only in a clause about (re)training
    {
        const QList<GroupHit> freq =
            matchGroups(index, lex.value(s("training_frequency")).toObject(),
                        {s("continuous"), s("hourly"), s("daily"), s("weekly"), s("monthly"), s("one_time")});
        static const QRegularExpression about(
            s("train|refit|refresh|update the model|models? (?:are|is) updated|re-train"),
            QRegularExpression::CaseInsensitiveOption);
        for (const GroupHit& h : freq) {
            const QString clause = index.clause(h.hit);
            if (h.key == QLatin1String("continuous") || about.match(clause).hasMatch()) {
                d.set(s("training_frequency"), h.key, 0.85, clause);
                break;
            }
        }
    }

    // flat term lists
    const auto flatList = [&](const QString& listKey, const QString& aliasKey, const QString& field, double conf) {
        const QJsonObject aliases = lex.value(aliasKey).toObject();
        QJsonArray values;
        QList<GroupHit> hits;
        for (const QString& term : strings(lex.value(listKey))) {
            const TextIndex::Hit h = index.first(term);
            if (h.token < 0)
                continue;
            const QString value = aliases.value(term).toString(term);
            if (!values.contains(value)) {
                values.append(value);
                hits.append({value, term, h});
            }
        }
        if (!values.isEmpty())
            d.set(field, values, conf, quotes(index, hits));
    };
    flatList(s("frameworks"), s("framework_aliases"), s("frameworks"), 0.95);
    flatList(s("tools"), s("tool_aliases"), s("existing_tools"), 0.85);
    flatList(s("data_sources"), s("tool_aliases"), s("data_sources"), 0.8);

    // team expertise: skills named in a clause about the team
    {
        static const QRegularExpression teamContext(
            s("team|experience|expertise|skill|know|familiar|comfortable|engineers|we have|our|fluent|proficient"),
            QRegularExpression::CaseInsensitiveOption);
        QJsonArray skills;
        QList<GroupHit> used;
        for (const GroupHit& h : matchGroups(index, lex.value(s("expertise")).toObject())) {
            if (teamContext.match(index.clause(h.hit)).hasMatch()) {
                skills.append(h.key);
                used.append(h);
            }
        }
        for (const QString& term : strings(lex.value(s("limited_ops")))) {
            const QList<TextIndex::Hit> hits = index.find(term, 1);
            if (!hits.isEmpty()) {
                skills.append(s("limited_ops"));
                used.append({s("limited_ops"), term, hits.first()});
                break;
            }
        }
        if (!skills.isEmpty())
            d.set(s("team_expertise"), skills, 0.7, quotes(index, used));
    }

    // project name
    {
        static const QRegularExpression named(
            s("\\b(?:called|named|codename|code-named|project)\\s+[\"“']?([A-Z][A-Za-z0-9_-]{2,40})"));
        const auto m = named.match(prompt);
        if (m.hasMatch()) {
            QString slug = m.captured(1).toLower();
            slug.replace(QLatin1Char('_'), QLatin1Char('-'));
            d.set(s("project_name"), slug, 0.9, m.captured(0));
        } else {
            d.assume(s("project_name"), s("ml-platform"), 0.3, s("no project name in the text; default name used"));
        }
    }

    // assemble: every schema field present, null or [] when unknown
    QJsonObject out;
    QJsonArray missing;
    for (const QString& f : kFields) {
        if (d.values.contains(f)) {
            out.insert(f, d.values.value(f));
        } else {
            out.insert(f, kListFields.contains(f) ? QJsonValue(QJsonArray()) : QJsonValue(QJsonValue::Null));
            missing.append(f);
        }
    }
    for (const QString& f : kListFields) {
        if (d.values.contains(f) && d.values.value(f).toArray().isEmpty() && !missing.contains(f))
            missing.append(f);
    }
    const double minConf = m_kb->coverage().value(s("min_confidence")).toDouble(0.5);
    for (auto it = d.confidence.begin(); it != d.confidence.end(); ++it) {
        if (it.value().toDouble() < minConf && !d.assumptions.contains(it.key()))
            d.ambiguity(it.key());
    }
    out.insert(s("field_confidence"), d.confidence);
    out.insert(s("evidence"), d.evidence);
    out.insert(s("assumptions"), d.assumptions);
    out.insert(s("missing_fields"), missing);
    out.insert(s("ambiguous_fields"), QJsonArray::fromStringList(d.ambiguous));
    out.insert(s("conflicts"), d.conflicts);
    out.insert(s("extraction_method"), s("rules"));
    if (llmParams > 0) {
        out.insert(s("llm_parameters_b"), llmParams);
        QJsonObject evidence = out.value(s("evidence")).toObject();
        evidence.insert(s("llm_parameters_b"), llmParamsQuote);
        out.insert(s("evidence"), evidence);
    }
    // The text's contradictions plus the knowledge base's conflict rules: what coverage_check will report too.
    out.insert(s("conflicts"), ConstraintConflicts::detect(*m_kb, out));
    return out;
}

} // namespace mlops
