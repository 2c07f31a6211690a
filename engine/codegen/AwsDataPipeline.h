#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The AWS data and training path, one file per plan role: ingestion (Kinesis, Glue, or the substitutes in AwsKafka,
// AwsRetrieval and AwsEntryPoints), stream processing (Managed Flink), features (SageMaker feature store, or
// AwsDataServices / AwsRetrieval), training (SageMaker jobs, an EKS node group, or a managed foundation model),
// orchestration (Step Functions, or SageMaker Pipelines) and tracking (managed MLflow, or MLflow on Fargate).
class AwsDataPipeline {
public:
    static void ingestion(const RenderInput& in, TerraformModule& m);
    static void streaming(const RenderInput& in, TerraformModule& m);
    static void features(const RenderInput& in, TerraformModule& m);
    static void training(const RenderInput& in, TerraformModule& m);
    static void orchestration(const RenderInput& in, TerraformModule& m);
    static void tracking(const RenderInput& in, TerraformModule& m);
};

} // namespace mlops
