#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// SageMaker services the catalogue maps plan roles to, beyond training jobs and the feature store: the batch
// transform model, SageMaker Pipelines as the orchestrator, Studio for notebooks and Model Monitor. All of them run
// in the private subnets with network isolation where the service allows it, encrypt volumes and outputs with the
// data key when there is one, and act through roles scoped to this module's bucket prefixes and resources.
class AwsSageMaker {
public:
    // serving.tf (batch): the model batch transform jobs run, from the image CI pushes and the approved artifact.
    static void batchTransformModel(TerraformModule& m, HclWriter& f);
    // orchestration.tf: a SageMaker pipeline with the training step, started on the plan's schedule.
    static void pipeline(const RenderInput& in, TerraformModule& m);
    // The failed-run alarm of the SageMaker pipeline (monitoring.tf).
    static HclBlock pipelineFailedAlarm();
    // notebooks.tf: a VPC-only Studio domain with IAM auth, its execution role and the endpoints it needs.
    static void studioDomain(const RenderInput& in, TerraformModule& m);
    // monitoring.tf: a data-quality job over the model server's captured requests, on an hourly schedule.
    static void modelMonitor(const RenderInput& in, TerraformModule& m, HclWriter& f);
};

} // namespace mlops
