#include "codegen/AzureDataPlatform.h"

#include "codegen/AzureSyntax.h"
#include "codegen/ServiceIds.h"

#include <QRegularExpression>

namespace mlops {

using namespace TerraformSyntax;
using namespace AzureSyntax;

namespace {

// Per device: the built-in spike-and-dip model over two minutes of history scores every measurement; anomalies go
// to the alerts hub for the on-call crews, every scored event to the lake for drift checks and retraining.
const char* const kScoringQuery = R"(WITH scored AS (
    SELECT
        device_id,
        EventEnqueuedUtcTime AS event_time,
        CAST(value AS float) AS value,
        AnomalyDetection_SpikeAndDip(CAST(value AS float), 95, 120, 'spikesanddips')
            OVER (PARTITION BY device_id LIMIT DURATION(second, 120)) AS anomaly
    FROM [telemetry] TIMESTAMP BY EventEnqueuedUtcTime
)
SELECT device_id, event_time, value, CAST(GetRecordPropertyValue(anomaly, 'Score') AS float) AS score
INTO [alerts]
FROM scored
WHERE CAST(GetRecordPropertyValue(anomaly, 'IsAnomaly') AS bigint) = 1

SELECT device_id, event_time, value, CAST(GetRecordPropertyValue(anomaly, 'Score') AS float) AS score
INTO [scores]
FROM scored
)";

void databricks(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermDatabricksWorkspace);
    const QJsonObject size = in.size(role);
    const bool cmk = in.customerManagedKeys();
    const QStringList actions{s("Microsoft.Network/virtualNetworks/subnets/join/action"),
                              s("Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action"),
                              s("Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action")};
    HclWriter& n = m.file(s("network.tf"));
    n.add(subnet(s("databricks_host"), s("10.40.10.0/23"), s("Microsoft.Databricks/workspaces"), actions));
    n.add(subnet(s("databricks_container"), s("10.40.12.0/23"), s("Microsoft.Databricks/workspaces"), actions));
    // Databricks maintains the rules it needs in this group itself (network intent policy); none are opened here.
    n.add(azure(s("azurerm_network_security_group"), s("databricks"), s("dbw-nsg")).expr(s("tags"), s("local.tags")));
    for (const char* sub : {"databricks_host", "databricks_container"})
        n.add(resource(s("azurerm_subnet_network_security_group_association"), s(sub))
                  .expr(s("subnet_id"), s("azurerm_subnet.") + s(sub) + s(".id"))
                  .expr(s("network_security_group_id"), s("azurerm_network_security_group.databricks.id")));

    HclWriter& f = m.file(s("processing.tf"),
                          s("Spark processing and training: Azure Databricks (Premium), VNet-injected without public "
                            "IPs, reached over private link. Jobs clusters: up to ") +
                              QString::number(std::max(1, size.value(s("workers")).toInt(1))) + s(" x ") +
                              size.value(s("instance_type")).toString(s("Standard_D16s_v5")) + s(" (from the plan)."));
    HclBlock w = azure(s("azurerm_databricks_workspace"), s("main"), s("dbw"));
    w.str(s("sku"), s("premium"))
        .attr(s("managed_resource_group_name"), named(s("dbw-managed")))
        .flag(s("public_network_access_enabled"), false)
        .str(s("network_security_group_rules_required"), s("NoAzureDatabricksRules"))
        .flag(s("infrastructure_encryption_enabled"), true);
    if (cmk) {
        w.flag(s("customer_managed_key_enabled"), true)
            .expr(s("managed_disk_cmk_key_vault_key_id"), s("azurerm_key_vault_key.data.id"))
            .flag(s("managed_disk_cmk_rotation_to_latest_version_enabled"), true);
    }
    w.block(HclBlock(s("custom_parameters"))
                .flag(s("no_public_ip"), true)
                .expr(s("virtual_network_id"), s("azurerm_virtual_network.main.id"))
                .expr(s("public_subnet_name"), s("azurerm_subnet.databricks_host.name"))
                .expr(s("private_subnet_name"), s("azurerm_subnet.databricks_container.name"))
                .expr(s("public_subnet_network_security_group_association_id"),
                      s("azurerm_subnet_network_security_group_association.databricks_host.id"))
                .expr(s("private_subnet_network_security_group_association_id"),
                      s("azurerm_subnet_network_security_group_association.databricks_container.id")))
        .expr(s("tags"), s("local.tags"));
    f.add(w);
    if (cmk) {
        // The workspace's disk-encryption and DBFS identities unwrap the data key; the root DBFS uses it too.
        f.add(roleAssignment(s("databricks_disks_key"), s("azurerm_key_vault.main.id"),
                             s("Key Vault Crypto Service Encryption User"),
                             s("azurerm_databricks_workspace.main.managed_disk_identity[0].principal_id")));
        f.add(roleAssignment(s("databricks_dbfs_key"), s("azurerm_key_vault.main.id"),
                             s("Key Vault Crypto Service Encryption User"),
                             s("azurerm_databricks_workspace.main.storage_account_identity[0].principal_id")));
        f.add(resource(s("azurerm_databricks_workspace_root_dbfs_customer_managed_key"), s("main"))
                  .expr(s("workspace_id"), s("azurerm_databricks_workspace.main.id"))
                  .expr(s("key_vault_key_id"), s("azurerm_key_vault_key.data.id"))
                  .attr(s("depends_on"), refs({s("azurerm_role_assignment.databricks_dbfs_key")})));
    }
    ensureEndpointSubnet(m);
    // One endpoint serves the UI/API for users in the network and the back-end link of the VNet-injected clusters.
    privateEndpoint(f, s("databricks"), s("azurerm_databricks_workspace.main.id"), s("databricks_ui_api"),
                    s("privatelink.azuredatabricks.net"));
    m.output(s("databricks_workspace_url"), s("azurerm_databricks_workspace.main.workspace_url"),
             s("Databricks workspace URL (private link)"));
}

int streamingUnits(int planned) {
    // Stream Analytics accepts 1, 3, 6 and multiples of 6 up to 120.
    if (planned <= 1)
        return 1;
    if (planned <= 3)
        return 3;
    return std::min(120, (planned + 5) / 6 * 6);
}

void streamAnalytics(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermStreamAnalyticsJob);
    const int units = streamingUnits(in.size(role).value(s("units")).toInt(1));
    const bool eventHubs = in.serviceOf(s("ingestion")) == ServiceId::AzurermEventhubNamespace;
    HclWriter& f = m.file(s("streaming.tf"), s("In-stream scoring: Azure Stream Analytics (") + QString::number(units) +
                                                 s(" streaming units) on a dedicated cluster; managed private "
                                                   "endpoints reach the private Event Hubs and lake."));
    // A dedicated cluster is what lets the job use private endpoints; its capacity comes in blocks of 36 units.
    f.add(azure(s("azurerm_stream_analytics_cluster"), s("main"), s("asa"))
              .num(s("streaming_capacity"), std::max(36, (units + 35) / 36 * 36))
              .expr(s("tags"), s("local.tags")));
    QList<std::pair<QString, std::pair<QString, QString>>> endpoints{
        {s("lake"), {s("azurerm_storage_account.data.id"), s("blob")}}};
    if (eventHubs)
        endpoints.prepend({s("eventhub"), {s("azurerm_eventhub_namespace.events.id"), s("namespace")}});
    for (const auto& [name, target] : endpoints)
        f.add(resource(s("azurerm_stream_analytics_managed_private_endpoint"), name)
                  .str(s("name"), name)
                  .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
                  .expr(s("stream_analytics_cluster_name"), s("azurerm_stream_analytics_cluster.main.name"))
                  .expr(s("target_resource_id"), target.first)
                  .str(s("subresource_name"), target.second));

    f.add(azure(s("azurerm_stream_analytics_job"), s("scoring"), s("scoring"))
              .expr(s("stream_analytics_cluster_id"), s("azurerm_stream_analytics_cluster.main.id"))
              .str(s("compatibility_level"), s("1.2"))
              .num(s("streaming_units"), units)
              .num(s("events_late_arrival_max_delay_in_seconds"), 5)
              .num(s("events_out_of_order_max_delay_in_seconds"), 10)
              .str(s("events_out_of_order_policy"), s("Adjust"))
              .str(s("output_error_policy"), s("Stop"))
              .block(systemIdentity())
              .attr(s("transformation_query"), HclValue::heredoc(s(kScoringQuery)))
              .gap() // terraform fmt aligns across a heredoc; a blank line keeps `tags` out of its group
              .expr(s("tags"), s("local.tags")));
    f.add(roleAssignment(s("scoring_lake"), s("azurerm_storage_account.data.id"), s("Storage Blob Data Contributor"),
                         s("azurerm_stream_analytics_job.scoring.identity[0].principal_id")));
    f.add(resource(s("azurerm_stream_analytics_output_blob"), s("scores"))
              .str(s("name"), s("scores"))
              .expr(s("stream_analytics_job_name"), s("azurerm_stream_analytics_job.scoring.name"))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
              .expr(s("storage_account_name"), s("azurerm_storage_account.data.name"))
              .expr(s("storage_container_name"), s("azurerm_storage_container.lake.name"))
              .str(s("path_pattern"), s("scores/{date}/{time}"))
              .str(s("date_format"), s("yyyy-MM-dd"))
              .str(s("time_format"), s("HH"))
              .str(s("authentication_mode"), s("Msi"))
              .block(HclBlock(s("serialization")).str(s("type"), s("Parquet"))));
    if (!eventHubs)
        return; // the job's input comes from whatever the ingestion renderer created; only Event Hubs is wired here
    f.add(resource(s("azurerm_eventhub_consumer_group"), s("scoring"))
              .str(s("name"), s("stream-scoring"))
              .expr(s("namespace_name"), s("azurerm_eventhub_namespace.events.name"))
              .expr(s("eventhub_name"), s("azurerm_eventhub.telemetry.name"))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name")));
    f.add(resource(s("azurerm_eventhub"), s("alerts"))
              .str(s("name"), s("anomalies"))
              .expr(s("namespace_name"), s("azurerm_eventhub_namespace.events.name"))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
              .num(s("partition_count"), 4)
              .num(s("message_retention"), 7));
    f.add(resource(s("azurerm_stream_analytics_stream_input_eventhub_v2"), s("telemetry"))
              .str(s("name"), s("telemetry"))
              .expr(s("stream_analytics_job_id"), s("azurerm_stream_analytics_job.scoring.id"))
              .expr(s("eventhub_consumer_group_name"), s("azurerm_eventhub_consumer_group.scoring.name"))
              .expr(s("eventhub_name"), s("azurerm_eventhub.telemetry.name"))
              .expr(s("servicebus_namespace"), s("azurerm_eventhub_namespace.events.name"))
              .str(s("authentication_mode"), s("Msi"))
              .block(HclBlock(s("serialization")).str(s("type"), s("Json")).str(s("encoding"), s("UTF8"))));
    f.add(resource(s("azurerm_stream_analytics_output_eventhub"), s("alerts"))
              .str(s("name"), s("alerts"))
              .expr(s("stream_analytics_job_name"), s("azurerm_stream_analytics_job.scoring.name"))
              .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
              .expr(s("eventhub_name"), s("azurerm_eventhub.alerts.name"))
              .expr(s("servicebus_namespace"), s("azurerm_eventhub_namespace.events.name"))
              .str(s("authentication_mode"), s("Msi"))
              .block(HclBlock(s("serialization"))
                         .str(s("type"), s("Json"))
                         .str(s("encoding"), s("UTF8"))
                         .str(s("format"), s("LineSeparated"))));
    f.add(roleAssignment(s("scoring_events_in"), s("azurerm_eventhub.telemetry.id"),
                         s("Azure Event Hubs Data Receiver"),
                         s("azurerm_stream_analytics_job.scoring.identity[0].principal_id")));
    f.add(roleAssignment(s("scoring_alerts_out"), s("azurerm_eventhub.alerts.id"), s("Azure Event Hubs Data Sender"),
                         s("azurerm_stream_analytics_job.scoring.identity[0].principal_id")));
    m.output(s("anomaly_hub"), s("azurerm_eventhub.alerts.name"),
             s("Event hub the maintenance alerts are published to"));
}

void redis(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermRedisCache);
    // instance_type is the catalogue's "Redis-<Tier>-<Family><Capacity>", e.g. Redis-Standard-C2.
    const QRegularExpressionMatch sku = QRegularExpression(s("^Redis-(Basic|Standard|Premium)-([CP])(\\d)$"))
                                            .match(in.size(role).value(s("instance_type")).toString());
    const QString tier = sku.hasMatch() ? sku.captured(1) : s("Standard");
    const QString family = sku.hasMatch() ? sku.captured(2) : s("C");
    const int capacity = sku.hasMatch() ? sku.captured(3).toInt() : 2;
    HclWriter& f = m.file(role + s(".tf"), s("Online store: ") + in.component(role).value(s("service")).toString() +
                                               s(" (") + tier + QLatin1Char(' ') + family + QString::number(capacity) +
                                               s("), Entra ID authentication, TLS 1.2, private endpoint only."));
    HclBlock cache = azure(s("azurerm_redis_cache"), s("online"), s("redis"));
    cache.str(s("sku_name"), tier)
        .str(s("family"), family)
        .num(s("capacity"), capacity)
        .str(s("redis_version"), s("6"))
        .str(s("minimum_tls_version"), s("1.2"))
        .flag(s("public_network_access_enabled"), false);
    const int zones = in.size(role).value(s("zones")).toInt(1);
    if (tier == QLatin1String("Premium") && zones > 1)
        cache.attr(s("zones"), HclValue::strings(QStringList{s("1"), s("2"), s("3")}.mid(0, std::min(3, zones))));
    cache.block(HclBlock(s("redis_configuration")).flag(s("active_directory_authentication_enabled"), true))
        .expr(s("tags"), s("local.tags"));
    f.add(cache);
    // Feature pipelines write and the model server reads with the data identity: no access keys in any config.
    f.add(resource(s("azurerm_redis_cache_access_policy_assignment"), s("data"))
              .str(s("name"), s("data-identity"))
              .expr(s("redis_cache_id"), s("azurerm_redis_cache.online.id"))
              .str(s("access_policy_name"), s("Data Contributor"))
              .expr(s("object_id"), s("azurerm_user_assigned_identity.data.principal_id"))
              .str(s("object_id_alias"), s("data-identity")));
    ensureEndpointSubnet(m);
    privateEndpoint(f, s("redis"), s("azurerm_redis_cache.online.id"), s("redisCache"),
                    s("privatelink.redis.cache.windows.net"));
    m.output(s("redis_host"), s("azurerm_redis_cache.online.hostname"),
             s("Online store host name (private endpoint, port 6380, Entra ID token auth)"));
}

} // namespace

void AzureDataPlatform::render(const RenderInput& in, TerraformModule& m) {
    if (in.plans(ServiceId::AzurermDatabricksWorkspace))
        databricks(in, m);
    if (in.plans(ServiceId::AzurermStreamAnalyticsJob))
        streamAnalytics(in, m);
    if (in.plans(ServiceId::AzurermRedisCache))
        redis(in, m);
}

} // namespace mlops
