#include "codegen/OnPremTerraform.h"

#include "codegen/TerraformSyntax.h"

namespace mlops {

using namespace TerraformSyntax;

namespace {

QString s(const char* t)
{
    return QString::fromLatin1(t);
}

struct Chart {
    const char* release;
    const char* repository;
    const char* chart;
    const char* version;
};

// Pinned charts for the on-prem services the plan names (`helm_release.<release>`).
const Chart kCharts[] = {
    {"minio", "https://charts.min.io/", "minio", "5.2.0"},
    {"trino", "https://trinodb.github.io/charts", "trino", "0.25.0"},
    {"argo_workflows", "https://argoproj.github.io/argo-helm", "argo-workflows", "0.41.11"},
    {"mlflow", "https://community-charts.github.io/helm-charts", "mlflow", "0.7.19"},
    {"kube_prometheus_stack", "https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "61.3.2"},
    {"vault", "https://helm.releases.hashicorp.com", "vault", "0.28.1"},
    {"kafka", "oci://registry-1.docker.io/bitnamicharts", "kafka", "29.3.14"},
    {"kserve", "oci://ghcr.io/kserve/charts", "kserve", "v0.13.1"},
};

const Chart* chartFor(const QString& release)
{
    for (const Chart& c : kCharts) {
        if (release == QLatin1String(c.release))
            return &c;
    }
    return nullptr;
}

HclValue labels(const QString& component)
{
    return HclValue::call(s("merge"), HclValue::expr(s("local.labels, { \"app.kubernetes.io/component\" = ") + HclValue::quote(component) + s(" }")));
}

HclBlock metadata(const QString& name, const QString& component)
{
    return HclBlock(s("metadata")).attr(s("name"), named(name)).expr(s("namespace"), s("kubernetes_namespace_v1.ml.metadata[0].name")).attr(s("labels"), labels(component));
}

// A container sized from the plan: requests = limits so the scheduler reserves what the plan priced.
HclBlock container(const QString& name, const QString& command, const QJsonObject& size, const QString& image)
{
    const QString cpu = QString::number(std::max(1, size.value(s("vcpu")).toInt(1)));
    const QString memory = QString::number(std::max(1, int(size.value(s("memory_gb")).toDouble(2)))) + s("Gi");
    QList<QPair<QString, HclValue>> limits{{s("cpu"), text(cpu)}, {s("memory"), text(memory)}};
    if (size.value(s("gpus")).toInt() > 0)
        limits.append({s("nvidia.com/gpu"), text(QString::number(size.value(s("gpus")).toInt()))});
    return HclBlock(s("container")).str(s("name"), name).expr(s("image"), image).attr(s("command"), HclValue::strings(command.split(QLatin1Char(' '))))
        .block(HclBlock(s("resources")).attr(s("requests"), HclValue::object({{s("cpu"), text(cpu)}, {s("memory"), text(memory)}})).attr(s("limits"), HclValue::object(limits)))
        .block(HclBlock(s("security_context")).flag(s("run_as_non_root"), true).flag(s("read_only_root_filesystem"), true).flag(s("allow_privilege_escalation"), false));
}

HclBlock cronJob(const QString& name, const QString& schedule, const QString& command, const QJsonObject& size)
{
    return resource(s("kubernetes_cron_job_v1"), name)
        .block(metadata(QString(name).replace(QLatin1Char('_'), QLatin1Char('-')), name))
        .block(HclBlock(s("spec")).str(s("schedule"), schedule).str(s("concurrency_policy"), s("Forbid"))
                   .block(HclBlock(s("job_template")).block(HclBlock(s("metadata")))
                              .block(HclBlock(s("spec")).num(s("backoff_limit"), 2)
                                         .block(HclBlock(s("template")).block(HclBlock(s("metadata")))
                                                    .block(HclBlock(s("spec")).expr(s("service_account_name"), s("kubernetes_service_account_v1.jobs.metadata[0].name")).str(s("restart_policy"), s("OnFailure"))
                                                               .block(container(QString(name).replace(QLatin1Char('_'), QLatin1Char('-')), command, size, s("var.app_image"))))))));
}

} // namespace

void OnPremTerraform::render(const RenderInput& in, TerraformModule& m)
{
    m.variable(s("kubeconfig_path"), s("string"), s("Kubeconfig of the on-prem cluster."), text(s("~/.kube/config")));
    m.variable(s("app_image"), s("string"), s("Image with the training, feature and scoring code (pushed by CI)."), text(s("registry.internal/") + in.project() + s("/app:latest")));
    HclWriter& p = m.file(s("providers.tf"), s("Providers, pinned versions and remote state in a Kubernetes secret (lease-locked) on the cluster itself."));
    p.add(HclBlock(s("terraform")).str(s("required_version"), s(">= 1.6.0"))
              .block(HclBlock(s("required_providers"))
                         .attr(s("kubernetes"), HclValue::object({{s("source"), text(s("hashicorp/kubernetes"))}, {s("version"), text(s("~> 2.31"))}}))
                         .attr(s("helm"), HclValue::object({{s("source"), text(s("hashicorp/helm"))}, {s("version"), text(s("~> 2.14"))}})))
              .block(HclBlock(s("backend"), {s("kubernetes")}).str(s("secret_suffix"), in.project()).str(s("namespace"), s("terraform-state")).str(s("config_path"), s("~/.kube/config"))));
    p.add(HclBlock(s("provider"), {s("kubernetes")}).expr(s("config_path"), s("var.kubeconfig_path")));
    p.add(HclBlock(s("provider"), {s("helm")}).block(HclBlock(s("kubernetes")).expr(s("config_path"), s("var.kubeconfig_path"))));
    p.add(HclBlock(s("locals"))
              .attr(s("name"), HclValue::interpolated(s("${var.project}-${var.environment}")))
              .attr(s("labels"), HclValue::object({{s("app.kubernetes.io/part-of"), ref(s("var.project"))}, {s("environment"), ref(s("var.environment"))}, {s("owner"), ref(s("var.owner"))},
                                                   {s("cost-center"), ref(s("var.cost_center"))}, {s("data-classification"), ref(s("var.data_classification"))}, {s("app.kubernetes.io/managed-by"), text(s("terraform"))}})));

    // The namespace quota is the sum of what the plan sized, so the cluster reserves exactly the priced capacity.
    int cpu = 0;
    double memory = 0;
    int gpus = 0;
    for (const QJsonValue& v : in.components()) {
        const QJsonObject size = v.toObject().value(s("size")).toObject();
        const int replicas = std::max(1, size.value(s("max_replicas")).toInt(size.value(s("replicas")).toInt(1)));
        cpu += size.value(s("vcpu")).toInt() * replicas;
        memory += size.value(s("memory_gb")).toDouble() * replicas;
        gpus += size.value(s("gpus")).toInt() * replicas;
    }
    HclWriter& ns = m.file(s("namespace.tf"), s("Namespace, quota from the plan's sizes, default-deny network policy, least-privilege service account."));
    ns.add(resource(s("kubernetes_namespace_v1"), s("ml")).block(HclBlock(s("metadata")).attr(s("name"), ref(s("local.name"))).attr(s("labels"), HclValue::call(s("merge"), HclValue::expr(s("local.labels, { \"pod-security.kubernetes.io/enforce\" = \"restricted\" }"))))));
    QList<QPair<QString, HclValue>> hard{{s("requests.cpu"), text(QString::number(std::max(cpu, 2)))}, {s("requests.memory"), text(QString::number(std::max(4, int(std::ceil(memory)))) + s("Gi"))}};
    if (gpus > 0)
        hard.append({s("requests.nvidia.com/gpu"), text(QString::number(gpus))});
    ns.add(resource(s("kubernetes_resource_quota_v1"), s("ml")).block(metadata(s("quota"), s("quota"))).block(HclBlock(s("spec")).attr(s("hard"), HclValue::object(hard))));
    ns.add(resource(s("kubernetes_network_policy_v1"), s("default_deny")).block(metadata(s("default-deny"), s("network")))
               .block(HclBlock(s("spec")).block(HclBlock(s("pod_selector"))).attr(s("policy_types"), HclValue::strings({s("Ingress")}))));
    ns.add(resource(s("kubernetes_network_policy_v1"), s("allow_internal")).block(metadata(s("allow-internal"), s("network")))
               .block(HclBlock(s("spec")).block(HclBlock(s("pod_selector"))).attr(s("policy_types"), HclValue::strings({s("Ingress")}))
                          .block(HclBlock(s("ingress")).block(HclBlock(s("from")).block(HclBlock(s("namespace_selector")).attr(s("match_labels"), HclValue::object({{s("kubernetes.io/metadata.name"), ref(s("local.name"))}})))))
                          .block(HclBlock(s("ingress")).block(HclBlock(s("ports")).str(s("port"), s("8080")).str(s("protocol"), s("TCP")))
                                     .block(HclBlock(s("from")).block(HclBlock(s("ip_block")).expr(s("cidr"), s("var.allowed_cidrs[0]")))))));
    ns.add(resource(s("kubernetes_service_account_v1"), s("jobs")).block(metadata(s("jobs"), s("jobs"))).flag(s("automount_service_account_token"), false));

    for (const QJsonValue& v : in.components()) {
        const QJsonObject c = v.toObject();
        const QString service = c.value(s("service_id")).toString();
        const QString role = c.value(s("role")).toString();
        const QString release = service.section(QLatin1Char('.'), 1);
        const Chart* chart = chartFor(release.isEmpty() ? QString() : release);
        // MinIO (the plan's object store) gets its own hardened release below.
        if (!chart || release == QLatin1String("minio") || m.hasVariable(s("chart_") + release))
            continue;
        HclBlock h = resource(s("helm_release"), release);
        h.attr(s("name"), named(QString(release).replace(QLatin1Char('_'), QLatin1Char('-')))).expr(s("namespace"), s("kubernetes_namespace_v1.ml.metadata[0].name"))
            .str(s("repository"), QLatin1String(chart->repository)).str(s("chart"), QLatin1String(chart->chart)).expr(s("version"), s("var.chart_") + release).flag(s("atomic"), true);
        const double gb = c.value(s("size")).toObject().value(s("storage_gb")).toDouble();
        if (gb > 0)
            h.block(HclBlock(s("set")).str(s("name"), s("persistence.size")).str(s("value"), QString::number(std::ceil(gb)) + s("Gi")));
        if (release == QLatin1String("kube_prometheus_stack"))
            h.block(HclBlock(s("set")).str(s("name"), s("prometheus.prometheusSpec.retention")).str(s("value"), QString::number(in.logRetentionDays()) + s("d")));
        m.file(role + s(".tf"), c.value(s("name")).toString() + s(": ") + c.value(s("service")).toString()).add(h);
        m.variable(s("chart_") + release, s("string"), s("Chart version of ") + QLatin1String(chart->chart) + s(" (pinned)."), text(QLatin1String(chart->version)));
    }
    // MinIO as the plan's object store (a stateful set in the plan): deployed through its chart with encryption.
    if (in.component(s("storage")).value(s("service_id")).toString().endsWith(QLatin1String(".minio"))) {
        const double gb = in.size(s("storage")).value(s("storage_gb")).toDouble(100);
        m.variable(s("chart_minio"), s("string"), s("Chart version of minio (pinned)."), text(s("5.2.0")));
        m.file(s("storage.tf"), s("Object storage: MinIO with TLS, server-side encryption through Vault KMS, versioned buckets."))
            .add(resource(s("helm_release"), s("minio")).attr(s("name"), named(s("minio"))).expr(s("namespace"), s("kubernetes_namespace_v1.ml.metadata[0].name"))
                     .str(s("repository"), s("https://charts.min.io/")).str(s("chart"), s("minio")).expr(s("version"), s("var.chart_minio")).flag(s("atomic"), true)
                     .block(HclBlock(s("set")).str(s("name"), s("persistence.size")).str(s("value"), QString::number(std::ceil(gb)) + s("Gi")))
                     .block(HclBlock(s("set")).str(s("name"), s("tls.enabled")).str(s("value"), s("true")))
                     .block(HclBlock(s("set")).str(s("name"), s("buckets[0].name")).str(s("value"), s("data")))
                     .block(HclBlock(s("set")).str(s("name"), s("buckets[0].versioning")).str(s("value"), s("true")))
                     .block(HclBlock(s("set")).str(s("name"), s("buckets[0].policy")).str(s("value"), s("none"))));
    }
    HclWriter& jobs = m.file(s("jobs.tf"), s("Scheduled jobs: ingestion, training (") + in.trainingSchedule() + s(")") + QString(in.onlineServing() ? QString() : s(", batch scoring")) + s("."));
    jobs.add(cronJob(s("ingestion"), s("0 1 * * *"), s("python -m app.features.pipeline"), in.size(s("ingestion"))));
    jobs.add(cronJob(s("training"), in.trainingSchedule(), s("python -m app.training.train"), in.size(s("training"))));
    if (in.has(s("serving")) && !in.onlineServing())
        jobs.add(cronJob(s("batch_scoring"), s("0 4 * * *"), s("python -m app.serving.batch"), in.size(s("serving"))));
    if (in.onlineServing()) {
        const QJsonObject size = in.size(s("serving"));
        const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
        HclWriter& f = m.file(s("serving.tf"), s("Online serving: FastAPI model server with autoscaling from the plan's replica range."));
        f.add(resource(s("kubernetes_deployment_v1"), s("serving")).block(metadata(s("serving"), s("serving")))
                  .block(HclBlock(s("spec")).num(s("replicas"), replicas)
                             .block(HclBlock(s("selector")).attr(s("match_labels"), HclValue::object({{s("app.kubernetes.io/component"), text(s("serving"))}})))
                             .block(HclBlock(s("template")).block(HclBlock(s("metadata")).attr(s("labels"), labels(s("serving"))))
                                        .block(HclBlock(s("spec")).expr(s("service_account_name"), s("kubernetes_service_account_v1.jobs.metadata[0].name"))
                                                   .block(container(s("model-server"), s("uvicorn app.serving.service:app --host 0.0.0.0 --port 8080"), size, s("var.app_image")))))));
        f.add(resource(s("kubernetes_horizontal_pod_autoscaler_v2"), s("serving")).block(metadata(s("serving"), s("serving")))
                  .block(HclBlock(s("spec")).num(s("min_replicas"), replicas).num(s("max_replicas"), std::max(replicas, size.value(s("max_replicas")).toInt(replicas)))
                             .block(HclBlock(s("scale_target_ref")).str(s("api_version"), s("apps/v1")).str(s("kind"), s("Deployment")).expr(s("name"), s("kubernetes_deployment_v1.serving.metadata[0].name")))
                             .block(HclBlock(s("metric")).str(s("type"), s("Resource")).block(HclBlock(s("resource")).str(s("name"), s("cpu")).block(HclBlock(s("target")).str(s("type"), s("Utilization")).num(s("average_utilization"), 60))))));
    }
}

} // namespace mlops
