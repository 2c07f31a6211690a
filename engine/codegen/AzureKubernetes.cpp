#include "codegen/AzureKubernetes.h"

#include "codegen/AzureSyntax.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AzureSyntax;

namespace {

QStringList zoneList(int zones) {
    QStringList out;
    for (int z = 1; z <= std::clamp(zones, 1, 3); ++z)
        out.append(QString::number(z));
    return out;
}

// A workload identity: a managed identity that pods of one Kubernetes service account exchange their token for.
void workloadIdentity(HclWriter& f, const QString& name, const QString& serviceAccount) {
    f.add(userIdentity(name, QString(name).replace(QLatin1Char('_'), QLatin1Char('-')) + s("-id")));
    f.add(resource(s("azurerm_federated_identity_credential"), name)
              .str(s("name"), QString(name).replace(QLatin1Char('_'), QLatin1Char('-')))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
              .expr(s("parent_id"), s("azurerm_user_assigned_identity.") + name + s(".id"))
              .attr(s("audience"), HclValue::strings({s("api://AzureADTokenExchange")}))
              .expr(s("issuer"), s("azurerm_kubernetes_cluster.main.oidc_issuer_url"))
              .str(s("subject"), s("system:serviceaccount:") + serviceAccount));
}

void cluster(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    HclWriter& network = m.file(s("network.tf"));
    network.add(subnet(s("aks"), s("10.40.16.0/20")));
    network.add(resource(s("azurerm_subnet_network_security_group_association"), s("aks"))
                    .expr(s("subnet_id"), s("azurerm_subnet.aks.id"))
                    .expr(s("network_security_group_id"), s("azurerm_network_security_group.workloads.id")));

    m.variable(s("aks_admin_group_object_ids"), s("list(string)"),
               s("Entra ID groups that administer the cluster (Azure RBAC; local accounts are disabled)."),
               HclValue::strings({}));
    const bool cmk = in.customerManagedKeys();
    const int zones = std::max(1, in.size(s("serving")).value(s("zones")).toInt(1));
    f.add(userIdentity(s("aks"), s("aks-id")));
    // The cluster identity joins the node subnet and creates internal load balancers in it.
    f.add(roleAssignment(s("aks_subnet"), s("azurerm_subnet.aks.id"), s("Network Contributor"),
                         s("azurerm_user_assigned_identity.aks.principal_id")));
    if (cmk) {
        f.add(azure(s("azurerm_disk_encryption_set"), s("aks"), s("aks-des"))
                  .expr(s("key_vault_key_id"), s("azurerm_key_vault_key.data.versionless_id"))
                  .flag(s("auto_key_rotation_enabled"), true)
                  .str(s("encryption_type"), s("EncryptionAtRestWithCustomerKey"))
                  .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
                  .expr(s("tags"), s("local.tags")));
        f.add(roleAssignment(s("aks_disk_encryption"), s("azurerm_disk_encryption_set.aks.id"), s("Reader"),
                             s("azurerm_user_assigned_identity.aks.principal_id")));
    }

    HclBlock aks = azure(s("azurerm_kubernetes_cluster"), s("main"), s("aks"));
    aks.expr(s("dns_prefix"), s("local.name"))
        .str(s("sku_tier"), s("Standard"))
        .flag(s("private_cluster_enabled"), true)
        .flag(s("local_account_disabled"), true)
        .flag(s("role_based_access_control_enabled"), true)
        .flag(s("oidc_issuer_enabled"), true)
        .flag(s("workload_identity_enabled"), true)
        .flag(s("azure_policy_enabled"), true)
        .flag(s("run_command_enabled"), false)
        .str(s("automatic_channel_upgrade"), s("patch"))
        .str(s("node_os_channel_upgrade"), s("NodeImage"))
        .flag(s("image_cleaner_enabled"), true)
        .num(s("image_cleaner_interval_hours"), 48);
    if (cmk)
        aks.expr(s("disk_encryption_set_id"), s("azurerm_disk_encryption_set.aks.id"));
    // System pool for cluster add-ons only; the workloads get their own pools below.
    aks.block(HclBlock(s("default_node_pool"))
                  .str(s("name"), s("system"))
                  .str(s("vm_size"), s("Standard_D2s_v5"))
                  .flag(s("enable_auto_scaling"), true)
                  .num(s("min_count"), zones)
                  .num(s("max_count"), zones * 2)
                  .attr(s("zones"), HclValue::strings(zoneList(zones)))
                  .expr(s("vnet_subnet_id"), s("azurerm_subnet.aks.id"))
                  .flag(s("only_critical_addons_enabled"), true)
                  .flag(s("enable_node_public_ip"), false)
                  .block(HclBlock(s("upgrade_settings")).str(s("max_surge"), s("33%")))
                  .expr(s("tags"), s("local.tags")))
        .block(assignedIdentity(s("azurerm_user_assigned_identity.aks")))
        .block(HclBlock(s("azure_active_directory_role_based_access_control"))
                   .flag(s("managed"), true)
                   .flag(s("azure_rbac_enabled"), true)
                   .expr(s("tenant_id"), s("data.azurerm_client_config.current.tenant_id"))
                   .expr(s("admin_group_object_ids"), s("var.aks_admin_group_object_ids")))
        .block(HclBlock(s("network_profile"))
                   .str(s("network_plugin"), s("azure"))
                   .str(s("network_plugin_mode"), s("overlay"))
                   .str(s("network_policy"), s("azure"))
                   .str(s("pod_cidr"), s("192.168.0.0/16"))
                   .str(s("service_cidr"), s("172.16.0.0/16"))
                   .str(s("dns_service_ip"), s("172.16.0.10"))
                   .str(s("load_balancer_sku"), s("standard")))
        .block(HclBlock(s("oms_agent"))
                   .expr(s("log_analytics_workspace_id"), s("azurerm_log_analytics_workspace.main.id"))
                   .flag(s("msi_auth_for_monitoring_enabled"), true))
        .block(HclBlock(s("microsoft_defender"))
                   .expr(s("log_analytics_workspace_id"), s("azurerm_log_analytics_workspace.main.id")))
        .block(HclBlock(s("key_vault_secrets_provider")).flag(s("secret_rotation_enabled"), true));
    if (in.serviceOf(s("monitoring")) == ServiceId::AzurermMonitorWorkspace)
        aks.block(
            HclBlock(s("monitor_metrics"))); // managed Prometheus scraping; monitoring.tf routes it to the workspace
    aks.block(HclBlock(s("lifecycle")).attr(s("ignore_changes"), refs({s("default_node_pool[0].node_count")})))
        .expr(s("tags"), s("local.tags"));
    // The identity needs its subnet (and key) permissions before the cluster is created, not after.
    aks.attr(s("depends_on"), refs(cmk ? QStringList{s("azurerm_role_assignment.aks_subnet"),
                                                     s("azurerm_role_assignment.aks_disk_encryption")}
                                       : QStringList{s("azurerm_role_assignment.aks_subnet")}));
    f.add(aks);
    if (in.has(s("container_registry")))
        f.add(roleAssignment(s("aks_pull"), s("azurerm_container_registry.images.id"), s("AcrPull"),
                             s("azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id")));
    m.output(s("aks_cluster"), s("azurerm_kubernetes_cluster.main.name"),
             s("AKS cluster (private API server; az aks get-credentials, Entra ID login)"));
    m.output(s("aks_oidc_issuer"), s("azurerm_kubernetes_cluster.main.oidc_issuer_url"),
             s("OIDC issuer the workload identities trust"));
}

// A user node pool sized from the plan component of `role`.
HclBlock nodePool(const RenderInput& in, const QString& role, const QString& name, const QString& poolName) {
    const QJsonObject size = in.size(role);
    HclBlock pool = resource(ServiceId::AzurermKubernetesClusterNodePool, name);
    pool.str(s("name"), poolName)
        .expr(s("kubernetes_cluster_id"), s("azurerm_kubernetes_cluster.main.id"))
        .str(s("vm_size"), size.value(s("instance_type")).toString(s("Standard_D4s_v5")))
        .str(s("mode"), s("User"))
        .expr(s("vnet_subnet_id"), s("azurerm_subnet.aks.id"))
        .flag(s("enable_node_public_ip"), false)
        .flag(s("enable_auto_scaling"), true);
    return pool;
}

void nodePools(const RenderInput& in, TerraformModule& m) {
    const QString pool = ServiceId::AzurermKubernetesClusterNodePool;
    if (in.serviceOf(s("training")) == pool) {
        const QJsonObject size = in.size(s("training"));
        const bool gpu = size.value(s("gpus")).toInt() > 0;
        QStringList taints{s("workload=training:NoSchedule"),
                           s("kubernetes.azure.com/scalesetpriority=spot:NoSchedule")};
        Entries labels{{s("workload"), text(s("training"))}};
        if (gpu) {
            taints.append(s("nvidia.com/gpu=present:NoSchedule"));
            labels.append({s("accelerator"), text(s("nvidia"))});
        }
        HclWriter& t =
            m.file(s("training.tf"), s("Training: ") + in.component(s("training")).value(s("service")).toString() +
                                         s(", spot nodes that scale to zero between runs."));
        // Spot capacity: evicted nodes are deleted and training resumes from its last checkpoint in the lake.
        t.add(nodePool(in, s("training"), s("training"), s("train"))
                  .num(s("min_count"), 0)
                  .num(s("max_count"), std::max(1, size.value(s("workers")).toInt(1)))
                  .num(s("node_count"), 0)
                  .str(s("priority"), s("Spot"))
                  .str(s("eviction_policy"), s("Delete"))
                  .num(s("spot_max_price"), -1)
                  .attr(s("node_labels"), HclValue::object(labels))
                  .attr(s("node_taints"), HclValue::strings(taints))
                  .block(HclBlock(s("lifecycle")).attr(s("ignore_changes"), refs({s("node_count")})))
                  .expr(s("tags"), s("local.tags")));
        workloadIdentity(t, s("training"), s("ml:training"));
        t.add(roleAssignment(s("training_data"), s("azurerm_storage_account.data.id"),
                             s("Storage Blob Data Contributor"),
                             s("azurerm_user_assigned_identity.training.principal_id")));
        m.output(s("training_client_id"), s("azurerm_user_assigned_identity.training.client_id"),
                 s("Client id for the training service account (azure.workload.identity/client-id)"));
    }
    if (in.serviceOf(s("serving")) == pool) {
        const QJsonObject size = in.size(s("serving"));
        const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
        const int zones = std::max(1, size.value(s("zones")).toInt(1));
        Entries labels{{s("workload"), text(s("serving"))}};
        QStringList taints{s("workload=serving:NoSchedule")};
        if (size.value(s("gpus")).toInt() > 0) {
            taints.append(s("nvidia.com/gpu=present:NoSchedule"));
            labels.append({s("accelerator"), text(s("nvidia"))});
        }
        HclWriter& f =
            m.file(s("serving.tf"), s("Serving: ") + in.component(s("serving")).value(s("service")).toString() +
                                        s(", one model-server replica per node across ") + QString::number(zones) +
                                        s(" zone(s)."));
        f.add(nodePool(in, s("serving"), s("serving"), s("serve"))
                  .num(s("min_count"), replicas)
                  .num(s("max_count"), std::max(replicas, size.value(s("max_replicas")).toInt(replicas)))
                  .num(s("node_count"), replicas)
                  .attr(s("zones"), HclValue::strings(zoneList(zones)))
                  .attr(s("node_labels"), HclValue::object(labels))
                  .attr(s("node_taints"), HclValue::strings(taints))
                  .block(HclBlock(s("lifecycle")).attr(s("ignore_changes"), refs({s("node_count")})))
                  .expr(s("tags"), s("local.tags")));
        workloadIdentity(f, s("serving"), s("ml:model-server"));
        f.add(roleAssignment(s("serving_models"), s("azurerm_storage_account.data.id"), s("Storage Blob Data Reader"),
                             s("azurerm_user_assigned_identity.serving.principal_id")));
        m.output(s("serving_client_id"), s("azurerm_user_assigned_identity.serving.client_id"),
                 s("Client id for the model-server service account (azure.workload.identity/client-id)"));
    }
}

// Application Gateway for Containers in its delegated subnet; the ALB controller in the cluster (workload identity
// below) programs it from Gateway API resources. Its frontend is the only public entry point: callers still need an
// Entra ID token that the model server validates.
void ingress(TerraformModule& m) {
    m.file(s("network.tf"))
        .add(subnet(s("alb"), s("10.40.9.0/24"), s("Microsoft.ServiceNetworking/trafficControllers"),
                    {s("Microsoft.Network/virtualNetworks/subnets/join/action")}));
    HclWriter& g = m.file(s("gateway.tf"), s("Ingress: Application Gateway for Containers, programmed by the ALB "
                                             "controller through Gateway API resources."));
    g.add(azure(s("azurerm_application_load_balancer"), s("ingress"), s("agc")).expr(s("tags"), s("local.tags")));
    g.add(resource(s("azurerm_application_load_balancer_subnet_association"), s("ingress"))
              .attr(s("name"), named(s("agc-subnet")))
              .expr(s("application_load_balancer_id"), s("azurerm_application_load_balancer.ingress.id"))
              .expr(s("subnet_id"), s("azurerm_subnet.alb.id"))
              .expr(s("tags"), s("local.tags")));
    g.add(resource(s("azurerm_application_load_balancer_frontend"), s("ingress"))
              .attr(s("name"), named(s("agc-frontend")))
              .expr(s("application_load_balancer_id"), s("azurerm_application_load_balancer.ingress.id"))
              .expr(s("tags"), s("local.tags")));
    workloadIdentity(g, s("alb_controller"), s("azure-alb-system:alb-controller-sa"));
    g.add(roleAssignment(s("alb_configuration"), s("azurerm_application_load_balancer.ingress.id"),
                         s("AppGw for Containers Configuration Manager"),
                         s("azurerm_user_assigned_identity.alb_controller.principal_id")));
    g.add(roleAssignment(s("alb_subnet"), s("azurerm_subnet.alb.id"), s("Network Contributor"),
                         s("azurerm_user_assigned_identity.alb_controller.principal_id")));
    m.output(s("ingress_fqdn"), s("azurerm_application_load_balancer_frontend.ingress.fully_qualified_domain_name"),
             s("Host name of the ingress frontend (point the API's DNS record here)"));
    m.output(s("alb_controller_client_id"), s("azurerm_user_assigned_identity.alb_controller.client_id"),
             s("Client id for the ALB controller Helm release"));
}

} // namespace

bool AzureKubernetes::planned(const RenderInput& in) {
    return in.plans(ServiceId::AzurermKubernetesCluster) || in.plans(ServiceId::AzurermKubernetesClusterNodePool);
}

void AzureKubernetes::render(const RenderInput& in, TerraformModule& m) {
    if (!planned(in))
        return;
    cluster(in, m,
            m.file(s("kubernetes.tf"), s("AKS: private cluster, Entra ID RBAC only, workload identity, Azure Policy, "
                                         "Defender, logs to Log Analytics.")));
    nodePools(in, m);
    if (in.serviceOf(s("gateway")) == ServiceId::AzurermApplicationLoadBalancer)
        ingress(m);
}

} // namespace mlops
