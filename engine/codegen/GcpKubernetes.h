#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// kubernetes.tf when the plan runs on GKE: a private, regional GKE Standard cluster (Workload Identity, secrets
// encrypted with the data key, Dataplane V2 network policy, control plane reachable only from the allowed ranges),
// a minimal node identity, and one node pool per planned role on it (training on Spot nodes that scale to zero,
// serving sized from the plan), GPUs only where the plan has them. With a gateway, the HTTPS load balancer fronts the
// serving pool's NodePort.
class GcpKubernetes {
public:
    static void renderCluster(const RenderInput& in, TerraformModule& module);
    // The Kubernetes service account (namespace/name) a role's pods run as, bound to the role's Google identity.
    static QString kubernetesAccount(const QString& role);
};

} // namespace mlops
