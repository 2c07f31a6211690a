#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// monitoring.tf for Azure: Log Analytics, Application Insights, the on-call action group, and the alerts of the
// planned monitoring service: Azure Monitor metric alerts on whatever runs the model (pipeline failures on the ML
// workspace, latency of the online server, watermark delay of the stream job, node pressure on AKS), or managed
// Prometheus (Azure Monitor workspace, data collection from AKS, Prometheus alert rules, Managed Grafana).
class AzureMonitoring {
public:
    // Log Analytics, Application Insights and the action group: everything else refers to them.
    static void renderFoundation(const RenderInput& in, TerraformModule& module);
    // The alerts, once the resources they watch exist (call after serving, streaming and the cluster).
    static void renderAlerts(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
