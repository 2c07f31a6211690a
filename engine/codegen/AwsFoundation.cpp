#include "codegen/AwsFoundation.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformSettings.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsFoundation::providers(const RenderInput& in, TerraformModule& m) {
    HclWriter& f =
        m.file(s("providers.tf"), s("Providers, pinned versions and remote state (S3 with a DynamoDB lock table)."));
    f.add(TerraformSettings::terraformBlock({{s("aws"), s("hashicorp/aws"), s("~> 5.60")}},
                                            HclBlock(s("backend"), {s("s3")})
                                                .str(s("bucket"), in.project() + s("-tfstate"))
                                                .str(s("key"), in.project() + s("/terraform.tfstate"))
                                                .str(s("region"), in.region())
                                                .str(s("dynamodb_table"), in.project() + s("-tflock"))
                                                .flag(s("encrypt"), true)));
    f.add(HclBlock(s("provider"), {s("aws")})
              .expr(s("region"), s("var.region"))
              .block(HclBlock(s("default_tags")).expr(s("tags"), s("local.tags"))));
    f.add(TerraformSettings::locals(s("tags"), TerraformSettings::ownershipTags()));
    f.add(data(s("aws_caller_identity"), s("current")));
    f.add(data(s("aws_availability_zones"), s("available")).str(s("state"), s("available")));
}

void AwsFoundation::network(TerraformModule& m, int zones) {
    m.variable(s("vpc_cidr"), s("string"), s("Address range of the private VPC."), text(s("10.20.0.0/16")));
    HclWriter& f =
        m.file(s("network.tf"),
               s("Private network: workloads run in private subnets; S3 is reached through a gateway endpoint."));
    f.add(resource(s("aws_vpc"), s("main"))
              .expr(s("cidr_block"), s("var.vpc_cidr"))
              .flag(s("enable_dns_support"), true)
              .flag(s("enable_dns_hostnames"), true)
              .attr(s("tags"), HclValue::object({{s("Name"), named(s("vpc"))}})));
    f.add(resource(s("aws_subnet"), s("private"))
              .num(s("count"), zones)
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .expr(s("cidr_block"), s("cidrsubnet(var.vpc_cidr, 4, count.index)"))
              .expr(s("availability_zone"), s("data.aws_availability_zones.available.names[count.index]"))
              .flag(s("map_public_ip_on_launch"), false)
              .attr(s("tags"), HclValue::object({{s("Name"), named(s("private-${count.index}"))}})));
    f.add(resource(s("aws_vpc_endpoint"), s("s3"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .attr(s("service_name"), HclValue::interpolated(s("com.amazonaws.${var.region}.s3")))
              .str(s("vpc_endpoint_type"), s("Gateway")));
    f.add(resource(s("aws_security_group"), s("workloads"))
              .attr(s("name"), named(s("workloads")))
              .str(s("description"), s("HTTPS from the allowed internal ranges only"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("HTTPS from internal networks"))
                         .num(s("from_port"), 443)
                         .num(s("to_port"), 443)
                         .str(s("protocol"), s("tcp"))
                         .expr(s("cidr_blocks"), s("var.allowed_cidrs")))
              .block(vpcEgress())
              .block(s3GatewayEgress()));
}

// The account administers the key through IAM; CloudWatch Logs may use it only for this account's log groups
// (encryption-context condition) and CloudWatch alarms may use it to publish to the encrypted SNS topic.
static HclValue dataKeyPolicy() {
    const QString anyResource = s("\"*\"");
    const QString account = s("${data.aws_caller_identity.current.account_id}");
    const HclValue root =
        HclValue::object({{s("AWS"), HclValue::interpolated(s("arn:aws:iam::") + account + s(":root"))}});
    const HclValue logs =
        HclValue::object({{s("Service"), HclValue::interpolated(s("logs.${var.region}.amazonaws.com"))}});
    const HclValue alarms = HclValue::object({{s("Service"), text(s("cloudwatch.amazonaws.com"))}});
    const Entries logGroups{
        {s("ArnLike"),
         HclValue::object({{s("kms:EncryptionContext:aws:logs:arn"),
                            HclValue::interpolated(s("arn:aws:logs:${var.region}:") + account + s(":log-group:*"))}})}};
    return awsPolicy(
        {{{s("kms:*")}, {anyResource}, s("Allow"), {}, root},
         {{s("kms:Encrypt"), s("kms:Decrypt"), s("kms:ReEncrypt*"), s("kms:GenerateDataKey*"), s("kms:DescribeKey")},
          {anyResource},
          s("Allow"),
          logGroups,
          logs},
         {{s("kms:Decrypt"), s("kms:GenerateDataKey*")}, {anyResource}, s("Allow"), {}, alarms}});
}

void AwsFoundation::keys(const RenderInput& in, TerraformModule& m) {
    if (!in.customerManagedKeys())
        return;
    HclWriter& f =
        m.file(s("security.tf"),
               s("Customer-managed key for every data store (required by the compliance named in the plan)."));
    f.add(resource(s("aws_kms_key"), s("data"))
              .attr(s("description"), named(s("data")))
              .flag(s("enable_key_rotation"), true)
              .num(s("deletion_window_in_days"), 30)
              .attr(s("policy"), dataKeyPolicy()));
    f.add(resource(s("aws_kms_alias"), s("data"))
              .attr(s("name"), HclValue::interpolated(s("alias/${local.name}-data")))
              .expr(s("target_key_id"), s("aws_kms_key.data.key_id")));
    m.output(s("kms_key_arn"), s("aws_kms_key.data.arn"), s("Customer-managed key encrypting the data stores"));
}

void AwsFoundation::storage(const RenderInput& in, TerraformModule& m) {
    const QJsonObject cfg = in.config(s("storage"));
    HclWriter& f = m.file(s("storage.tf"),
                          s("Data lake bucket: raw data, features, model artifacts. Private, versioned, encrypted."));
    f.add(resource(s("aws_s3_bucket"), s("data"))
              .attr(s("bucket"),
                    HclValue::interpolated(s("${local.name}-data-${data.aws_caller_identity.current.account_id}"))));
    f.add(resource(s("aws_s3_bucket_versioning"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .block(HclBlock(s("versioning_configuration")).str(s("status"), s("Enabled"))));
    HclBlock byDefault(s("apply_server_side_encryption_by_default"));
    if (in.customerManagedKeys())
        byDefault.str(s("sse_algorithm"), s("aws:kms")).expr(s("kms_master_key_id"), kmsArn(in));
    else
        byDefault.str(s("sse_algorithm"), s("AES256"));
    f.add(resource(s("aws_s3_bucket_server_side_encryption_configuration"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .block(HclBlock(s("rule")).block(byDefault).flag(s("bucket_key_enabled"), in.customerManagedKeys())));
    f.add(resource(s("aws_s3_bucket_public_access_block"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .flag(s("block_public_acls"), true)
              .flag(s("block_public_policy"), true)
              .flag(s("ignore_public_acls"), true)
              .flag(s("restrict_public_buckets"), true));
    f.add(resource(s("aws_s3_bucket_lifecycle_configuration"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .block(HclBlock(s("rule"))
                         .str(s("id"), s("expire-noncurrent"))
                         .str(s("status"), s("Enabled"))
                         .block(HclBlock(s("filter")))
                         .block(HclBlock(s("noncurrent_version_expiration"))
                                    .num(s("noncurrent_days"), cfg.value(s("lifecycle_noncurrent_days")).toInt(90)))));
    QList<Statement> deny{{{s("s3:*")},
                           {s("aws_s3_bucket.data.arn"), s("\"${aws_s3_bucket.data.arn}/*\"")},
                           s("Deny"),
                           {{s("Bool"), HclValue::object({{s("aws:SecureTransport"), text(s("false"))}})}},
                           text(s("*"))}};
    HclValue policy = awsPolicy(deny);
    f.add(resource(s("aws_s3_bucket_policy"), s("data_tls_only"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .attr(s("policy"), policy));
    m.output(s("data_bucket"), s("aws_s3_bucket.data.bucket"), s("Data lake bucket name"));
}

} // namespace mlops
