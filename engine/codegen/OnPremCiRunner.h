#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The plan's CI/CD runner on the cluster (kubernetes_deployment for the ci_cd role: GitLab CI with self-hosted
// runners). The runner and its build pods live in a namespace of their own, apart from the data, with a Role
// limited to what the Kubernetes executor needs there; its registration token comes from an existing secret.
class OnPremCiRunner {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
