#include "codegen/AwsSageMakerEndpoint.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"

#include <cmath>

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

const char* const kVariant = "primary";

// The model server reads only its request: it needs no network of its own unless the plan gives it a store to query
// at request time (an online feature table, a vector collection, a foundation model), which isolation would cut off.
bool containerNeedsNetwork(const RenderInput& in) {
    return in.has(s("online_store")) || in.serviceOf(s("features")) == ServiceId::AwsOpensearchserverlessCollection ||
           in.serviceOf(s("training")).startsWith(QLatin1String("aws_bedrock"));
}

// Instance types whose storage is local NVMe (m5d, c5d, g4dn, g5, p4d, ...): SageMaker refuses a volume key for them,
// and their instance store is encrypted by the hardware.
bool localNvmeStorage(const QString& mlType) {
    const QString family = mlType.section(QLatin1Char('.'), 1, 1);
    return family.endsWith(QLatin1Char('d')) || family.endsWith(QLatin1String("dn")) ||
           family.endsWith(QLatin1String("de")) || QStringList{s("g5"), s("g6"), s("p5")}.contains(family);
}

HclValue endpointDimensions() {
    return HclValue::object(
        {{s("EndpointName"), ref(s("aws_sagemaker_endpoint.serving.name"))}, {s("VariantName"), text(s(kVariant))}});
}

// The model: its execution role narrowed to what CreateModel needs, in the private subnets, network-isolated unless
// the container must call AWS APIs.
void model(const RenderInput& in, HclWriter& f) {
    // SageMaker writes the container's stdout here; created up front so retention and the data key apply.
    f.add(logGroup(in, s("serving"), s("/aws/sagemaker/Endpoints/${local.name}-serving")));
    f.add(executionRole(s("serving_task"), s("sagemaker.amazonaws.com"),
                        s("Identity of the endpoint's model container")));
    // The CreateModel execution role's needs, each narrowed: the artifact under models/, captured requests under
    // capture/ (data capture writes with this role), its own log group, the endpoint metric namespace, the image.
    QList<Statement> st{
        {{s("s3:GetObject")}, {s("\"${aws_s3_bucket.data.arn}/models/*\"")}},
        {{s("s3:PutObject")}, {s("\"${aws_s3_bucket.data.arn}/capture/*\"")}},
        {{s("logs:CreateLogStream"), s("logs:DescribeLogStreams"), s("logs:PutLogEvents")},
         {s("\"${aws_cloudwatch_log_group.serving.arn}:*\"")}},
        {{s("cloudwatch:PutMetricData")},
         {s("\"*\"")},
         s("Allow"),
         {{s("StringEquals"), HclValue::object({{s("cloudwatch:namespace"), text(s("/aws/sagemaker/Endpoints"))}})}}}};
    st += imagePullStatements();
    if (in.customerManagedKeys())
        st.append({{s("kms:Decrypt"), s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    f.add(rolePolicy(s("serving_task"), s("endpoint"), st + vpcAccessStatements()));

    const bool isolated = !containerNeedsNetwork(in);
    f.add(resource(s("aws_sagemaker_model"), s("serving"))
              .expr(s("execution_role_arn"), s("aws_iam_role.serving_task.arn"))
              .flag(s("enable_network_isolation"), isolated)
              .block(HclBlock(s("primary_container"))
                         .expr(s("image"), s("var.serving_image"))
                         .str(s("mode"), s("SingleModel"))
                         .attr(s("model_data_url"),
                               HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/${var.serving_model_key}")))
                         // SageMaker unpacks the artifact under /opt/ml/model; the server loads it from there.
                         .attr(s("environment"),
                               HclValue::object({{s("MODEL_PATH"), text(s("/opt/ml/model/model.joblib"))}})))
              .block(HclBlock(s("vpc_config"))
                         .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")})))
              .block(HclBlock(s("lifecycle")).flag(s("create_before_destroy"), true)));
}

// The endpoint configuration (plan-sized variant, data capture for Model Monitor) and the endpoint on it.
void endpoint(const RenderInput& in, HclWriter& f, const QString& instanceType, int replicas) {
    // Every request and response is captured for Model Monitor's data-quality job (monitoring.tf); above a million
    // requests a day a sample says as much for a fraction of the storage.
    const double perDay = in.constraints.value(s("throughput_requests_per_day")).toDouble(0);
    HclBlock capture(s("data_capture_config"));
    capture.flag(s("enable_capture"), true)
        .num(s("initial_sampling_percentage"), perDay > 1e6 ? 20 : 100)
        .attr(s("destination_s3_uri"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/capture")));
    if (in.customerManagedKeys())
        capture.expr(s("kms_key_id"), kmsArn(in));
    capture.block(HclBlock(s("capture_options")).str(s("capture_mode"), s("Input")))
        .block(HclBlock(s("capture_options")).str(s("capture_mode"), s("Output")))
        .block(HclBlock(s("capture_content_type_header"))
                   .attr(s("json_content_types"), HclValue::strings({s("application/json")})));
    // Configurations are immutable: a new model or size creates a new one (name_prefix) before the old goes.
    HclBlock config = resource(s("aws_sagemaker_endpoint_configuration"), s("serving"));
    config.attr(s("name_prefix"), HclValue::interpolated(s("${local.name}-serving-")));
    if (in.customerManagedKeys() && !localNvmeStorage(instanceType))
        config.expr(s("kms_key_arn"), kmsArn(in)); // the instances' storage volumes
    config
        .block(HclBlock(s("production_variants"))
                   .str(s("variant_name"), s(kVariant))
                   .expr(s("model_name"), s("aws_sagemaker_model.serving.name"))
                   .expr(s("instance_type"), s("var.serving_instance_type"))
                   .num(s("initial_instance_count"), replicas))
        .block(capture)
        .block(HclBlock(s("lifecycle")).flag(s("create_before_destroy"), true));
    f.add(config);
    // A new configuration goes live blue/green: SageMaker shifts traffic, watches the 5xx alarm (by name: the alarm
    // refers to this endpoint) for five minutes, and rolls back on its own if it fires.
    f.add(resource(s("aws_sagemaker_endpoint"), s("serving"))
              .attr(s("name"), named(s("serving")))
              .expr(s("endpoint_config_name"), s("aws_sagemaker_endpoint_configuration.serving.name"))
              .block(HclBlock(s("deployment_config"))
                         .block(HclBlock(s("blue_green_update_policy"))
                                    .num(s("termination_wait_in_seconds"), 300)
                                    .block(HclBlock(s("traffic_routing_configuration"))
                                               .str(s("type"), s("ALL_AT_ONCE"))
                                               .num(s("wait_interval_in_seconds"), 300)))
                         .block(HclBlock(s("auto_rollback_configuration"))
                                    .block(HclBlock(s("alarms")).attr(s("alarm_name"), named(s("5xx"))))))
              .attr(s("depends_on"),
                    refs({s("aws_cloudwatch_log_group.serving"), s("aws_iam_role_policy.serving_task_endpoint")})));
}

} // namespace

QString AwsSageMakerEndpoint::variantName() {
    return s(kVariant);
}

void AwsSageMakerEndpoint::render(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const int maxReplicas = std::max(replicas, size.value(s("max_replicas")).toInt(replicas));
    const QString instanceType = sageMakerInstanceType(size.value(s("instance_type")).toString(s("m5.large")));
    m.variable(s("serving_instance_type"), s("string"), s("Instance type of the endpoint's variant (from the plan)."),
               text(instanceType));
    // The endpoint copies the artifact when a configuration is created: promoting a model means copying the approved
    // package's artifact to a new key and applying with it, which rolls out a new configuration (blue/green below).
    m.variable(s("serving_model_key"), s("string"), s("Key of the approved model artifact in the data bucket."),
               text(s("models/approved/model.tar.gz")));
    model(in, f);
    endpoint(in, f, instanceType, replicas);
    // Scale on invocations per instance: the plan's capacity per replica (requests/s) as a per-minute target with 30 %
    // headroom, between the planned replicas and max_replicas.
    const double perReplicaRps = size.value(s("capacity_rps_per_replica")).toDouble(0) > 0
                                     ? size.value(s("capacity_rps_per_replica")).toDouble()
                                     : 10.0;
    servingAutoscaling(f, s("endpoint/${aws_sagemaker_endpoint.serving.name}/variant/") + s(kVariant),
                       s("sagemaker:variant:DesiredInstanceCount"), s("sagemaker"), replicas, maxReplicas,
                       s("serving_invocations"),
                       HclBlock(s("target_tracking_scaling_policy_configuration"))
                           .num(s("target_value"), std::round(perReplicaRps * 60 * 0.7))
                           .num(s("scale_in_cooldown"), 300)
                           .num(s("scale_out_cooldown"), 60)
                           .block(HclBlock(s("predefined_metric_specification"))
                                      .str(s("predefined_metric_type"), s("SageMakerVariantInvocationsPerInstance"))));

    // Callers in the VPC (no NAT, no internet path) reach the runtime API through this, signing with IAM.
    interfaceEndpoint(m, s("sagemaker_runtime"), s("sagemaker.runtime"));
    f.add(resource(s("aws_iam_policy"), s("invoke_endpoint"))
              .attr(s("name"), named(s("invoke-endpoint")))
              .str(s("description"), s("Attach to the callers' roles: invoke this endpoint and nothing else"))
              .attr(s("policy"),
                    awsPolicy({{{s("sagemaker:InvokeEndpoint")}, {s("aws_sagemaker_endpoint.serving.arn")}}})));
    m.output(s("serving_endpoint_name"), s("aws_sagemaker_endpoint.serving.name"),
             s("SageMaker endpoint serving predictions (variant primary)"));
    m.output(s("serving_invoke_policy_arn"), s("aws_iam_policy.invoke_endpoint.arn"),
             s("Policy granting InvokeEndpoint on the endpoint only"));
}

void AwsSageMakerEndpoint::alarms(const RenderInput& in, HclWriter& f) {
    // ModelLatency is reported in microseconds: the container's time, not counting SageMaker's own overhead.
    const double latencyMs = in.latencyP99Ms() > 0 ? in.latencyP99Ms() : 500;
    f.add(resource(s("aws_cloudwatch_metric_alarm"), s("latency_p99"))
              .attr(s("alarm_name"), named(s("latency-p99")))
              .str(s("namespace"), s("AWS/SageMaker"))
              .str(s("metric_name"), s("ModelLatency"))
              .str(s("extended_statistic"), s("p99"))
              .num(s("period"), 60)
              .num(s("evaluation_periods"), 5)
              .num(s("threshold"), latencyMs * 1000)
              .str(s("comparison_operator"), s("GreaterThanThreshold"))
              .str(s("treat_missing_data"), s("notBreaching"))
              .attr(s("dimensions"), endpointDimensions())
              .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
    f.add(resource(s("aws_cloudwatch_metric_alarm"), s("errors_5xx"))
              .attr(s("alarm_name"), named(s("5xx")))
              .str(s("namespace"), s("AWS/SageMaker"))
              .str(s("metric_name"), s("Invocation5XXErrors"))
              .str(s("statistic"), s("Sum"))
              .num(s("period"), 60)
              .num(s("evaluation_periods"), 5)
              .num(s("threshold"), 10)
              .str(s("comparison_operator"), s("GreaterThanThreshold"))
              .str(s("treat_missing_data"), s("notBreaching"))
              .attr(s("dimensions"), endpointDimensions())
              .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
}

QString AwsSageMakerEndpoint::restApi(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    f.add(resource(s("aws_api_gateway_rest_api"), s("main"))
              .attr(s("name"), named(s("api")))
              .str(s("description"), s("Prediction API in front of the SageMaker endpoint"))
              .block(HclBlock(s("endpoint_configuration")).attr(s("types"), HclValue::strings({s("REGIONAL")}))));
    f.add(resource(s("aws_api_gateway_resource"), s("predict"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("parent_id"), s("aws_api_gateway_rest_api.main.root_resource_id"))
              .str(s("path_part"), s("predict")));
    f.add(resource(s("aws_api_gateway_method"), s("predict"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("resource_id"), s("aws_api_gateway_resource.predict.id"))
              .str(s("http_method"), s("POST"))
              .str(s("authorization"), s("AWS_IAM")));
    // API Gateway signs the runtime call with this role, which may invoke this one endpoint.
    f.add(executionRole(s("api_invoke"), s("apigateway.amazonaws.com"),
                        s("Lets the prediction API invoke the endpoint")));
    f.add(rolePolicy(s("api_invoke"), s("endpoint"),
                     {{{s("sagemaker:InvokeEndpoint")}, {s("aws_sagemaker_endpoint.serving.arn")}}}));
    f.add(resource(s("aws_api_gateway_integration"), s("predict"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("resource_id"), s("aws_api_gateway_resource.predict.id"))
              .expr(s("http_method"), s("aws_api_gateway_method.predict.http_method"))
              .str(s("type"), s("AWS"))
              .str(s("integration_http_method"), s("POST"))
              .attr(s("uri"), HclValue::interpolated(s("arn:aws:apigateway:${var.region}:runtime.sagemaker:path//"
                                                       "endpoints/${aws_sagemaker_endpoint.serving.name}/invocations")))
              .expr(s("credentials"), s("aws_iam_role.api_invoke.arn"))
              .str(s("passthrough_behavior"), s("NEVER"))
              .attr(s("request_parameters"),
                    HclValue::object({{s("integration.request.header.Content-Type"), text(s("'application/json'"))}}))
              .attr(s("request_templates"), HclValue::object({{s("application/json"), text(s("$input.body"))}})));
    f.add(resource(s("aws_api_gateway_method_response"), s("predict_ok"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("resource_id"), s("aws_api_gateway_resource.predict.id"))
              .expr(s("http_method"), s("aws_api_gateway_method.predict.http_method"))
              .str(s("status_code"), s("200")));
    f.add(resource(s("aws_api_gateway_integration_response"), s("predict_ok"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("resource_id"), s("aws_api_gateway_resource.predict.id"))
              .expr(s("http_method"), s("aws_api_gateway_method.predict.http_method"))
              .expr(s("status_code"), s("aws_api_gateway_method_response.predict_ok.status_code"))
              .attr(s("depends_on"), refs({s("aws_api_gateway_integration.predict")})));
    f.add(
        resource(s("aws_api_gateway_deployment"), s("main"))
            .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
            .attr(s("triggers"),
                  HclValue::object({{s("redeployment"),
                                     ref(s("sha1(jsonencode([aws_api_gateway_resource.predict.id, "
                                           "aws_api_gateway_method.predict.id, aws_api_gateway_integration.predict.id, "
                                           "aws_api_gateway_integration_response.predict_ok.id]))"))}}))
            .block(HclBlock(s("lifecycle")).flag(s("create_before_destroy"), true)));
    // REST API access logs go through an account-wide CloudWatch role (HTTP APIs need none).
    f.add(executionRole(s("api_gateway_logs"), s("apigateway.amazonaws.com"),
                        s("Lets API Gateway write access logs (account setting)")));
    f.add(resource(s("aws_iam_role_policy_attachment"), s("api_gateway_logs"))
              .expr(s("role"), s("aws_iam_role.api_gateway_logs.name"))
              .str(s("policy_arn"), s("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")));
    f.add(resource(s("aws_api_gateway_account"), s("main"))
              .expr(s("cloudwatch_role_arn"), s("aws_iam_role.api_gateway_logs.arn")));
    f.add(logGroup(in, s("api_access"), s("/aws/apigateway/${local.name}")));
    f.add(resource(s("aws_api_gateway_stage"), s("default"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("deployment_id"), s("aws_api_gateway_deployment.main.id"))
              .str(s("stage_name"), s("v1"))
              .flag(s("xray_tracing_enabled"), true)
              .block(HclBlock(s("access_log_settings"))
                         .expr(s("destination_arn"), s("aws_cloudwatch_log_group.api_access.arn"))
                         .attr(s("format"),
                               HclValue::call(s("jsonencode"),
                                              HclValue::object({{s("requestId"), text(s("$context.requestId"))},
                                                                {s("caller"), text(s("$context.identity.userArn"))},
                                                                {s("status"), text(s("$context.status"))},
                                                                {s("latency"), text(s("$context.responseLatency"))}}))))
              .attr(s("depends_on"), refs({s("aws_api_gateway_account.main")})));
    const QJsonObject size = in.size(s("serving"));
    const double peak = std::max(10.0, in.constraints.value(s("peak_rps"))
                                           .toDouble(size.value(s("capacity_rps_per_replica")).toDouble(10) *
                                                     std::max(1, size.value(s("max_replicas")).toInt(1))));
    f.add(resource(s("aws_api_gateway_method_settings"), s("all"))
              .expr(s("rest_api_id"), s("aws_api_gateway_rest_api.main.id"))
              .expr(s("stage_name"), s("aws_api_gateway_stage.default.stage_name"))
              .str(s("method_path"), s("*/*"))
              .block(HclBlock(s("settings"))
                         .num(s("throttling_rate_limit"), std::ceil(peak * 1.5))
                         .num(s("throttling_burst_limit"), std::ceil(peak * 3))
                         .flag(s("metrics_enabled"), true)));
    m.output(s("api_endpoint"), s("aws_api_gateway_stage.default.invoke_url"),
             s("Prediction API base URL (POST /predict, IAM-signed)"));
    return s("aws_api_gateway_stage.default.arn");
}

} // namespace mlops
