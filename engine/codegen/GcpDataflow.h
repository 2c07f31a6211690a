#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// Dataflow on GCP. Streaming: the long-running Flex Template job itself (google-beta provider, the resource is beta
// only), on private workers in the VPC, CMEK, Streaming Engine, drained on replacement. Batch ingestion: a Cloud
// Scheduler job launching the Flex Template on the plan's cadence; a google_dataflow_flex_template_job would run once
// and be re-created by the next apply after it finished, which is not how a scheduled extraction should behave.
class GcpDataflow {
public:
    static bool streamingJob(const RenderInput& in);
    static bool batchIngestion(const RenderInput& in);
    static bool any(const RenderInput& in);
    // Shared by every Dataflow job: the service agent's key grant (security.tf) and the worker-to-worker firewall
    // (network.tf).
    static void renderWorkerAccess(const RenderInput& in, TerraformModule& module);
    static void renderIngestion(const RenderInput& in, TerraformModule& module);
    static void renderStreaming(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
