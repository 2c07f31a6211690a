#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Terraform for AWS: S3 remote state with a DynamoDB lock, default tags, a private VPC, KMS, and one file per
// plan component mapped from its service (Kinesis, Flink, S3, SageMaker, ECS on Fargate, API Gateway + WAF,
// CloudWatch, ECR, GitHub OIDC). Sizes come from the plan's component sizes.
class AwsTerraform {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
