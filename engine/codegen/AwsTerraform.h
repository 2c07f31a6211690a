#pragma once

#include "codegen/CloudRenderer.h"

namespace mlops {

// Terraform for AWS, in the order the files build on each other: AwsFoundation (providers and S3 state, default tags,
// the private VPC, KMS, the lake bucket), the EKS cluster when planned (AwsKubernetes), AwsDataPipeline (ingestion,
// stream processing, features, training, orchestration, tracking), AwsServing (serving and the gateway) and
// AwsOperations (monitoring, CI/CD identity and registry). Each role's file is picked by the plan component's
// catalogue service_id (codegen/ServiceIds.h); substitutes live in AwsKafka, AwsRetrieval, AwsEntryPoints,
// AwsDataServices, AwsSageMaker, AwsSageMakerEndpoint and AwsMlflowOnFargate. Sizes come from the plan's component
// sizes. tests/codegen/tst_codegen_coverage lists what is not rendered yet.
class AwsTerraform final : public CloudRenderer {
public:
    CloudTarget target() const override { return CloudTarget::Aws; }
    CiLogin ciLogin() const override {
        return {"aws-actions/configure-aws-credentials@v4", "role-to-assume=${{ vars.CI_ROLE_ARN }}"};
    }
    void render(const RenderInput& in, TerraformModule& module) const override;
};

} // namespace mlops
