#include "codegen/AwsSageMaker.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

// The VpcConfig of a SageMaker API request: the job's interfaces land in the private subnets.
HclValue vpcConfig() {
    return HclValue::object({{s("Subnets"), ref(s("aws_subnet.private[*].id"))},
                             {s("SecurityGroupIds"), refs({s("aws_security_group.workloads.id")})}});
}

} // namespace

void AwsSageMaker::batchTransformModel(TerraformModule& m, HclWriter& f) {
    // Transform jobs copy the artifact at start: promoting a model means copying the approved package's artifact
    // to this key, and the next scheduled run scores with it.
    m.variable(s("batch_model_key"), s("string"), s("Key of the approved model artifact in the data bucket."),
               text(s("models/approved/model.tar.gz")));
    f.add(rolePolicy(s("batch_scoring"), s("runtime"), imagePullStatements() + vpcAccessStatements()));
    f.add(resource(s("aws_sagemaker_model"), s("batch"))
              .attr(s("name"), named(s("batch")))
              .expr(s("execution_role_arn"), s("aws_iam_role.batch_scoring.arn"))
              .flag(s("enable_network_isolation"), true) // the container sees its input and nothing else
              .block(HclBlock(s("primary_container"))
                         .expr(s("image"), s("var.serving_image"))
                         .str(s("mode"), s("SingleModel"))
                         .attr(s("model_data_url"),
                               HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/${var.batch_model_key}"))))
              .block(HclBlock(s("vpc_config"))
                         .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")}))));
    m.output(s("batch_model_name"), s("aws_sagemaker_model.batch.name"), s("Model the batch transform jobs run"));
}

void AwsSageMaker::pipeline(const RenderInput& in, TerraformModule& m) {
    HclWriter& f = m.file(s("orchestration.tf"), s("Orchestration: a SageMaker pipeline, started on a schedule (") +
                                                     in.trainingSchedule() + s(")."));
    f.add(executionRole(s("pipeline"), s("sagemaker.amazonaws.com"), s("Runs the training pipeline's steps")));
    f.add(rolePolicy(s("pipeline"), s("jobs"),
                     {{{s("sagemaker:AddTags"), s("sagemaker:CreateTrainingJob"), s("sagemaker:DescribeTrainingJob"),
                        s("sagemaker:StopTrainingJob")},
                       {accountArn(s("sagemaker"), s("training-job/*"))}},
                      {{s("iam:PassRole")}, {s("aws_iam_role.training.arn")}}}));
    // The training step runs inside the private subnets (VpcConfig below): its role places the job's interfaces.
    f.add(rolePolicy(s("training"), s("network"), vpcAccessStatements()));
    QList<QPair<QString, HclValue>> output{
        {s("S3OutputPath"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/models/"))}};
    QList<QPair<QString, HclValue>> resources{{s("InstanceType"), ref(s("var.training_instance_type"))},
                                              {s("InstanceCount"), ref(s("var.training_instance_count"))},
                                              {s("VolumeSizeInGB"), HclValue::num(50)}};
    if (in.customerManagedKeys()) {
        output.append({s("KmsKeyId"), ref(kmsArn(in))});
        resources.append({s("VolumeKmsKeyId"), ref(kmsArn(in))});
    }
    const HclValue train = HclValue::object(
        {{s("Name"), text(s("Train"))},
         {s("Type"), text(s("Training"))},
         {s("Arguments"),
          HclValue::object({{s("RoleArn"), ref(s("aws_iam_role.training.arn"))},
                            {s("AlgorithmSpecification"),
                             HclValue::object({{s("TrainingImage"), ref(s("var.training_image"))},
                                               {s("TrainingInputMode"), text(s("File"))}})},
                            {s("ResourceConfig"), HclValue::object(resources)},
                            {s("OutputDataConfig"), HclValue::object(output)},
                            {s("StoppingCondition"), HclValue::object({{s("MaxRuntimeInSeconds"),
                                                                        ref(s("var.training_max_runtime_seconds"))}})},
                            {s("VpcConfig"), vpcConfig()},
                            {s("EnableInterContainerTrafficEncryption"), HclValue::boolean(true)}})}});
    f.add(resource(s("aws_sagemaker_pipeline"), s("training"))
              .attr(s("pipeline_name"), named(s("training")))
              .attr(s("pipeline_display_name"), named(s("training")))
              .str(s("pipeline_description"), s("Train, evaluate and register a model"))
              .expr(s("role_arn"), s("aws_iam_role.pipeline.arn"))
              .attr(s("pipeline_definition"),
                    HclValue::call(s("jsonencode"), HclValue::object({{s("Version"), text(s("2020-12-01"))},
                                                                      {s("Steps"), HclValue::list({train})}}))));
    scheduledStart(in, f, s("training"), s("Starts the training pipeline on schedule"),
                   s("sagemaker:StartPipelineExecution"), s("aws_sagemaker_pipeline.training.arn"));
    m.output(s("training_pipeline"), s("aws_sagemaker_pipeline.training.pipeline_name"),
             s("SageMaker pipeline that trains the model"));
}

HclBlock AwsSageMaker::pipelineFailedAlarm() {
    return resource(s("aws_cloudwatch_metric_alarm"), s("pipeline_failed"))
        .attr(s("alarm_name"), named(s("pipeline-failed")))
        .str(s("namespace"), s("AWS/Sagemaker/ModelBuildingPipeline"))
        .str(s("metric_name"), s("ExecutionFailed"))
        .str(s("statistic"), s("Sum"))
        .num(s("period"), 3600)
        .num(s("evaluation_periods"), 1)
        .num(s("threshold"), 0)
        .str(s("comparison_operator"), s("GreaterThanThreshold"))
        .str(s("treat_missing_data"), s("notBreaching"))
        .attr(s("dimensions"),
              HclValue::object({{s("PipelineName"), ref(s("aws_sagemaker_pipeline.training.pipeline_name"))}}))
        .attr(s("alarm_actions"), refs({s("aws_sns_topic.alerts.arn")}));
}

void AwsSageMaker::studioDomain(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("notebooks"));
    m.variable(s("notebook_instance_type"), s("string"), s("Default JupyterLab instance type (from the plan)."),
               text(sageMakerInstanceType(size.value(s("instance_type")).toString(s("t3.medium")))));
    HclWriter& f = m.file(s("notebooks.tf"),
                          s("Notebooks: ") + in.component(s("notebooks")).value(s("service")).toString() +
                              s("\nVPC only (no internet path from notebooks), IAM sign-in, home volumes encrypted."));
    f.add(executionRole(s("notebooks"), s("sagemaker.amazonaws.com"),
                        s("Identity of the data scientists' notebook apps")));
    f.add(dataAccessPolicy(in, s("notebooks"), true));
    // Studio apps talk to the domain's EFS volume and to each other; nothing else reaches them.
    f.add(resource(s("aws_security_group"), s("notebooks"))
              .attr(s("name"), named(s("notebooks")))
              .str(s("description"), s("Studio apps: NFS and app traffic among themselves, AWS APIs through endpoints"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("NFS to the home volumes"))
                         .num(s("from_port"), 2049)
                         .num(s("to_port"), 2049)
                         .str(s("protocol"), s("tcp"))
                         .flag(s("self"), true))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("Between Studio apps"))
                         .num(s("from_port"), 8192)
                         .num(s("to_port"), 65535)
                         .str(s("protocol"), s("tcp"))
                         .flag(s("self"), true))
              .block(vpcEgress())
              .block(s3GatewayEgress()));
    interfaceEndpoint(m, s("sagemaker_api"), s("sagemaker.api"));
    interfaceEndpoint(m, s("sagemaker_runtime"), s("sagemaker.runtime"));
    interfaceEndpoint(m, s("sagemaker_studio"), s("aws.sagemaker.${var.region}.studio"));
    interfaceEndpoint(m, s("sts"), s("sts"));
    HclBlock domain = resource(s("aws_sagemaker_domain"), s("studio"));
    domain.attr(s("domain_name"), named(s("studio")))
        .str(s("auth_mode"), s("IAM"))
        .str(s("app_network_access_type"), s("VpcOnly"))
        .expr(s("vpc_id"), s("aws_vpc.main.id"))
        .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")));
    if (in.customerManagedKeys())
        domain.expr(s("kms_key_id"), kmsArn(in));
    domain
        .block(HclBlock(s("default_user_settings"))
                   .expr(s("execution_role"), s("aws_iam_role.notebooks.arn"))
                   .attr(s("security_groups"), refs({s("aws_security_group.notebooks.id")}))
                   .block(HclBlock(s("jupyter_lab_app_settings"))
                              .block(HclBlock(s("default_resource_spec"))
                                         .expr(s("instance_type"), s("var.notebook_instance_type")))))
        .block(HclBlock(s("default_space_settings"))
                   .expr(s("execution_role"), s("aws_iam_role.notebooks.arn"))
                   .attr(s("security_groups"), refs({s("aws_security_group.notebooks.id")})))
        .block(HclBlock(s("retention_policy")).str(s("home_efs_file_system"), s("Retain")))
        .attr(s("depends_on"), refs({s("aws_vpc_endpoint.sagemaker_api"), s("aws_vpc_endpoint.sagemaker_studio")}));
    f.add(domain);
    m.output(s("studio_domain_id"), s("aws_sagemaker_domain.studio.id"),
             s("SageMaker Studio domain (add user profiles per data scientist)"));
    m.output(s("studio_url"), s("aws_sagemaker_domain.studio.url"),
             s("Studio sign-in URL (reachable from inside the VPC only)"));
}

void AwsSageMaker::modelMonitor(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    m.variable(s("monitor_instance_type"), s("string"), s("Instance type of the data-quality monitoring job."),
               text(s("ml.m5.xlarge")));
    f.add(data(s("aws_sagemaker_prebuilt_ecr_image"), s("model_monitor"))
              .str(s("repository_name"), s("sagemaker-model-monitor-analyzer")));
    f.add(executionRole(s("model_monitor"), s("sagemaker.amazonaws.com"), s("Runs the data-quality monitoring jobs")));
    // Reads captured requests and the training baseline, writes reports; the processing-job logs; the network.
    QList<Statement> st{
        {{s("s3:ListBucket")}, {s("aws_s3_bucket.data.arn")}},
        {{s("s3:GetObject")},
         {s("\"${aws_s3_bucket.data.arn}/capture/*\""), s("\"${aws_s3_bucket.data.arn}/monitoring/baseline/*\"")}},
        {{s("s3:PutObject")}, {s("\"${aws_s3_bucket.data.arn}/monitoring/reports/*\"")}},
        {{s("logs:CreateLogStream"), s("logs:PutLogEvents")},
         {accountArn(s("logs"), s("log-group:/aws/sagemaker/ProcessingJobs:*"))}},
        {{s("ecr:GetAuthorizationToken")}, {s("\"*\"")}}};
    if (in.customerManagedKeys())
        st.append({{s("kms:Decrypt"), s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    f.add(rolePolicy(s("model_monitor"), s("jobs"), st + vpcAccessStatements()));
    HclBlock output(s("data_quality_job_output_config"));
    if (in.customerManagedKeys())
        output.expr(s("kms_key_id"), kmsArn(in));
    output.block(HclBlock(s("monitoring_outputs"))
                     .block(HclBlock(s("s3_output"))
                                .attr(s("s3_uri"),
                                      HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/monitoring/reports")))
                                .str(s("s3_upload_mode"), s("EndOfJob"))));
    HclBlock cluster(s("cluster_config"));
    cluster.num(s("instance_count"), 1)
        .expr(s("instance_type"), s("var.monitor_instance_type"))
        .num(s("volume_size_in_gb"), 20);
    if (in.customerManagedKeys())
        cluster.expr(s("volume_kms_key_id"), kmsArn(in));
    // The analyzer reads request/response records under capture/ (JSON lines in SageMaker's data-capture layout)
    // and compares them with the training baseline. A SageMaker endpoint captures them itself (endpoint_input names
    // it); a model server of our own writes the same layout there (batch_transform_input, policy below).
    const bool endpoint = in.serviceOf(s("serving")) == ServiceId::AwsSagemakerEndpoint && in.onlineServing();
    HclBlock input(s("data_quality_job_input"));
    if (endpoint)
        input.block(HclBlock(s("endpoint_input"))
                        .expr(s("endpoint_name"), s("aws_sagemaker_endpoint.serving.name"))
                        .str(s("local_path"), s("/opt/ml/processing/input/endpoint")));
    else
        input.block(HclBlock(s("batch_transform_input"))
                        .attr(s("data_captured_destination_s3_uri"),
                              HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/capture")))
                        .block(HclBlock(s("dataset_format")).block(HclBlock(s("json")).flag(s("line"), true))));
    f.add(
        resource(s("aws_sagemaker_data_quality_job_definition"), s("drift"))
            .attr(s("name"), named(s("drift")))
            .expr(s("role_arn"), s("aws_iam_role.model_monitor.arn"))
            .block(HclBlock(s("data_quality_app_specification"))
                       .expr(s("image_uri"), s("data.aws_sagemaker_prebuilt_ecr_image.model_monitor.registry_path")))
            .block(HclBlock(s("data_quality_baseline_config"))
                       .block(HclBlock(s("constraints_resource"))
                                  .attr(s("s3_uri"),
                                        HclValue::interpolated(s(
                                            "s3://${aws_s3_bucket.data.bucket}/monitoring/baseline/constraints.json"))))
                       .block(HclBlock(s("statistics_resource"))
                                  .attr(s("s3_uri"),
                                        HclValue::interpolated(s(
                                            "s3://${aws_s3_bucket.data.bucket}/monitoring/baseline/statistics.json")))))
            .block(input)
            .block(output)
            .block(HclBlock(s("job_resources")).block(cluster))
            .block(HclBlock(s("network_config"))
                       .flag(s("enable_network_isolation"), true)
                       .flag(s("enable_inter_container_traffic_encryption"), true)
                       .block(HclBlock(s("vpc_config"))
                                  .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                                  .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")}))))
            .block(HclBlock(s("stopping_condition")).num(s("max_runtime_in_seconds"), 3600)));
    f.add(resource(s("aws_sagemaker_monitoring_schedule"), s("drift"))
              .attr(s("name"), named(s("drift")))
              .block(HclBlock(s("monitoring_schedule_config"))
                         .expr(s("monitoring_job_definition_name"),
                               s("aws_sagemaker_data_quality_job_definition.drift.name"))
                         .str(s("monitoring_type"), s("DataQuality"))
                         .block(HclBlock(s("schedule_config")).str(s("schedule_expression"), s("cron(0 * ? * * *)")))));
    if (in.has(s("serving")) && in.onlineServing() && !endpoint) // the endpoint's role already writes capture/
        f.add(rolePolicy(s("serving_task"), s("capture"),
                         {{{s("s3:PutObject")}, {s("\"${aws_s3_bucket.data.arn}/capture/*\"")}}}));
    m.output(s("model_monitor_schedule"), s("aws_sagemaker_monitoring_schedule.drift.name"),
             s("Hourly data-quality check of live requests against the training baseline"));
}

} // namespace mlops
