#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The AKS platform of the Kubernetes patterns: a private cluster (Entra ID RBAC, no local accounts, workload identity,
// customer-managed disk keys when required), one user node pool per planned workload (training on spot capacity
// that scales to zero, serving across the planned zones), and Application Gateway for Containers as the ingress,
// all in the module's virtual network. Renders only what the plan's service_ids ask for.
class AzureKubernetes {
public:
    static bool planned(const RenderInput& in);
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
