#include "codegen/MonitoringRenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace mlops {

namespace {

QString s(const char* t) {
    return QString::fromLatin1(t);
}

std::string u(const QString& text) {
    return text.toStdString();
}

void rule(YAML::Emitter& e, const QString& alert, const QString& expr, const QString& duration, const QString& severity,
          const QString& summary) {
    e << YAML::BeginMap << YAML::Key << "alert" << YAML::Value << u(alert) << YAML::Key << "expr" << YAML::Value
      << u(expr) << YAML::Key << "for" << YAML::Value << u(duration) << YAML::Key << "labels" << YAML::Value
      << YAML::BeginMap << YAML::Key << "severity" << YAML::Value << u(severity) << YAML::EndMap << YAML::Key
      << "annotations" << YAML::Value << YAML::BeginMap << YAML::Key << "summary" << YAML::Value << u(summary)
      << YAML::EndMap << YAML::EndMap;
}

QJsonObject panel(int id, const QString& title, const QString& expr, const QString& unit, int x, int y) {
    return {{s("id"), id},
            {s("type"), s("timeseries")},
            {s("title"), title},
            {s("datasource"), QJsonObject{{s("type"), s("prometheus")}, {s("uid"), s("${datasource}")}}},
            {s("gridPos"), QJsonObject{{s("h"), 8}, {s("w"), 12}, {s("x"), x}, {s("y"), y}}},
            {s("fieldConfig"),
             QJsonObject{{s("defaults"), QJsonObject{{s("unit"), unit}}}, {s("overrides"), QJsonArray()}}},
            {s("targets"), QJsonArray{QJsonObject{{s("expr"), expr}, {s("refId"), s("A")}}}}};
}

} // namespace

void MonitoringRenderer::render(const RenderInput& in, GeneratedRepository& repo) {
    const double p99 = in.latencyP99Ms() > 0 ? in.latencyP99Ms() / 1000.0 : 0.5;
    const double availability = in.constraints.value(s("availability_target")).toDouble(99.5);
    const double errorBudget = std::max(0.0001, (100.0 - availability) / 100.0);

    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
    e << YAML::BeginMap << YAML::Key << "name" << YAML::Value << u(in.project() + s("-model")) << YAML::Key << "rules"
      << YAML::Value << YAML::BeginSeq;
    if (in.onlineServing()) {
        rule(e, s("PredictionLatencyP99High"),
             s("histogram_quantile(0.99, sum(rate(prediction_latency_seconds_bucket[5m])) by (le)) > ") +
                 QString::number(p99),
             s("10m"), s("page"),
             s("p99 prediction latency above the ") + QString::number(p99 * 1000) + s(" ms target"));
        rule(e, s("PredictionErrorBudgetBurn"),
             s("sum(rate(prediction_requests_total{status!=\"ok\"}[1h])) / sum(rate(prediction_requests_total[1h])) "
               "> ") +
                 QString::number(errorBudget * 14.4),
             s("5m"), s("page"),
             s("error rate burns the ") + QString::number(availability) + s(" % availability budget 14x too fast"));
    }
    rule(e, s("FeatureDriftDetected"), s("max(ml_feature_drift_psi) > 0.2"), s("0m"), s("ticket"),
         s("a feature drifted beyond PSI 0.2; review and consider retraining"));
    rule(e, s("TrainingPipelineStale"),
         s("time() - max(ml_training_last_success_timestamp_seconds) > ") +
             QString::number(in.trainingSchedule() == QLatin1String("0 2 * * *") ? 2 * 86400 : 9 * 86400),
         s("30m"), s("ticket"), s("no successful training run within the expected schedule"));
    e << YAML::EndSeq << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
    repo.add(s("monitoring/prometheus/rules.yml"), QByteArray("---\n") + QByteArray(e.c_str()) + '\n');

    QJsonArray panels;
    int id = 1;
    if (in.onlineServing()) {
        panels.append(panel(id++, s("p99 latency"),
                            s("histogram_quantile(0.99, sum(rate(prediction_latency_seconds_bucket[5m])) by (le))"),
                            s("s"), 0, 0));
        panels.append(panel(id++, s("Requests by status"), s("sum(rate(prediction_requests_total[5m])) by (status)"),
                            s("reqps"), 12, 0));
    }
    panels.append(panel(id++, s("Feature drift (PSI)"), s("ml_feature_drift_psi"), s("none"), 0, 8));
    panels.append(panel(id++, s("Hours since last training"),
                        s("(time() - max(ml_training_last_success_timestamp_seconds)) / 3600"), s("h"), 12, 8));
    QJsonArray datasources;
    datasources.append(
        QJsonObject{{s("name"), s("datasource")}, {s("type"), s("datasource")}, {s("query"), s("prometheus")}});
    const QJsonObject dashboard{{s("title"), QString(in.project() + s(" model health"))},
                                {s("uid"), in.project().left(40)},
                                {s("schemaVersion"), 39},
                                {s("tags"), QJsonArray{s("ml"), in.project()}},
                                {s("time"), QJsonObject{{s("from"), s("now-24h")}, {s("to"), s("now")}}},
                                {s("templating"), QJsonObject{{s("list"), datasources}}},
                                {s("panels"), panels}};
    repo.add(s("monitoring/grafana/dashboard.json"), QJsonDocument(dashboard).toJson(QJsonDocument::Indented));

    YAML::Emitter d;
    d << YAML::BeginMap << YAML::Key << "job" << YAML::Value << "feature-drift" << YAML::Key << "schedule"
      << YAML::Value << "0 6 * * *" << YAML::Key << "command" << YAML::Value << YAML::Flow << YAML::BeginSeq << "python"
      << "-m"
      << "app.monitoring.drift" << YAML::EndSeq << YAML::Key << "threshold_psi" << YAML::Value << 0.2 << YAML::Key
      << "monitors" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString& m : in.monitoring())
        d << u(m);
    d << YAML::EndSeq << YAML::EndMap;
    repo.add(s("monitoring/drift-job.yml"), QByteArray("---\n") + QByteArray(d.c_str()) + '\n');
}

} // namespace mlops
