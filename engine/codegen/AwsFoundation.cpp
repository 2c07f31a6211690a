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

namespace {

// Flow logs of all traffic of the VPC into a log group of their own (the design's retention, the data key when there
// is one: the key policy lets CloudWatch Logs use it for this account's log groups), delivered by a role only the flow
// log service may assume and that may write only to that group (the group exists, so no logs:CreateLogGroup).
void flowLogs(const RenderInput& in, HclWriter& f) {
    f.add(logGroup(in, s("flow_logs"), s("/aws/vpc/flow-logs/${local.name}")));
    f.add(executionRole(s("flow_logs"), s("vpc-flow-logs.amazonaws.com"), s("Delivers the VPC flow logs")));
    f.add(rolePolicy(
        s("flow_logs"), s("delivery"),
        {{{s("logs:CreateLogStream"), s("logs:DescribeLogStreams"), s("logs:PutLogEvents")},
          {s("aws_cloudwatch_log_group.flow_logs.arn"), s("\"${aws_cloudwatch_log_group.flow_logs.arn}:*\"")}}}));
    f.add(resource(s("aws_flow_log"), s("main"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .str(s("traffic_type"), s("ALL"))
              .str(s("log_destination_type"), s("cloud-watch-logs"))
              .expr(s("log_destination"), s("aws_cloudwatch_log_group.flow_logs.arn"))
              .expr(s("iam_role_arn"), s("aws_iam_role.flow_logs.arn"))
              .num(s("max_aggregation_interval"), 60));
}

} // namespace

void AwsFoundation::network(const RenderInput& in, TerraformModule& m, int zones) {
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
    // Terraform adopts the VPC's default group and removes its rules: nothing attached to it by mistake gets traffic.
    f.add(resource(s("aws_default_security_group"), s("main"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .attr(s("tags"), HclValue::object({{s("Name"), named(s("default-deny-all"))}})));
    flowLogs(in, f);
}

// The account administers the key through IAM; CloudWatch Logs may use it only for this account's log groups
// (encryption-context condition: the workloads' groups, the VPC flow logs, and the /aws-glue/ groups a Glue security
// configuration encrypts) and CloudWatch alarms may use it to publish to the encrypted SNS topic.
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

namespace {

// Lifecycle rules abort multipart uploads that never completed, so their parts do not pile up unseen.
HclBlock abortIncompleteUploads() {
    return HclBlock(s("abort_incomplete_multipart_upload")).num(s("days_after_initiation"), 7);
}

HclBlock ownedObjects(const QString& bucket) {
    return resource(s("aws_s3_bucket_ownership_controls"), bucket)
        .expr(s("bucket"), s("aws_s3_bucket.") + bucket + s(".id"))
        .block(HclBlock(s("rule")).str(s("object_ownership"), s("BucketOwnerEnforced")));
}

HclBlock versioned(const QString& bucket) {
    return resource(s("aws_s3_bucket_versioning"), bucket)
        .expr(s("bucket"), s("aws_s3_bucket.") + bucket + s(".id"))
        .block(HclBlock(s("versioning_configuration")).str(s("status"), s("Enabled")));
}

HclBlock publicAccessBlocked(const QString& bucket) {
    return resource(s("aws_s3_bucket_public_access_block"), bucket)
        .expr(s("bucket"), s("aws_s3_bucket.") + bucket + s(".id"))
        .flag(s("block_public_acls"), true)
        .flag(s("block_public_policy"), true)
        .flag(s("ignore_public_acls"), true)
        .flag(s("restrict_public_buckets"), true);
}

// The bucket policy `<bucket>_tls_only`: `allow` plus a Deny of every request without TLS, to everyone ("*": S3
// rejects a statement without a Principal).
HclBlock tlsOnlyPolicy(const QString& bucket, QList<Statement> allow) {
    const QString arn = s("aws_s3_bucket.") + bucket + s(".arn");
    allow.append({{s("s3:*")},
                  {arn, s("\"${") + arn + s("}/*\"")},
                  s("Deny"),
                  {{s("Bool"), HclValue::object({{s("aws:SecureTransport"), text(s("false"))}})}},
                  text(s("*"))});
    return resource(s("aws_s3_bucket_policy"), bucket + s("_tls_only"))
        .expr(s("bucket"), s("aws_s3_bucket.") + bucket + s(".id"))
        .attr(s("policy"), awsPolicy(allow));
}

const QString kReplication =
    QStringLiteral("no disaster-recovery requirement in the plan; the data stays in its region");
const QString kNotifications = QStringLiteral("no consumer of object events in the design");

// The bucket server access logs of `sources` (bucket resource names) go to: it does not log to itself, and log
// delivery writes only to targets with SSE-S3 default encryption, so it has no customer-managed key. Log delivery is
// granted by bucket policy (ACLs are disabled) to the logging service, for these buckets of this account only.
void accessLogBucket(const RenderInput& in, HclWriter& f, const QStringList& sources) {
    HclBlock bucket = resource(s("aws_s3_bucket"), s("access_logs"));
    suppress(bucket, s("CKV_AWS_18"), s("access-log bucket does not log to itself"), s("IAC-AWS-S3-ACCESS-LOGS"));
    suppress(bucket, s("CKV_AWS_145"), s("S3 server access log delivery supports only SSE-S3 on the target bucket"));
    suppress(bucket, s("CKV_AWS_144"), kReplication);
    suppress(bucket, s("CKV2_AWS_62"), kNotifications);
    f.add(bucket.attr(s("bucket"),
                      HclValue::interpolated(s("${local.name}-logs-${data.aws_caller_identity.current.account_id}"))));
    f.add(ownedObjects(s("access_logs")));
    f.add(publicAccessBlocked(s("access_logs")));
    f.add(resource(s("aws_s3_bucket_server_side_encryption_configuration"), s("access_logs"))
              .expr(s("bucket"), s("aws_s3_bucket.access_logs.id"))
              .block(HclBlock(s("rule")).block(
                  HclBlock(s("apply_server_side_encryption_by_default")).str(s("sse_algorithm"), s("AES256")))));
    f.add(versioned(s("access_logs")));
    f.add(resource(s("aws_s3_bucket_lifecycle_configuration"), s("access_logs"))
              .expr(s("bucket"), s("aws_s3_bucket.access_logs.id"))
              .block(HclBlock(s("rule"))
                         .str(s("id"), s("expire-access-logs"))
                         .str(s("status"), s("Enabled"))
                         .block(HclBlock(s("filter")))
                         .block(HclBlock(s("expiration")).num(s("days"), in.logRetentionDays()))
                         .block(HclBlock(s("noncurrent_version_expiration")).num(s("noncurrent_days"), 30))
                         .block(abortIncompleteUploads())));
    QStringList sourceArns;
    for (const QString& source : sources)
        sourceArns.append(s("aws_s3_bucket.") + source + s(".arn"));
    const Entries fromSources{
        {s("ArnLike"), HclValue::object({{s("aws:SourceArn"), refs(sourceArns)}})},
        {s("StringEquals"),
         HclValue::object({{s("aws:SourceAccount"), ref(s("data.aws_caller_identity.current.account_id"))}})}};
    f.add(tlsOnlyPolicy(s("access_logs"), {{{s("s3:PutObject")},
                                            {s("\"${aws_s3_bucket.access_logs.arn}/*\"")},
                                            s("Allow"),
                                            fromSources,
                                            HclValue::object({{s("Service"), text(s("logging.s3.amazonaws.com"))}})}}));
    for (const QString& source : sources)
        f.add(resource(s("aws_s3_bucket_logging"), source)
                  .expr(s("bucket"), s("aws_s3_bucket.") + source + s(".id"))
                  .expr(s("target_bucket"), s("aws_s3_bucket.access_logs.id"))
                  .str(s("target_prefix"), source + s("/")));
}

} // namespace

void AwsFoundation::storage(const RenderInput& in, TerraformModule& m) {
    const QJsonObject cfg = in.config(s("storage"));
    HclWriter& f =
        m.file(s("storage.tf"), s("Data lake bucket: raw data, features, model artifacts. Private, versioned, "
                                  "encrypted, its requests logged to the access-log bucket."));
    HclBlock bucket = resource(s("aws_s3_bucket"), s("data"));
    if (!in.customerManagedKeys())
        suppress(bucket, s("CKV_AWS_145"),
                 s("no compliance in the plan asks for a customer-managed key; SSE-S3 encrypts at rest"));
    suppress(bucket, s("CKV_AWS_144"), kReplication);
    suppress(bucket, s("CKV2_AWS_62"), kNotifications);
    f.add(bucket.attr(s("bucket"),
                      HclValue::interpolated(s("${local.name}-data-${data.aws_caller_identity.current.account_id}"))));
    f.add(ownedObjects(s("data")));
    f.add(versioned(s("data")));
    HclBlock byDefault(s("apply_server_side_encryption_by_default"));
    if (in.customerManagedKeys())
        byDefault.str(s("sse_algorithm"), s("aws:kms")).expr(s("kms_master_key_id"), kmsArn(in));
    else
        byDefault.str(s("sse_algorithm"), s("AES256"));
    f.add(resource(s("aws_s3_bucket_server_side_encryption_configuration"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .block(HclBlock(s("rule")).block(byDefault).flag(s("bucket_key_enabled"), in.customerManagedKeys())));
    f.add(publicAccessBlocked(s("data")));
    f.add(resource(s("aws_s3_bucket_lifecycle_configuration"), s("data"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .block(HclBlock(s("rule"))
                         .str(s("id"), s("expire-noncurrent"))
                         .str(s("status"), s("Enabled"))
                         .block(HclBlock(s("filter")))
                         .block(HclBlock(s("noncurrent_version_expiration"))
                                    .num(s("noncurrent_days"), cfg.value(s("lifecycle_noncurrent_days")).toInt(90)))
                         .block(abortIncompleteUploads())));
    f.add(tlsOnlyPolicy(s("data"), {}));
    accessLogBucket(in, f, {s("data")});
    m.output(s("data_bucket"), s("aws_s3_bucket.data.bucket"), s("Data lake bucket name"));
    m.output(s("access_log_bucket"), s("aws_s3_bucket.access_logs.bucket"), s("Server access logs of the data bucket"));
}

} // namespace mlops
