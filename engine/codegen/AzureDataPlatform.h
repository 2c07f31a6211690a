#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The data services some Azure patterns plan instead of the default lake + Azure ML path: Azure Databricks for Spark
// processing and training (VNet-injected, no public IPs, private link), Azure Stream Analytics for in-stream
// scoring (on a dedicated cluster whose managed private endpoints reach the private Event Hubs and lake), and Azure
// Cache for Redis as the online feature / prediction store (Entra ID auth, private endpoint).
class AzureDataPlatform {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
