#include "codegen/AzureMonitoring.h"

#include "codegen/AzureSyntax.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AzureSyntax;

namespace {

HclBlock metricAlert(const QString& name, const QString& scope, const QString& description,
                     const QString& severityWindow, const QString& nameSpace, const QString& metric,
                     const QString& aggregation, double threshold, int severity) {
    return resource(s("azurerm_monitor_metric_alert"), name)
        .attr(s("name"), named(QString(name).replace(QLatin1Char('_'), QLatin1Char('-'))))
        .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
        .attr(s("scopes"), refs({scope}))
        .str(s("description"), description)
        .num(s("severity"), severity)
        .str(s("frequency"), s("PT1M"))
        .str(s("window_size"), severityWindow)
        .block(HclBlock(s("criteria"))
                   .str(s("metric_namespace"), nameSpace)
                   .str(s("metric_name"), metric)
                   .str(s("aggregation"), aggregation)
                   .str(s("operator"), s("GreaterThan"))
                   .num(s("threshold"), threshold))
        .block(HclBlock(s("action")).expr(s("action_group_id"), s("azurerm_monitor_action_group.oncall.id")))
        .expr(s("tags"), s("local.tags"));
}

double latencyTargetMs(const RenderInput& in) {
    return in.latencyP99Ms() > 0 ? in.latencyP99Ms() : 500;
}

// Azure Monitor managed Prometheus for the AKS cluster: the workspace, a data collection rule that forwards the
// cluster's Prometheus metrics to it, the p99 latency rule the repository's monitoring/prometheus/rules.yml also
// carries, and Managed Grafana reading the workspace (reached through a private endpoint).
void managedPrometheus(const RenderInput& in, TerraformModule& m, HclWriter& mon) {
    mon.add(azure(s("azurerm_monitor_workspace"), s("prometheus"), s("amw")).expr(s("tags"), s("local.tags")));
    mon.add(azure(s("azurerm_monitor_data_collection_endpoint"), s("prometheus"), s("prom-dce"))
                .str(s("kind"), s("Linux"))
                .expr(s("tags"), s("local.tags")));
    mon.add(azure(s("azurerm_monitor_data_collection_rule"), s("prometheus"), s("prom-dcr"))
                .str(s("kind"), s("Linux"))
                .expr(s("data_collection_endpoint_id"), s("azurerm_monitor_data_collection_endpoint.prometheus.id"))
                .block(HclBlock(s("destinations"))
                           .block(HclBlock(s("monitor_account"))
                                      .expr(s("monitor_account_id"), s("azurerm_monitor_workspace.prometheus.id"))
                                      .str(s("name"), s("prometheus"))))
                .block(HclBlock(s("data_flow"))
                           .attr(s("streams"), HclValue::strings({s("Microsoft-PrometheusMetrics")}))
                           .attr(s("destinations"), HclValue::strings({s("prometheus")})))
                .block(HclBlock(s("data_sources"))
                           .block(HclBlock(s("prometheus_forwarder"))
                                      .str(s("name"), s("PrometheusDataSource"))
                                      .attr(s("streams"), HclValue::strings({s("Microsoft-PrometheusMetrics")}))))
                .expr(s("tags"), s("local.tags")));
    mon.add(resource(s("azurerm_monitor_data_collection_rule_association"), s("prometheus"))
                .attr(s("name"), named(s("prom-dcra")))
                .expr(s("target_resource_id"), s("azurerm_kubernetes_cluster.main.id"))
                .expr(s("data_collection_rule_id"), s("azurerm_monitor_data_collection_rule.prometheus.id")));
    const double p99 = latencyTargetMs(in) / 1000.0;
    mon.add(
        azure(s("azurerm_monitor_alert_prometheus_rule_group"), s("serving"), s("serving-rules"))
            .expr(s("cluster_name"), s("azurerm_kubernetes_cluster.main.name"))
            .attr(s("scopes"), refs({s("azurerm_monitor_workspace.prometheus.id")}))
            .flag(s("rule_group_enabled"), true)
            .str(s("interval"), s("PT1M"))
            .block(
                HclBlock(s("rule"))
                    .str(s("alert"), s("PredictionLatencyP99High"))
                    .flag(s("enabled"), true)
                    .str(s("expression"),
                         s("histogram_quantile(0.99, sum(rate(prediction_latency_seconds_bucket[5m])) by (le)) > ") +
                             QString::number(p99))
                    .str(s("for"), s("PT10M"))
                    .num(s("severity"), 2)
                    .block(
                        HclBlock(s("action")).expr(s("action_group_id"), s("azurerm_monitor_action_group.oncall.id")))
                    .block(HclBlock(s("alert_resolution"))
                               .flag(s("auto_resolved"), true)
                               .str(s("time_to_resolve"), s("PT10M")))
                    .attr(s("annotations"),
                          HclValue::object({{s("summary"), text(s("p99 prediction latency above the ") +
                                                                QString::number(p99 * 1000) + s(" ms target"))}})))
            .expr(s("tags"), s("local.tags")));

    mon.add(azure(s("azurerm_dashboard_grafana"), s("main"), s("grafana"))
                .attr(s("name"), HclValue::interpolated(s("${local.compact_name}graf")))
                .str(s("sku"), s("Standard"))
                .str(s("grafana_major_version"), s("10"))
                .flag(s("public_network_access_enabled"), false)
                .block(systemIdentity())
                .block(HclBlock(s("azure_monitor_workspace_integrations"))
                           .expr(s("resource_id"), s("azurerm_monitor_workspace.prometheus.id")))
                .expr(s("tags"), s("local.tags")));
    mon.add(roleAssignment(s("grafana_metrics"), s("azurerm_monitor_workspace.prometheus.id"),
                           s("Monitoring Data Reader"), s("azurerm_dashboard_grafana.main.identity[0].principal_id")));
    ensureEndpointSubnet(m);
    privateEndpoint(mon, s("grafana"), s("azurerm_dashboard_grafana.main.id"), s("grafana"),
                    s("privatelink.grafana.azure.com"));
    m.output(s("grafana_endpoint"), s("azurerm_dashboard_grafana.main.endpoint"),
             s("Managed Grafana (private endpoint) with the Prometheus workspace as data source"));
    m.output(s("prometheus_query_endpoint"), s("azurerm_monitor_workspace.prometheus.query_endpoint"),
             s("PromQL endpoint of the Azure Monitor workspace"));
}

} // namespace

void AzureMonitoring::renderFoundation(const RenderInput& in, TerraformModule& m) {
    HclWriter& mon =
        m.file(s("monitoring.tf"), s("Monitoring: Log Analytics (") + QString::number(in.logRetentionDays()) +
                                       s(" days), Application Insights, alerts to an action group."));
    mon.add(azure(s("azurerm_log_analytics_workspace"), s("main"), s("logs"))
                .str(s("sku"), s("PerGB2018"))
                .num(s("retention_in_days"), std::min(730, in.logRetentionDays()))
                .expr(s("tags"), s("local.tags")));
    mon.add(azure(s("azurerm_application_insights"), s("main"), s("appi"))
                .expr(s("workspace_id"), s("azurerm_log_analytics_workspace.main.id"))
                .str(s("application_type"), s("other"))
                .expr(s("tags"), s("local.tags")));
    m.variable(s("alert_email"), s("string"), s("Where alerts are sent."), text(s("ml-oncall@example.com")));
    mon.add(resource(s("azurerm_monitor_action_group"), s("oncall"))
                .attr(s("name"), named(s("oncall")))
                .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
                .str(s("short_name"), s("mloncall"))
                .block(HclBlock(s("email_receiver"))
                           .str(s("name"), s("oncall"))
                           .expr(s("email_address"), s("var.alert_email")))
                .expr(s("tags"), s("local.tags")));
}

void AzureMonitoring::renderAlerts(const RenderInput& in, TerraformModule& m) {
    HclWriter& mon = m.file(s("monitoring.tf"));
    const QString serving = in.serviceOf(s("serving"));
    if (in.serviceOf(s("monitoring")) == ServiceId::AzurermMonitorWorkspace &&
        in.plans(ServiceId::AzurermKubernetesCluster))
        managedPrometheus(in, m, mon);

    // Every plan trains through Azure ML pipelines or jobs on the workspace: a failed run pages whoever is on call.
    mon.add(metricAlert(s("pipeline_failures"), s("azurerm_machine_learning_workspace.main.id"),
                        s("An Azure ML pipeline or job run failed"), s("PT1H"),
                        s("Microsoft.MachineLearningServices/workspaces"), s("Failed Runs"), s("Total"), 0, 2)
                .str(s("frequency"), s("PT15M")));
    if (serving == ServiceId::AzurermContainerApp && in.onlineServing())
        mon.add(metricAlert(s("serving_latency"), s("azurerm_container_app.serving.id"),
                            s("Response time above the p99 target"), s("PT5M"), s("Microsoft.App/containerApps"),
                            s("ResponseTime"), s("Average"), latencyTargetMs(in), 2));
    if (in.plans(ServiceId::AzurermStreamAnalyticsJob)) {
        // Watermark delay is how far the job's output lags event time: the streaming equivalent of latency.
        const double seconds = std::max(5.0, latencyTargetMs(in) / 1000.0);
        mon.add(metricAlert(s("stream_delay"), s("azurerm_stream_analytics_job.scoring.id"),
                            s("Stream scoring lags behind the events"), s("PT5M"),
                            s("Microsoft.StreamAnalytics/streamingjobs"), s("OutputWatermarkDelaySeconds"),
                            s("Maximum"), seconds, 2));
        mon.add(metricAlert(s("stream_errors"), s("azurerm_stream_analytics_job.scoring.id"),
                            s("Runtime errors in the stream scoring job"), s("PT5M"),
                            s("Microsoft.StreamAnalytics/streamingjobs"), s("Errors"), s("Total"), 0, 1));
    }
    if (in.plans(ServiceId::AzurermKubernetesCluster))
        mon.add(metricAlert(s("cluster_cpu"), s("azurerm_kubernetes_cluster.main.id"),
                            s("Cluster nodes above 80 % CPU: the autoscaler is at its limit"), s("PT15M"),
                            s("Microsoft.ContainerService/managedClusters"), s("node_cpu_usage_percentage"),
                            s("Average"), 80, 2));
}

} // namespace mlops
