#include "agents/IntakeExtractor.h"

#include "agents/ConstraintConflicts.h"
#include "agents/QuantityGrammar.h"
#include "agents/QuantityParser.h"
#include "agents/TextIndex.h"
#include "agents/extract/FieldExtractors.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
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
[[maybe_unused]] const QStringList kNumberFields = {
    s("budget_monthly_usd"), s("latency_p99_ms"),      s("throughput_requests_per_day"),
    s("peak_rps"),           s("availability_target"), s("data_volume_gb"),
    s("team_size")};
[[maybe_unused]] const QStringList kBoolFields = {s("disaster_recovery_required"), s("gpu_required")};

} // namespace

IntakeExtractor::IntakeExtractor(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QStringList IntakeExtractor::fieldNames() {
    return kFields;
}

QStringList IntakeExtractor::metaNames() {
    return {s("field_confidence"),  s("evidence"),       s("missing_fields"),   s("ambiguous_fields"), s("conflicts"),
            s("extraction_method"), s("assumptions"),    s("llm_parameters_b"), s("provenance"),       s("derivations"),
            s("owned_tools"),       s("owned_hardware"), s("controls")};
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

namespace {

// "de" when at least three whole words of the text are German markers (lexicon language_markers), else "en".
QString textLanguage(const QString& text, const QJsonObject& markers) {
    for (auto it = markers.begin(); it != markers.end(); ++it) {
        QSet<QString> words;
        for (const QJsonValue& w : it.value().toArray())
            words.insert(w.toString());
        int hits = 0;
        static const QRegularExpression word(QStringLiteral("\\p{L}+"));
        for (auto m = word.globalMatch(text); m.hasNext() && hits < 3;) {
            if (words.contains(m.next().captured().toLower()))
                ++hits;
        }
        if (hits >= 3)
            return it.key();
    }
    return QStringLiteral("en");
}

} // namespace

QJsonObject IntakeExtractor::extract(const QString& prompt) const {
    using extract::Context;
    using extract::Draft;
    const QJsonObject lex = m_kb->lexicon();
    QSet<QString> negators;
    for (const QString& n : extract::strings(lex.value(s("negators"))))
        negators.insert(n);
    const TextIndex index(prompt, negators);
    const QuantityParser numbers(lex.value(s("currency_rates")).toObject());
    // The text's language chooses the quantity grammar: separators differ ("1.500" is 1500 in German).
    const QString language = textLanguage(prompt, lex.value(s("language_markers")).toObject());
    const QList<QuantityGrammar> all = QuantityGrammar::forLexicon(lex);
    QList<QuantityGrammar> grammars;
    for (const QuantityGrammar& g : all) {
        if (g.language() == language)
            grammars.append(g);
    }
    if (grammars.isEmpty())
        grammars = all.mid(0, 1);
    Draft d;
    Context c{prompt, index, lex, negators, grammars, numbers, *m_kb, d};

    // Order matters where one field reads another: regions read the cloud, workloads read tasks, latency and
    // rates, the LLM size reads the workloads, classification reads compliance.
    extract::extractCloud(c);
    extract::extractRegions(c);
    extract::extractBudget(c);
    extract::extractDeployment(c);
    extract::extractTasksAndModalities(c);
    extract::extractMonitoring(c);
    extract::extractLatency(c);
    extract::extractThroughput(c);
    extract::extractAvailability(c);
    extract::extractDataVolume(c);
    extract::extractTeamSize(c);
    extract::extractWorkloads(c);
    QString llmParamsQuote;
    const double llmParams = extract::extractLlmSize(c, &llmParamsQuote);
    extract::extractCompliance(c);
    extract::extractResidency(c);
    extract::extractDisasterRecovery(c);
    extract::extractGpu(c);
    extract::extractTrainingFrequency(c);
    extract::extractToolLists(c);
    extract::extractTeamExpertise(c);
    extract::extractProjectName(c);
    extract::extractControls(c);
    extract::extractOwnedHardware(c);

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
    out.insert(s("provenance"), d.provenance);
    out.insert(s("derivations"), d.derivations);
    out.insert(s("missing_fields"), missing);
    out.insert(s("ambiguous_fields"), QJsonArray::fromStringList(d.ambiguous));
    out.insert(s("conflicts"), d.conflicts);
    out.insert(s("extraction_method"), s("rules"));
    out.insert(s("owned_tools"), QJsonArray::fromStringList(d.ownedTools));
    out.insert(s("owned_hardware"), QJsonArray::fromStringList(d.ownedHardware));
    out.insert(s("controls"), QJsonArray::fromStringList(d.controls));
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
