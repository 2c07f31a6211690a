#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Online serving on the cluster, as the plan's serving component names it: a KServe InferenceService
// (kubernetes_manifest.inference_service, RawDeployment mode behind the platform's ingress), vLLM on GPU nodes for
// open-weight LLMs, or the FastAPI model server as a Deployment with an autoscaler (kubernetes_deployment). Replicas,
// CPU, memory and GPUs come from the plan; with ingress-nginx in the plan the endpoint is published through it with
// TLS and OIDC authentication.
class OnPremServing {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
