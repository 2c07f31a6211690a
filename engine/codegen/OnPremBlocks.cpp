#include "codegen/OnPremBlocks.h"

#include "codegen/ServiceIds.h"

namespace mlops::OnPremBlocks {

using namespace TerraformSyntax;

namespace {

HclValue quantities(const Capacity& c, bool withGpu) {
    Entries e{{s("cpu"), text(QString::number(c.cpu))}, {s("memory"), text(QString::number(c.memoryGb) + s("Gi"))}};
    if (withGpu && c.gpus > 0)
        e.append({s("nvidia.com/gpu"), text(QString::number(c.gpus))});
    return HclValue::object(e);
}

} // namespace

QString namespaceRef() {
    return s("kubernetes_namespace_v1.ml.metadata[0].name");
}

HclValue labels(const QString& component) {
    return HclValue::call(s("merge"), HclValue::expr(s("local.labels, { \"app.kubernetes.io/component\" = ") +
                                                     HclValue::quote(component) + s(" }")));
}

HclBlock metadata(const QString& name, const QString& component) {
    return HclBlock(s("metadata"))
        .attr(s("name"), named(name))
        .expr(s("namespace"), namespaceRef())
        .attr(s("labels"), labels(component));
}

HclBlock securedNamespace(const QString& terraformName, const HclValue& name, const QString& podSecurityLevel) {
    return resource(s("kubernetes_namespace_v1"), terraformName)
        .block(
            HclBlock(s("metadata"))
                .attr(s("name"), name)
                .attr(s("labels"),
                      HclValue::call(s("merge"),
                                     HclValue::expr(s("local.labels, { \"pod-security.kubernetes.io/enforce\" = \"") +
                                                    podSecurityLevel + s("\" }")))));
}

HclBlock ingressFromNamespace(const QString& terraformName, const QString& namespaceName) {
    const HclBlock from = HclBlock(s("from")).block(
        HclBlock(s("namespace_selector"))
            .attr(s("match_labels"), HclValue::object({{s("kubernetes.io/metadata.name"), ref(namespaceName)}})));
    return resource(s("kubernetes_network_policy_v1"), terraformName)
        .block(metadata(objectName(terraformName), s("network")))
        .block(HclBlock(s("spec"))
                   .block(HclBlock(s("pod_selector")))
                   .attr(s("policy_types"), HclValue::strings({s("Ingress")}))
                   .block(HclBlock(s("ingress")).block(from)));
}

QString objectName(const QString& terraformName) {
    return QString(terraformName).replace(QLatin1Char('_'), QLatin1Char('-'));
}

Capacity capacity(const QJsonObject& size, int defaultCpu, int defaultMemoryGb) {
    Capacity c;
    c.cpu = std::max(1, size.value(s("vcpu")).toInt(defaultCpu));
    c.memoryGb = std::max(1, int(std::ceil(size.value(s("memory_gb")).toDouble(defaultMemoryGb))));
    c.gpus = std::max(0, size.value(s("gpus")).toInt());
    return c;
}

HclBlock resources(const Capacity& c) {
    // GPUs are extended resources: Kubernetes only accepts them as limits (the request follows the limit).
    return HclBlock(s("resources")).attr(s("requests"), quantities(c, false)).attr(s("limits"), quantities(c, true));
}

HclValue resourcesValue(const Capacity& c) {
    return HclValue::object({{s("requests"), quantities(c, false)}, {s("limits"), quantities(c, true)}});
}

HclBlock container(const QString& name, const QString& image, const QStringList& command, const Capacity& c,
                   const std::optional<HclValue>& args) {
    HclBlock b(s("container"));
    b.str(s("name"), name).expr(s("image"), image);
    if (!command.isEmpty())
        b.attr(s("command"), HclValue::strings(command));
    if (args)
        b.attr(s("args"), *args);
    return b.block(resources(c))
        .block(HclBlock(s("security_context"))
                   .flag(s("run_as_non_root"), true)
                   .flag(s("read_only_root_filesystem"), true)
                   .flag(s("allow_privilege_escalation"), false)
                   .block(HclBlock(s("capabilities")).attr(s("drop"), HclValue::strings({s("ALL")})))
                   .block(HclBlock(s("seccomp_profile")).str(s("type"), s("RuntimeDefault"))))
        .block(HclBlock(s("volume_mount")).str(s("name"), s("tmp")).str(s("mount_path"), s("/tmp")));
}

HclBlock podSpec(const QString& serviceAccountRef, const QString& restartPolicy, const HclBlock& main) {
    HclBlock spec(s("spec"));
    spec.expr(s("service_account_name"), serviceAccountRef);
    if (!restartPolicy.isEmpty())
        spec.str(s("restart_policy"), restartPolicy);
    return spec
        .block(HclBlock(s("security_context"))
                   .flag(s("run_as_non_root"), true)
                   .num(s("run_as_user"), 10001)
                   .num(s("run_as_group"), 10001)
                   .num(s("fs_group"), 10001)
                   .block(HclBlock(s("seccomp_profile")).str(s("type"), s("RuntimeDefault"))))
        .block(main)
        .block(HclBlock(s("volume"))
                   .str(s("name"), s("tmp"))
                   .block(HclBlock(s("empty_dir")).str(s("size_limit"), s("1Gi"))));
}

HclValue podSecurityValue(int user) {
    return HclValue::object({{s("runAsNonRoot"), HclValue::boolean(true)},
                             {s("runAsUser"), HclValue::num(user)},
                             {s("fsGroup"), HclValue::num(user)},
                             {s("seccompProfile"), HclValue::object({{s("type"), text(s("RuntimeDefault"))}})}});
}

HclValue containerSecurityValue(int user) {
    return HclValue::object({{s("runAsNonRoot"), HclValue::boolean(true)},
                             {s("runAsUser"), HclValue::num(user)},
                             {s("allowPrivilegeEscalation"), HclValue::boolean(false)},
                             {s("capabilities"), HclValue::object({{s("drop"), HclValue::strings({s("ALL")})}})}});
}

HclBlock serviceAccount(const QString& name, bool apiAccess) {
    return resource(s("kubernetes_service_account_v1"), name)
        .block(metadata(objectName(name), name))
        .flag(s("automount_service_account_token"), apiAccess);
}

bool inClusterObjectStore(const RenderInput& in) {
    return in.serviceOf(s("storage")) == ServiceId::KubernetesStatefulSetMinio;
}

HclBlock helmRelease(TerraformModule& m, const QString& release, const QString& repository, const QString& chart,
                     const QString& version, const HclValue& values, bool afterMonitoring) {
    m.variable(s("chart_") + release, s("string"), s("Chart version of ") + chart + s(" (pinned)."), text(version));
    // atomic: a failed upgrade rolls back instead of leaving a half-applied release behind.
    HclBlock h = resource(s("helm_release"), release);
    h.attr(s("name"), named(objectName(release)))
        .expr(s("namespace"), namespaceRef())
        .str(s("repository"), repository)
        .str(s("chart"), chart)
        .expr(s("version"), s("var.chart_") + release)
        .flag(s("atomic"), true)
        .num(s("timeout"), 900)
        .attr(s("values"), HclValue::list({HclValue::call(s("yamlencode"), values)}));
    if (afterMonitoring)
        h.attr(s("depends_on"), refs({ServiceId::HelmReleaseKubePrometheusStack}));
    return h;
}

} // namespace mlops::OnPremBlocks
