#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Running the AWS system: monitoring.tf (encrypted alert topic, latency, error and pipeline alarms, drift log group,
// Model Monitor or managed Prometheus when planned) and ci_cd.tf (GitHub OIDC role; ECR when the plan has a
// registry).
class AwsOperations {
public:
    static void monitoring(const RenderInput& in, TerraformModule& m);
    static void delivery(const RenderInput& in, TerraformModule& m);
};

} // namespace mlops
