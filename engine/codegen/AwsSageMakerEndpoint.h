#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Online serving on a SageMaker real-time endpoint (the managed_ml_platform pattern's serving service): the model
// with its least-privilege execution role in the private subnets, an endpoint configuration sized from the plan
// (instance type, replicas, data capture for Model Monitor, the data key), the endpoint, and target-tracking
// autoscaling of the variant between the plan's replicas and max_replicas. Callers inside the VPC reach it through
// the SageMaker runtime interface endpoint with IAM-signed InvokeEndpoint calls; a planned API gateway is a REST API
// whose AWS integration invokes the endpoint (restApi()).
class AwsSageMakerEndpoint {
public:
    // The variant every resource refers to (autoscaling resource id, alarm dimensions, monitoring input).
    static QString variantName();
    // serving.tf for service aws_sagemaker_endpoint with online serving.
    static void render(const RenderInput& in, TerraformModule& m, HclWriter& f);
    // monitoring.tf: p99 model latency and 5xx invocation errors of the endpoint's variant.
    static void alarms(const RenderInput& in, HclWriter& f);
    // gateway.tf: a REST API (POST /predict, IAM auth, throttling, access logs) whose AWS integration calls the
    // runtime's InvokeEndpoint with a role allowed nothing else; returns the ARN expression of the stage (for WAF).
    static QString restApi(const RenderInput& in, TerraformModule& m, HclWriter& f);
};

} // namespace mlops
