#include "codegen/AwsDataPipeline.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/AwsDataServices.h"
#include "codegen/AwsEntryPoints.h"
#include "codegen/AwsKafka.h"
#include "codegen/AwsKubernetes.h"
#include "codegen/AwsMlflowOnFargate.h"
#include "codegen/AwsRetrieval.h"
#include "codegen/AwsSageMaker.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

// serving() puts an online model server on ECS; MLflow on Fargate then shares its cluster.
bool servingOnEcs(const RenderInput& in) {
    return in.has(s("serving")) && in.serviceOf(s("serving")) != in.serviceOf(s("streaming")) && in.onlineServing() &&
           in.serviceOf(s("serving")) != ServiceId::AwsLambdaFunction &&
           in.serviceOf(s("serving")) != ServiceId::AwsEksNodeGroup &&
           in.serviceOf(s("serving")) != ServiceId::AwsSagemakerEndpoint;
}

// The security configuration every Glue job and crawler names: with the data key, S3 output (SSE-KMS), the job's
// CloudWatch logs and its bookmarks (CSE-KMS) are encrypted with it, and the role `roleName` may associate the key
// with the /aws-glue/ log groups Glue writes (the key policy lets CloudWatch Logs use it for them) and encrypt
// bookmarks. Without a customer-managed key S3 output is SSE-S3; logs and bookmarks then have no key to use.
void glueSecurityConfiguration(const RenderInput& in, HclWriter& f, const QString& roleName) {
    const bool cmk = in.customerManagedKeys();
    HclBlock cloudWatch(s("cloudwatch_encryption"));
    HclBlock bookmarks(s("job_bookmarks_encryption"));
    HclBlock s3(s("s3_encryption"));
    if (cmk) {
        cloudWatch.str(s("cloudwatch_encryption_mode"), s("SSE-KMS")).expr(s("kms_key_arn"), kmsArn(in));
        bookmarks.str(s("job_bookmarks_encryption_mode"), s("CSE-KMS")).expr(s("kms_key_arn"), kmsArn(in));
        s3.str(s("s3_encryption_mode"), s("SSE-KMS")).expr(s("kms_key_arn"), kmsArn(in));
    } else {
        cloudWatch.str(s("cloudwatch_encryption_mode"), s("DISABLED"));
        bookmarks.str(s("job_bookmarks_encryption_mode"), s("DISABLED"));
        s3.str(s("s3_encryption_mode"), s("SSE-S3"));
    }
    HclBlock configuration = resource(s("aws_glue_security_configuration"), s("main"));
    if (!cmk)
        suppress(configuration, s("CKV_AWS_99"),
                 s("no compliance in the plan asks for a customer-managed key, which log and bookmark encryption "
                   "need; S3 output is SSE-S3"));
    f.add(configuration.attr(s("name"), named(s("glue")))
              .block(HclBlock(s("encryption_configuration")).block(cloudWatch).block(bookmarks).block(s3)));
    if (cmk)
        f.add(rolePolicy(roleName, s("glue_encryption"),
                         {{{s("logs:AssociateKmsKey")}, {accountArn(s("logs"), s("log-group:/aws-glue/*"))}},
                          {{s("kms:Decrypt"), s("kms:Encrypt"), s("kms:GenerateDataKey")}, {kmsArn(in)}}}));
}

} // namespace

void AwsDataPipeline::ingestion(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("ingestion"));
    const QString service = in.serviceOf(s("ingestion"));
    HclWriter& f =
        m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(s("ingestion")).value(s("service")).toString());
    if (service == ServiceId::AwsMskCluster) {
        AwsKafka::cluster(in, m, f);
        return;
    }
    if (service == ServiceId::AwsBatchJobDefinition) {
        AwsRetrieval::documentIngestion(in, m, f);
        return;
    }
    if (service == ServiceId::AwsIotThingGroup) {
        AwsEntryPoints::deviceFleet(in, m, f);
        return;
    }
    if (service == ServiceId::AwsKinesisStream) {
        HclBlock stream = resource(s("aws_kinesis_stream"), s("events"));
        stream.attr(s("name"), named(s("events")))
            .num(s("shard_count"), std::max(1, size.value(s("units")).toInt(1)))
            .num(s("retention_period"), 24)
            .str(s("encryption_type"), s("KMS"))
            .attr(s("kms_key_id"), in.customerManagedKeys() ? ref(kmsArn(in)) : text(s("alias/aws/kinesis")))
            .block(HclBlock(s("stream_mode_details")).str(s("stream_mode"), s("PROVISIONED")));
        f.add(stream);
        m.output(s("event_stream_name"), s("aws_kinesis_stream.events.name"), s("Kinesis stream producers write to"));
        return;
    }
    f.add(executionRole(s("ingestion"), s("glue.amazonaws.com"), s("Runs the ingestion job")));
    f.add(dataAccessPolicy(in, s("ingestion"), true));
    glueSecurityConfiguration(in, f, s("ingestion"));
    f.add(resource(s("aws_glue_job"), s("ingest"))
              .attr(s("name"), named(s("ingest")))
              .expr(s("role_arn"), s("aws_iam_role.ingestion.arn"))
              .expr(s("security_configuration"), s("aws_glue_security_configuration.main.name"))
              .str(s("glue_version"), s("4.0"))
              .str(s("worker_type"), s("G.1X"))
              .num(s("number_of_workers"), std::max(2, size.value(s("workers")).toInt(2)))
              .block(HclBlock(s("command"))
                         .str(s("name"), s("glueetl"))
                         .attr(s("script_location"),
                               HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/jobs/ingest.py")))
                         .str(s("python_version"), s("3"))));
}

void AwsDataPipeline::streaming(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("streaming")))
        return;
    const QJsonObject size = in.size(s("streaming"));
    HclWriter& f = m.file(s("streaming.tf"),
                          s("Stream processing: ") + in.component(s("streaming")).value(s("service")).toString());
    f.add(executionRole(s("streaming"), s("kinesisanalytics.amazonaws.com"),
                        s("Runs the Flink feature/scoring application")));
    f.add(dataAccessPolicy(in, s("streaming"), true));
    f.add(resource(s("aws_kinesisanalyticsv2_application"), s("stream"))
              .attr(s("name"), named(s("stream")))
              .str(s("runtime_environment"), s("FLINK-1_18"))
              .expr(s("service_execution_role"), s("aws_iam_role.streaming.arn"))
              .block(HclBlock(s("application_configuration"))
                         .block(HclBlock(s("application_code_configuration"))
                                    .str(s("code_content_type"), s("ZIPFILE"))
                                    .block(HclBlock(s("code_content"))
                                               .block(HclBlock(s("s3_content_location"))
                                                          .expr(s("bucket_arn"), s("aws_s3_bucket.data.arn"))
                                                          .str(s("file_key"), s("jobs/stream-processor.zip")))))
                         .block(HclBlock(s("flink_application_configuration"))
                                    .block(HclBlock(s("parallelism_configuration"))
                                               .str(s("configuration_type"), s("CUSTOM"))
                                               .num(s("parallelism"), std::max(1, size.value(s("units")).toInt(1)))
                                               .flag(s("auto_scaling_enabled"), true)))
                         .block(HclBlock(s("vpc_configuration"))
                                    .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
                                    .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")})))));
}

void AwsDataPipeline::features(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("features")))
        return;
    const QString service = in.serviceOf(s("features"));
    if (service == ServiceId::AwsDynamodbTable) {
        AwsDataServices::keyValueTable(in, m, s("features"));
        return;
    }
    HclWriter& f =
        m.file(s("features.tf"), s("Features: ") + in.component(s("features")).value(s("service")).toString());
    if (service == ServiceId::AwsGlueCatalogTable) {
        AwsDataServices::offlineFeatureTables(in, m, f);
        return;
    }
    if (service == ServiceId::AwsOpensearchserverlessCollection) {
        AwsRetrieval::vectorCollection(in, m, f);
        return;
    }
    if (service == ServiceId::AwsSagemakerFeatureGroup) {
        f.add(executionRole(s("features"), s("sagemaker.amazonaws.com"), s("Writes the offline feature store")));
        f.add(dataAccessPolicy(in, s("features"), true));
        HclBlock online(s("online_store_config"));
        online.flag(s("enable_online_store"), true);
        if (in.customerManagedKeys())
            online.block(HclBlock(s("security_config")).expr(s("kms_key_id"), kmsArn(in)));
        HclBlock offline(s("offline_store_config"));
        HclBlock s3(s("s3_storage_config"));
        s3.attr(s("s3_uri"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/features/")));
        if (in.customerManagedKeys())
            s3.expr(s("kms_key_id"), kmsArn(in));
        offline.block(s3);
        f.add(resource(s("aws_sagemaker_feature_group"), s("entity"))
                  .attr(s("feature_group_name"), named(s("entity")))
                  .str(s("record_identifier_feature_name"), s("entity_id"))
                  .str(s("event_time_feature_name"), s("event_time"))
                  .expr(s("role_arn"), s("aws_iam_role.features.arn"))
                  .block(HclBlock(s("feature_definition"))
                             .str(s("feature_name"), s("entity_id"))
                             .str(s("feature_type"), s("String")))
                  .block(HclBlock(s("feature_definition"))
                             .str(s("feature_name"), s("event_time"))
                             .str(s("feature_type"), s("String")))
                  .block(online)
                  .block(offline));
        return;
    }
    f.add(resource(s("aws_glue_catalog_database"), s("features"))
              .attr(s("name"), HclValue::interpolated(s("${replace(local.name, \"-\", \"_\")}_features")))
              .attr(s("location_uri"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/features/"))));
}

void AwsDataPipeline::training(const RenderInput& in, TerraformModule& m) {
    if (managedFoundationModel(in)) {
        AwsRetrieval::foundationModel(in, m);
        return;
    }
    if (in.serviceOf(s("training")) == ServiceId::AwsEksNodeGroup) {
        HclWriter& f =
            m.file(s("training.tf"), s("Training: ") + in.component(s("training")).value(s("service")).toString() +
                                         s("\nJobs run as pods on this node group, which is empty between runs."));
        AwsKubernetes::nodeGroup(in, m, f, s("training"));
        return;
    }
    const QJsonObject size = in.size(s("training"));
    const QString instance = sageMakerInstanceType(size.value(s("instance_type")).toString(s("m5.xlarge")));
    m.variable(s("training_instance_type"), s("string"), s("Instance type of the training jobs (from the plan)."),
               text(instance));
    m.variable(s("training_image"), s("string"), s("Training image (pushed by CI)."), text(s("")));
    m.variable(s("training_max_runtime_seconds"), s("number"),
               s("Upper bound of one training run (twice the planned hours)."),
               HclValue::num(std::max(3600.0, size.value(s("hours_per_run")).toDouble(1) * 7200.0)));
    m.variable(s("training_instance_count"), s("number"), s("Workers per training job (from the plan)."),
               HclValue::num(std::max(1, size.value(s("workers")).toInt(1))));
    HclWriter& f = m.file(s("training.tf"),
                          s("Training: ") + in.component(s("training")).value(s("service")).toString() +
                              s("\nJobs are started by the orchestrator with the role below; sizes are variables."));
    f.add(executionRole(s("training"), s("sagemaker.amazonaws.com"), s("Runs training jobs")));
    f.add(dataAccessPolicy(in, s("training"), true));
    f.add(logGroup(in, s("training"), s("/aws/sagemaker/TrainingJobs/${local.name}")));
    m.output(s("training_role_arn"), s("aws_iam_role.training.arn"), s("Role the training jobs assume"));
}

void AwsDataPipeline::orchestration(const RenderInput& in, TerraformModule& m) {
    if (in.serviceOf(s("orchestration")) == ServiceId::AwsSagemakerPipeline) {
        AwsSageMaker::pipeline(in, m);
        return;
    }
    if (in.serviceOf(s("orchestration")).startsWith(QLatin1String("helm_release.")))
        return; // an in-cluster orchestrator (Argo Workflows): no AWS resources of its own
    if (managedFoundationModel(in) && in.serviceOf(s("ingestion")) == ServiceId::AwsBatchJobDefinition) {
        AwsRetrieval::ingestionSchedule(in, m);
        return;
    }
    HclWriter& f = m.file(s("orchestration.tf"),
                          s("Orchestration: the training pipeline on a schedule (") + in.trainingSchedule() + s(")."));
    f.add(executionRole(s("pipeline"), s("states.amazonaws.com"), s("Runs the training pipeline state machine")));
    f.add(resource(s("aws_iam_role_policy"), s("pipeline_jobs"))
              .attr(s("name"), named(s("pipeline-jobs")))
              .expr(s("role"), s("aws_iam_role.pipeline.id"))
              .attr(s("policy"), awsPolicy({{{s("sagemaker:CreateTrainingJob"), s("sagemaker:DescribeTrainingJob"),
                                              s("sagemaker:StopTrainingJob")},
                                             {s("\"arn:aws:sagemaker:${var.region}:${data.aws_caller_identity.current."
                                                "account_id}:training-job/${local.name}-*\"")}},
                                            {{s("iam:PassRole")}, {s("aws_iam_role.training.arn")}}})));
    QList<QPair<QString, HclValue>> outputConfig{
        {s("S3OutputPath"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/models/"))}};
    if (in.customerManagedKeys())
        outputConfig.append({s("KmsKeyId"), ref(kmsArn(in))});
    const HclValue definition = HclValue::call(
        s("jsonencode"),
        HclValue::object(
            {{s("Comment"), text(s("Train, evaluate and register a model"))},
             {s("StartAt"), text(s("Train"))},
             {s("States"),
              HclValue::object(
                  {{s("Train"),
                    HclValue::object(
                        {{s("Type"), text(s("Task"))},
                         {s("Resource"), text(s("arn:aws:states:::sagemaker:createTrainingJob.sync"))},
                         {s("Parameters"),
                          HclValue::object(
                              {{s("RoleArn"), ref(s("aws_iam_role.training.arn"))},
                               {s("TrainingJobName.$"),
                                text(s("States.Format('") + in.project() + s("-{}', $$.Execution.Name)"))},
                               {s("AlgorithmSpecification"),
                                HclValue::object({{s("TrainingImage"), ref(s("var.training_image"))},
                                                  {s("TrainingInputMode"), text(s("File"))}})},
                               {s("ResourceConfig"),
                                HclValue::object({{s("InstanceType"), ref(s("var.training_instance_type"))},
                                                  {s("InstanceCount"), ref(s("var.training_instance_count"))},
                                                  {s("VolumeSizeInGB"), HclValue::num(50)}})},
                               {s("OutputDataConfig"), HclValue::object(outputConfig)},
                               {s("StoppingCondition"),
                                HclValue::object(
                                    {{s("MaxRuntimeInSeconds"), ref(s("var.training_max_runtime_seconds"))}})}})},
                         {s("End"), HclValue::boolean(true)}})}})}}));
    observedStateMachine(in, f,
                         resource(s("aws_sfn_state_machine"), s("training"))
                             .attr(s("name"), named(s("training")))
                             .expr(s("role_arn"), s("aws_iam_role.pipeline.arn"))
                             .attr(s("definition"), definition),
                         s("training"), s("pipeline"));
    scheduledStart(in, f, s("training"), s("Starts the training pipeline on schedule"), s("states:StartExecution"),
                   s("aws_sfn_state_machine.training.arn"));
}

void AwsDataPipeline::tracking(const RenderInput& in, TerraformModule& m) {
    if (in.has(s("tracking")) && in.serviceOf(s("tracking")) == ServiceId::AwsEcsService)
        AwsMlflowOnFargate::render(in, m, servingOnEcs(in));
    if (in.has(s("tracking")) && in.serviceOf(s("tracking")) == ServiceId::AwsSagemakerMlflowTrackingServer) {
        HclWriter& f = m.file(s("tracking.tf"), s("Experiment tracking: managed MLflow"));
        f.add(executionRole(s("tracking"), s("sagemaker.amazonaws.com"), s("MLflow tracking server artifact access")));
        f.add(dataAccessPolicy(in, s("tracking"), true));
        f.add(resource(s("aws_sagemaker_mlflow_tracking_server"), s("main"))
                  .attr(s("tracking_server_name"), named(s("mlflow")))
                  .attr(s("artifact_store_uri"), HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/mlflow")))
                  .expr(s("role_arn"), s("aws_iam_role.tracking.arn"))
                  .str(s("tracking_server_size"), s("Small")));
        m.output(s("mlflow_tracking_server"), s("aws_sagemaker_mlflow_tracking_server.main.tracking_server_url"),
                 s("MLflow tracking URL"));
    }
    if (in.has(s("registry")))
        m.file(s("registry.tf"), s("Model registry: promotion to production needs an approved model package."))
            .add(resource(s("aws_sagemaker_model_package_group"), s("models"))
                     .attr(s("model_package_group_name"), named(s("models")))
                     .str(s("model_package_group_description"), s("Approved models of ") + in.project()));
}

} // namespace mlops
