#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// features.tf on GCP: the BigQuery offline tables every design keeps, and on top of them the Vertex AI Feature Store
// the plan names: a feature group over the feature table (managed platform) or a Bigtable-backed online store with a
// feature view synced from it (low-latency online reads).
class GcpFeatureStore {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
