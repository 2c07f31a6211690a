#include "codegen/GcpFeatureStore.h"

#include "codegen/GcpBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace GcpBlocks;

namespace {

// The table Vertex AI reads: one row per entity and observation time, the two columns the feature store requires.
HclBlock featureTable(int retentionDays) {
    return resource(s("google_bigquery_table"), s("features"))
        .expr(s("dataset_id"), s("google_bigquery_dataset.features.dataset_id"))
        .str(s("table_id"), s("entity_features"))
        .flag(s("deletion_protection"), true)
        .attr(s("clustering"), HclValue::strings({s("entity_id")}))
        .attr(s("schema"),
              HclValue::call(s("jsonencode"), HclValue::list({
                                                  HclValue::object({{s("name"), text(s("entity_id"))},
                                                                    {s("type"), text(s("STRING"))},
                                                                    {s("mode"), text(s("REQUIRED"))}}),
                                                  HclValue::object({{s("name"), text(s("feature_timestamp"))},
                                                                    {s("type"), text(s("TIMESTAMP"))},
                                                                    {s("mode"), text(s("REQUIRED"))}}),
                                              })))
        .block(HclBlock(s("time_partitioning"))
                   .str(s("type"), s("DAY"))
                   .str(s("field"), s("feature_timestamp"))
                   .num(s("expiration_ms"), double(retentionDays) * 86400000.0))
        .block(HclBlock(s("encryption_configuration")).expr(s("kms_key_name"), s("google_kms_crypto_key.data.id")));
}

HclValue tableUri() {
    return HclValue::interpolated(s("bq://"
                                    "${google_bigquery_table.features.project}.${google_bigquery_table.features."
                                    "dataset_id}.${google_bigquery_table.features.table_id}"));
}

} // namespace

void GcpFeatureStore::render(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("features")))
        return;
    const QString service = in.serviceOf(s("features"));
    const int retentionDays = in.config(s("features")).value(s("data_retention_days")).toInt(730);
    HclWriter& f =
        m.file(s("features.tf"), s("Features: ") + in.component(s("features")).value(s("service")).toString());
    f.add(resource(s("google_bigquery_dataset"), s("features"))
              .attr(s("dataset_id"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_features")))
              .expr(s("location"), s("var.region"))
              .num(s("default_table_expiration_ms"), double(retentionDays) * 86400000.0)
              .block(HclBlock(s("default_encryption_configuration"))
                         .expr(s("kms_key_name"), s("google_kms_crypto_key.data.id")))
              .attr(s("depends_on"), refs({s("google_kms_crypto_key_iam_member.bigquery")})));
    // BigQuery encrypts with the key as its own service agent; without this grant the CMEK dataset cannot be created.
    f.add(data(s("google_bigquery_default_service_account"), s("bq")).expr(s("project"), s("var.project_id")));
    f.add(keyAccessForAgent(s("bigquery"), s("${data.google_bigquery_default_service_account.bq.email}")));
    m.output(s("feature_dataset"), s("google_bigquery_dataset.features.dataset_id"),
             s("BigQuery dataset of the offline feature tables"));

    const bool group = service == ServiceId::GoogleVertexAiFeatureGroup;
    const bool online = service == ServiceId::GoogleVertexAiFeatureOnlineStore;
    if (!group && !online)
        return;
    f.add(featureTable(retentionDays));
    // The Vertex AI service agent reads the offline table (feature views sync from it, feature groups serve from it).
    f.add(resource(s("google_bigquery_dataset_iam_member"), s("vertex_features"))
              .expr(s("dataset_id"), s("google_bigquery_dataset.features.dataset_id"))
              .str(s("role"), s("roles/bigquery.dataViewer"))
              .attr(s("member"), HclValue::interpolated(s("serviceAccount:service-${data.google_project.current.number}"
                                                          "@gcp-sa-aiplatform.iam.gserviceaccount.com"))));
    if (group) {
        f.add(resource(s("google_vertex_ai_feature_group"), s("features"))
                  .attr(s("name"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_features")))
                  .expr(s("region"), s("var.region"))
                  .str(s("description"),
                       s("Entity features of ") + in.project() + s(", served from the BigQuery offline table"))
                  .block(HclBlock(s("big_query"))
                             .block(HclBlock(s("big_query_source")).attr(s("input_uri"), tableUri()))
                             .attr(s("entity_id_columns"), HclValue::strings({s("entity_id")}))));
        m.output(s("feature_group"), s("google_vertex_ai_feature_group.features.id"),
                 s("Vertex AI feature group the pipelines register features in"));
        return;
    }
    // Bigtable nodes sized from the plan's replicas; Vertex AI allows at most ten times the minimum as ceiling.
    const QJsonObject size = in.size(s("features"));
    const int minNodes = std::max(1, size.value(s("replicas")).toInt(1));
    m.variable(s("feature_store_min_nodes"), s("number"),
               s("Minimum Bigtable nodes of the online feature store (from the plan)."), HclValue::num(minNodes));
    m.variable(s("feature_store_max_nodes"), s("number"),
               s("Autoscaling ceiling of the online feature store's Bigtable nodes."), HclValue::num(minNodes * 3));
    m.variable(s("feature_sync_schedule"), s("string"),
               s("Cron schedule of the online store's sync from the offline table."), text(s("0 * * * *")));
    f.add(resource(s("google_vertex_ai_feature_online_store"), s("online"))
              .attr(s("name"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_online")))
              .expr(s("region"), s("var.region"))
              .block(HclBlock(s("bigtable"))
                         .block(HclBlock(s("auto_scaling"))
                                    .expr(s("min_node_count"), s("var.feature_store_min_nodes"))
                                    .expr(s("max_node_count"), s("var.feature_store_max_nodes"))
                                    .num(s("cpu_utilization_target"), 50))));
    f.add(resource(s("google_vertex_ai_feature_online_store_featureview"), s("entities"))
              .attr(s("name"), text(s("entity_features")))
              .expr(s("region"), s("var.region"))
              .expr(s("feature_online_store"), s("google_vertex_ai_feature_online_store.online.name"))
              .block(HclBlock(s("sync_config")).expr(s("cron"), s("var.feature_sync_schedule")))
              .block(HclBlock(s("big_query_source"))
                         .attr(s("uri"), tableUri())
                         .attr(s("entity_id_columns"), HclValue::strings({s("entity_id")})))
              .attr(s("depends_on"), refs({s("google_bigquery_dataset_iam_member.vertex_features")})));
    m.output(s("feature_online_store"), s("google_vertex_ai_feature_online_store.online.name"),
             s("Online store the model server reads features from"));
    m.output(s("feature_view"), s("google_vertex_ai_feature_online_store_featureview.entities.id"),
             s("Feature view synced from the offline table"));
}

} // namespace mlops
