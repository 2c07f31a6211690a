#include "codegen/AwsBuildingBlocks.h"

#include "codegen/ServiceIds.h"

namespace mlops::AwsBuildingBlocks {

using namespace TerraformSyntax;

bool managedFoundationModel(const RenderInput& in) {
    return in.serviceOf(s("training")) == ServiceId::AwsBedrockModelInvocationLoggingConfiguration;
}

QString kmsArn(const RenderInput& in) {
    return in.customerManagedKeys() ? s("aws_kms_key.data.arn") : QString();
}

QString accountArn(const QString& service, const QString& rest) {
    return s("\"arn:aws:") + service + s(":${var.region}:${data.aws_caller_identity.current.account_id}:") + rest +
           s("\"");
}

HclBlock executionRole(const QString& name, const QString& principal, const QString& purpose) {
    return resource(s("aws_iam_role"), name)
        .attr(s("name"), named(name))
        .str(s("description"), purpose)
        .attr(s("assume_role_policy"), awsAssumeRole(principal));
}

HclBlock dataAccessPolicy(const RenderInput& in, const QString& roleName, bool write) {
    QStringList actions{s("s3:GetObject"), s("s3:ListBucket")};
    if (write)
        actions << s("s3:PutObject");
    QList<Statement> st{{actions, {s("aws_s3_bucket.data.arn"), s("\"${aws_s3_bucket.data.arn}/*\"")}}};
    if (in.customerManagedKeys())
        st.append({{s("kms:Decrypt"), s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    return resource(s("aws_iam_role_policy"), roleName + s("_data"))
        .attr(s("name"), named(roleName + s("-data")))
        .expr(s("role"), s("aws_iam_role.") + roleName + s(".id"))
        .attr(s("policy"), awsPolicy(st));
}

HclBlock rolePolicy(const QString& roleName, const QString& suffix, const QList<Statement>& statements) {
    const QString dashed = QString(roleName + QLatin1Char('-') + suffix).replace(QLatin1Char('_'), QLatin1Char('-'));
    return resource(s("aws_iam_role_policy"), roleName + QLatin1Char('_') + suffix)
        .attr(s("name"), named(dashed))
        .expr(s("role"), s("aws_iam_role.") + roleName + s(".id"))
        .attr(s("policy"), awsPolicy(statements));
}

QList<Statement> vpcAccessStatements() {
    return {{{s("ec2:DescribeDhcpOptions"), s("ec2:DescribeNetworkInterfaces"), s("ec2:DescribeSecurityGroups"),
              s("ec2:DescribeSubnets"), s("ec2:DescribeVpcs")},
             {s("\"*\"")}},
            {{s("ec2:CreateNetworkInterface"), s("ec2:CreateNetworkInterfacePermission"),
              s("ec2:DeleteNetworkInterface"), s("ec2:DeleteNetworkInterfacePermission")},
             {s("\"*\"")},
             s("Allow"),
             {{s("ArnEquals"), HclValue::object({{s("ec2:Vpc"), ref(s("aws_vpc.main.arn"))}})}}}};
}

QString sageMakerInstanceType(QString type) {
    if (!type.startsWith(QLatin1String("ml.")))
        type.prepend(s("ml."));
    return type;
}

QList<Statement> imagePullStatements() {
    return {{{s("ecr:GetAuthorizationToken")}, {s("\"*\"")}},
            {{s("ecr:BatchCheckLayerAvailability"), s("ecr:BatchGetImage"), s("ecr:GetDownloadUrlForLayer")},
             {accountArn(s("ecr"), s("repository/${local.name}/*"))}}};
}

// CloudWatch keeps logs only for these periods (the provider rejects others, e.g. HIPAA's six years = 2190 days):
// the shortest one that is at least the retention the compliance asks for.
static int cloudWatchRetentionDays(int days) {
    static const int allowed[] = {1,   3,   5,   7,   14,   30,   60,   90,   120,  150,  180,
                                  365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};
    for (int a : allowed)
        if (a >= days)
            return a;
    return 0; // longer than ten years: never expire
}

HclBlock vpcEgress() {
    return HclBlock(s("egress"))
        .str(s("description"), s("Inside the VPC"))
        .num(s("from_port"), 0)
        .num(s("to_port"), 0)
        .str(s("protocol"), s("-1"))
        .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")}));
}

HclBlock s3GatewayEgress() {
    return HclBlock(s("egress"))
        .str(s("description"), s("S3 through the gateway endpoint"))
        .num(s("from_port"), 443)
        .num(s("to_port"), 443)
        .str(s("protocol"), s("tcp"))
        .attr(s("prefix_list_ids"), refs({s("aws_vpc_endpoint.s3.prefix_list_id")}));
}

void servingAutoscaling(HclWriter& f, const QString& resourceId, const QString& dimension,
                        const QString& serviceNamespace, int minReplicas, int maxReplicas, const QString& policy,
                        const HclBlock& tracking) {
    f.add(resource(s("aws_appautoscaling_target"), s("serving"))
              .num(s("min_capacity"), minReplicas)
              .num(s("max_capacity"), maxReplicas)
              .attr(s("resource_id"), HclValue::interpolated(resourceId))
              .str(s("scalable_dimension"), dimension)
              .str(s("service_namespace"), serviceNamespace));
    f.add(resource(s("aws_appautoscaling_policy"), policy)
              .attr(s("name"), named(QString(policy).replace(QLatin1Char('_'), QLatin1Char('-'))))
              .str(s("policy_type"), s("TargetTrackingScaling"))
              .expr(s("resource_id"), s("aws_appautoscaling_target.serving.resource_id"))
              .expr(s("scalable_dimension"), s("aws_appautoscaling_target.serving.scalable_dimension"))
              .expr(s("service_namespace"), s("aws_appautoscaling_target.serving.service_namespace"))
              .block(tracking));
}

HclBlock& suppress(HclBlock& block, const QString& checkovId, const QString& reason, const QString& ruleId) {
    block.comment(s("mlops:skip=") + (ruleId.isEmpty() ? checkovId : ruleId) + s(": ") + reason);
    block.directive(s("checkov:skip=") + checkovId + QLatin1Char(':') + reason);
    return block;
}

HclBlock logGroup(const RenderInput& in, const QString& name, const QString& path) {
    HclBlock b = resource(s("aws_cloudwatch_log_group"), name);
    const int retention = cloudWatchRetentionDays(in.logRetentionDays());
    if (!in.customerManagedKeys())
        suppress(b, s("CKV_AWS_158"),
                 s("no compliance in the plan asks for a customer-managed key; CloudWatch Logs encrypts at rest with "
                   "its own keys"));
    if (retention > 0 && retention < 365)
        suppress(b, s("CKV_AWS_338"),
                 s("retention follows the plan's log_retention_days (") + QString::number(in.logRetentionDays()) +
                     s(" days)"));
    b.attr(s("name"), HclValue::interpolated(path)).num(s("retention_in_days"), retention);
    if (in.customerManagedKeys())
        b.expr(s("kms_key_id"), kmsArn(in));
    return b;
}

namespace {

bool hasResource(const HclWriter& f, const QString& type, const QString& name) {
    for (const QJsonValue& v : f.resources()) {
        const QJsonObject r = v.toObject();
        if (r.value(s("type")).toString() == type && r.value(s("name")).toString() == name)
            return true;
    }
    return false;
}

} // namespace

QString endpointSecurityGroup(TerraformModule& m) {
    HclWriter& net = m.file(s("network.tf"));
    if (!hasResource(net, s("aws_security_group"), s("endpoints")))
        net.add(resource(s("aws_security_group"), s("endpoints"))
                    .attr(s("name"), named(s("endpoints")))
                    .str(s("description"), s("HTTPS to AWS APIs from inside the VPC only"))
                    .expr(s("vpc_id"), s("aws_vpc.main.id"))
                    .block(HclBlock(s("ingress"))
                               .str(s("description"), s("HTTPS from the VPC"))
                               .num(s("from_port"), 443)
                               .num(s("to_port"), 443)
                               .str(s("protocol"), s("tcp"))
                               .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")}))));
    return s("aws_security_group.endpoints.id");
}

void interfaceEndpoint(TerraformModule& m, const QString& name, const QString& service) {
    const QString group = endpointSecurityGroup(m);
    HclWriter& net = m.file(s("network.tf"));
    if (hasResource(net, s("aws_vpc_endpoint"), name))
        return;
    net.add(resource(s("aws_vpc_endpoint"), name)
                .expr(s("vpc_id"), s("aws_vpc.main.id"))
                .attr(s("service_name"), HclValue::interpolated(service.startsWith(QLatin1String("aws."))
                                                                    ? service
                                                                    : s("com.amazonaws.${var.region}.") + service))
                .str(s("vpc_endpoint_type"), s("Interface"))
                .flag(s("private_dns_enabled"), true)
                .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
                .attr(s("security_group_ids"), refs({group})));
}

HclValue awsLogsConfiguration(const QString& logGroup, const QString& streamPrefix) {
    return HclValue::object(
        {{s("logDriver"), text(s("awslogs"))},
         {s("options"),
          HclValue::object({{s("awslogs-group"), ref(s("aws_cloudwatch_log_group.") + logGroup + s(".name"))},
                            {s("awslogs-region"), ref(s("var.region"))},
                            {s("awslogs-stream-prefix"), text(streamPrefix)}})}});
}

void scheduledStart(const RenderInput& in, HclWriter& f, const QString& name, const QString& purpose,
                    const QString& startAction, const QString& targetArn) {
    f.add(executionRole(s("scheduler"), s("scheduler.amazonaws.com"), purpose));
    f.add(resource(s("aws_iam_role_policy"), s("scheduler_start"))
              .attr(s("name"), named(s("scheduler-start")))
              .expr(s("role"), s("aws_iam_role.scheduler.id"))
              .attr(s("policy"), awsPolicy({{{startAction}, {targetArn}}})));
    // EventBridge cron has six fields and wants "?" for the day of week when the day of month is "*".
    f.add(
        resource(s("aws_scheduler_schedule"), name)
            .attr(s("name"), named(name))
            .str(s("schedule_expression"),
                 s("cron(") + in.trainingSchedule() + s(" *)").replace(s("* * *)"), s("* ? *)")))
            .block(HclBlock(s("flexible_time_window")).str(s("mode"), s("OFF")))
            .block(
                HclBlock(s("target")).expr(s("arn"), targetArn).expr(s("role_arn"), s("aws_iam_role.scheduler.arn"))));
}

void observedStateMachine(const RenderInput& in, HclWriter& f, HclBlock machine, const QString& name,
                          const QString& roleName) {
    const QString group = s("states_") + name;
    // Step Functions delivers through CloudWatch vended logs, whose groups sit under /aws/vendedlogs/.
    f.add(logGroup(in, group, s("/aws/vendedlogs/states/${local.name}-") + name));
    f.add(rolePolicy(roleName, name + s("_observability"),
                     {{{s("logs:CreateLogDelivery"), s("logs:DeleteLogDelivery"), s("logs:DescribeLogGroups"),
                        s("logs:DescribeResourcePolicies"), s("logs:GetLogDelivery"), s("logs:ListLogDeliveries"),
                        s("logs:PutResourcePolicy"), s("logs:UpdateLogDelivery")},
                       {s("\"*\"")}},
                      {{s("xray:GetSamplingRules"), s("xray:GetSamplingTargets"), s("xray:PutTelemetryRecords"),
                        s("xray:PutTraceSegments")},
                       {s("\"*\"")}}}));
    f.add(machine
              .block(HclBlock(s("logging_configuration"))
                         .attr(s("log_destination"),
                               HclValue::interpolated(s("${aws_cloudwatch_log_group.") + group + s(".arn}:*")))
                         .flag(s("include_execution_data"), true)
                         .str(s("level"), s("ALL")))
              .block(HclBlock(s("tracing_configuration")).flag(s("enabled"), true)));
}

void internalLoadBalancer(TerraformModule& m, HclWriter& f) {
    m.variable(s("serving_certificate_arn"), s("string"), s("ACM certificate of the internal HTTPS listener."),
               text(s("")));
    f.add(resource(s("aws_lb"), s("serving"))
              .attr(s("name"), named(s("lb")))
              .flag(s("internal"), true)
              .str(s("load_balancer_type"), s("application"))
              .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
              .attr(s("security_groups"), refs({s("aws_security_group.workloads.id")}))
              .flag(s("drop_invalid_header_fields"), true));
    f.add(resource(s("aws_lb_target_group"), s("serving"))
              .attr(s("name"), named(s("tg")))
              .num(s("port"), 8080)
              .str(s("protocol"), s("HTTP"))
              .str(s("target_type"), s("ip"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("health_check")).str(s("path"), s("/healthz")).str(s("matcher"), s("200"))));
    f.add(resource(s("aws_lb_listener"), s("https"))
              .expr(s("load_balancer_arn"), s("aws_lb.serving.arn"))
              .num(s("port"), 443)
              .str(s("protocol"), s("HTTPS"))
              .str(s("ssl_policy"), s("ELBSecurityPolicy-TLS13-1-2-2021-06"))
              .expr(s("certificate_arn"), s("var.serving_certificate_arn"))
              .block(HclBlock(s("default_action"))
                         .str(s("type"), s("forward"))
                         .expr(s("target_group_arn"), s("aws_lb_target_group.serving.arn"))));
}

} // namespace mlops::AwsBuildingBlocks
