#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"
#include "codegen/TerraformSyntax.h"

#include <QJsonObject>

#include <optional>

// Building blocks the on-prem (Kubernetes) renderers share: the namespace every object lives in, its labels, the
// restricted-profile pod and container settings, plan-sized resources, and pinned Helm releases.
namespace mlops::OnPremBlocks {

// The namespace all platform objects go to (kubernetes_namespace_v1.ml).
QString namespaceRef();
// local.labels plus app.kubernetes.io/component.
HclValue labels(const QString& component);
// metadata { name = "${local.name}-<name>", namespace, labels }.
HclBlock metadata(const QString& name, const QString& component);
// kubernetes_namespace_v1 "<terraformName>" named `name`, labelled local.labels plus the Pod Security level it
// enforces (restricted for the data namespace; the few that need more say why where they are made).
HclBlock securedNamespace(const QString& terraformName, const HclValue& name, const QString& podSecurityLevel);
// A network policy "<terraformName>" in the platform namespace admitting ingress to every pod from the namespace
// named by `namespaceName` (an expression): the exceptions to its default-deny.
HclBlock ingressFromNamespace(const QString& terraformName, const QString& namespaceName);
// The Kubernetes object name for a Terraform name (underscores are not valid in DNS-1123 names).
QString objectName(const QString& terraformName);

// CPU, memory and GPUs the plan sized for a component (requests = limits, so the scheduler reserves what was priced).
struct Capacity {
    int cpu = 1;
    int memoryGb = 2;
    int gpus = 0;
};
Capacity capacity(const QJsonObject& size, int defaultCpu = 1, int defaultMemoryGb = 2);
// resources { requests, limits } for a container block.
HclBlock resources(const Capacity& c);
// The same as a Helm values object: {requests = {...}, limits = {...}}.
HclValue resourcesValue(const Capacity& c);

// A container that passes the namespace's `restricted` Pod Security profile: non-root, no privilege escalation, all
// capabilities dropped, RuntimeDefault seccomp, read-only root file system (a writable /tmp comes from podSpec()).
HclBlock container(const QString& name, const QString& image, const QStringList& command, const Capacity& c,
                   const std::optional<HclValue>& args = std::nullopt);
// A pod spec with its own service account, the non-root pod security context and the /tmp scratch volume.
HclBlock podSpec(const QString& serviceAccountRef, const QString& restartPolicy, const HclBlock& container);
// Security contexts as Helm values, for charts that take them verbatim (the root file system is the chart's call).
HclValue podSecurityValue(int user);
HclValue containerSecurityValue(int user);

// A service account of its own for one workload; no API token unless the workload talks to the API server.
HclBlock serviceAccount(const QString& name, bool apiAccess);

// Whether the plan's object store is the in-cluster MinIO (its TLS secret then carries the CA clients must trust).
bool inClusterObjectStore(const RenderInput& in);

// helm_release "<release>" with the chart pinned through variable chart_<release>, values through yamlencode.
// With kube-prometheus-stack in the plan it is installed after it: ServiceMonitors need the operator's CRDs.
HclBlock helmRelease(TerraformModule& m, const QString& release, const QString& repository, const QString& chart,
                     const QString& version, const HclValue& values, bool afterMonitoring = false);

} // namespace mlops::OnPremBlocks
