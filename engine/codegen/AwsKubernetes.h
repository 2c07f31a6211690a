#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The Kubernetes designs on AWS: a private EKS cluster (API endpoint inside the VPC only, control-plane audit logs,
// secrets encrypted with the data key when there is one), a small system node group, node groups for serving and
// training sized from the plan (GPU AMI and taint only when the plan has GPUs; training on spot, scaled to zero
// between runs), pod identities instead of node-wide permissions, the internal load balancer the AWS Load Balancer
// Controller binds pods to, and Amazon Managed Prometheus for the in-cluster Prometheus to write to.
class AwsKubernetes {
public:
    static bool planned(const RenderInput& in);
    // platform.tf: cluster, its role and log group, node role, system node group, pod identity agent.
    static void cluster(const RenderInput& in, TerraformModule& m);
    // A node group for `role` (serving or training) in `f`, plus the identity of that role's pods.
    static void nodeGroup(const RenderInput& in, TerraformModule& m, HclWriter& f, const QString& role);
    // gateway.tf for service aws_lb: internal ALB, target group, HTTPS listener, controller identity.
    static void ingress(TerraformModule& m, HclWriter& f);
    // monitoring.tf for service aws_prometheus_workspace: encrypted workspace, its log, remote-write identity.
    static void prometheus(const RenderInput& in, TerraformModule& m, HclWriter& f);
};

} // namespace mlops
