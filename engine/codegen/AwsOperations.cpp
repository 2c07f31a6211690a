#include "codegen/AwsOperations.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/AwsEntryPoints.h"
#include "codegen/AwsKubernetes.h"
#include "codegen/AwsSageMaker.h"
#include "codegen/AwsSageMakerEndpoint.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsOperations::monitoring(const RenderInput& in, TerraformModule& m) {
    HclWriter& f = m.file(s("monitoring.tf"), s("Monitoring: alerts to an encrypted topic; logs kept ") +
                                                  QString::number(in.logRetentionDays()) + s(" days."));
    HclBlock topic = resource(s("aws_sns_topic"), s("alerts"));
    topic.attr(s("name"), named(s("alerts")))
        .attr(s("kms_master_key_id"), in.customerManagedKeys() ? ref(kmsArn(in)) : text(s("alias/aws/sns")));
    f.add(topic);
    if (in.onlineServing() && in.serviceOf(s("serving")) == ServiceId::AwsLambdaFunction) {
        AwsEntryPoints::lambdaAlarms(in, f);
    } else if (in.onlineServing() && in.serviceOf(s("serving")) == ServiceId::AwsSagemakerEndpoint) {
        AwsSageMakerEndpoint::alarms(in, f);
    } else if (in.onlineServing()) {
        const double latencySeconds = in.latencyP99Ms() > 0 ? in.latencyP99Ms() / 1000.0 : 0.5;
        f.add(resource(s("aws_cloudwatch_metric_alarm"), s("latency_p99"))
                  .attr(s("alarm_name"), named(s("latency-p99")))
                  .str(s("namespace"), s("AWS/ApplicationELB"))
                  .str(s("metric_name"), s("TargetResponseTime"))
                  .str(s("extended_statistic"), s("p99"))
                  .num(s("period"), 60)
                  .num(s("evaluation_periods"), 5)
                  .num(s("threshold"), latencySeconds)
                  .str(s("comparison_operator"), s("GreaterThanThreshold"))
                  .attr(s("dimensions"), HclValue::object({{s("LoadBalancer"), ref(s("aws_lb.serving.arn_suffix"))}}))
                  .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
        f.add(resource(s("aws_cloudwatch_metric_alarm"), s("errors_5xx"))
                  .attr(s("alarm_name"), named(s("5xx")))
                  .str(s("namespace"), s("AWS/ApplicationELB"))
                  .str(s("metric_name"), s("HTTPCode_Target_5XX_Count"))
                  .str(s("statistic"), s("Sum"))
                  .num(s("period"), 60)
                  .num(s("evaluation_periods"), 5)
                  .num(s("threshold"), 10)
                  .str(s("comparison_operator"), s("GreaterThanThreshold"))
                  .attr(s("dimensions"), HclValue::object({{s("LoadBalancer"), ref(s("aws_lb.serving.arn_suffix"))}}))
                  .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
    }
    const bool ingestionPipeline =
        managedFoundationModel(in) && in.serviceOf(s("ingestion")) == ServiceId::AwsBatchJobDefinition;
    if (in.serviceOf(s("orchestration")) == ServiceId::AwsSagemakerPipeline)
        f.add(AwsSageMaker::pipelineFailedAlarm());
    else if (!in.serviceOf(s("orchestration")).startsWith(QLatin1String("helm_release.")))
        f.add(resource(s("aws_cloudwatch_metric_alarm"), s("pipeline_failed"))
                  .attr(s("alarm_name"), named(s("pipeline-failed")))
                  .str(s("namespace"), s("AWS/States"))
                  .str(s("metric_name"), s("ExecutionsFailed"))
                  .str(s("statistic"), s("Sum"))
                  .num(s("period"), 3600)
                  .num(s("evaluation_periods"), 1)
                  .num(s("threshold"), 0)
                  .str(s("comparison_operator"), s("GreaterThanThreshold"))
                  .attr(s("dimensions"),
                        HclValue::object(
                            {{s("StateMachineArn"), ref(ingestionPipeline ? s("aws_sfn_state_machine.ingestion.arn")
                                                                          : s("aws_sfn_state_machine.training.arn"))}}))
                  .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")})));
    f.add(logGroup(in, s("drift"), s("/${local.name}/drift")));
    if (in.serviceOf(s("monitoring")) == ServiceId::AwsSagemakerMonitoringSchedule)
        AwsSageMaker::modelMonitor(in, m, f);
    if (in.serviceOf(s("monitoring")) == ServiceId::AwsPrometheusWorkspace)
        AwsKubernetes::prometheus(in, m, f);
}

void AwsOperations::delivery(const RenderInput& in, TerraformModule& m) {
    m.variable(s("github_repository"), s("string"), s("owner/name of the repository whose main branch may deploy."),
               text(s("example-org/") + in.project()));
    HclWriter& f =
        m.file(s("ci_cd.tf"),
               s("CI/CD identity: GitHub Actions exchanges its OIDC token for a short-lived role; no stored keys."));
    f.add(resource(s("aws_iam_openid_connect_provider"), s("github"))
              .str(s("url"), s("https://token.actions.githubusercontent.com"))
              .attr(s("client_id_list"), HclValue::strings({s("sts.amazonaws.com")}))
              .attr(s("thumbprint_list"), HclValue::strings({s("6938fd4d98bab03faadb97b34396831e3780aea1")})));
    const HclValue trust = awsTrustPolicy(
        text(s("sts:AssumeRoleWithWebIdentity")),
        {{s("Principal"), HclValue::object({{s("Federated"), ref(s("aws_iam_openid_connect_provider.github.arn"))}})},
         {s("Condition"),
          HclValue::object(
              {{s("StringEquals"),
                HclValue::object({{s("token.actions.githubusercontent.com:sub"),
                                   HclValue::interpolated(s("repo:${var.github_repository}:ref:refs/heads/main"))},
                                  {s("token.actions.githubusercontent.com:aud"), text(s("sts.amazonaws.com"))}})}})}});
    f.add(resource(s("aws_iam_role"), s("ci"))
              .attr(s("name"), named(s("ci")))
              .attr(s("assume_role_policy"), trust)
              .num(s("max_session_duration"), 3600));
    QList<Statement> st{{{s("s3:GetObject"), s("s3:PutObject")}, {s("\"${aws_s3_bucket.data.arn}/jobs/*\"")}}};
    if (in.has(s("container_registry")))
        st.append({{s("ecr:BatchCheckLayerAvailability"), s("ecr:CompleteLayerUpload"), s("ecr:InitiateLayerUpload"),
                    s("ecr:PutImage"), s("ecr:UploadLayerPart")},
                   {s("aws_ecr_repository.serving.arn")}});
    f.add(resource(s("aws_iam_role_policy"), s("ci"))
              .attr(s("name"), named(s("ci")))
              .expr(s("role"), s("aws_iam_role.ci.id"))
              .attr(s("policy"), awsPolicy(st)));
    m.output(s("ci_role_arn"), s("aws_iam_role.ci.arn"), s("Role GitHub Actions assumes through OIDC"));
    if (!in.has(s("container_registry")))
        return;
    HclWriter& r = m.file(s("container_registry.tf"), s("Container images: immutable tags, scanned on push."));
    HclBlock enc(s("encryption_configuration"));
    if (in.customerManagedKeys())
        enc.str(s("encryption_type"), s("KMS")).expr(s("kms_key"), kmsArn(in));
    else
        enc.str(s("encryption_type"), s("AES256"));
    r.add(resource(s("aws_ecr_repository"), s("serving"))
              .attr(s("name"), HclValue::interpolated(s("${local.name}/model-server")))
              .str(s("image_tag_mutability"), s("IMMUTABLE"))
              .block(HclBlock(s("image_scanning_configuration")).flag(s("scan_on_push"), true))
              .block(enc));
    m.output(s("ecr_repository_url"), s("aws_ecr_repository.serving.repository_url"),
             s("Where CI pushes the model-server image"));
}

} // namespace mlops
