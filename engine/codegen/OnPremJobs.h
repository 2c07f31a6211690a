#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The plan's batch workloads on the cluster: ingestion, training and batch scoring as the catalogue names them.
// A kubernetes_cron_job component becomes a CronJob on its schedule; a kubernetes_job component becomes a Job that
// Terraform starts once (the first ingestion or model, so the platform is usable after apply) plus, when the plan
// sizes more than one run a month, a CronJob with the same pod template for the recurring runs. Pods are sized from
// the plan (GPUs only when it has them) and run under their own service account in the restricted namespace.
class OnPremJobs {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
