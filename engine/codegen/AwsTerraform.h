#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Terraform for AWS: S3 remote state with a DynamoDB lock, default tags, a private VPC, KMS, and one file per
// plan component mapped from its catalogue service_id: the core services here (Kinesis or MSK, Flink, S3, Glue jobs,
// SageMaker training and feature store, Step Functions, managed MLflow or MLflow on Fargate, ECS on Fargate, API
// Gateway + WAF, CloudWatch, ECR, GitHub OIDC) and the rest in AwsDataServices (Glue/Iceberg tables, DynamoDB),
// AwsSageMaker (batch transform model, Pipelines, Studio, Model Monitor), AwsSageMakerEndpoint (real-time endpoint,
// its autoscaling and alarms, the REST API in front of it when the plan has a gateway), AwsEntryPoints (Lambda, Route
// 53, IoT), AwsRetrieval (Batch ingestion, OpenSearch Serverless, Bedrock) and AwsKubernetes (EKS, node groups,
// Prometheus). Sizes come from the plan's component sizes. tests/codegen/tst_codegen_coverage lists what is not
// rendered yet.
class AwsTerraform {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
