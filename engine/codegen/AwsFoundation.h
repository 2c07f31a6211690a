#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The AWS foundation every design stands on: providers.tf (pinned providers, S3 state with a DynamoDB lock, default
// tags), the private VPC in network.tf (private subnets, an S3 gateway endpoint, the workloads' security group, flow
// logs of all traffic, the default security group locked down), the customer-managed key when the compliance asks for
// one (security.tf), and the lake bucket with the access-log bucket its requests are logged to (storage.tf).
class AwsFoundation {
public:
    static void providers(const RenderInput& in, TerraformModule& m);
    static void network(const RenderInput& in, TerraformModule& m, int zones);
    static void keys(const RenderInput& in, TerraformModule& m);
    static void storage(const RenderInput& in, TerraformModule& m);
};

} // namespace mlops
