#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// How requests and devices reach an AWS design when it is not the ECS service behind API Gateway: the model served
// from a Lambda function (container image) behind the same authenticated HTTP API, latency-routed DNS across the
// regions of an active-active design, and an IoT device fleet that sends telemetry into the lake.
class AwsEntryPoints {
public:
    // serving.tf for service aws_lambda_function: the function in the private subnets, sized from the plan, with
    // provisioned concurrency when the plan keeps instances warm.
    static void lambdaServing(const RenderInput& in, TerraformModule& m, HclWriter& f);
    // gateway.tf: API Gateway's proxy integration to the function's live alias and the permission to invoke it.
    static void lambdaIntegration(HclWriter& f);
    // monitoring.tf: p99 duration and error alarms of the function.
    static void lambdaAlarms(const RenderInput& in, HclWriter& f);
    // gateway.tf for service aws_route53_record: this region's latency record for the internal load balancer.
    static void latencyRecord(TerraformModule& m, HclWriter& f);
    // ingestion.tf for service aws_iot_thing_group: thing group, least-privilege device policy, Greengrass token
    // exchange role, and a topic rule that lands telemetry in the lake.
    static void deviceFleet(const RenderInput& in, TerraformModule& m, HclWriter& f);
};

} // namespace mlops
