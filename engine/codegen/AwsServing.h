#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The AWS online path: serving.tf (ECS on Fargate behind the internal load balancer, or the SageMaker endpoint, EKS
// node group, Lambda function or IoT fleet the plan names) and gateway.tf (API Gateway with a JWT authorizer, the
// endpoint's REST API, the cluster's load balancer or latency-routed DNS; WAF when the plan asks for it).
class AwsServing {
public:
    static void serving(const RenderInput& in, TerraformModule& m);
    static void gateway(const RenderInput& in, TerraformModule& m);
};

} // namespace mlops
