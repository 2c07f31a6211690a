#include "codegen/AwsTerraform.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/AwsDataServices.h"
#include "codegen/AwsEntryPoints.h"
#include "codegen/AwsKafka.h"
#include "codegen/AwsKubernetes.h"
#include "codegen/AwsMlflowOnFargate.h"
#include "codegen/AwsRetrieval.h"
#include "codegen/AwsSageMaker.h"
#include "codegen/AwsSageMakerEndpoint.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

void providers(const RenderInput& in, TerraformModule& m) {
    HclWriter& f =
        m.file(s("providers.tf"), s("Providers, pinned versions and remote state (S3 with a DynamoDB lock table)."));
    f.add(HclBlock(s("terraform"))
              .str(s("required_version"), s(">= 1.6.0"))
              .block(HclBlock(s("required_providers"))
                         .attr(s("aws"), HclValue::object({{s("source"), text(s("hashicorp/aws"))},
                                                           {s("version"), text(s("~> 5.60"))}})))
              .block(HclBlock(s("backend"), {s("s3")})
                         .str(s("bucket"), in.project() + s("-tfstate"))
                         .str(s("key"), in.project() + s("/terraform.tfstate"))
                         .str(s("region"), in.region())
                         .str(s("dynamodb_table"), in.project() + s("-tflock"))
                         .flag(s("encrypt"), true)));
    f.add(HclBlock(s("provider"), {s("aws")})
              .expr(s("region"), s("var.region"))
              .block(HclBlock(s("default_tags")).expr(s("tags"), s("local.tags"))));
    f.add(HclBlock(s("locals"))
              .attr(s("name"), HclValue::interpolated(s("${var.project}-${var.environment}")))
              .attr(s("tags"), HclValue::object({{s("project"), ref(s("var.project"))},
                                                 {s("environment"), ref(s("var.environment"))},
                                                 {s("owner"), ref(s("var.owner"))},
                                                 {s("cost_center"), ref(s("var.cost_center"))},
                                                 {s("data_classification"), ref(s("var.data_classification"))},
                                                 {s("managed_by"), text(s("terraform"))}})));
    f.add(data(s("aws_caller_identity"), s("current")));
    f.add(data(s("aws_availability_zones"), s("available")).str(s("state"), s("available")));
}

void network(TerraformModule& m, int zones) {
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
              .block(HclBlock(s("egress"))
                         .str(s("description"), s("Inside the VPC"))
                         .num(s("from_port"), 0)
                         .num(s("to_port"), 0)
                         .str(s("protocol"), s("-1"))
                         .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")})))
              .block(HclBlock(s("egress"))
                         .str(s("description"), s("S3 through the gateway endpoint"))
                         .num(s("from_port"), 443)
                         .num(s("to_port"), 443)
                         .str(s("protocol"), s("tcp"))
                         .attr(s("prefix_list_ids"), refs({s("aws_vpc_endpoint.s3.prefix_list_id")}))));
}

void keys(const RenderInput& in, TerraformModule& m) {
    if (!in.customerManagedKeys())
        return;
    HclWriter& f =
        m.file(s("security.tf"),
               s("Customer-managed key for every data store (required by the compliance named in the plan)."));
    f.add(resource(s("aws_kms_key"), s("data"))
              .attr(s("description"), named(s("data")))
              .flag(s("enable_key_rotation"), true)
              .num(s("deletion_window_in_days"), 30));
    f.add(resource(s("aws_kms_alias"), s("data"))
              .attr(s("name"), HclValue::interpolated(s("alias/${local.name}-data")))
              .expr(s("target_key_id"), s("aws_kms_key.data.key_id")));
    m.output(s("kms_key_arn"), s("aws_kms_key.data.arn"), s("Customer-managed key encrypting the data stores"));
}

void storage(const RenderInput& in, TerraformModule& m) {
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
                           {{s("Bool"), HclValue::object({{s("aws:SecureTransport"), text(s("false"))}})}}}};
    HclValue policy = awsPolicy(deny);
    f.add(resource(s("aws_s3_bucket_policy"), s("data_tls_only"))
              .expr(s("bucket"), s("aws_s3_bucket.data.id"))
              .attr(s("policy"), policy));
    m.output(s("data_bucket"), s("aws_s3_bucket.data.bucket"), s("Data lake bucket name"));
}

void ingestion(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("ingestion"));
    const QString service = serviceOf(in, s("ingestion"));
    HclWriter& f =
        m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(s("ingestion")).value(s("service")).toString());
    if (service == QLatin1String("aws_msk_cluster")) {
        AwsKafka::cluster(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_batch_job_definition")) {
        AwsRetrieval::documentIngestion(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_iot_thing_group")) {
        AwsEntryPoints::deviceFleet(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_kinesis_stream")) {
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
    f.add(resource(s("aws_glue_job"), s("ingest"))
              .attr(s("name"), named(s("ingest")))
              .expr(s("role_arn"), s("aws_iam_role.ingestion.arn"))
              .str(s("glue_version"), s("4.0"))
              .str(s("worker_type"), s("G.1X"))
              .num(s("number_of_workers"), std::max(2, size.value(s("workers")).toInt(2)))
              .block(HclBlock(s("command"))
                         .str(s("name"), s("glueetl"))
                         .attr(s("script_location"),
                               HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/jobs/ingest.py")))
                         .str(s("python_version"), s("3"))));
}

void streaming(const RenderInput& in, TerraformModule& m) {
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

void features(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("features")))
        return;
    const QString service = serviceOf(in, s("features"));
    if (service == QLatin1String("aws_dynamodb_table")) {
        AwsDataServices::keyValueTable(in, m, s("features"));
        return;
    }
    HclWriter& f =
        m.file(s("features.tf"), s("Features: ") + in.component(s("features")).value(s("service")).toString());
    if (service == QLatin1String("aws_glue_catalog_table")) {
        AwsDataServices::offlineFeatureTables(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_opensearchserverless_collection")) {
        AwsRetrieval::vectorCollection(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_sagemaker_feature_group")) {
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

// A design that calls a managed foundation model trains nothing: training.tf describes the model it calls.
bool managedFoundationModel(const RenderInput& in) {
    return serviceOf(in, s("training")) == QLatin1String("aws_bedrock_model_invocation_logging_configuration");
}

void training(const RenderInput& in, TerraformModule& m) {
    if (managedFoundationModel(in)) {
        AwsRetrieval::foundationModel(in, m);
        return;
    }
    if (serviceOf(in, s("training")) == QLatin1String("aws_eks_node_group")) {
        HclWriter& f =
            m.file(s("training.tf"), s("Training: ") + in.component(s("training")).value(s("service")).toString() +
                                         s("\nJobs run as pods on this node group, which is empty between runs."));
        AwsKubernetes::nodeGroup(in, m, f, s("training"));
        return;
    }
    const QJsonObject size = in.size(s("training"));
    QString instance = size.value(s("instance_type")).toString(s("m5.xlarge"));
    if (!instance.startsWith(QLatin1String("ml.")))
        instance.prepend(s("ml.")); // SageMaker names its instance types with an ml. prefix
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

void orchestration(const RenderInput& in, TerraformModule& m) {
    if (serviceOf(in, s("orchestration")) == QLatin1String("aws_sagemaker_pipeline")) {
        AwsSageMaker::pipeline(in, m);
        return;
    }
    if (serviceOf(in, s("orchestration")).startsWith(QLatin1String("helm_release.")))
        return; // an in-cluster orchestrator (Argo Workflows): no AWS resources of its own
    if (managedFoundationModel(in) && serviceOf(in, s("ingestion")) == QLatin1String("aws_batch_job_definition")) {
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
    f.add(resource(s("aws_sfn_state_machine"), s("training"))
              .attr(s("name"), named(s("training")))
              .expr(s("role_arn"), s("aws_iam_role.pipeline.arn"))
              .attr(s("definition"), definition));
    scheduledStart(in, f, s("training"), s("Starts the training pipeline on schedule"), s("states:StartExecution"),
                   s("aws_sfn_state_machine.training.arn"));
}

// serving() puts an online model server on ECS; MLflow on Fargate then shares its cluster.
bool servingOnEcs(const RenderInput& in) {
    return in.has(s("serving")) && serviceOf(in, s("serving")) != serviceOf(in, s("streaming")) && in.onlineServing() &&
           serviceOf(in, s("serving")) != QLatin1String("aws_lambda_function") &&
           serviceOf(in, s("serving")) != QLatin1String("aws_eks_node_group") &&
           serviceOf(in, s("serving")) != QLatin1String("aws_sagemaker_endpoint");
}

void tracking(const RenderInput& in, TerraformModule& m) {
    if (in.has(s("tracking")) && serviceOf(in, s("tracking")) == QLatin1String("aws_ecs_service"))
        AwsMlflowOnFargate::render(in, m, servingOnEcs(in));
    if (in.has(s("tracking")) &&
        serviceOf(in, s("tracking")) == QLatin1String("aws_sagemaker_mlflow_tracking_server")) {
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

void serving(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("serving"));
    const QString service = serviceOf(in, s("serving"));
    if (!in.has(s("serving")) || service == serviceOf(in, s("streaming")))
        return;
    // The edge runtime is a Greengrass component CI publishes (the AWS provider has no Greengrass v2 resource); the
    // devices' download permission is in ingestion.tf. A SageMaker batch role here would be a stand-in.
    if (service == QLatin1String("aws_greengrassv2_component_version"))
        return;
    QString header = s("Serving: ") + in.component(s("serving")).value(s("service")).toString();
    if (service == QLatin1String("aws_sagemaker_endpoint") && in.onlineServing())
        header += s(
            "\nNo public address: callers sign InvokeEndpoint with IAM (the invoke policy below) and reach the "
            "runtime\n"
            "through the VPC interface endpoint; a WAF needs an HTTP front door, which the gateway role provides when\n"
            "the plan has one (gateway.tf).");
    HclWriter& f = m.file(s("serving.tf"), header);
    if (service == QLatin1String("aws_eks_node_group")) {
        AwsKubernetes::nodeGroup(in, m, f, s("serving"));
        return;
    }
    m.variable(s("serving_image"), s("string"), s("Container image of the model server (pushed by CI)."), text(s("")));
    if (!in.onlineServing()) {
        QString instance = size.value(s("instance_type")).toString(s("m6i.xlarge"));
        if (service == QLatin1String("aws_sagemaker_model") && !instance.startsWith(QLatin1String("ml.")))
            instance.prepend(s("ml.")); // transform jobs take SageMaker's ml.-prefixed instance types
        m.variable(s("batch_instance_type"), s("string"), s("Instance type of the batch scoring job (from the plan)."),
                   text(instance));
        f.add(executionRole(s("batch_scoring"), s("sagemaker.amazonaws.com"), s("Runs batch transform jobs")));
        f.add(dataAccessPolicy(in, s("batch_scoring"), true));
        if (service == QLatin1String("aws_sagemaker_model"))
            AwsSageMaker::batchTransformModel(m, f);
        m.output(s("batch_scoring_config"),
                 s("{ instance_type = var.batch_instance_type, image = var.serving_image, role_arn = "
                   "aws_iam_role.batch_scoring.arn }"),
                 s("What the orchestrator's batch transform step runs with"));
        return;
    }
    if (service == QLatin1String("aws_lambda_function")) {
        AwsEntryPoints::lambdaServing(in, m, f);
        return;
    }
    if (service == QLatin1String("aws_sagemaker_endpoint")) {
        AwsSageMakerEndpoint::render(in, m, f);
        return;
    }
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
    f.add(resource(s("aws_appautoscaling_target"), s("serving"))
              .num(s("min_capacity"), replicas)
              .num(s("max_capacity"), maxReplicas)
              .attr(s("resource_id"),
                    HclValue::interpolated(s("service/${aws_ecs_cluster.main.name}/${aws_ecs_service.serving.name}")))
              .str(s("scalable_dimension"), s("ecs:service:DesiredCount"))
              .str(s("service_namespace"), s("ecs")));
    f.add(resource(s("aws_appautoscaling_policy"), s("serving_cpu"))
              .attr(s("name"), named(s("serving-cpu")))
              .str(s("policy_type"), s("TargetTrackingScaling"))
              .expr(s("resource_id"), s("aws_appautoscaling_target.serving.resource_id"))
              .expr(s("scalable_dimension"), s("aws_appautoscaling_target.serving.scalable_dimension"))
              .expr(s("service_namespace"), s("aws_appautoscaling_target.serving.service_namespace"))
              .block(HclBlock(s("target_tracking_scaling_policy_configuration"))
                         .num(s("target_value"), 60)
                         .block(HclBlock(s("predefined_metric_specification"))
                                    .str(s("predefined_metric_type"), s("ECSServiceAverageCPUUtilization")))));
}

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

void gateway(const RenderInput& in, TerraformModule& m) {
    if (!in.has(s("gateway")) || !in.onlineServing())
        return;
    const QJsonObject cfg = in.config(s("gateway"));
    if (serviceOf(in, s("serving")) == QLatin1String("aws_sagemaker_endpoint")) {
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
    const bool function = serviceOf(in, s("serving")) == QLatin1String("aws_lambda_function");
    const bool waf = cfg.value(s("waf")).toBool() && !function; // WAF attaches to load balancers, not to HTTP APIs
    if (serviceOf(in, s("gateway")) == QLatin1String("aws_lb")) {
        HclWriter& f = m.file(s("gateway.tf"),
                              s("Entry point: internal load balancer the cluster's model-server pods are bound to") +
                                  QString(waf ? s(", WAF") : QString()) + s("."));
        AwsKubernetes::ingress(m, f);
        if (waf)
            webAcl(f);
        return;
    }
    if (serviceOf(in, s("gateway")) == QLatin1String("aws_route53_record")) {
        HclWriter& f =
            m.file(s("gateway.tf"), s("Entry point: latency-routed DNS to each region's internal load balancer") +
                                        QString(waf ? s(", WAF") : QString()) + s("."));
        AwsEntryPoints::latencyRecord(m, f);
        if (waf)
            webAcl(f);
        return;
    }
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

void monitoring(const RenderInput& in, TerraformModule& m) {
    HclWriter& f = m.file(s("monitoring.tf"), s("Monitoring: alerts to an encrypted topic; logs kept ") +
                                                  QString::number(in.logRetentionDays()) + s(" days."));
    HclBlock topic = resource(s("aws_sns_topic"), s("alerts"));
    topic.attr(s("name"), named(s("alerts")))
        .attr(s("kms_master_key_id"), in.customerManagedKeys() ? ref(kmsArn(in)) : text(s("alias/aws/sns")));
    f.add(topic);
    if (in.onlineServing() && serviceOf(in, s("serving")) == QLatin1String("aws_lambda_function")) {
        AwsEntryPoints::lambdaAlarms(in, f);
    } else if (in.onlineServing() && serviceOf(in, s("serving")) == QLatin1String("aws_sagemaker_endpoint")) {
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
        managedFoundationModel(in) && serviceOf(in, s("ingestion")) == QLatin1String("aws_batch_job_definition");
    if (serviceOf(in, s("orchestration")) == QLatin1String("aws_sagemaker_pipeline"))
        f.add(AwsSageMaker::pipelineFailedAlarm());
    else if (!serviceOf(in, s("orchestration")).startsWith(QLatin1String("helm_release.")))
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
    if (serviceOf(in, s("monitoring")) == QLatin1String("aws_sagemaker_monitoring_schedule"))
        AwsSageMaker::modelMonitor(in, m, f);
    if (serviceOf(in, s("monitoring")) == QLatin1String("aws_prometheus_workspace"))
        AwsKubernetes::prometheus(in, m, f);
}

void delivery(const RenderInput& in, TerraformModule& m) {
    m.variable(s("github_repository"), s("string"), s("owner/name of the repository whose main branch may deploy."),
               text(s("example-org/") + in.project()));
    HclWriter& f =
        m.file(s("ci_cd.tf"),
               s("CI/CD identity: GitHub Actions exchanges its OIDC token for a short-lived role; no stored keys."));
    f.add(resource(s("aws_iam_openid_connect_provider"), s("github"))
              .str(s("url"), s("https://token.actions.githubusercontent.com"))
              .attr(s("client_id_list"), HclValue::strings({s("sts.amazonaws.com")}))
              .attr(s("thumbprint_list"), HclValue::strings({s("6938fd4d98bab03faadb97b34396831e3780aea1")})));
    const HclValue trust = HclValue::call(
        s("jsonencode"),
        HclValue::object(
            {{s("Version"), text(s("2012-10-17"))},
             {s("Statement"),
              HclValue::list({HclValue::object(
                  {{s("Effect"), text(s("Allow"))},
                   {s("Action"), text(s("sts:AssumeRoleWithWebIdentity"))},
                   {s("Principal"),
                    HclValue::object({{s("Federated"), ref(s("aws_iam_openid_connect_provider.github.arn"))}})},
                   {s("Condition"),
                    HclValue::object({{s("StringEquals"),
                                       HclValue::object({{s("token.actions.githubusercontent.com:sub"),
                                                          HclValue::interpolated(
                                                              s("repo:${var.github_repository}:ref:refs/heads/main"))},
                                                         {s("token.actions.githubusercontent.com:aud"),
                                                          text(s("sts.amazonaws.com"))}})}})}})})}}));
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

} // namespace

void AwsTerraform::render(const RenderInput& in, TerraformModule& m) {
    int zones = 2; // an internal load balancer needs two zones even when the plan asks for one
    for (const QJsonValue& c : in.components())
        zones = std::max(zones, c.toObject().value(s("size")).toObject().value(s("zones")).toInt());
    if (serviceOf(in, s("ingestion")) == QLatin1String("aws_msk_cluster"))
        zones = std::max(zones, 3); // one MSK broker per zone, three brokers as the catalogue sizes it
    providers(in, m);
    network(m, zones);
    keys(in, m);
    storage(in, m); // every design keeps data and artifacts in the lake bucket
    if (AwsKubernetes::planned(in))
        AwsKubernetes::cluster(in, m);
    ingestion(in, m);
    streaming(in, m);
    features(in, m);
    training(in, m);
    orchestration(in, m);
    tracking(in, m);
    if (in.has(s("notebooks")) && serviceOf(in, s("notebooks")) == QLatin1String("aws_sagemaker_domain"))
        AwsSageMaker::studioDomain(in, m);
    serving(in, m);
    if (serviceOf(in, s("online_store")) == QLatin1String("aws_dynamodb_table"))
        AwsDataServices::keyValueTable(in, m, s("online_store"));
    gateway(in, m);
    monitoring(in, m);
    delivery(in, m);
}

} // namespace mlops
