#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The plan's platform services that ship as Helm charts (helm_release.<release> in the catalogue): Argo Workflows,
// MLflow (tracking and registry are one server), Harbor, ingress-nginx, Qdrant, and the generic releases (Trino,
// Vault, kube-prometheus-stack). Each is installed once, pinned, into the platform namespace, with values written
// through yamlencode from what the plan sized and wired to the object store.
class OnPremCharts {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
