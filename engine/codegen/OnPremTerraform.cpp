#include "codegen/OnPremTerraform.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/OnPremCharts.h"
#include "codegen/OnPremCiRunner.h"
#include "codegen/OnPremJobs.h"
#include "codegen/OnPremObjectStore.h"
#include "codegen/OnPremServing.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformSettings.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

void providers(const RenderInput& in, TerraformModule& m) {
    HclWriter& p = m.file(
        s("providers.tf"),
        s("Providers, pinned versions and remote state in a Kubernetes secret (lease-locked) on the cluster itself."));
    p.add(TerraformSettings::terraformBlock(
        {{s("kubernetes"), s("hashicorp/kubernetes"), s("~> 2.31")}, {s("helm"), s("hashicorp/helm"), s("~> 2.14")}},
        HclBlock(s("backend"), {s("kubernetes")})
            .str(s("secret_suffix"), in.project())
            .str(s("namespace"), s("terraform-state"))
            .str(s("config_path"), s("~/.kube/config"))));
    p.add(HclBlock(s("provider"), {s("kubernetes")}).expr(s("config_path"), s("var.kubeconfig_path")));
    p.add(HclBlock(s("provider"), {s("helm")})
              .block(HclBlock(s("kubernetes")).expr(s("config_path"), s("var.kubeconfig_path"))));
    // The same ownership facts as the clouds' tags, under Kubernetes label keys (no underscores, well-known names).
    p.add(TerraformSettings::locals(s("labels"), {{s("app.kubernetes.io/part-of"), ref(s("var.project"))},
                                                  {s("environment"), ref(s("var.environment"))},
                                                  {s("owner"), ref(s("var.owner"))},
                                                  {s("cost-center"), ref(s("var.cost_center"))},
                                                  {s("data-classification"), ref(s("var.data_classification"))},
                                                  {s("app.kubernetes.io/managed-by"), text(s("terraform"))}}));
}

// The platform's namespace on the existing cluster (the plan's kubernetes_namespace): restricted Pod Security, a
// quota of exactly what the plan sized, default requests for chart pods that set none, and default-deny ingress.
void platformNamespace(const RenderInput& in, TerraformModule& m) {
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
    const QJsonObject platform = in.component(s("platform"));
    HclWriter& ns = m.file(
        s("namespace.tf"),
        platform.isEmpty() ? s("Namespace, quota from the plan's sizes, default-deny network policy.")
                           : platform.value(s("name")).toString() + s(": ") + platform.value(s("service")).toString() +
                                 s(". Namespace, quota from the plan's sizes, default-deny network policy."));
    ns.add(securedNamespace(s("ml"), ref(s("local.name")), s("restricted")));
    Entries hard{{s("requests.cpu"), text(QString::number(std::max(cpu, 2)))},
                 {s("requests.memory"), text(QString::number(std::max(4, int(std::ceil(memory)))) + s("Gi"))}};
    if (gpus > 0)
        hard.append({s("requests.nvidia.com/gpu"), text(QString::number(gpus))});
    ns.add(resource(s("kubernetes_resource_quota_v1"), s("ml"))
               .block(metadata(s("quota"), s("quota")))
               .block(HclBlock(s("spec")).attr(s("hard"), HclValue::object(hard))));
    // A quota on requests rejects pods without them; charts that set none get these defaults instead.
    ns.add(resource(s("kubernetes_limit_range_v1"), s("ml"))
               .block(metadata(s("defaults"), s("quota")))
               .block(HclBlock(s("spec")).block(
                   HclBlock(s("limit"))
                       .str(s("type"), s("Container"))
                       .attr(s("default_request"),
                             HclValue::object({{s("cpu"), text(s("100m"))}, {s("memory"), text(s("256Mi"))}}))
                       .attr(s("default"),
                             HclValue::object({{s("cpu"), text(s("500m"))}, {s("memory"), text(s("512Mi"))}})))));
    ns.add(resource(s("kubernetes_network_policy_v1"), s("default_deny"))
               .block(metadata(s("default-deny"), s("network")))
               .block(HclBlock(s("spec"))
                          .block(HclBlock(s("pod_selector")))
                          .attr(s("policy_types"), HclValue::strings({s("Ingress")}))));
    ns.add(ingressFromNamespace(s("allow_internal"), s("local.name")));
    // Without an ingress controller in the plan, the API is reached directly, from the internal ranges only.
    const bool viaIngress = in.serviceOf(s("gateway")) == ServiceId::HelmReleaseIngressNginx;
    if (in.onlineServing() && !viaIngress) {
        const bool llm = in.component(s("serving")).value(s("component")).toString().startsWith(QLatin1String("llm_"));
        ns.add(resource(s("kubernetes_network_policy_v1"), s("allow_serving"))
                   .block(metadata(s("allow-serving"), s("network")))
                   .block(HclBlock(s("spec"))
                              .block(HclBlock(s("pod_selector"))
                                         .attr(s("match_labels"), HclValue::object({{s("app.kubernetes.io/component"),
                                                                                     text(s("serving"))}})))
                              .attr(s("policy_types"), HclValue::strings({s("Ingress")}))
                              .block(HclBlock(s("ingress"))
                                         .block(HclBlock(s("ports"))
                                                    .str(s("port"), llm ? s("8000") : s("8080"))
                                                    .str(s("protocol"), s("TCP")))
                                         .block(HclBlock(s("dynamic"), {s("from")})
                                                    .expr(s("for_each"), s("var.allowed_cidrs"))
                                                    .block(HclBlock(s("content"))
                                                               .block(HclBlock(s("ip_block"))
                                                                          .expr(s("cidr"), s("from.value"))))))));
    }
    m.output(s("namespace"), namespaceRef(), s("Namespace of the platform's workloads."));
}

} // namespace

void OnPremTerraform::render(const RenderInput& in, TerraformModule& m) const {
    m.variable(s("kubeconfig_path"), s("string"), s("Kubeconfig of the on-prem cluster."), text(s("~/.kube/config")));
    m.variable(s("app_image"), s("string"), s("Image with the training, feature and scoring code (pushed by CI)."),
               text(s("registry.internal/") + in.project() + s("/app:latest")));
    m.variable(
        s("storage_class"), s("string"),
        s("Storage class of the persistent volumes; it must encrypt at rest (e.g. LUKS or Ceph RBD encryption)."),
        text(s("encrypted-rwo")));
    providers(in, m);
    platformNamespace(in, m);
    OnPremObjectStore::render(in, m);
    OnPremCharts::render(in, m);
    OnPremJobs::render(in, m);
    OnPremServing::render(in, m);
    OnPremCiRunner::render(in, m);
}

} // namespace mlops
