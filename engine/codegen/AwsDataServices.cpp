#include "codegen/AwsDataServices.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsDataServices::offlineFeatureTables(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    f.add(resource(s("aws_glue_catalog_database"), s("features"))
              .attr(s("name"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_features")))
              .attr(s("location_uri"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/features/"))));
    // Iceberg (format v2): Athena and Spark read and write it with ACID commits and time travel, so a training run
    // can pin the snapshot it used. Columns are the entity key and event time; feature columns are added by the
    // feature pipeline's schema evolution, not by Terraform.
    f.add(
        resource(s("aws_glue_catalog_table"), s("entity_features"))
            .str(s("name"), s("entity_features"))
            .expr(s("database_name"), s("aws_glue_catalog_database.features.name"))
            .str(s("table_type"), s("EXTERNAL_TABLE"))
            .block(HclBlock(s("open_table_format_input"))
                       .block(HclBlock(s("iceberg_input"))
                                  .str(s("metadata_operation"), s("CREATE"))
                                  .str(s("version"), s("2"))))
            .block(HclBlock(s("storage_descriptor"))
                       .attr(s("location"),
                             HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/features/entity_features/")))
                       .block(HclBlock(s("columns")).str(s("name"), s("entity_id")).str(s("type"), s("string")))
                       .block(HclBlock(s("columns")).str(s("name"), s("event_time")).str(s("type"), s("timestamp")))));
    // Query results hold feature values too: they stay in the lake bucket, encrypted like it, and the workgroup's
    // settings cannot be overridden by a client.
    HclBlock encryption(s("encryption_configuration"));
    if (in.customerManagedKeys())
        encryption.str(s("encryption_option"), s("SSE_KMS")).expr(s("kms_key_arn"), kmsArn(in));
    else
        encryption.str(s("encryption_option"), s("SSE_S3"));
    const double tbScanned = in.size(s("features")).value(s("tb_scanned")).toDouble(0.1);
    // A runaway query is cut at ten times the planned monthly scan (at least 10 GB).
    const double cutoffBytes = std::max(10.0, tbScanned * 1024.0 * 10.0) * 1024.0 * 1024.0 * 1024.0;
    f.add(resource(s("aws_athena_workgroup"), s("features"))
              .attr(s("name"), named(s("features")))
              .flag(s("force_destroy"), false)
              .block(
                  HclBlock(s("configuration"))
                      .flag(s("enforce_workgroup_configuration"), true)
                      .flag(s("publish_cloudwatch_metrics_enabled"), true)
                      .num(s("bytes_scanned_cutoff_per_query"), std::floor(cutoffBytes))
                      .block(
                          HclBlock(s("engine_version")).str(s("selected_engine_version"), s("Athena engine version 3")))
                      .block(HclBlock(s("result_configuration"))
                                 .attr(s("output_location"),
                                       HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/athena-results/")))
                                 .block(encryption))));
    // Training reads the features through Athena: catalog lookups on this database and table, queries in this
    // workgroup (S3 access comes from the training role's data policy). The Glue ingestion job commits new
    // snapshots (Iceberg updates the table's metadata pointer).
    const QString glue = s("\"arn:aws:glue:${var.region}:${data.aws_caller_identity.current.account_id}:%1\"");
    const QStringList catalog{glue.arg(s("catalog")),
                              glue.arg(s("database/${aws_glue_catalog_database.features.name}")),
                              glue.arg(s("table/${aws_glue_catalog_database.features.name}/*"))};
    f.add(rolePolicy(s("training"), s("features"),
                     {{{s("glue:GetDatabase"), s("glue:GetPartitions"), s("glue:GetTable")}, catalog},
                      {{s("athena:GetQueryExecution"), s("athena:GetQueryResults"), s("athena:StartQueryExecution"),
                        s("athena:StopQueryExecution")},
                       {s("aws_athena_workgroup.features.arn")}}}));
    if (in.serviceOf(s("ingestion")) == ServiceId::AwsGlueJob)
        f.add(rolePolicy(s("ingestion"), s("features"),
                         {{{s("glue:GetDatabase"), s("glue:GetTable"), s("glue:UpdateTable")}, catalog}}));
    m.output(s("feature_table"),
             s("\"${aws_glue_catalog_database.features.name}.${aws_glue_catalog_table.entity_features.name}\""),
             s("Iceberg feature table (database.table) in the Glue catalog"));
    m.output(s("athena_workgroup"), s("aws_athena_workgroup.features.name"), s("Athena workgroup for feature queries"));
}

void AwsDataServices::keyValueTable(const RenderInput& in, TerraformModule& m, const QString& role) {
    const QString table = role == QLatin1String("features") ? s("features") : s("predictions");
    HclWriter& f = m.file(role + s(".tf"), in.component(role).value(s("service")).toString() +
                                               s(": key lookups at request time, private through a gateway endpoint."));
    HclBlock t = resource(s("aws_dynamodb_table"), table);
    t.attr(s("name"), named(table))
        .str(s("billing_mode"), s("PAY_PER_REQUEST"))
        .str(s("hash_key"), s("entity_id"))
        .flag(s("deletion_protection_enabled"), true)
        .block(HclBlock(s("attribute")).str(s("name"), s("entity_id")).str(s("type"), s("S")))
        .block(HclBlock(s("point_in_time_recovery")).flag(s("enabled"), true))
        // Stale rows expire on their own: writers set expires_at (epoch seconds).
        .block(HclBlock(s("ttl")).str(s("attribute_name"), s("expires_at")).flag(s("enabled"), true));
    HclBlock sse(s("server_side_encryption"));
    sse.flag(s("enabled"), true);
    if (in.customerManagedKeys())
        sse.expr(s("kms_key_arn"), kmsArn(in));
    t.block(sse);
    // Active-active: a global table with a replica in each other region of the design (streams carry the changes).
    // A replica under a customer-managed key needs a key in its own region, which this module does not own.
    if (in.plan.value(s("multi_region")).toBool() && !in.customerManagedKeys()) {
        QStringList others;
        for (const QJsonValue& r : in.constraints.value(s("regions")).toArray()) {
            if (r.toString() != in.region() && !r.toString().isEmpty())
                others << r.toString();
        }
        m.variable(s("replica_regions"), s("list(string)"),
                   s("Other regions of the active-active design; the table keeps a replica in each."),
                   HclValue::strings(others));
        t.flag(s("stream_enabled"), true).str(s("stream_view_type"), s("NEW_AND_OLD_IMAGES"));
        t.block(HclBlock(s("dynamic"), {s("replica")})
                    .expr(s("for_each"), s("var.replica_regions"))
                    .block(HclBlock(s("content"))
                               .expr(s("region_name"), s("replica.value"))
                               .flag(s("point_in_time_recovery"), true)
                               .flag(s("propagate_tags"), true)));
    }
    f.add(t);
    f.add(resource(s("aws_vpc_endpoint"), s("dynamodb"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .attr(s("service_name"), HclValue::interpolated(s("com.amazonaws.${var.region}.dynamodb")))
              .str(s("vpc_endpoint_type"), s("Gateway")));
    f.add(resource(s("aws_vpc_security_group_egress_rule"), s("workloads_dynamodb"))
              .expr(s("security_group_id"), s("aws_security_group.workloads.id"))
              .str(s("description"), s("DynamoDB through the gateway endpoint"))
              .expr(s("prefix_list_id"), s("aws_vpc_endpoint.dynamodb.prefix_list_id"))
              .num(s("from_port"), 443)
              .num(s("to_port"), 443)
              .str(s("ip_protocol"), s("tcp")));
    const QString arn = s("aws_dynamodb_table.") + table + s(".arn");
    QList<Statement> read{{{s("dynamodb:BatchGetItem"), s("dynamodb:GetItem"), s("dynamodb:Query")}, {arn}}};
    if (in.customerManagedKeys())
        read.append({{s("kms:Decrypt")}, {s("aws_kms_key.data.arn")}});
    if (in.has(s("serving")) && in.onlineServing())
        f.add(rolePolicy(s("serving_task"), table, read));
    // The batch scoring job (precomputed predictions) or the training pipeline (features) fills the table.
    QList<Statement> write{
        {{s("dynamodb:BatchWriteItem"), s("dynamodb:DeleteItem"), s("dynamodb:PutItem"), s("dynamodb:UpdateItem")},
         {arn}}};
    if (in.customerManagedKeys())
        write.append({{s("kms:Decrypt"), s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    f.add(rolePolicy(in.has(s("batch_scoring")) ? s("batch_scoring") : s("training"), table + s("_write"), write));
    m.output(s("dynamodb_table_") + table, s("aws_dynamodb_table.") + table + s(".name"),
             s("DynamoDB table read at request time"));
}

} // namespace mlops
