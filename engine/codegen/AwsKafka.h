#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Managed Kafka for teams that already run Kafka: brokers in the private subnets (one per zone), reachable only from
// inside the VPC, TLS between clients and brokers and inside the cluster, IAM client authentication (no anonymous
// clients), storage encrypted with the data key when the compliance asks for one, broker logs kept like the others.
class AwsKafka {
public:
    // ingestion.tf for service aws_msk_cluster, plus the stream processor's topic permissions when there is one.
    static void cluster(const RenderInput& in, TerraformModule& m, HclWriter& f);
};

} // namespace mlops
