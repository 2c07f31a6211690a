#pragma once

#include "codegen/CloudRenderer.h"

namespace mlops {

// Terraform for an existing on-prem Kubernetes cluster: Kubernetes-secret state, the platform namespace with its
// quota, and the components from OnPremObjectStore, OnPremCharts, OnPremJobs, OnPremServing and OnPremCiRunner.
class OnPremTerraform final : public CloudRenderer {
public:
    CloudTarget target() const override { return CloudTarget::OnPrem; }
    bool regional() const override { return false; }
    // The plan job reaches the cluster through its kubeconfig, not a cloud identity.
    CiLogin ciLogin() const override { return {}; }
    void render(const RenderInput& in, TerraformModule& module) const override;
};

} // namespace mlops
