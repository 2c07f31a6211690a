#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Terraform for AWS: S3 remote state with a DynamoDB lock, default tags, a private VPC, KMS, and one file per
// plan component mapped from its service (Kinesis or MSK for Kafka teams, Flink, S3, SageMaker, managed MLflow or
// MLflow on Fargate for tight budgets, ECS on Fargate, API Gateway + WAF, CloudWatch, ECR, GitHub OIDC). Sizes come
// from the plan's component sizes. tests/codegen/tst_codegen_coverage lists the catalogue services not rendered yet.
class AwsTerraform {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
