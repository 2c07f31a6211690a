#include "llm/ConstraintSchema.h"

#include <QHash>
#include <QJsonArray>

namespace mlops::ConstraintSchema {

namespace {

QString k(const char* text) {
    return QString::fromLatin1(text);
}

QJsonArray names(std::initializer_list<const char*> list) {
    QJsonArray a;
    for (const char* n : list)
        a.append(k(n));
    return a;
}

QJsonObject enumOf(std::initializer_list<const char*> list) {
    return {{k("type"), k("string")}, {k("enum"), names(list)}};
}

QJsonObject listOf(const QJsonObject& item, int maxItems = 12) {
    return {{k("type"), k("array")}, {k("items"), item}, {k("maxItems"), maxItems}};
}

QJsonObject number(double min, double max) {
    return {{k("type"), k("number")}, {k("minimum"), min}, {k("maximum"), max}};
}

// Lower-case tool names and short free text: enough for the planner, nothing that could be a path or command.
QJsonObject name(int maxLength = 40) {
    return {{k("type"), k("string")}, {k("maxLength"), maxLength}, {k("pattern"), k("^[a-z0-9][a-z0-9._+ -]*$")}};
}

struct Field {
    QJsonObject schema;
    const char* description;
};

const QHash<QString, Field>& fields() {
    static const QHash<QString, Field> table = {
        {k("project_name"),
         {{{k("type"), k("string")}, {k("pattern"), k("^[a-z0-9][a-z0-9-]{1,59}$")}},
          "short kebab-case name of the system"}},
        {k("cloud_provider"), {enumOf({"aws", "gcp", "azure", "on_prem"}), "where it runs"}},
        {k("regions"),
         {listOf({{k("type"), k("string")}, {k("pattern"), k("^[a-z]{2}[a-z0-9-]{1,30}$")}}, 6),
          "cloud region ids, e.g. eu-west-1"}},
        {k("budget_monthly_usd"), {number(0, 1e9), "monthly infrastructure budget in USD"}},
        {k("deployment_preference"),
         {enumOf({"serverless", "containers", "kubernetes", "managed", "edge"}), "how to deploy"}},
        {k("workload_types"),
         {listOf(enumOf({"batch_training", "online_inference", "streaming_inference", "batch_inference",
                         "feature_engineering", "data_processing", "model_experimentation", "llm_serving"})),
          "kinds of ML workload"}},
        {k("latency_p99_ms"), {number(0, 1e7), "p99 serving latency in milliseconds"}},
        {k("throughput_requests_per_day"), {number(0, 1e13), "predictions or requests per day"}},
        {k("peak_rps"), {number(0, 1e9), "peak requests per second"}},
        {k("availability_target"), {number(0, 100), "availability target in percent, e.g. 99.9"}},
        {k("disaster_recovery_required"), {{{k("type"), k("boolean")}}, "whether disaster recovery is required"}},
        {k("compliance_requirements"),
         {listOf(enumOf({"HIPAA", "GDPR", "PCI-DSS", "SOC2", "SOX", "ISO27001", "FedRAMP", "CCPA"})),
          "regulations that apply"}},
        {k("data_classification"), {enumOf({"public", "internal", "sensitive", "restricted"}), "data sensitivity"}},
        {k("data_residency"),
         {{{k("type"), k("string")}, {k("maxLength"), 40}, {k("pattern"), k("^[A-Za-z][A-Za-z .-]*$")}},
          "where data must stay, e.g. EU"}},
        {k("data_sources"), {listOf(name(60)), "where the data comes from"}},
        {k("data_modalities"),
         {listOf(enumOf({"tabular", "image", "text", "time_series", "audio", "video", "graph"})), "kinds of data"}},
        {k("data_volume_gb"), {number(0, 1e9), "data volume in GB"}},
        {k("ml_tasks"),
         {listOf(enumOf({"classification", "regression", "recommendation", "forecasting", "anomaly_detection", "nlp",
                         "computer_vision", "llm", "rag", "ranking", "clustering"})),
          "ML tasks"}},
        {k("frameworks"), {listOf(name()), "ML frameworks, lower case"}},
        {k("existing_tools"), {listOf(name()), "tools already in use, lower case"}},
        {k("training_frequency"),
         {enumOf({"one_time", "monthly", "weekly", "daily", "hourly", "continuous"}), "how often models retrain"}},
        {k("gpu_required"), {{{k("type"), k("boolean")}}, "whether GPUs are needed"}},
        {k("team_size"),
         {{{k("type"), k("integer")}, {k("minimum"), 1}, {k("maximum"), 100000}}, "people on the team"}},
        {k("team_expertise"), {listOf(name(60)), "skills the team has"}},
        {k("monitoring_requirements"),
         {listOf(enumOf({"drift", "performance", "latency", "data_quality", "explainability", "fairness", "cost"})),
          "what to monitor"}},
    };
    return table;
}

} // namespace

QStringList askableFields() {
    QStringList out = fields().keys();
    out.sort();
    return out;
}

QJsonObject fieldSchema(const QString& field) {
    return fields().value(field).schema;
}

QString describe(const QString& field) {
    const auto it = fields().constFind(field);
    return it == fields().constEnd() ? QString() : QString::fromLatin1(it->description);
}

} // namespace mlops::ConstraintSchema
