#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The retrieval-augmented LLM design on AWS: documents are chunked and embedded by an AWS Batch job on Fargate, the
// vectors live in an OpenSearch Serverless collection reachable only through a VPC endpoint, and the model server
// calls a Bedrock foundation model whose invocations are logged. Bedrock and OpenSearch are reached through
// interface endpoints; every role gets exactly the model, collection and bucket prefixes it uses.
class AwsRetrieval {
public:
    // ingestion.tf for service aws_batch_job_definition: compute environment, queue and the embedding job.
    static void documentIngestion(const RenderInput& in, TerraformModule& m, HclWriter& f);
    // features.tf for service aws_opensearchserverless_collection: policies, VPC endpoint, vector collection.
    static void vectorCollection(const RenderInput& in, TerraformModule& m, HclWriter& f);
    // training.tf for service aws_bedrock_model_invocation_logging_configuration: the model the design calls,
    // invocation logging, and the serving identity's permission to invoke it.
    static void foundationModel(const RenderInput& in, TerraformModule& m);
    // orchestration.tf: the ingestion job on the plan's schedule (Step Functions runs it and waits for it).
    static void ingestionSchedule(const RenderInput& in, TerraformModule& m);
};

} // namespace mlops
