#include "codegen/AwsEntryPoints.h"

#include "codegen/AwsBuildingBlocks.h"

#include <cmath>

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsEntryPoints::lambdaServing(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int memoryMb = std::clamp(int(size.value(s("memory_gb")).toDouble(2) * 1024), 512, 10240);
    const int warm = size.value(s("min_instances")).toInt(0);
    // API Gateway gives up after 30 s; leave the function three times the latency target, within that bound.
    const int timeout = std::clamp(int(std::ceil(in.latencyP99Ms() * 3 / 1000.0)), 10, 29);
    m.variable(s("serving_memory_mb"), s("number"),
               s("Memory of the model-serving function in MB (from the plan; CPU scales with it)."),
               HclValue::num(memoryMb));
    f.add(logGroup(in, s("serving"), s("/aws/lambda/${local.name}-serving")));
    f.add(executionRole(s("serving_task"), s("lambda.amazonaws.com"), s("Identity of the model-serving function")));
    f.add(dataAccessPolicy(in, s("serving_task"), false));
    f.add(rolePolicy(
        s("serving_task"), s("logs"),
        {{{s("logs:CreateLogStream"), s("logs:PutLogEvents")}, {s("\"${aws_cloudwatch_log_group.serving.arn}:*\"")}}}));
    // Interfaces in the private subnets (the AWS-managed policy is the one Lambda's pre-flight check accepts).
    f.add(resource(s("aws_iam_role_policy_attachment"), s("serving_vpc"))
              .expr(s("role"), s("aws_iam_role.serving_task.name"))
              .str(s("policy_arn"), s("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
    HclBlock fn = resource(s("aws_lambda_function"), s("serving"));
    fn.attr(s("function_name"), named(s("serving")))
        .expr(s("role"), s("aws_iam_role.serving_task.arn"))
        .str(s("package_type"), s("Image"))
        .expr(s("image_uri"), s("var.serving_image"))
        .expr(s("memory_size"), s("var.serving_memory_mb"))
        .num(s("timeout"), timeout)
        .flag(s("publish"), true);
    if (in.customerManagedKeys())
        fn.expr(s("kms_key_arn"), kmsArn(in));
    fn.block(HclBlock(s("environment"))
                 .attr(s("variables"), HclValue::object({{s("MODEL_BUCKET"), ref(s("aws_s3_bucket.data.bucket"))}})))
        .block(HclBlock(s("vpc_config"))
                   .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
                   .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")})))
        .block(HclBlock(s("tracing_config")).str(s("mode"), s("Active")))
        .block(HclBlock(s("logging_config"))
                   .str(s("log_format"), s("JSON"))
                   .expr(s("log_group"), s("aws_cloudwatch_log_group.serving.name")));
    f.add(fn);
    // Callers always hit the alias, so a new image goes live by moving it (and provisioned instances follow).
    f.add(resource(s("aws_lambda_alias"), s("live"))
              .str(s("name"), s("live"))
              .expr(s("function_name"), s("aws_lambda_function.serving.function_name"))
              .expr(s("function_version"), s("aws_lambda_function.serving.version")));
    if (warm > 0) // the plan keeps instances warm against the image cold start
        f.add(resource(s("aws_lambda_provisioned_concurrency_config"), s("serving"))
                  .expr(s("function_name"), s("aws_lambda_function.serving.function_name"))
                  .expr(s("qualifier"), s("aws_lambda_alias.live.name"))
                  .num(s("provisioned_concurrent_executions"), warm));
    m.output(s("serving_function"), s("aws_lambda_function.serving.function_name"),
             s("Function serving predictions (alias live)"));
}

void AwsEntryPoints::lambdaIntegration(HclWriter& f) {
    f.add(resource(s("aws_apigatewayv2_integration"), s("serving"))
              .expr(s("api_id"), s("aws_apigatewayv2_api.main.id"))
              .str(s("integration_type"), s("AWS_PROXY"))
              .expr(s("integration_uri"), s("aws_lambda_alias.live.invoke_arn"))
              .str(s("payload_format_version"), s("2.0")));
    f.add(resource(s("aws_lambda_permission"), s("api"))
              .str(s("statement_id"), s("AllowPredictRoute"))
              .str(s("action"), s("lambda:InvokeFunction"))
              .expr(s("function_name"), s("aws_lambda_function.serving.function_name"))
              .expr(s("qualifier"), s("aws_lambda_alias.live.name"))
              .str(s("principal"), s("apigateway.amazonaws.com"))
              .attr(s("source_arn"),
                    HclValue::interpolated(s("${aws_apigatewayv2_api.main.execution_arn}/*/POST/predict"))));
}

void AwsEntryPoints::lambdaAlarms(const RenderInput& in, HclWriter& f) {
    const double latencyMs = in.latencyP99Ms() > 0 ? in.latencyP99Ms() : 500;
    const HclValue dimensions =
        HclValue::object({{s("FunctionName"), ref(s("aws_lambda_function.serving.function_name"))}});
    f.add(resource(s("aws_cloudwatch_metric_alarm"), s("latency_p99"))
              .attr(s("alarm_name"), named(s("latency-p99")))
              .str(s("namespace"), s("AWS/Lambda"))
              .str(s("metric_name"), s("Duration"))
              .str(s("extended_statistic"), s("p99"))
              .num(s("period"), 60)
              .num(s("evaluation_periods"), 5)
              .num(s("threshold"), latencyMs)
              .str(s("comparison_operator"), s("GreaterThanThreshold"))
              .attr(s("dimensions"), dimensions)
              .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
    f.add(resource(s("aws_cloudwatch_metric_alarm"), s("errors"))
              .attr(s("alarm_name"), named(s("errors")))
              .str(s("namespace"), s("AWS/Lambda"))
              .str(s("metric_name"), s("Errors"))
              .str(s("statistic"), s("Sum"))
              .num(s("period"), 60)
              .num(s("evaluation_periods"), 5)
              .num(s("threshold"), 10)
              .str(s("comparison_operator"), s("GreaterThanThreshold"))
              .attr(s("dimensions"), dimensions)
              .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
}

void AwsEntryPoints::latencyRecord(TerraformModule& m, HclWriter& f) {
    m.variable(s("private_zone_id"), s("string"), s("Private hosted zone shared by the regions' VPCs."), text(s("")));
    m.variable(s("service_dns_name"), s("string"),
               s("Name clients resolve; each region answers with its own load balancer."), text(s("predict.internal")));
    // One record per region (this module is applied once per region): Route 53 answers with the lowest-latency
    // region whose load balancer is healthy, so a failed region drops out without a change.
    f.add(resource(s("aws_route53_record"), s("serving"))
              .expr(s("zone_id"), s("var.private_zone_id"))
              .expr(s("name"), s("var.service_dns_name"))
              .str(s("type"), s("A"))
              .expr(s("set_identifier"), s("var.region"))
              .block(HclBlock(s("latency_routing_policy")).expr(s("region"), s("var.region")))
              .block(HclBlock(s("alias"))
                         .expr(s("name"), s("aws_lb.serving.dns_name"))
                         .expr(s("zone_id"), s("aws_lb.serving.zone_id"))
                         .flag(s("evaluate_target_health"), true)));
    m.output(s("service_dns_name"), s("aws_route53_record.serving.fqdn"),
             s("Latency-routed name of the prediction service"));
}

void AwsEntryPoints::deviceFleet(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    f.add(
        resource(s("aws_iot_thing_group"), s("fleet"))
            .attr(s("name"), HclValue::interpolated(s("${local.name}-fleet")))
            .block(HclBlock(s("properties"))
                       .str(s("description"), s("Devices running the ") + in.project() + s(" model"))
                       .block(HclBlock(s("attribute_payload"))
                                  .attr(s("attributes"), HclValue::object({{s("project"), ref(s("var.project"))}})))));
    // Greengrass core devices trade their certificate for short-lived credentials of this role: model downloads
    // from models/edge/ and their own logs, nothing else.
    const HclValue credentials = HclValue::call(
        s("jsonencode"),
        HclValue::object({{s("Version"), text(s("2012-10-17"))},
                          {s("Statement"),
                           HclValue::list({HclValue::object(
                               {{s("Effect"), text(s("Allow"))},
                                {s("Action"), text(s("sts:AssumeRole"))},
                                {s("Principal"),
                                 HclValue::object({{s("Service"), text(s("credentials.iot.amazonaws.com"))}})}})})}}));
    f.add(resource(s("aws_iam_role"), s("edge_devices"))
              .attr(s("name"), named(s("edge-devices")))
              .str(s("description"), s("Token exchange role of the Greengrass core devices"))
              .attr(s("assume_role_policy"), credentials));
    QList<Statement> device{{{s("s3:GetObject")}, {s("\"${aws_s3_bucket.data.arn}/models/edge/*\"")}},
                            {{s("logs:CreateLogGroup"), s("logs:CreateLogStream"), s("logs:PutLogEvents")},
                             {accountArn(s("logs"), s("log-group:/aws/greengrass/*"))}}};
    if (in.customerManagedKeys())
        device.append({{s("kms:Decrypt")}, {s("aws_kms_key.data.arn")}});
    f.add(rolePolicy(s("edge_devices"), s("artifacts"), device));
    f.add(resource(s("aws_iot_role_alias"), s("edge_devices"))
              .attr(s("alias"), named(s("token-exchange")))
              .expr(s("role_arn"), s("aws_iam_role.edge_devices.arn"))
              .num(s("credential_duration"), 3600));
    // A device may connect as itself, publish telemetry under its own name, and use its own jobs and shadow topics
    // (how Greengrass receives deployments); nothing of other devices.
    const QString thing = s("$${iot:Connection.Thing.ThingName}");
    f.add(
        resource(s("aws_iot_policy"), s("device"))
            .attr(s("name"), named(s("device")))
            .attr(s("policy"),
                  awsPolicy(
                      {{{s("iot:Connect")}, {accountArn(s("iot"), s("client/") + thing)}},
                       {{s("iot:Publish")}, {accountArn(s("iot"), s("topic/${local.name}/telemetry/") + thing)}},
                       {{s("iot:Publish"), s("iot:Receive")},
                        {accountArn(s("iot"), s("topic/$aws/things/") + thing + s("*/*"))}},
                       {{s("iot:Subscribe")}, {accountArn(s("iot"), s("topicfilter/$aws/things/") + thing + s("*/*"))}},
                       {{s("iot:AssumeRoleWithCertificate")}, {s("aws_iot_role_alias.edge_devices.arn")}},
                       {{s("greengrass:GetComponentVersionArtifact"), s("greengrass:GetDeploymentConfiguration"),
                         s("greengrass:ListThingGroupsForCoreDevice"), s("greengrass:ResolveComponentCandidates")},
                        {s("\"*\"")}}})));
    // Telemetry lands in the lake under raw/telemetry/<device>/, written by IoT Core with its own narrow role.
    f.add(executionRole(s("iot_rules"), s("iot.amazonaws.com"), s("Writes device telemetry to the lake")));
    QList<Statement> landing{
        {{s("s3:PutObject")}, {s("\"${aws_s3_bucket.data.arn}/raw/telemetry/*\"")}},
        {{s("logs:CreateLogStream"), s("logs:PutLogEvents")}, {s("\"${aws_cloudwatch_log_group.iot_errors.arn}:*\"")}}};
    if (in.customerManagedKeys())
        landing.append({{s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    f.add(rolePolicy(s("iot_rules"), s("landing"), landing));
    f.add(logGroup(in, s("iot_errors"), s("/${local.name}/iot-rule-errors")));
    f.add(resource(s("aws_iot_topic_rule"), s("telemetry"))
              .attr(s("name"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_telemetry")))
              .flag(s("enabled"), true)
              .attr(s("sql"), HclValue::interpolated(s("SELECT * FROM '${local.name}/telemetry/+'")))
              .str(s("sql_version"), s("2016-03-23"))
              .block(HclBlock(s("s3"))
                         .expr(s("bucket_name"), s("aws_s3_bucket.data.bucket"))
                         .str(s("key"), s("raw/telemetry/${topic(3)}/${timestamp()}.json"))
                         .expr(s("role_arn"), s("aws_iam_role.iot_rules.arn")))
              .block(HclBlock(s("error_action"))
                         .block(HclBlock(s("cloudwatch_logs"))
                                    .expr(s("log_group_name"), s("aws_cloudwatch_log_group.iot_errors.name"))
                                    .expr(s("role_arn"), s("aws_iam_role.iot_rules.arn")))));
    m.output(s("device_thing_group"), s("aws_iot_thing_group.fleet.name"),
             s("Thing group new devices join (deployments target it)"));
    m.output(s("device_role_alias"), s("aws_iot_role_alias.edge_devices.alias"),
             s("Role alias the Greengrass nucleus is configured with"));
}

} // namespace mlops
