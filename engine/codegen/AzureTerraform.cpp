#include "codegen/AzureTerraform.h"

#include "codegen/AzureDataPlatform.h"
#include "codegen/AzureGenerativeAi.h"
#include "codegen/AzureKubernetes.h"
#include "codegen/AzureMonitoring.h"
#include "codegen/AzureSyntax.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformSettings.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AzureSyntax;

namespace {

void providers(const RenderInput& in, TerraformModule& m) {
    HclWriter& p =
        m.file(s("providers.tf"),
               s("Providers, pinned versions and remote state in an Azure storage container (blob lease locking)."));
    p.add(TerraformSettings::terraformBlock(
        {{s("azurerm"), s("hashicorp/azurerm"), s("~> 3.110")}},
        HclBlock(s("backend"), {s("azurerm")})
            .str(s("resource_group_name"), in.project() + s("-tfstate"))
            .str(s("storage_account_name"), QString(in.project()).remove(QLatin1Char('-')).left(18) + s("tfstate"))
            .str(s("container_name"), s("tfstate"))
            .str(s("key"), in.project() + s(".tfstate"))
            .flag(s("use_azuread_auth"), true)));
    p.add(HclBlock(s("provider"), {s("azurerm")})
              .flag(s("storage_use_azuread"), true)
              .block(HclBlock(s("features"))
                         .block(HclBlock(s("key_vault")).flag(s("purge_soft_delete_on_destroy"), false))));
    // compact_name: storage accounts and key vaults allow neither dashes nor more than 24 characters.
    p.add(TerraformSettings::locals(
        s("tags"), TerraformSettings::ownershipTags(),
        {{s("compact_name"), HclValue::interpolated(s("${substr(replace(local.name, \"-\", \"\"), 0, 16)}"))}}));
    p.add(data(s("azurerm_client_config"), s("current")));
    p.add(resource(s("azurerm_resource_group"), s("main"))
              .attr(s("name"), named(s("rg")))
              .expr(s("location"), s("var.region"))
              .expr(s("tags"), s("local.tags")));
}

void keyVault(TerraformModule& m) {
    HclWriter& k = m.file(s("security.tf"),
                          s("Key Vault with purge protection and a rotated customer-managed key for the data stores."));
    k.add(azure(s("azurerm_key_vault"), s("main"), s("kv"))
              .attr(s("name"), HclValue::interpolated(s("${local.compact_name}kv")))
              .expr(s("tenant_id"), s("data.azurerm_client_config.current.tenant_id"))
              .str(s("sku_name"), s("premium"))
              .flag(s("purge_protection_enabled"), true)
              .num(s("soft_delete_retention_days"), 90)
              .flag(s("enable_rbac_authorization"), true)
              .flag(s("public_network_access_enabled"), false)
              .block(HclBlock(s("network_acls"))
                         .str(s("default_action"), s("Deny"))
                         .str(s("bypass"), s("AzureServices"))
                         .expr(s("ip_rules"), s("var.allowed_cidrs")))
              .expr(s("tags"), s("local.tags")));
    k.add(resource(s("azurerm_key_vault_key"), s("data"))
              .attr(s("name"), named(s("data")))
              .expr(s("key_vault_id"), s("azurerm_key_vault.main.id"))
              .str(s("key_type"), s("RSA-HSM"))
              .num(s("key_size"), 3072)
              .attr(s("key_opts"), HclValue::strings({s("unwrapKey"), s("wrapKey")}))
              .block(HclBlock(s("rotation_policy"))
                         .str(s("expire_after"), s("P2Y"))
                         .str(s("notify_before_expiry"), s("P30D"))
                         .block(HclBlock(s("automatic")).str(s("time_before_expiry"), s("P30D")))));
    k.add(userIdentity(s("data"), s("data-id")));
    k.add(roleAssignment(s("data_key"), s("azurerm_key_vault.main.id"), s("Key Vault Crypto Service Encryption User"),
                         s("azurerm_user_assigned_identity.data.principal_id")));
}

void network(TerraformModule& m) {
    HclWriter& n = m.file(s("network.tf"),
                          s("Private network: services use private endpoints; ingress only from the allowed ranges."));
    n.add(azure(s("azurerm_virtual_network"), s("main"), s("vnet"))
              .attr(s("address_space"), HclValue::strings({s("10.40.0.0/16")}))
              .expr(s("tags"), s("local.tags")));
    n.add(resource(s("azurerm_subnet"), s("workloads"))
              .attr(s("name"), named(s("workloads")))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
              .expr(s("virtual_network_name"), s("azurerm_virtual_network.main.name"))
              .attr(s("address_prefixes"), HclValue::strings({s("10.40.0.0/21")})));
    n.add(azure(s("azurerm_network_security_group"), s("workloads"), s("nsg"))
              .block(HclBlock(s("security_rule"))
                         .str(s("name"), s("https-internal"))
                         .num(s("priority"), 100)
                         .str(s("direction"), s("Inbound"))
                         .str(s("access"), s("Allow"))
                         .str(s("protocol"), s("Tcp"))
                         .str(s("source_port_range"), s("*"))
                         .str(s("destination_port_range"), s("443"))
                         .expr(s("source_address_prefixes"), s("var.allowed_cidrs"))
                         .str(s("destination_address_prefix"), s("VirtualNetwork")))
              .expr(s("tags"), s("local.tags")));
    n.add(resource(s("azurerm_subnet_network_security_group_association"), s("workloads"))
              .expr(s("subnet_id"), s("azurerm_subnet.workloads.id"))
              .expr(s("network_security_group_id"), s("azurerm_network_security_group.workloads.id")));
}

void lake(const RenderInput& in, TerraformModule& m) {
    const QJsonObject cfg = in.config(s("storage"));
    HclWriter& st = m.file(
        s("storage.tf"),
        s("Data lake storage account: private, TLS 1.2, infrastructure encryption plus a customer-managed key."));
    st.add(azure(s("azurerm_storage_account"), s("data"), s("data"))
               .attr(s("name"), HclValue::interpolated(s("${local.compact_name}data")))
               .str(s("account_tier"), s("Standard"))
               .str(s("account_replication_type"),
                    in.constraints.value(s("disaster_recovery_required")).toBool() ? s("GZRS") : s("ZRS"))
               .str(s("account_kind"), s("StorageV2"))
               .flag(s("is_hns_enabled"), true)
               .str(s("min_tls_version"), s("TLS1_2"))
               .flag(s("infrastructure_encryption_enabled"), true)
               .flag(s("allow_nested_items_to_be_public"), false)
               .flag(s("public_network_access_enabled"), false)
               .flag(s("shared_access_key_enabled"), false)
               .block(HclBlock(s("identity"))
                          .str(s("type"), s("UserAssigned"))
                          .attr(s("identity_ids"), refs({s("azurerm_user_assigned_identity.data.id")})))
               .block(HclBlock(s("blob_properties"))
                          .block(HclBlock(s("delete_retention_policy"))
                                     .num(s("days"), std::max(7, cfg.value(s("backup_retention_days")).toInt(30)))))
               .block(HclBlock(s("lifecycle")).attr(s("ignore_changes"), refs({s("customer_managed_key")})))
               .expr(s("tags"), s("local.tags")));
    st.add(resource(s("azurerm_storage_account_customer_managed_key"), s("data"))
               .expr(s("storage_account_id"), s("azurerm_storage_account.data.id"))
               .expr(s("key_vault_key_id"), s("azurerm_key_vault_key.data.versionless_id"))
               .expr(s("user_assigned_identity_id"), s("azurerm_user_assigned_identity.data.id")));
    st.add(resource(s("azurerm_storage_container"), s("lake"))
               .str(s("name"), s("lake"))
               .expr(s("storage_account_name"), s("azurerm_storage_account.data.name"))
               .str(s("container_access_type"), s("private")));
    m.output(s("storage_account"), s("azurerm_storage_account.data.name"), s("Data lake storage account"));
}

void foundation(const RenderInput& in, TerraformModule& m) {
    providers(in, m);
    keyVault(m);
    network(m);
    lake(in, m);
    // Public network access is off on the vault and the lake: the workloads reach them through private endpoints.
    ensureEndpointSubnet(m);
    HclWriter& k = m.file(s("security.tf"));
    HclWriter& st = m.file(s("storage.tf"));
    privateEndpoint(k, s("vault"), s("azurerm_key_vault.main.id"), s("vault"), s("privatelink.vaultcore.azure.net"));
    privateEndpoint(st, s("lake_blob"), s("azurerm_storage_account.data.id"), s("blob"),
                    s("privatelink.blob.core.windows.net"));
    privateEndpoint(st, s("lake_dfs"), s("azurerm_storage_account.data.id"), s("dfs"),
                    s("privatelink.dfs.core.windows.net"));
}

void mlWorkspace(const RenderInput& in, TerraformModule& m) {
    HclWriter& ws = m.file(s("ml_workspace.tf"), s("Azure Machine Learning workspace: orchestration (pipelines), "
                                                   "experiment tracking (MLflow) and model registry."));
    ws.add(azure(s("azurerm_machine_learning_workspace"), s("main"), s("mlw"))
               .expr(s("application_insights_id"), s("azurerm_application_insights.main.id"))
               .expr(s("key_vault_id"), s("azurerm_key_vault.main.id"))
               .expr(s("storage_account_id"), s("azurerm_storage_account.data.id"))
               .flag(s("public_network_access_enabled"), false)
               .flag(s("high_business_impact"), in.dataClassification() == QLatin1String("restricted"))
               .expr(s("primary_user_assigned_identity"), s("azurerm_user_assigned_identity.data.id"))
               .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
               .block(HclBlock(s("encryption"))
                          .expr(s("key_vault_id"), s("azurerm_key_vault.main.id"))
                          .expr(s("key_id"), s("azurerm_key_vault_key.data.id"))
                          .expr(s("user_assigned_identity_id"), s("azurerm_user_assigned_identity.data.id")))
               .expr(s("tags"), s("local.tags")));
    // The API zone carries the workspace, MLflow and registry traffic; add privatelink.notebooks.azure.net to the
    // endpoint's zone group if the team uses the hosted notebooks.
    privateEndpoint(ws, s("ml_workspace"), s("azurerm_machine_learning_workspace.main.id"), s("amlworkspace"),
                    s("privatelink.api.azureml.ms"));
    m.output(s("ml_workspace"), s("azurerm_machine_learning_workspace.main.name"),
             s("Azure ML workspace (pipelines, MLflow tracking, registry)"));
}

// An Azure ML compute cluster in the workloads subnet that scales to zero between runs.
HclBlock computeCluster(const QString& name, const QJsonObject& size, bool spot) {
    // Compute names allow letters, digits and hyphens only (2-16 characters).
    return resource(s("azurerm_machine_learning_compute_cluster"), name)
        .str(s("name"), QString(name).replace(QLatin1Char('_'), QLatin1Char('-')))
        .expr(s("location"), s("azurerm_resource_group.main.location"))
        .expr(s("machine_learning_workspace_id"), s("azurerm_machine_learning_workspace.main.id"))
        .str(s("vm_size"), size.value(s("instance_type")).toString(s("Standard_D4s_v5")))
        .str(s("vm_priority"), spot ? s("LowPriority") : s("Dedicated"))
        .expr(s("subnet_resource_id"), s("azurerm_subnet.workloads.id"))
        .flag(s("node_public_ip_enabled"), false)
        .block(HclBlock(s("scale_settings"))
                   .num(s("min_node_count"), 0)
                   .num(s("max_node_count"), std::max(1, size.value(s("workers")).toInt(1)))
                   .str(s("scale_down_nodes_after_idle_duration"), s("PT15M")))
        .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
        .expr(s("tags"), s("local.tags"));
}

void training(const RenderInput& in, TerraformModule& m) {
    // Node pools, Databricks and Azure OpenAI train (or serve the foundation model) in their own renderers.
    const QString service = in.serviceOf(s("training"));
    if (service == ServiceId::AzurermKubernetesClusterNodePool || service == ServiceId::AzurermDatabricksWorkspace ||
        service == ServiceId::AzurermCognitiveDeployment)
        return;
    const QJsonObject tsize = in.size(s("training"));
    HclWriter& t =
        m.file(s("training.tf"), s("Training: ") + in.component(s("training")).value(s("service")).toString() +
                                     s(" scaling to zero between runs."));
    t.add(computeCluster(s("training"), tsize, tsize.value(s("spot")).toBool()));
    t.add(roleAssignment(s("training_data"), s("azurerm_storage_account.data.id"), s("Storage Blob Data Contributor"),
                         s("azurerm_user_assigned_identity.data.principal_id")));
}

void ingestion(const RenderInput& in, TerraformModule& m) {
    const QString service = in.serviceOf(s("ingestion"));
    if (service == ServiceId::AzurermContainerAppJob)
        return; // the document-ingestion job (AzureGenerativeAi)
    HclWriter& ing =
        m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(s("ingestion")).value(s("service")).toString());
    if (service == ServiceId::AzurermEventhubNamespace) {
        const int units = std::max(1, in.size(s("ingestion")).value(s("units")).toInt(1));
        ing.add(azure(s("azurerm_eventhub_namespace"), s("events"), s("evh"))
                    .str(s("sku"), s("Standard"))
                    .num(s("capacity"), std::min(40, units))
                    .str(s("minimum_tls_version"), s("1.2"))
                    .flag(s("public_network_access_enabled"), false)
                    .flag(s("local_authentication_enabled"), false)
                    .expr(s("tags"), s("local.tags")));
        // At least one partition per throughput unit, so consumers can read at the namespace's full rate.
        ing.add(resource(s("azurerm_eventhub"), s("telemetry"))
                    .str(s("name"), s("telemetry"))
                    .expr(s("namespace_name"), s("azurerm_eventhub_namespace.events.name"))
                    .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
                    .num(s("partition_count"), std::clamp(units, 4, 32))
                    .num(s("message_retention"), 7));
        m.output(s("event_hub_namespace"), s("azurerm_eventhub_namespace.events.name"),
                 s("Event Hubs namespace producers send to (Entra ID auth, private network)"));
    } else {
        ing.add(azure(s("azurerm_data_factory"), s("ingest"), s("adf"))
                    .flag(s("public_network_enabled"), false)
                    .flag(s("managed_virtual_network_enabled"), true)
                    .expr(s("customer_managed_key_id"), s("azurerm_key_vault_key.data.id"))
                    .expr(s("customer_managed_key_identity_id"), s("azurerm_user_assigned_identity.data.id"))
                    .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
                    .expr(s("tags"), s("local.tags")));
    }
}

void features(const RenderInput& in, TerraformModule& m) {
    if (in.serviceOf(s("features")) != ServiceId::AzurermSynapseWorkspace)
        return; // Redis (AzureDataPlatform), AI Search (AzureGenerativeAi), or the ML workspace's feature store
    HclWriter& f =
        m.file(s("features.tf"), s("Features: Synapse serverless SQL over the lake, Entra ID authentication only."));
    f.add(resource(s("azurerm_storage_data_lake_gen2_filesystem"), s("features"))
              .str(s("name"), s("features"))
              .expr(s("storage_account_id"), s("azurerm_storage_account.data.id")));
    f.add(
        azure(s("azurerm_synapse_workspace"), s("features"), s("syn"))
            .expr(s("storage_data_lake_gen2_filesystem_id"), s("azurerm_storage_data_lake_gen2_filesystem.features.id"))
            .flag(s("azuread_authentication_only"), true)
            .flag(s("public_network_access_enabled"), false)
            .flag(s("managed_virtual_network_enabled"), true)
            .block(systemIdentity())
            .block(HclBlock(s("customer_managed_key"))
                       .expr(s("key_versionless_id"), s("azurerm_key_vault_key.data.versionless_id"))
                       .str(s("key_name"), s("data")))
            .expr(s("tags"), s("local.tags")));
}

void containerServing(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("serving"));
    m.variable(s("serving_image"), s("string"), s("Container image of the model server (pushed by CI)."), text(s("")));
    const int minReplicas = std::max(1, size.value(s("replicas")).toInt(1));
    // Consumption profile: up to 4 vCPU per replica, 2 GiB of memory per vCPU.
    const int cpu = std::min(4, std::max(1, size.value(s("vcpu")).toInt(1)));
    ensureContainerEnvironment(in, m);
    HclWriter& f = m.file(s("serving.tf"), s("Serving: ") + in.component(s("serving")).value(s("service")).toString() +
                                               s(", internal ingress only."));
    f.add(
        resource(s("azurerm_container_app"), s("serving"))
            .attr(s("name"), HclValue::interpolated(s("${local.compact_name}-serving")))
            .expr(s("container_app_environment_id"), s("azurerm_container_app_environment.main.id"))
            .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
            .str(s("revision_mode"), s("Single"))
            .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
            .block(HclBlock(s("template"))
                       .num(s("min_replicas"), minReplicas)
                       .num(s("max_replicas"), std::max(minReplicas, size.value(s("max_replicas")).toInt(minReplicas)))
                       .block(HclBlock(s("container"))
                                  .str(s("name"), s("model-server"))
                                  .expr(s("image"), s("var.serving_image"))
                                  .num(s("cpu"), cpu)
                                  .str(s("memory"), QString::number(cpu * 2) + s("Gi"))))
            .block(HclBlock(s("ingress"))
                       .flag(s("external_enabled"), false)
                       .num(s("target_port"), 8080)
                       .str(s("transport"), s("http"))
                       .block(HclBlock(s("traffic_weight")).flag(s("latest_revision"), true).num(s("percentage"), 100)))
            .expr(s("tags"), s("local.tags")));
}

void serving(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("serving")))
        return;
    const QString service = in.serviceOf(s("serving"));
    // AKS node pools (AzureKubernetes) and in-stream scoring (AzureDataPlatform) have their own renderers.
    if (service == ServiceId::AzurermKubernetesClusterNodePool || service == ServiceId::AzurermStreamAnalyticsJob)
        return;
    if (in.onlineServing()) {
        containerServing(in, m);
        return;
    }
    m.file(s("serving.tf"), s("Serving: batch scoring runs as an Azure ML pipeline step on this cluster."))
        .add(computeCluster(s("scoring"), in.size(s("serving")), false));
}

// Precomputed-lookup patterns score in batch next to the online API: their own cluster, idle at zero nodes.
void batchScoring(const RenderInput& in, TerraformModule& m) {
    if (in.serviceOf(s("batch_scoring")) != ServiceId::AzurermMachineLearningComputeCluster)
        return;
    m.file(s("batch_scoring.tf"), s("Batch scoring: ") +
                                      in.component(s("batch_scoring")).value(s("service")).toString() +
                                      s(", writes predictions for the online store."))
        .add(computeCluster(s("batch_scoring"), in.size(s("batch_scoring")), false));
}

void gateway(const RenderInput& in, TerraformModule& m) {
    if (in.serviceOf(s("gateway")) != ServiceId::AzurermApiManagement || !in.onlineServing())
        return;
    m.variable(s("publisher_email"), s("string"), s("API Management publisher contact."),
               text(s("ml-platform@example.com")));
    m.file(s("gateway.tf"),
           s("Entry point: API Management in internal VNet mode; callers authenticate with Entra ID tokens."))
        .add(
            azure(s("azurerm_api_management"), s("main"), s("apim"))
                .str(s("publisher_name"), in.project())
                .expr(s("publisher_email"), s("var.publisher_email"))
                .str(s("sku_name"), s("Developer_1"))
                .str(s("virtual_network_type"), s("Internal"))
                .block(
                    HclBlock(s("virtual_network_configuration")).expr(s("subnet_id"), s("azurerm_subnet.workloads.id")))
                .block(systemIdentity())
                .expr(s("tags"), s("local.tags")));
}

void delivery(const RenderInput& in, TerraformModule& m) {
    m.variable(s("github_repository"), s("string"), s("owner/name of the repository whose main branch may deploy."),
               text(s("example-org/") + in.project()));
    HclWriter& ci = m.file(s("ci_cd.tf"),
                           s("CI/CD identity: GitHub Actions federates with a managed identity; no client secrets."));
    ci.add(userIdentity(s("ci"), s("ci-id")));
    ci.add(resource(s("azurerm_federated_identity_credential"), s("github"))
               .str(s("name"), s("github-main"))
               .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
               .expr(s("parent_id"), s("azurerm_user_assigned_identity.ci.id"))
               .attr(s("audience"), HclValue::strings({s("api://AzureADTokenExchange")}))
               .str(s("issuer"), s("https://token.actions.githubusercontent.com"))
               .attr(s("subject"), HclValue::interpolated(s("repo:${var.github_repository}:ref:refs/heads/main"))));
    m.output(s("ci_client_id"), s("azurerm_user_assigned_identity.ci.client_id"),
             s("Client id GitHub Actions logs in with (OIDC)"));
    if (in.has(s("container_registry"))) {
        HclWriter& r = m.file(s("container_registry.tf"),
                              s("Container images: Premium ACR with CMK, no admin user, no public network."));
        r.add(azure(s("azurerm_container_registry"), s("images"), s("acr"))
                  .attr(s("name"), HclValue::interpolated(s("${local.compact_name}acr")))
                  .str(s("sku"), s("Premium"))
                  .flag(s("admin_enabled"), false)
                  .flag(s("public_network_access_enabled"), false)
                  .block(assignedIdentity(s("azurerm_user_assigned_identity.data")))
                  .block(HclBlock(s("encryption"))
                             .flag(s("enabled"), true)
                             .expr(s("key_vault_key_id"), s("azurerm_key_vault_key.data.id"))
                             .expr(s("identity_client_id"), s("azurerm_user_assigned_identity.data.client_id")))
                  .expr(s("tags"), s("local.tags")));
        r.add(roleAssignment(s("ci_push"), s("azurerm_container_registry.images.id"), s("AcrPush"),
                             s("azurerm_user_assigned_identity.ci.principal_id")));
        privateEndpoint(r, s("registry"), s("azurerm_container_registry.images.id"), s("registry"),
                        s("privatelink.azurecr.io"));
    }
}

} // namespace

void AzureTerraform::render(const RenderInput& in, TerraformModule& m) const {
    foundation(in, m);
    AzureMonitoring::renderFoundation(in, m);
    mlWorkspace(in, m);
    ingestion(in, m);
    features(in, m);
    training(in, m);
    serving(in, m);
    batchScoring(in, m);
    gateway(in, m);
    delivery(in, m);
    AzureKubernetes::render(in, m);
    AzureDataPlatform::render(in, m);
    AzureGenerativeAi::render(in, m);
    AzureMonitoring::renderAlerts(in, m);
}

} // namespace mlops
