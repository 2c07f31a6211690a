#pragma once

#include "codegen/CloudRenderer.h"

namespace mlops {

// Terraform for GCP: GCS remote state, default labels, a private VPC, Cloud KMS, and the plan components (Vertex AI,
// Dataflow, GKE, Cloud Run, feature store) from GcpDataflow, GcpFeatureStore, GcpKubernetes and GcpVertexEndpoint.
class GcpTerraform final : public CloudRenderer {
public:
    CloudTarget target() const override { return CloudTarget::Gcp; }
    CiLogin ciLogin() const override {
        return {"google-github-actions/auth@v2", "workload_identity_provider=${{ vars.WORKLOAD_IDENTITY_PROVIDER }}"};
    }
    void render(const RenderInput& in, TerraformModule& module) const override;
};

} // namespace mlops
