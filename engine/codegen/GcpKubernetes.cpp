#include "codegen/GcpKubernetes.h"

#include "codegen/GcpBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace GcpBlocks;

namespace {

// Google's front ends and health checkers reach backends from these ranges only (documented by Cloud Load Balancing).
const QStringList kLoadBalancerRanges{s("130.211.0.0/22"), s("35.191.0.0/16")};
constexpr int kServingNodePort = 30080;

// Zones of the regional cluster: as many as the most spread-out planned component asks for.
int clusterZones(const RenderInput& in) {
    return std::max(
        {1, in.size(s("serving")).value(s("zones")).toInt(1), in.size(s("platform")).value(s("zones")).toInt(1)});
}

bool onCluster(const RenderInput& in, const QString& role) {
    return in.serviceOf(role) == ServiceId::GoogleContainerNodePool;
}

HclBlock nodePool(const RenderInput& in, const QString& role, TerraformModule& m) {
    const QJsonObject size = in.size(role);
    const bool training = role == QLatin1String("training");
    const int gpus = size.value(s("gpus")).toInt();
    // Training runs a few hours a week: Spot nodes from zero. Serving keeps the plan's replicas as its node floor.
    const int minNodes = training ? 0 : std::max(1, size.value(s("replicas")).toInt(1));
    const int maxNodes = training ? std::max(1, size.value(s("workers")).toInt(1))
                                  : std::max(minNodes, size.value(s("max_replicas")).toInt(minNodes));
    m.variable(role + s("_machine_type"), s("string"),
               s("Machine type of the ") + role + s(" node pool (from the plan)."),
               text(size.value(s("instance_type")).toString(s("n2-standard-4"))));
    m.variable(role + s("_min_nodes"), s("number"), s("Fewest nodes of the ") + role + s(" pool across its zones."),
               HclValue::num(minNodes));
    m.variable(role + s("_max_nodes"), s("number"),
               s("Most nodes of the ") + role + s(" pool across its zones (from the plan)."), HclValue::num(maxNodes));

    HclBlock config(s("node_config"));
    config.expr(s("machine_type"), s("var.") + role + s("_machine_type"))
        .expr(s("service_account"), s("google_service_account.gke_nodes.email"))
        .attr(s("oauth_scopes"), HclValue::strings({s("https://www.googleapis.com/auth/cloud-platform")}))
        .str(s("disk_type"), s("pd-balanced"))
        .num(s("disk_size_gb"), 100)
        .expr(s("boot_disk_kms_key"), s("google_kms_crypto_key.data.id"))
        .expr(s("resource_labels"), s("local.labels"))
        .attr(s("labels"), HclValue::object({{s("workload"), text(role)}}));
    if (training)
        config.flag(s("spot"), true);
    // Only pods that tolerate the taint (the role's own workloads) are scheduled onto the pool.
    config.block(
        HclBlock(s("taint")).str(s("key"), s("workload")).str(s("value"), role).str(s("effect"), s("NO_SCHEDULE")));
    if (gpus > 0) {
        m.variable(role + s("_accelerator_type"), s("string"), s("GPU of the ") + role + s(" nodes (from the plan)."),
                   text(size.value(s("gpu")).toString().toLower().replace(QLatin1Char(' '), QLatin1Char('-'))));
        m.variable(role + s("_accelerator_count"), s("number"), s("GPUs per ") + role + s(" node (from the plan)."),
                   HclValue::num(gpus));
        config.block(
            HclBlock(s("guest_accelerator"))
                .expr(s("type"), s("var.") + role + s("_accelerator_type"))
                .expr(s("count"), s("var.") + role + s("_accelerator_count"))
                .block(HclBlock(s("gpu_driver_installation_config")).str(s("gpu_driver_version"), s("DEFAULT"))));
    }
    config.block(HclBlock(s("workload_metadata_config")).str(s("mode"), s("GKE_METADATA")))
        .block(HclBlock(s("shielded_instance_config"))
                   .flag(s("enable_secure_boot"), true)
                   .flag(s("enable_integrity_monitoring"), true));

    return resource(s("google_container_node_pool"), role)
        .attr(s("name"), named(role))
        .expr(s("cluster"), s("google_container_cluster.main.id"))
        .expr(s("location"), s("google_container_cluster.main.location"))
        .block(HclBlock(s("autoscaling"))
                   .expr(s("total_min_node_count"), s("var.") + role + s("_min_nodes"))
                   .expr(s("total_max_node_count"), s("var.") + role + s("_max_nodes"))
                   .str(s("location_policy"), training ? s("ANY") : s("BALANCED")))
        .block(HclBlock(s("management")).flag(s("auto_repair"), true).flag(s("auto_upgrade"), true))
        .block(config);
}

// The role's pods act as the role's Google service account through Workload Identity; no keys on the nodes.
HclBlock workloadIdentity(const QString& role) {
    return resource(s("google_service_account_iam_member"), role + s("_workload_identity"))
        .expr(s("service_account_id"), s("google_service_account.") + role + s(".name"))
        .str(s("role"), s("roles/iam.workloadIdentityUser"))
        .attr(s("member"), HclValue::interpolated(s("serviceAccount:${var.project_id}.svc.id.goog[") +
                                                  GcpKubernetes::kubernetesAccount(role) + s("]")));
}

void gateway(const RenderInput& in, TerraformModule& m) {
    const bool waf = in.config(s("gateway")).value(s("waf")).toBool();
    m.variable(s("serving_node_port"), s("number"),
               s("NodePort the model server's Kubernetes Service exposes on the serving nodes."),
               HclValue::num(kServingNodePort));
    HclWriter& g =
        m.file(s("gateway.tf"), s("Entry point: HTTPS load balancer with a Cloud Armor policy admitting only the "
                                  "allowed ranges, in front of the serving\nnode pool's instance groups (the model "
                                  "server's Service is of type NodePort on var.serving_node_port)."));
    g.add(armorPolicy(waf));
    g.add(resource(s("google_compute_firewall"), s("load_balancer_to_nodes"))
              .attr(s("name"), named(s("lb-to-serving")))
              .expr(s("network"), s("google_compute_network.main.name"))
              .str(s("direction"), s("INGRESS"))
              .attr(s("source_ranges"), HclValue::strings(kLoadBalancerRanges))
              .attr(s("target_service_accounts"), refs({s("google_service_account.gke_nodes.email")}))
              .block(HclBlock(s("allow"))
                         .str(s("protocol"), s("tcp"))
                         .attr(s("ports"), HclValue::list({HclValue::interpolated(s("${var.serving_node_port}"))}))));
    // The pool has one instance group per cluster zone, each told which port "http" means. Its URLs read
    // .../zones/<zone>/instanceGroupManagers/<name>: segments 8 and 10.
    g.add(
        resource(s("google_compute_instance_group_named_port"), s("serving"))
            .num(s("count"), clusterZones(in))
            .attr(
                s("group"),
                HclValue::expr(s(
                    "element(split(\"/\", google_container_node_pool.serving.instance_group_urls[count.index]), 10)")))
            .attr(s("zone"),
                  HclValue::expr(s(
                      "element(split(\"/\", google_container_node_pool.serving.instance_group_urls[count.index]), 8)")))
            .str(s("name"), s("http"))
            .expr(s("port"), s("var.serving_node_port")));
    g.add(resource(s("google_compute_health_check"), s("serving"))
              .attr(s("name"), named(s("serving-health")))
              .block(HclBlock(s("http_health_check"))
                         .expr(s("port"), s("var.serving_node_port"))
                         .str(s("request_path"), s("/healthz")))
              .block(HclBlock(s("log_config")).flag(s("enable"), true)));
    g.add(resource(s("google_compute_backend_service"), s("serving"))
              .attr(s("name"), named(s("backend")))
              .str(s("protocol"), s("HTTP"))
              .str(s("port_name"), s("http"))
              .str(s("load_balancing_scheme"), s("EXTERNAL_MANAGED"))
              .expr(s("security_policy"), s("google_compute_security_policy.serving.id"))
              .attr(s("health_checks"), refs({s("google_compute_health_check.serving.id")}))
              .block(HclBlock(s("dynamic"), {s("backend")})
                         .expr(s("for_each"), s("google_container_node_pool.serving.instance_group_urls"))
                         .block(HclBlock(s("content"))
                                    .attr(s("group"),
                                          HclValue::expr(s(
                                              "replace(backend.value, \"instanceGroupManagers\", \"instanceGroups\")")))
                                    .str(s("balancing_mode"), s("UTILIZATION"))))
              .block(HclBlock(s("log_config")).flag(s("enable"), true))
              .attr(s("depends_on"), refs({s("google_compute_instance_group_named_port.serving")})));
    g.add(resource(s("google_compute_url_map"), s("serving"))
              .attr(s("name"), named(s("urlmap")))
              .expr(s("default_service"), s("google_compute_backend_service.serving.id")));
}

} // namespace

QString GcpKubernetes::kubernetesAccount(const QString& role) {
    return role == QLatin1String("training") ? s("training/trainer") : s("serving/model-server");
}

void GcpKubernetes::renderCluster(const RenderInput& in, TerraformModule& m) {
    const int zones = clusterZones(in);
    m.variable(s("gke_master_cidr"), s("string"),
               s("Private range of the GKE control plane (a /28 unused in the VPC)."), text(s("172.16.0.0/28")));
    HclWriter& k = m.file(s("kubernetes.tf"),
                          s("Platform: ") + in.component(s("platform")).value(s("service")).toString() +
                              s(".\nPrivate nodes and a private control-plane endpoint (kubectl from var.allowed_cidrs "
                                "inside the VPC only), Workload\nIdentity, Kubernetes secrets encrypted with the data "
                                "key, Dataplane V2 network policy, system and workload logs."));
    // GKE's service agent encrypts Kubernetes secrets; the nodes' boot disks use Compute Engine's grant (security.tf).
    k.add(keyAccessForAgent(
        s("gke"), s("service-${data.google_project.current.number}@container-engine-robot.iam.gserviceaccount.com")));
    k.add(serviceAccount(s("gke_nodes"), s("GKE nodes (logging, metrics, image pulls only)")));
    // The minimal node identity GKE's hardening guide describes, instead of the Compute Engine default account
    // (Editor).
    const QList<QPair<const char*, const char*>> nodeRoles{
        {"gke_nodes_log_writer", "roles/logging.logWriter"},
        {"gke_nodes_metric_writer", "roles/monitoring.metricWriter"},
        {"gke_nodes_monitoring_viewer", "roles/monitoring.viewer"},
        {"gke_nodes_metadata_writer", "roles/stackdriver.resourceMetadata.writer"},
        {"gke_nodes_image_reader", "roles/artifactregistry.reader"}};
    for (const auto& [name, role] : nodeRoles)
        k.add(projectRole(s(name), s("gke_nodes"), s(role)));
    k.add(data(s("google_compute_zones"), s("available")).expr(s("region"), s("var.region")).str(s("status"), s("UP")));
    k.add(resource(s("google_container_cluster"), s("main"))
              .attr(s("name"), named(s("gke")))
              .expr(s("location"), s("var.region"))
              .attr(s("node_locations"), HclValue::expr(s("slice(data.google_compute_zones.available.names, 0, ") +
                                                        QString::number(zones) + s(")")))
              .expr(s("network"), s("google_compute_network.main.id"))
              .expr(s("subnetwork"), s("google_compute_subnetwork.private.id"))
              .flag(s("remove_default_node_pool"), true)
              .num(s("initial_node_count"), 1)
              .flag(s("deletion_protection"), true)
              .flag(s("enable_shielded_nodes"), true)
              .str(s("networking_mode"), s("VPC_NATIVE"))
              .str(s("datapath_provider"), s("ADVANCED_DATAPATH"))
              .expr(s("resource_labels"), s("local.labels"))
              .block(HclBlock(s("ip_allocation_policy"))
                         .str(s("cluster_secondary_range_name"), s("pods"))
                         .str(s("services_secondary_range_name"), s("services")))
              .block(HclBlock(s("private_cluster_config"))
                         .flag(s("enable_private_nodes"), true)
                         .flag(s("enable_private_endpoint"), true)
                         .expr(s("master_ipv4_cidr_block"), s("var.gke_master_cidr")))
              .block(HclBlock(s("master_authorized_networks_config"))
                         .block(HclBlock(s("dynamic"), {s("cidr_blocks")})
                                    .expr(s("for_each"), s("var.allowed_cidrs"))
                                    .block(HclBlock(s("content"))
                                               .expr(s("cidr_block"), s("cidr_blocks.value"))
                                               .str(s("display_name"), s("allowed")))))
              .block(HclBlock(s("workload_identity_config"))
                         .attr(s("workload_pool"), HclValue::interpolated(s("${var.project_id}.svc.id.goog"))))
              .block(HclBlock(s("database_encryption"))
                         .str(s("state"), s("ENCRYPTED"))
                         .expr(s("key_name"), s("google_kms_crypto_key.data.id")))
              .block(HclBlock(s("release_channel")).str(s("channel"), s("REGULAR")))
              .block(HclBlock(s("logging_config"))
                         .attr(s("enable_components"), HclValue::strings({s("SYSTEM_COMPONENTS"), s("WORKLOADS")})))
              .block(HclBlock(s("monitoring_config"))
                         .attr(s("enable_components"), HclValue::strings({s("SYSTEM_COMPONENTS")}))
                         .block(HclBlock(s("managed_prometheus")).flag(s("enabled"), true)))
              .attr(s("depends_on"), refs({s("google_kms_crypto_key_iam_member.gke")})));
    m.output(s("gke_cluster"), s("google_container_cluster.main.name"),
             s("GKE cluster (get credentials with gcloud container clusters get-credentials)"));

    for (const QString& role : {s("training"), s("serving")}) {
        if (!onCluster(in, role))
            continue;
        // The training and serving identities are created by their own files; here they are bound to the pods.
        k.add(nodePool(in, role, m).attr(s("depends_on"), refs({s("google_kms_crypto_key_iam_member.compute_agent")})));
        k.add(workloadIdentity(role));
        m.output(role + s("_kubernetes_service_account"), s("\"") + kubernetesAccount(role) + s("\""),
                 s("namespace/name of the Kubernetes service account the ") + role + s(" pods must use"));
    }
    if (onCluster(in, s("serving")) && in.has(s("gateway")))
        gateway(in, m);
}

} // namespace mlops
