#include "codegen/AwsServing.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/AwsEntryPoints.h"
#include "codegen/AwsKubernetes.h"
#include "codegen/AwsSageMaker.h"
#include "codegen/AwsSageMakerEndpoint.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

// Managed common rules in front of the entry point (the internal load balancer, or the REST API's stage).
void webAcl(HclWriter& f, const QString& protectedArn = s("aws_lb.serving.arn")) {
    f.add(resource(s("aws_wafv2_web_acl"), s("serving"))
              .attr(s("name"), named(s("waf")))
              .str(s("scope"), s("REGIONAL"))
              .block(HclBlock(s("default_action")).block(HclBlock(s("allow"))))
              .block(HclBlock(s("rule"))
                         .str(s("name"), s("aws-common"))
                         .num(s("priority"), 1)
                         .block(HclBlock(s("override_action")).block(HclBlock(s("none"))))
                         .block(HclBlock(s("statement"))
                                    .block(HclBlock(s("managed_rule_group_statement"))
                                               .str(s("name"), s("AWSManagedRulesCommonRuleSet"))
                                               .str(s("vendor_name"), s("AWS"))))
                         .block(HclBlock(s("visibility_config"))
                                    .flag(s("cloudwatch_metrics_enabled"), true)
                                    .str(s("metric_name"), s("aws-common"))
                                    .flag(s("sampled_requests_enabled"), true)))
              .block(HclBlock(s("visibility_config"))
                         .flag(s("cloudwatch_metrics_enabled"), true)
                         .str(s("metric_name"), s("waf"))
                         .flag(s("sampled_requests_enabled"), true)));
    f.add(resource(s("aws_wafv2_web_acl_association"), s("serving"))
              .expr(s("resource_arn"), protectedArn)
              .expr(s("web_acl_arn"), s("aws_wafv2_web_acl.serving.arn")));
}

// Offline scoring: the batch transform role and sizes the orchestrator's scoring step runs with.
void batchScoring(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const QString service = in.serviceOf(s("serving"));
    QString instance = size.value(s("instance_type")).toString(s("m6i.xlarge"));
    if (service == ServiceId::AwsSagemakerModel)
        instance = sageMakerInstanceType(instance); // transform jobs take SageMaker's ml.-prefixed instance types
    m.variable(s("batch_instance_type"), s("string"), s("Instance type of the batch scoring job (from the plan)."),
               text(instance));
    f.add(executionRole(s("batch_scoring"), s("sagemaker.amazonaws.com"), s("Runs batch transform jobs")));
    f.add(dataAccessPolicy(in, s("batch_scoring"), true));
    if (service == ServiceId::AwsSagemakerModel)
        AwsSageMaker::batchTransformModel(m, f);
    m.output(s("batch_scoring_config"),
             s("{ instance_type = var.batch_instance_type, image = var.serving_image, role_arn = "
               "aws_iam_role.batch_scoring.arn }"),
             s("What the orchestrator's batch transform step runs with"));
}

// The online model server on ECS Fargate behind the internal load balancer, autoscaled on CPU between the plan's
// replica counts.
void ecsService(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const int maxReplicas = std::max(replicas, size.value(s("max_replicas")).toInt(replicas));
    const int cpu = std::clamp(size.value(s("vcpu")).toInt(1), 1, 4) * 1024; // Fargate tasks go up to 4 vCPU here
    const int memory = std::clamp(int(size.value(s("memory_gb")).toDouble(2)), 2, 30) * 1024;
    f.add(logGroup(in, s("serving"), s("/ecs/${local.name}-serving")));
    f.add(resource(s("aws_ecs_cluster"), s("main"))
              .attr(s("name"), named(s("cluster")))
              .block(HclBlock(s("setting")).str(s("name"), s("containerInsights")).str(s("value"), s("enabled"))));
    f.add(executionRole(s("serving_task"), s("ecs-tasks.amazonaws.com"), s("Identity of the model server")));
    f.add(dataAccessPolicy(in, s("serving_task"), false));
    f.add(executionRole(s("serving_execution"), s("ecs-tasks.amazonaws.com"), s("Pulls the image and writes logs")));
    // Fargate pulls the image and ships logs from the private subnets through these (no NAT in this design).
    interfaceEndpoint(m, s("ecr_api"), s("ecr.api"));
    interfaceEndpoint(m, s("ecr_dkr"), s("ecr.dkr"));
    interfaceEndpoint(m, s("logs"), s("logs"));
    f.add(resource(s("aws_iam_role_policy_attachment"), s("serving_execution"))
              .expr(s("role"), s("aws_iam_role.serving_execution.name"))
              .str(s("policy_arn"), s("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")));
    const HclValue containers = HclValue::call(
        s("jsonencode"),
        HclValue::list({HclValue::object(
            {{s("name"), text(s("model-server"))},
             {s("image"), ref(s("var.serving_image"))},
             {s("essential"), HclValue::boolean(true)},
             {s("portMappings"), HclValue::list({HclValue::object(
                                     {{s("containerPort"), HclValue::num(8080)}, {s("protocol"), text(s("tcp"))}})})},
             {s("readonlyRootFilesystem"), HclValue::boolean(true)},
             {s("logConfiguration"), awsLogsConfiguration(s("serving"), s("server"))}})}));
    f.add(resource(s("aws_ecs_task_definition"), s("serving"))
              .attr(s("family"), named(s("serving")))
              .attr(s("requires_compatibilities"), HclValue::strings({s("FARGATE")}))
              .str(s("network_mode"), s("awsvpc"))
              .str(s("cpu"), QString::number(cpu))
              .str(s("memory"), QString::number(memory))
              .expr(s("task_role_arn"), s("aws_iam_role.serving_task.arn"))
              .expr(s("execution_role_arn"), s("aws_iam_role.serving_execution.arn"))
              .attr(s("container_definitions"), containers));
    internalLoadBalancer(m, f);
    f.add(resource(s("aws_ecs_service"), s("serving"))
              .attr(s("name"), named(s("serving")))
              .expr(s("cluster"), s("aws_ecs_cluster.main.id"))
              .expr(s("task_definition"), s("aws_ecs_task_definition.serving.arn"))
              .num(s("desired_count"), replicas)
              .str(s("launch_type"), s("FARGATE"))
              .block(HclBlock(s("network_configuration"))
                         .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_groups"), refs({s("aws_security_group.workloads.id")}))
                         .flag(s("assign_public_ip"), false))
              .block(HclBlock(s("load_balancer"))
                         .expr(s("target_group_arn"), s("aws_lb_target_group.serving.arn"))
                         .str(s("container_name"), s("model-server"))
                         .num(s("container_port"), 8080)));
    servingAutoscaling(f, s("service/${aws_ecs_cluster.main.name}/${aws_ecs_service.serving.name}"),
                       s("ecs:service:DesiredCount"), s("ecs"), replicas, maxReplicas, s("serving_cpu"),
                       HclBlock(s("target_tracking_scaling_policy_configuration"))
                           .num(s("target_value"), 60)
                           .block(HclBlock(s("predefined_metric_specification"))
                                      .str(s("predefined_metric_type"), s("ECSServiceAverageCPUUtilization"))));
}

// The HTTP API in front of the model server (VPC link to the internal load balancer) or the serving function: JWT
// authorizer on the caller's OIDC tokens, throttling sized from the planned peak, access logs.
void httpApi(const RenderInput& in, TerraformModule& m, bool function, bool waf) {
    HclWriter& f = m.file(s("gateway.tf"), s("Entry point: authenticated HTTPS API, ") +
                                               QString(function ? s("proxy to the serving function")
                                                                : s("private link to the internal load balancer")) +
                                               QString(waf ? s(", WAF") : QString()) + s("."));
    m.variable(s("oidc_issuer"), s("string"), s("Issuer URL of the identity provider that signs caller tokens."),
               text(s("")));
    m.variable(s("oidc_audience"), s("list(string)"), s("Accepted token audiences."),
               HclValue::strings({in.project()}));
    f.add(resource(s("aws_apigatewayv2_api"), s("main"))
              .attr(s("name"), named(s("api")))
              .str(s("protocol_type"), s("HTTP"))
              .flag(s("disable_execute_api_endpoint"), false));
    if (!function)
        f.add(resource(s("aws_apigatewayv2_vpc_link"), s("main"))
                  .attr(s("name"), named(s("link")))
                  .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
                  .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")})));
    f.add(resource(s("aws_apigatewayv2_authorizer"), s("jwt"))
              .expr(s("api_id"), s("aws_apigatewayv2_api.main.id"))
              .str(s("authorizer_type"), s("JWT"))
              .attr(s("name"), named(s("jwt")))
              .attr(s("identity_sources"), HclValue::strings({s("$request.header.Authorization")}))
              .block(HclBlock(s("jwt_configuration"))
                         .expr(s("audience"), s("var.oidc_audience"))
                         .expr(s("issuer"), s("var.oidc_issuer"))));
    if (function)
        AwsEntryPoints::lambdaIntegration(f);
    else
        f.add(resource(s("aws_apigatewayv2_integration"), s("serving"))
                  .expr(s("api_id"), s("aws_apigatewayv2_api.main.id"))
                  .str(s("integration_type"), s("HTTP_PROXY"))
                  .str(s("integration_method"), s("ANY"))
                  .expr(s("integration_uri"), s("aws_lb_listener.https.arn"))
                  .str(s("connection_type"), s("VPC_LINK"))
                  .expr(s("connection_id"), s("aws_apigatewayv2_vpc_link.main.id")));
    f.add(resource(s("aws_apigatewayv2_route"), s("predict"))
              .expr(s("api_id"), s("aws_apigatewayv2_api.main.id"))
              .str(s("route_key"), s("POST /predict"))
              .attr(s("target"), HclValue::interpolated(s("integrations/${aws_apigatewayv2_integration.serving.id}")))
              .str(s("authorization_type"), s("JWT"))
              .expr(s("authorizer_id"), s("aws_apigatewayv2_authorizer.jwt.id")));
    f.add(logGroup(in, s("api_access"), s("/aws/apigateway/${local.name}")));
    const QJsonObject size = in.size(s("serving"));
    const double peak = std::max(10.0, in.constraints.value(s("peak_rps"))
                                           .toDouble(size.value(s("capacity_rps_per_replica")).toDouble(10) *
                                                     std::max(1, size.value(s("max_replicas")).toInt(1))));
    f.add(
        resource(s("aws_apigatewayv2_stage"), s("default"))
            .expr(s("api_id"), s("aws_apigatewayv2_api.main.id"))
            .str(s("name"), s("$default"))
            .flag(s("auto_deploy"), true)
            .block(HclBlock(s("default_route_settings"))
                       .num(s("throttling_rate_limit"), std::ceil(peak * 1.5))
                       .num(s("throttling_burst_limit"), std::ceil(peak * 3)))
            .block(HclBlock(s("access_log_settings"))
                       .expr(s("destination_arn"), s("aws_cloudwatch_log_group.api_access.arn"))
                       .attr(s("format"),
                             HclValue::call(s("jsonencode"),
                                            HclValue::object({{s("requestId"), text(s("$context.requestId"))},
                                                              {s("status"), text(s("$context.status"))},
                                                              {s("latency"), text(s("$context.responseLatency"))}})))));
    m.output(s("api_endpoint"), s("aws_apigatewayv2_api.main.api_endpoint"), s("Prediction API base URL"));
    if (waf)
        webAcl(f);
}

} // namespace

void AwsServing::serving(const RenderInput& in, TerraformModule& m) {
    const QString service = in.serviceOf(s("serving"));
    if (!in.has(s("serving")) || service == in.serviceOf(s("streaming")))
        return;
    // The edge runtime is a Greengrass component CI publishes (the AWS provider has no Greengrass v2 resource); the
    // devices' download permission is in ingestion.tf. A SageMaker batch role here would be a stand-in.
    if (service == ServiceId::AwsGreengrassv2ComponentVersion)
        return;
    QString header = s("Serving: ") + in.component(s("serving")).value(s("service")).toString();
    if (service == ServiceId::AwsSagemakerEndpoint && in.onlineServing())
        header += s(
            "\nNo public address: callers sign InvokeEndpoint with IAM (the invoke policy below) and reach the "
            "runtime\n"
            "through the VPC interface endpoint; a WAF needs an HTTP front door, which the gateway role provides when\n"
            "the plan has one (gateway.tf).");
    HclWriter& f = m.file(s("serving.tf"), header);
    if (service == ServiceId::AwsEksNodeGroup) {
        AwsKubernetes::nodeGroup(in, m, f, s("serving"));
        return;
    }
    m.variable(s("serving_image"), s("string"), s("Container image of the model server (pushed by CI)."), text(s("")));
    if (!in.onlineServing()) {
        batchScoring(in, m, f);
        return;
    }
    if (service == ServiceId::AwsLambdaFunction) {
        AwsEntryPoints::lambdaServing(in, m, f);
        return;
    }
    if (service == ServiceId::AwsSagemakerEndpoint) {
        AwsSageMakerEndpoint::render(in, m, f);
        return;
    }
    ecsService(in, m, f);
}

void AwsServing::gateway(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("gateway")) || !in.onlineServing())
        return;
    const QJsonObject cfg = in.config(s("gateway"));
    if (in.serviceOf(s("serving")) == ServiceId::AwsSagemakerEndpoint) {
        const bool endpointWaf = cfg.value(s("waf")).toBool();
        HclWriter& f = m.file(
            s("gateway.tf"),
            s("Entry point: REST API invoking the SageMaker endpoint, IAM-authenticated") +
                QString(endpointWaf ? s(", WAF") : QString()) +
                s(".\nAn HTTP API cannot call SageMaker: its AWS integrations cover SQS, Kinesis, Step Functions, "
                  "EventBridge and\n"
                  "AppConfig only, so it would need a Lambda relay adding latency and code. A REST API's AWS "
                  "integration calls\n"
                  "runtime.sagemaker InvokeEndpoint directly with a role allowed nothing else, keeps stage throttling, "
                  "access\n"
                  "logs and WAF association, and authorizes callers with IAM (SigV4; OIDC callers federate with\n"
                  "AssumeRoleWithWebIdentity) because REST APIs have no JWT authorizer. Regional, not private: clients "
                  "outside\n"
                  "the VPC are what a gateway is for; callers inside use the runtime interface endpoint directly."));
        const QString stageArn = AwsSageMakerEndpoint::restApi(in, m, f);
        if (endpointWaf)
            webAcl(f, stageArn);
        return;
    }
    const bool function = in.serviceOf(s("serving")) == ServiceId::AwsLambdaFunction;
    const bool waf = cfg.value(s("waf")).toBool() && !function; // WAF attaches to load balancers, not to HTTP APIs
    if (in.serviceOf(s("gateway")) == ServiceId::AwsLb) {
        HclWriter& f = m.file(s("gateway.tf"),
                              s("Entry point: internal load balancer the cluster's model-server pods are bound to") +
                                  QString(waf ? s(", WAF") : QString()) + s("."));
        AwsKubernetes::ingress(m, f);
        if (waf)
            webAcl(f);
        return;
    }
    if (in.serviceOf(s("gateway")) == ServiceId::AwsRoute53Record) {
        HclWriter& f =
            m.file(s("gateway.tf"), s("Entry point: latency-routed DNS to each region's internal load balancer") +
                                        QString(waf ? s(", WAF") : QString()) + s("."));
        AwsEntryPoints::latencyRecord(m, f);
        if (waf)
            webAcl(f);
        return;
    }
    httpApi(in, m, function, waf);
}

} // namespace mlops
