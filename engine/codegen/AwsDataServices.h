#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// AWS data stores the plan can pick besides the lake bucket: Iceberg feature tables in the Glue catalog queried
// through an Athena workgroup, and DynamoDB tables for low-latency key lookups (online features, precomputed
// predictions). Each is private, encrypted (with the data key when the compliance asks for one) and readable only
// by the roles that use it.
class AwsDataServices {
public:
    // features.tf for service aws_glue_catalog_table: database, Iceberg table, Athena workgroup, read access for
    // training.
    static void offlineFeatureTables(const RenderInput& in, TerraformModule& m, HclWriter& f);
    // A DynamoDB table for `role` (features or online_store) in <role>.tf, replicated to the plan's other regions
    // when the design is multi-region; readers and writers get item-level permissions on it only.
    static void keyValueTable(const RenderInput& in, TerraformModule& m, const QString& role);
};

} // namespace mlops
