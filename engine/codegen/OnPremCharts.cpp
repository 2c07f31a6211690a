#include "codegen/OnPremCharts.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/ServiceIds.h"

#include <set>

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

HclValue obj(const Entries& e) {
    return HclValue::object(e);
}

HclValue secretKey(const QString& variable, const char* key) {
    return obj({{s("name"), ref(s("var.") + variable)}, {s("key"), text(s(key))}});
}

// Access keys for one consumer of the object store, scoped by a MinIO policy to its own bucket; the secret is
// created out of band (e.g. by Vault), so no credential ever reaches the Terraform state.
void objectStoreSecret(TerraformModule& m, const QString& variable, const QString& consumer, const QString& bucket) {
    m.variable(variable, s("string"),
               s("Existing secret (keys access_key, secret_key) with ") + consumer +
                   s("'s object-store keys, limited to the '") + bucket + s("' bucket."),
               text(objectName(variable)));
}

HclBlock argoWorkflows(const RenderInput& in, TerraformModule& m) {
    objectStoreSecret(m, s("argo_artifacts_secret"), s("Argo Workflows"), s("argo-artifacts"));
    const bool prometheus = in.plans(ServiceId::HelmReleaseKubePrometheusStack);
    Entries s3{{s("endpoint"), ref(s("local.object_store_host"))},
               {s("bucket"), text(s("argo-artifacts"))},
               {s("insecure"), HclValue::boolean(false)},
               {s("accessKeySecret"), secretKey(s("argo_artifacts_secret"), "access_key")},
               {s("secretKeySecret"), secretKey(s("argo_artifacts_secret"), "secret_key")}};
    if (inClusterObjectStore(in)) // MinIO's certificate comes from the internal CA
        s3.append({s("caSecret"), secretKey(s("minio_tls_secret"), "ca.crt")});
    // One namespace only: the controller watches and runs workflows in the platform namespace, with a workflow
    // service account of its own instead of the cluster-wide defaults.
    const HclValue values = obj({
        {s("singleNamespace"), HclValue::boolean(true)},
        {s("useStaticCredentials"), HclValue::boolean(true)},
        {s("controller"), obj({{s("workflowNamespaces"), refs({namespaceRef()})},
                               {s("resources"), resourcesValue(Capacity{1, 1, 0})},
                               {s("metricsConfig"), obj({{s("enabled"), HclValue::boolean(true)}})},
                               {s("serviceMonitor"), obj({{s("enabled"), HclValue::boolean(prometheus)}})}})},
        {s("server"), obj({{s("authModes"), HclValue::strings({s("client")})},
                           {s("secure"), HclValue::boolean(true)},
                           {s("serviceType"), text(s("ClusterIP"))},
                           {s("resources"), resourcesValue(Capacity{1, 1, 0})}})},
        {s("workflow"), obj({{s("serviceAccount"),
                              obj({{s("create"), HclValue::boolean(true)}, {s("name"), text(s("argo-workflow"))}})},
                             {s("rbac"), obj({{s("create"), HclValue::boolean(true)}})}})},
        {s("artifactRepository"), obj({{s("archiveLogs"), HclValue::boolean(true)}, {s("s3"), obj(s3)}})},
    });
    return helmRelease(m, s("argo_workflows"), s("https://argoproj.github.io/argo-helm"), s("argo-workflows"),
                       s("0.41.11"), values, prometheus);
}

HclBlock mlflow(const RenderInput& in, TerraformModule& m) {
    objectStoreSecret(m, s("mlflow_artifacts_secret"), s("MLflow"), s("mlflow"));
    m.variable(s("mlflow_database_host"), s("string"),
               s("PostgreSQL host of the MLflow backend store (runs, model registry)."), text(s("postgres.internal")));
    m.variable(s("mlflow_database_secret"), s("string"),
               s("Existing secret (keys username, password) for the MLflow database."), text(s("mlflow-database")));
    const QJsonObject registry = in.config(s("registry"));
    Entries env{{s("MLFLOW_S3_ENDPOINT_URL"), ref(s("local.object_store_endpoint"))}};
    HclValue volumes = HclValue::list({});
    HclValue mounts = HclValue::list({});
    if (inClusterObjectStore(in)) { // trust MinIO's internal CA
        env.append({s("AWS_CA_BUNDLE"), text(s("/etc/ssl/object-store/ca.crt"))});
        volumes = HclValue::list(
            {obj({{s("name"), text(s("object-store-ca"))},
                  {s("secret"), obj({{s("secretName"), ref(s("var.minio_tls_secret"))},
                                     {s("items"), HclValue::list({obj({{s("key"), text(s("ca.crt"))},
                                                                       {s("path"), text(s("ca.crt"))}})})}})}})});
        mounts = HclValue::list({obj({{s("name"), text(s("object-store-ca"))},
                                      {s("mountPath"), text(s("/etc/ssl/object-store"))},
                                      {s("readOnly"), HclValue::boolean(true)}})});
    }
    // Artifacts are proxied through the server (proxiedArtifactStorage), so clients never hold object-store keys.
    const HclValue values = obj({
        {s("replicaCount"), HclValue::num(std::max(1, in.size(s("tracking")).value(s("replicas")).toInt(1)))},
        {s("backendStore"), obj({{s("databaseMigration"), HclValue::boolean(true)},
                                 {s("postgres"), obj({{s("enabled"), HclValue::boolean(true)},
                                                      {s("host"), ref(s("var.mlflow_database_host"))},
                                                      {s("port"), HclValue::num(5432)},
                                                      {s("database"), text(s("mlflow"))}})},
                                 {s("existingDatabaseSecret"), obj({{s("name"), ref(s("var.mlflow_database_secret"))},
                                                                    {s("usernameKey"), text(s("username"))},
                                                                    {s("passwordKey"), text(s("password"))}})}})},
        {s("artifactRoot"),
         obj({{s("proxiedArtifactStorage"), HclValue::boolean(true)},
              {s("s3"), obj({{s("enabled"), HclValue::boolean(true)},
                             {s("bucket"), text(s("mlflow"))},
                             {s("existingSecret"), obj({{s("name"), ref(s("var.mlflow_artifacts_secret"))},
                                                        {s("keyOfAccessKeyId"), text(s("access_key"))},
                                                        {s("keyOfSecretAccessKey"), text(s("secret_key"))}})}})}})},
        {s("extraEnvVars"), obj(env)},
        {s("extraVolumes"), volumes},
        {s("extraVolumeMounts"), mounts},
        {s("resources"), resourcesValue(capacity(in.size(s("tracking")), 1, 2))},
        {s("podSecurityContext"), podSecurityValue(1001)},
        {s("securityContext"), containerSecurityValue(1001)},
        {s("serviceMonitor"),
         obj({{s("enabled"), HclValue::boolean(in.plans(ServiceId::HelmReleaseKubePrometheusStack))}})},
    });
    HclBlock h = helmRelease(m, s("mlflow"), s("https://community-charts.github.io/helm-charts"), s("mlflow"),
                             s("1.8.1"), values, in.plans(ServiceId::HelmReleaseKubePrometheusStack));
    m.output(s("mlflow_tracking_uri"), s("local.mlflow_tracking_uri"),
             registry.value(s("approval_required")).toBool()
                 ? s("MLflow tracking and registry (in-cluster); stage transitions need an approver.")
                 : s("MLflow tracking and registry (in-cluster)."));
    return h;
}

HclBlock harbor(const RenderInput& in, TerraformModule& m) {
    m.variable(s("harbor_hostname"), s("string"), s("Internal DNS name of the Harbor registry."),
               text(s("harbor.") + in.project() + s(".internal")));
    m.variable(s("harbor_tls_secret"), s("string"),
               s("Existing TLS secret (tls.crt, tls.key) for the registry host, e.g. from cert-manager."),
               text(s("harbor-tls")));
    m.variable(s("harbor_admin_secret"), s("string"),
               s("Existing secret holding HARBOR_ADMIN_PASSWORD (never in the Terraform state)."),
               text(s("harbor-admin")));
    m.variable(s("harbor_registry_size_gb"), s("number"), s("Registry storage for images and charts."),
               HclValue::num(200));
    const bool ingress = in.plans(ServiceId::HelmReleaseIngressNginx);
    const bool prometheus = in.plans(ServiceId::HelmReleaseKubePrometheusStack);
    HclValue expose =
        ingress ? obj({{s("type"), text(s("ingress"))},
                       {s("tls"), obj({{s("enabled"), HclValue::boolean(true)},
                                       {s("certSource"), text(s("secret"))},
                                       {s("secret"), obj({{s("secretName"), ref(s("var.harbor_tls_secret"))}})}})},
                       {s("ingress"), obj({{s("className"), ref(s("local.ingress_class"))},
                                           {s("hosts"), obj({{s("core"), ref(s("var.harbor_hostname"))}})}})}})
                : obj({{s("type"), text(s("clusterIP"))},
                       {s("tls"), obj({{s("enabled"), HclValue::boolean(true)},
                                       {s("certSource"), text(s("secret"))},
                                       {s("secret"), obj({{s("secretName"), ref(s("var.harbor_tls_secret"))}})}})}});
    // Trivy scans every pushed image (CI fails on critical CVEs); components talk TLS to each other (internalTLS).
    const HclValue values = obj({
        {s("expose"), expose},
        {s("externalURL"), HclValue::interpolated(s("https://${var.harbor_hostname}"))},
        {s("existingSecretAdminPassword"), ref(s("var.harbor_admin_secret"))},
        {s("existingSecretAdminPasswordKey"), text(s("HARBOR_ADMIN_PASSWORD"))},
        {s("internalTLS"), obj({{s("enabled"), HclValue::boolean(true)}})},
        {s("trivy"), obj({{s("enabled"), HclValue::boolean(true)}})},
        {s("persistence"),
         obj({{s("enabled"), HclValue::boolean(true)},
              {s("resourcePolicy"), text(s("keep"))},
              {s("persistentVolumeClaim"),
               obj({{s("registry"), obj({{s("size"), HclValue::interpolated(s("${var.harbor_registry_size_gb}Gi"))},
                                         {s("storageClass"), ref(s("var.storage_class"))}})}})}})},
        {s("metrics"), obj({{s("enabled"), HclValue::boolean(true)},
                            {s("serviceMonitor"), obj({{s("enabled"), HclValue::boolean(prometheus)}})}})},
    });
    m.output(s("registry_url"), s("\"https://${var.harbor_hostname}\""),
             s("Harbor registry for the platform's images (scan on push)."));
    return helmRelease(m, s("harbor"), s("https://helm.goharbor.io"), s("harbor"), s("1.15.1"), values, prometheus);
}

HclBlock ingressNginx(const RenderInput& in, TerraformModule& m) {
    // Scoped to the platform namespace with its own ingress class, so it never picks up other teams' Ingresses;
    // the load balancer (MetalLB on bare metal) only accepts the internal ranges.
    const HclValue values = obj(
        {{s("controller"),
          obj({
              {s("replicaCount"), HclValue::num(2)},
              {s("ingressClass"), ref(s("local.ingress_class"))},
              {s("ingressClassResource"),
               obj({{s("name"), ref(s("local.ingress_class"))},
                    {s("default"), HclValue::boolean(false)},
                    {s("controllerValue"), HclValue::interpolated(s("k8s.io/${local.ingress_class}"))}})},
              {s("scope"), obj({{s("enabled"), HclValue::boolean(true)}, {s("namespace"), ref(namespaceRef())}})},
              {s("allowSnippetAnnotations"), HclValue::boolean(false)},
              {s("config"), obj({{s("ssl-protocols"), text(s("TLSv1.2 TLSv1.3"))},
                                 {s("hsts"), text(s("true"))},
                                 {s("server-tokens"), text(s("false"))}})},
              {s("service"), obj({{s("type"), text(s("LoadBalancer"))},
                                  {s("externalTrafficPolicy"), text(s("Local"))},
                                  {s("loadBalancerSourceRanges"), ref(s("var.allowed_cidrs"))}})},
              {s("resources"), resourcesValue(capacity(in.size(s("gateway")), 1, 1))},
              {s("metrics"),
               obj({{s("enabled"), HclValue::boolean(true)},
                    {s("serviceMonitor"),
                     obj({{s("enabled"), HclValue::boolean(in.plans(ServiceId::HelmReleaseKubePrometheusStack))}})}})},
          })}});
    return helmRelease(m, s("ingress_nginx"), s("https://kubernetes.github.io/ingress-nginx"), s("ingress-nginx"),
                       s("4.11.2"), values, in.plans(ServiceId::HelmReleaseKubePrometheusStack));
}

// The controller pods take 80/443 from the internal ranges only (the namespace denies all other ingress).
HclBlock ingressNetworkPolicy() {
    return resource(s("kubernetes_network_policy_v1"), s("ingress_controller"))
        .block(metadata(s("ingress-controller"), s("gateway")))
        .block(
            HclBlock(s("spec"))
                .block(HclBlock(s("pod_selector"))
                           .attr(s("match_labels"),
                                 HclValue::object({{s("app.kubernetes.io/name"), text(s("ingress-nginx"))},
                                                   {s("app.kubernetes.io/component"), text(s("controller"))}})))
                .attr(s("policy_types"), HclValue::strings({s("Ingress")}))
                .block(HclBlock(s("ingress"))
                           .block(HclBlock(s("ports")).str(s("port"), s("443")).str(s("protocol"), s("TCP")))
                           .block(HclBlock(s("ports")).str(s("port"), s("80")).str(s("protocol"), s("TCP")))
                           .block(HclBlock(s("dynamic"), {s("from")})
                                      .expr(s("for_each"), s("var.allowed_cidrs"))
                                      .block(HclBlock(s("content"))
                                                 .block(HclBlock(s("ip_block")).expr(s("cidr"), s("from.value")))))));
}

HclBlock qdrant(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("features"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const Capacity c = capacity(size, 2, 8);
    // HNSW graphs and vectors are memory-mapped from disk: give the volume twice the memory the plan sized.
    const int diskGb = std::max(20, 2 * c.memoryGb);
    m.variable(s("qdrant_storage_gb"), s("number"), s("Disk per Qdrant replica (vectors, payloads, snapshots)."),
               HclValue::num(diskGb));
    const HclValue values = obj({
        {s("replicaCount"), HclValue::num(replicas)},
        {s("apiKey"), HclValue::boolean(true)},
        {s("resources"), resourcesValue(c)},
        {s("persistence"), obj({{s("size"), HclValue::interpolated(s("${var.qdrant_storage_gb}Gi"))},
                                {s("storageClassName"), ref(s("var.storage_class"))}})},
        {s("config"), obj({{s("cluster"), obj({{s("enabled"), HclValue::boolean(replicas > 1)}})},
                           {s("telemetry_disabled"), HclValue::boolean(true)}})},
        {s("podSecurityContext"), podSecurityValue(1000)},
        {s("containerSecurityContext"), containerSecurityValue(1000)},
    });
    m.output(s("qdrant_url"),
             s("\"http://${local.name}-qdrant.${kubernetes_namespace_v1.ml.metadata[0].name}.svc:6333\""),
             s("Qdrant (API key in the chart's secret)."));
    return helmRelease(m, s("qdrant"), s("https://qdrant.github.io/qdrant-helm"), s("qdrant"), s("1.13.5"), values);
}

struct GenericChart {
    const char* release;
    const char* repository;
    const char* chart;
    const char* version;
};

// Chart coordinates of the releases rendered from the plan's sizes alone (the monitoring stack adds its namespace
// and two values on top).
const GenericChart kGeneric[] = {
    {"trino", "https://trinodb.github.io/charts", "trino", "0.25.0"},
    {"kube_prometheus_stack", "https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "61.3.2"},
    {"vault", "https://helm.releases.hashicorp.com", "vault", "0.28.1"},
};

const GenericChart* genericChart(const QString& release) {
    for (const GenericChart& g : kGeneric) {
        if (release == QLatin1String(g.release))
            return &g;
    }
    return nullptr;
}

HclWriter& componentFile(TerraformModule& m, const QJsonObject& c) {
    return m.file(c.value(s("role")).toString() + s(".tf"),
                  c.value(s("name")).toString() + s(": ") + c.value(s("service")).toString());
}

// A pinned release in namespace `ns`, sized where the plan gives a volume, with `sets` ({name, value}) on top.
void genericRelease(TerraformModule& m, HclWriter& f, const QJsonObject& c, const GenericChart& chart,
                    const QString& ns, const QList<QPair<QString, QString>>& sets = {}) {
    const QString release = QLatin1String(chart.release);
    HclBlock h = resource(s("helm_release"), release);
    h.attr(s("name"), named(objectName(release)))
        .expr(s("namespace"), ns)
        .str(s("repository"), QLatin1String(chart.repository))
        .str(s("chart"), QLatin1String(chart.chart))
        .expr(s("version"), s("var.chart_") + release)
        .flag(s("atomic"), true);
    const double gb = c.value(s("size")).toObject().value(s("storage_gb")).toDouble();
    if (gb > 0)
        h.block(HclBlock(s("set"))
                    .str(s("name"), s("persistence.size"))
                    .str(s("value"), QString::number(std::ceil(gb)) + s("Gi")));
    for (const auto& [name, value] : sets)
        h.block(HclBlock(s("set")).str(s("name"), name).str(s("value"), value));
    f.add(h);
    m.variable(s("chart_") + release, s("string"),
               s("Chart version of ") + QLatin1String(chart.chart) + s(" (pinned)."),
               text(QLatin1String(chart.version)));
}

// kube-prometheus-stack. node-exporter reads the host (hostNetwork, hostPID, hostPath): the restricted data namespace
// would reject it, so the stack gets a namespace of its own at `privileged`, holding no data and no workloads.
void monitoringStack(const RenderInput& in, TerraformModule& m, HclWriter& f, const QJsonObject& c) {
    f.add(securedNamespace(s("monitoring"), named(s("monitoring")), s("privileged")));
    const QString ns = s("kubernetes_namespace_v1.monitoring.metadata[0].name");
    // The data namespace denies ingress by default; Prometheus scrapes the ServiceMonitors there.
    f.add(ingressFromNamespace(s("allow_monitoring"), ns));
    // By default the operator only scrapes ServiceMonitors labelled with its own release; the other charts'
    // (MLflow, Argo, Harbor, ingress-nginx) carry theirs.
    genericRelease(m, f, c, *genericChart(s("kube_prometheus_stack")), ns,
                   {{s("prometheus.prometheusSpec.retention"), QString::number(in.logRetentionDays()) + s("d")},
                    {s("prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues"), s("false")}});
}

} // namespace

void OnPremCharts::render(const RenderInput& in, TerraformModule& m) {
    std::set<QString> done;
    for (const QJsonValue& v : in.components()) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(s("service_id")).toString();
        if (!id.startsWith(QLatin1String("helm_release.")) || !done.insert(id).second)
            continue; // one release per service: tracking and registry share the MLflow server
        const QString release = id.section(QLatin1Char('.'), 1);
        static const QStringList own{s("argo_workflows"), s("mlflow"), s("harbor"),
                                     s("ingress_nginx"),  s("qdrant"), s("kube_prometheus_stack")};
        if (!own.contains(release)) {
            if (const GenericChart* chart = genericChart(release))
                genericRelease(m, componentFile(m, c), c, *chart, namespaceRef());
            continue; // other catalogue releases (Kafka, Redis, ...) have no renderer yet: the coverage test lists them
        }
        HclWriter& f = componentFile(m, c);
        if (release == QLatin1String("kube_prometheus_stack")) {
            monitoringStack(in, m, f, c);
        } else if (release == QLatin1String("argo_workflows")) {
            f.add(argoWorkflows(in, m));
        } else if (release == QLatin1String("mlflow")) {
            f.add(
                HclBlock(s("locals"))
                    .attr(s("mlflow_tracking_uri"),
                          HclValue::interpolated(s(
                              "http://${local.name}-mlflow.${kubernetes_namespace_v1.ml.metadata[0].name}.svc:5000"))));
            f.add(mlflow(in, m));
        } else if (release == QLatin1String("harbor")) {
            f.add(harbor(in, m));
        } else if (release == QLatin1String("ingress_nginx")) {
            f.add(HclBlock(s("locals")).attr(s("ingress_class"), named(s("nginx"))));
            f.add(ingressNginx(in, m));
            f.add(ingressNetworkPolicy());
        } else {
            f.add(qdrant(in, m));
        }
    }
}

} // namespace mlops
