#include "codegen/AwsKubernetes.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

// A role only pods of one service account can assume, through EKS Pod Identity (which also tags the session).
void podIdentity(HclWriter& f, const QString& roleName, const QString& purpose, const QString& kubeNamespace,
                 const QString& serviceAccount) {
    const HclValue trust =
        awsTrustPolicy(HclValue::strings({s("sts:AssumeRole"), s("sts:TagSession")}),
                       {{s("Principal"), HclValue::object({{s("Service"), text(s("pods.eks.amazonaws.com"))}})}});
    f.add(resource(s("aws_iam_role"), roleName)
              .attr(s("name"), named(roleName))
              .str(s("description"), purpose)
              .attr(s("assume_role_policy"), trust));
    f.add(resource(s("aws_eks_pod_identity_association"), roleName)
              .expr(s("cluster_name"), s("aws_eks_cluster.main.name"))
              .str(s("namespace"), kubeNamespace)
              .str(s("service_account"), serviceAccount)
              .expr(s("role_arn"), s("aws_iam_role.") + roleName + s(".arn")));
}

HclBlock policyAttachment(const QString& name, const QString& role, const QString& policy) {
    return resource(s("aws_iam_role_policy_attachment"), name)
        .expr(s("role"), s("aws_iam_role.") + role + s(".name"))
        .str(s("policy_arn"), s("arn:aws:iam::aws:policy/") + policy);
}

const QStringList& nodePolicies() {
    static const QStringList names{s("eks_nodes_worker"), s("eks_nodes_cni"), s("eks_nodes_registry")};
    return names;
}

} // namespace

bool AwsKubernetes::planned(const RenderInput& in) {
    return in.serviceOf(s("platform")) == ServiceId::AwsEksCluster;
}

void AwsKubernetes::cluster(const RenderInput& in, TerraformModule& m) {
    m.variable(s("kubernetes_version"), s("string"), s("EKS Kubernetes version."), text(s("1.31")));
    HclWriter& f =
        m.file(s("platform.tf"),
               s("Platform: ") + in.component(s("platform")).value(s("service")).toString() +
                   s("\nPrivate API endpoint, audit logs, pod identities; workloads get their own node groups."));
    f.add(logGroup(in, s("eks"), s("/aws/eks/${local.name}-eks/cluster"))); // the name EKS writes to
    f.add(executionRole(s("eks_cluster"), s("eks.amazonaws.com"), s("Control plane of the EKS cluster")));
    f.add(policyAttachment(s("eks_cluster"), s("eks_cluster"), s("AmazonEKSClusterPolicy")));
    f.add(resource(s("aws_security_group"), s("eks_api"))
              .attr(s("name"), named(s("eks-api")))
              .str(s("description"), s("Kubernetes API from inside the VPC only"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("Kubernetes API from the VPC"))
                         .num(s("from_port"), 443)
                         .num(s("to_port"), 443)
                         .str(s("protocol"), s("tcp"))
                         .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")}))));
    HclBlock eks = resource(s("aws_eks_cluster"), s("main"));
    eks.attr(s("name"), named(s("eks")))
        .expr(s("version"), s("var.kubernetes_version"))
        .expr(s("role_arn"), s("aws_iam_role.eks_cluster.arn"))
        .attr(s("enabled_cluster_log_types"), HclValue::strings({s("api"), s("audit"), s("authenticator")}))
        .block(HclBlock(s("vpc_config"))
                   .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
                   .flag(s("endpoint_private_access"), true)
                   .flag(s("endpoint_public_access"), false)
                   .attr(s("security_group_ids"), refs({s("aws_security_group.eks_api.id")})))
        .block(HclBlock(s("access_config"))
                   .str(s("authentication_mode"), s("API"))
                   .flag(s("bootstrap_cluster_creator_admin_permissions"), true));
    if (in.customerManagedKeys())
        eks.block(HclBlock(s("encryption_config"))
                      .attr(s("resources"), HclValue::strings({s("secrets")}))
                      .block(HclBlock(s("provider")).expr(s("key_arn"), kmsArn(in))));
    eks.attr(s("depends_on"),
             refs({s("aws_iam_role_policy_attachment.eks_cluster"), s("aws_cloudwatch_log_group.eks")}));
    f.add(eks);
    f.add(resource(s("aws_eks_addon"), s("pod_identity"))
              .expr(s("cluster_name"), s("aws_eks_cluster.main.name"))
              .str(s("addon_name"), s("eks-pod-identity-agent")));
    // Nodes have no internet path: joining the cluster, pulling images, pod identity credentials, logs and the
    // load balancer controller's calls all go through interface endpoints (S3 through the gateway endpoint).
    for (const char* service : {"ec2", "ecr.api", "ecr.dkr", "sts", "logs", "eks-auth", "elasticloadbalancing"})
        interfaceEndpoint(m,
                          QString::fromLatin1(service)
                              .replace(QLatin1Char('.'), QLatin1Char('_'))
                              .replace(QLatin1Char('-'), QLatin1Char('_')),
                          QString::fromLatin1(service));
    f.add(executionRole(s("eks_nodes"), s("ec2.amazonaws.com"),
                        s("Worker nodes: join the cluster, pod networking, image pulls")));
    f.add(policyAttachment(nodePolicies().at(0), s("eks_nodes"), s("AmazonEKSWorkerNodePolicy")));
    f.add(policyAttachment(nodePolicies().at(1), s("eks_nodes"), s("AmazonEKS_CNI_Policy")));
    f.add(policyAttachment(nodePolicies().at(2), s("eks_nodes"), s("AmazonEC2ContainerRegistryReadOnly")));
    // System pods (CoreDNS, controllers, Argo, Prometheus) on two small nodes, one per zone.
    QStringList deps;
    for (const QString& p : nodePolicies())
        deps << s("aws_iam_role_policy_attachment.") + p;
    f.add(
        resource(s("aws_eks_node_group"), s("system"))
            .expr(s("cluster_name"), s("aws_eks_cluster.main.name"))
            .attr(s("node_group_name"), named(s("system")))
            .expr(s("node_role_arn"), s("aws_iam_role.eks_nodes.arn"))
            .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
            .attr(s("instance_types"), HclValue::strings({s("m6i.large")}))
            .str(s("ami_type"), s("AL2023_x86_64_STANDARD"))
            .attr(s("labels"), HclValue::object({{s("workload"), text(s("system"))}}))
            .block(HclBlock(s("scaling_config")).num(s("desired_size"), 2).num(s("min_size"), 2).num(s("max_size"), 3))
            .block(HclBlock(s("update_config")).num(s("max_unavailable"), 1))
            .attr(s("depends_on"), refs(deps)));
    m.output(s("eks_cluster_name"), s("aws_eks_cluster.main.name"),
             s("EKS cluster (aws eks update-kubeconfig --name ...)"));
    m.output(s("eks_endpoint"), s("aws_eks_cluster.main.endpoint"), s("Private Kubernetes API endpoint"));
}

void AwsKubernetes::nodeGroup(const RenderInput& in, TerraformModule& m, HclWriter& f, const QString& role) {
    const QJsonObject size = in.size(role);
    const bool training = role == QLatin1String("training");
    const bool gpu = size.value(s("gpus")).toInt() > 0;
    const QString instance = size.value(s("instance_type")).toString(gpu ? s("g5.xlarge") : s("m6i.xlarge"));
    m.variable(role + s("_instance_type"), s("string"),
               s("Instance type of the ") + role + s(" node group (from the plan)."), text(instance));
    // Serving keeps its planned replicas (one pod per node) and scales to the planned maximum; training nodes
    // exist only while a job runs (spot, from zero to the planned workers).
    const int desired = training ? 0 : std::max(1, size.value(s("replicas")).toInt(1));
    const int maximum = training ? std::max(1, size.value(s("workers")).toInt(1))
                                 : std::max(desired, size.value(s("max_replicas")).toInt(desired));
    QStringList deps;
    for (const QString& p : nodePolicies())
        deps << s("aws_iam_role_policy_attachment.") + p;
    HclBlock group = resource(s("aws_eks_node_group"), role);
    group.expr(s("cluster_name"), s("aws_eks_cluster.main.name"))
        .attr(s("node_group_name"), named(role))
        .expr(s("node_role_arn"), s("aws_iam_role.eks_nodes.arn"))
        .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
        .attr(s("instance_types"), refs({s("var.") + role + s("_instance_type")}))
        .str(s("ami_type"), gpu ? s("AL2023_x86_64_NVIDIA") : s("AL2023_x86_64_STANDARD"))
        .str(s("capacity_type"), training ? s("SPOT") : s("ON_DEMAND"))
        .num(s("disk_size"), gpu ? 100 : 50) // GPU images (CUDA, model weights) need room
        .attr(s("labels"), HclValue::object({{s("workload"), text(role)}}))
        .block(HclBlock(s("scaling_config"))
                   .num(s("desired_size"), desired)
                   .num(s("min_size"), desired)
                   .num(s("max_size"), maximum))
        .block(HclBlock(s("update_config")).num(s("max_unavailable"), 1))
        // Only pods that tolerate the taint (this role's workloads) land here.
        .block(
            HclBlock(s("taint")).str(s("key"), s("workload")).str(s("value"), role).str(s("effect"), s("NO_SCHEDULE")));
    if (gpu)
        group.block(HclBlock(s("taint"))
                        .str(s("key"), s("nvidia.com/gpu"))
                        .str(s("value"), s("true"))
                        .str(s("effect"), s("NO_SCHEDULE")));
    group
        .block(HclBlock(s("lifecycle"))
                   .attr(s("ignore_changes"), refs({s("scaling_config[0].desired_size")}))) // the autoscaler owns it
        .attr(s("depends_on"), refs(deps));
    f.add(group);
    const QString identity = training ? s("training") : s("serving_task");
    podIdentity(f, identity,
                training ? s("Identity of the training jobs' pods") : s("Identity of the model server's pods"),
                training ? s("training") : s("serving"), training ? s("trainer") : s("model-server"));
    f.add(dataAccessPolicy(in, identity, training));
    if (training)
        m.output(s("training_role_arn"), s("aws_iam_role.training.arn"),
                 s("Role of the training pods (service account training/trainer)"));
}

void AwsKubernetes::ingress(TerraformModule& m, HclWriter& f) {
    // Terraform owns the load balancer; the AWS Load Balancer Controller only registers the model-server pods in
    // the target group (TargetGroupBinding), so its permissions stay narrow.
    internalLoadBalancer(m, f);
    podIdentity(f, s("lb_controller"),
                s("AWS Load Balancer Controller: registers model-server pods in the target group"), s("kube-system"),
                s("aws-load-balancer-controller"));
    f.add(rolePolicy(
        s("lb_controller"), s("targets"),
        {{{s("elasticloadbalancing:DeregisterTargets"), s("elasticloadbalancing:RegisterTargets")},
          {s("aws_lb_target_group.serving.arn")}},
         {{s("ec2:DescribeInstances"), s("ec2:DescribeNetworkInterfaces"), s("ec2:DescribeSecurityGroups"),
           s("ec2:DescribeSubnets"), s("ec2:DescribeVpcs"), s("elasticloadbalancing:DescribeListeners"),
           s("elasticloadbalancing:DescribeLoadBalancers"), s("elasticloadbalancing:DescribeTags"),
           s("elasticloadbalancing:DescribeTargetGroups"), s("elasticloadbalancing:DescribeTargetHealth")},
          {s("\"*\"")}},
         {{s("ec2:AuthorizeSecurityGroupIngress"), s("ec2:RevokeSecurityGroupIngress")},
          {accountArn(s("ec2"),
                      s("security-group/${aws_eks_cluster.main.vpc_config[0].cluster_security_group_id}"))}}}));
    m.output(s("serving_target_group_arn"), s("aws_lb_target_group.serving.arn"),
             s("Target group the model server's TargetGroupBinding points at"));
}

void AwsKubernetes::prometheus(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    f.add(logGroup(in, s("prometheus"), s("/aws/prometheus/${local.name}")));
    HclBlock workspace = resource(s("aws_prometheus_workspace"), s("main"));
    workspace.attr(s("alias"), named(s("metrics")));
    if (in.customerManagedKeys())
        workspace.expr(s("kms_key_arn"), kmsArn(in));
    workspace.block(
        HclBlock(s("logging_configuration"))
            .attr(s("log_group_arn"), HclValue::interpolated(s("${aws_cloudwatch_log_group.prometheus.arn}:*"))));
    f.add(workspace);
    // The in-cluster Prometheus (rules and scrape config under monitoring/) writes to the workspace and nothing else.
    podIdentity(f, s("prometheus"), s("In-cluster Prometheus: remote write to the managed workspace"), s("monitoring"),
                s("prometheus"));
    f.add(rolePolicy(s("prometheus"), s("remote_write"),
                     {{{s("aps:RemoteWrite")}, {s("aws_prometheus_workspace.main.arn")}}}));
    interfaceEndpoint(m, s("aps_workspaces"), s("aps-workspaces"));
    m.output(s("prometheus_remote_write_url"),
             s("\"${aws_prometheus_workspace.main.prometheus_endpoint}api/v1/remote_write\""),
             s("Remote-write URL of the managed Prometheus workspace"));
}

} // namespace mlops
