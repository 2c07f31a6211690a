#include "codegen/AwsRetrieval.h"

#include "codegen/AwsBuildingBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

namespace {

QString modelArn(const QString& variable) {
    return s("\"arn:aws:bedrock:${var.region}::foundation-model/${") + variable + s("}\"");
}

bool hasCollection(const RenderInput& in) {
    return in.serviceOf(s("features")) == ServiceId::AwsOpensearchserverlessCollection;
}

} // namespace

void AwsRetrieval::documentIngestion(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("ingestion"));
    // Fargate takes 1, 2, 4, 8 or 16 vCPU; 4 GB per vCPU is a valid memory size for each of them.
    int vcpu = 1;
    while (vcpu < 16 && vcpu * 2 <= size.value(s("vcpu")).toInt(1))
        vcpu *= 2;
    m.variable(s("ingestion_image"), s("string"), s("Image of the chunking/embedding job (pushed by CI)."),
               text(s("")));
    m.variable(s("embedding_model_id"), s("string"), s("Bedrock embedding model the job and the server use."),
               text(s("amazon.titan-embed-text-v2:0")));
    m.variable(s("ingestion_max_vcpus"), s("number"),
               s("Upper bound of the Fargate capacity the ingestion queue may use."), HclValue::num(vcpu * 4));
    f.add(logGroup(in, s("ingestion"), s("/aws/batch/${local.name}-ingestion")));
    f.add(executionRole(s("ingestion_job"), s("ecs-tasks.amazonaws.com"), s("Identity of the chunking/embedding job")));
    f.add(dataAccessPolicy(in, s("ingestion_job"), true));
    QList<Statement> job{{{s("bedrock:InvokeModel")}, {modelArn(s("var.embedding_model_id"))}}};
    if (hasCollection(in))
        job.append({{s("aoss:APIAccessAll")}, {s("aws_opensearchserverless_collection.vectors.arn")}});
    f.add(rolePolicy(s("ingestion_job"), s("embed"), job));
    f.add(executionRole(s("ingestion_execution"), s("ecs-tasks.amazonaws.com"),
                        s("Pulls the job image and writes its logs")));
    f.add(resource(s("aws_iam_role_policy_attachment"), s("ingestion_execution"))
              .expr(s("role"), s("aws_iam_role.ingestion_execution.name"))
              .str(s("policy_arn"), s("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")));
    // No service_role: AWS Batch uses its service-linked role.
    f.add(resource(s("aws_batch_compute_environment"), s("ingestion"))
              .attr(s("compute_environment_name"), named(s("ingestion")))
              .str(s("type"), s("MANAGED"))
              .block(HclBlock(s("compute_resources"))
                         .str(s("type"), s("FARGATE"))
                         .expr(s("max_vcpus"), s("var.ingestion_max_vcpus"))
                         .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_group_ids"), refs({s("aws_security_group.workloads.id")}))));
    f.add(resource(s("aws_batch_job_queue"), s("ingestion"))
              .attr(s("name"), named(s("ingestion")))
              .str(s("state"), s("ENABLED"))
              .num(s("priority"), 1)
              .block(HclBlock(s("compute_environment_order"))
                         .num(s("order"), 1)
                         .expr(s("compute_environment"), s("aws_batch_compute_environment.ingestion.arn"))));
    QList<QPair<QString, HclValue>> env{{s("DATA_BUCKET"), ref(s("aws_s3_bucket.data.bucket"))},
                                        {s("EMBEDDING_MODEL_ID"), ref(s("var.embedding_model_id"))}};
    if (hasCollection(in))
        env.append({s("VECTOR_ENDPOINT"), ref(s("aws_opensearchserverless_collection.vectors.collection_endpoint"))});
    QList<HclValue> envList;
    for (const auto& [name, value] : env)
        envList.append(HclValue::object({{s("name"), text(name)}, {s("value"), value}}));
    const HclValue container = HclValue::call(
        s("jsonencode"),
        HclValue::object(
            {{s("image"), ref(s("var.ingestion_image"))},
             {s("command"), HclValue::strings({s("python"), s("-m"), s("pipelines.ingest_documents")})},
             {s("jobRoleArn"), ref(s("aws_iam_role.ingestion_job.arn"))},
             {s("executionRoleArn"), ref(s("aws_iam_role.ingestion_execution.arn"))},
             {s("resourceRequirements"),
              HclValue::list(
                  {HclValue::object({{s("type"), text(s("VCPU"))}, {s("value"), text(QString::number(vcpu))}}),
                   HclValue::object(
                       {{s("type"), text(s("MEMORY"))}, {s("value"), text(QString::number(vcpu * 4096))}})})},
             {s("environment"), HclValue::list(envList)},
             {s("readonlyRootFilesystem"), HclValue::boolean(true)},
             {s("networkConfiguration"), HclValue::object({{s("assignPublicIp"), text(s("DISABLED"))}})},
             {s("fargatePlatformConfiguration"), HclValue::object({{s("platformVersion"), text(s("LATEST"))}})},
             {s("logConfiguration"), awsLogsConfiguration(s("ingestion"), s("ingest"))}}));
    const double hours = std::max(1.0, size.value(s("hours_per_run")).toDouble(1));
    f.add(
        resource(s("aws_batch_job_definition"), s("ingestion"))
            .attr(s("name"), named(s("ingestion")))
            .str(s("type"), s("container"))
            .attr(s("platform_capabilities"), HclValue::strings({s("FARGATE")}))
            .attr(s("container_properties"), container)
            .block(HclBlock(s("retry_strategy")).num(s("attempts"), 2))
            .block(
                HclBlock(s("timeout")).num(s("attempt_duration_seconds"), hours * 2 * 3600))); // twice the planned run
    // Fargate pulls the image and ships logs over these; the job calls Bedrock over the last one.
    interfaceEndpoint(m, s("ecr_api"), s("ecr.api"));
    interfaceEndpoint(m, s("ecr_dkr"), s("ecr.dkr"));
    interfaceEndpoint(m, s("logs"), s("logs"));
    interfaceEndpoint(m, s("bedrock_runtime"), s("bedrock-runtime"));
    m.output(s("ingestion_job_queue"), s("aws_batch_job_queue.ingestion.name"),
             s("Queue the document ingestion job runs on"));
    m.output(s("ingestion_job_definition"), s("aws_batch_job_definition.ingestion.arn"),
             s("Document chunking/embedding job"));
}

void AwsRetrieval::vectorCollection(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    // Collection and policy names are limited to 32 lower-case characters.
    f.add(HclBlock(s("locals"))
              .attr(s("vector_collection"), HclValue::interpolated(s("${substr(local.name, 0, 24)}-vectors"))));
    QList<QPair<QString, HclValue>> encryption{
        {s("Rules"),
         HclValue::list({HclValue::object({{s("ResourceType"), text(s("collection"))},
                                           {s("Resource"), HclValue::list({HclValue::interpolated(
                                                               s("collection/${local.vector_collection}"))})}})})}};
    if (in.customerManagedKeys())
        encryption.append({s("KmsARN"), ref(kmsArn(in))});
    else
        encryption.append({s("AWSOwnedKey"), HclValue::boolean(true)});
    f.add(resource(s("aws_opensearchserverless_security_policy"), s("vectors_encryption"))
              .expr(s("name"), s("local.vector_collection"))
              .str(s("type"), s("encryption"))
              .attr(s("policy"), HclValue::call(s("jsonencode"), HclValue::object(encryption))));
    f.add(resource(s("aws_opensearchserverless_vpc_endpoint"), s("vectors"))
              .expr(s("name"), s("local.vector_collection"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .attr(s("subnet_ids"), ref(s("aws_subnet.private[*].id")))
              .attr(s("security_group_ids"), refs({endpointSecurityGroup(m)})));
    // Reachable from the VPC endpoint only: no public access to the collection or its dashboards.
    const HclValue collectionResource =
        HclValue::list({HclValue::interpolated(s("collection/${local.vector_collection}"))});
    f.add(resource(s("aws_opensearchserverless_security_policy"), s("vectors_network"))
              .expr(s("name"), s("local.vector_collection"))
              .str(s("type"), s("network"))
              .attr(s("policy"),
                    HclValue::call(
                        s("jsonencode"),
                        HclValue::list({HclValue::object(
                            {{s("Rules"), HclValue::list({HclValue::object({{s("ResourceType"), text(s("collection"))},
                                                                            {s("Resource"), collectionResource}})})},
                             {s("AllowFromPublic"), HclValue::boolean(false)},
                             {s("SourceVPCEs"), refs({s("aws_opensearchserverless_vpc_endpoint.vectors.id")})}})}))));
    // Index data: the ingestion job writes, the model server reads.
    QStringList writers;
    if (in.has(s("ingestion")) && in.serviceOf(s("ingestion")) == ServiceId::AwsBatchJobDefinition)
        writers << s("aws_iam_role.ingestion_job.arn");
    QList<HclValue> rules{HclValue::object(
        {{s("Rules"),
          HclValue::list({HclValue::object(
              {{s("ResourceType"), text(s("index"))},
               {s("Resource"), HclValue::list({HclValue::interpolated(s("index/${local.vector_collection}/*"))})},
               {s("Permission"),
                HclValue::strings({s("aoss:CreateIndex"), s("aoss:DescribeIndex"), s("aoss:ReadDocument"),
                                   s("aoss:UpdateIndex"), s("aoss:WriteDocument")})}})})},
         {s("Principal"), refs(writers.isEmpty() ? QStringList{s("aws_iam_role.training.arn")} : writers)}})};
    if (in.has(s("serving")) && in.onlineServing())
        rules.append(HclValue::object(
            {{s("Rules"),
              HclValue::list({HclValue::object(
                  {{s("ResourceType"), text(s("index"))},
                   {s("Resource"), HclValue::list({HclValue::interpolated(s("index/${local.vector_collection}/*"))})},
                   {s("Permission"), HclValue::strings({s("aoss:DescribeIndex"), s("aoss:ReadDocument")})}})})},
             {s("Principal"), refs({s("aws_iam_role.serving_task.arn")})}}));
    f.add(resource(s("aws_opensearchserverless_access_policy"), s("vectors"))
              .expr(s("name"), s("local.vector_collection"))
              .str(s("type"), s("data"))
              .attr(s("policy"), HclValue::call(s("jsonencode"), HclValue::list(rules))));
    // Two OCUs as planned: without standby replicas (the catalogue's two-unit sizing); a higher availability
    // target turns them on.
    const bool redundant = in.size(s("features")).value(s("units")).toInt(2) > 2 ||
                           in.constraints.value(s("availability_target")).toDouble() >= 99.95;
    f.add(resource(s("aws_opensearchserverless_collection"), s("vectors"))
              .expr(s("name"), s("local.vector_collection"))
              .str(s("type"), s("VECTORSEARCH"))
              .str(s("standby_replicas"), redundant ? s("ENABLED") : s("DISABLED"))
              .attr(s("depends_on"), refs({s("aws_opensearchserverless_security_policy.vectors_encryption"),
                                           s("aws_opensearchserverless_security_policy.vectors_network")})));
    if (in.has(s("serving")) && in.onlineServing())
        f.add(rolePolicy(s("serving_task"), s("vectors"),
                         {{{s("aoss:APIAccessAll")}, {s("aws_opensearchserverless_collection.vectors.arn")}}}));
    m.output(s("vector_endpoint"), s("aws_opensearchserverless_collection.vectors.collection_endpoint"),
             s("Vector collection endpoint (through the VPC endpoint)"));
}

void AwsRetrieval::foundationModel(const RenderInput& in, TerraformModule& m) {
    HclWriter& f =
        m.file(s("training.tf"),
               s("Model: ") + in.component(s("training")).value(s("service")).toString() +
                   s("\nNothing is trained: the server calls the foundation model; every invocation is logged."));
    m.variable(s("llm_model_id"), s("string"), s("Bedrock model the server calls."),
               text(s("anthropic.claude-3-haiku-20240307-v1:0")));
    f.add(logGroup(in, s("bedrock_invocations"), s("/aws/bedrock/${local.name}/invocations")));
    f.add(executionRole(s("bedrock_logging"), s("bedrock.amazonaws.com"), s("Lets Bedrock write the invocation log")));
    f.add(rolePolicy(s("bedrock_logging"), s("logs"),
                     {{{s("logs:CreateLogStream"), s("logs:PutLogEvents")},
                       {s("\"${aws_cloudwatch_log_group.bedrock_invocations.arn}:*\"")}}}));
    // Prompts and completions go to the encrypted log group with the design's retention (the audit trail);
    // images and embeddings are not logged.
    f.add(resource(s("aws_bedrock_model_invocation_logging_configuration"), s("main"))
              .block(HclBlock(s("logging_config"))
                         .flag(s("text_data_delivery_enabled"), true)
                         .flag(s("image_data_delivery_enabled"), false)
                         .flag(s("embedding_data_delivery_enabled"), false)
                         .block(HclBlock(s("cloudwatch_config"))
                                    .expr(s("log_group_name"), s("aws_cloudwatch_log_group.bedrock_invocations.name"))
                                    .expr(s("role_arn"), s("aws_iam_role.bedrock_logging.arn"))))
              .attr(s("depends_on"), refs({s("aws_iam_role_policy.bedrock_logging_logs")})));
    if (in.has(s("serving")) && in.onlineServing())
        f.add(rolePolicy(s("serving_task"), s("bedrock"),
                         {{{s("bedrock:InvokeModel"), s("bedrock:InvokeModelWithResponseStream")},
                           {modelArn(s("var.llm_model_id")), modelArn(s("var.embedding_model_id"))}}}));
    interfaceEndpoint(m, s("bedrock_runtime"), s("bedrock-runtime"));
    if (!m.hasVariable(s("embedding_model_id")))
        m.variable(s("embedding_model_id"), s("string"), s("Bedrock embedding model the job and the server use."),
                   text(s("amazon.titan-embed-text-v2:0")));
    m.output(s("llm_model_id"), s("var.llm_model_id"), s("Foundation model the server calls"));
}

void AwsRetrieval::ingestionSchedule(const RenderInput& in, TerraformModule& m) {
    HclWriter& f = m.file(s("orchestration.tf"),
                          s("Orchestration: document ingestion on a schedule (") + in.trainingSchedule() + s(")."));
    f.add(executionRole(s("pipeline"), s("states.amazonaws.com"), s("Runs the ingestion state machine")));
    // .sync waits for the job through a managed EventBridge rule, which the role must be able to set up.
    f.add(rolePolicy(s("pipeline"), s("jobs"),
                     {{{s("batch:SubmitJob")},
                       {s("aws_batch_job_definition.ingestion.arn"), s("aws_batch_job_queue.ingestion.arn")}},
                      {{s("batch:DescribeJobs"), s("batch:TerminateJob")}, {s("\"*\"")}},
                      {{s("events:DescribeRule"), s("events:PutRule"), s("events:PutTargets")},
                       {accountArn(s("events"), s("rule/StepFunctionsGetEventsForBatchJobsRule"))}}}));
    const HclValue definition = HclValue::call(
        s("jsonencode"),
        HclValue::object(
            {{s("Comment"), text(s("Chunk and embed new documents into the vector collection"))},
             {s("StartAt"), text(s("Ingest"))},
             {s("States"),
              HclValue::object(
                  {{s("Ingest"),
                    HclValue::object(
                        {{s("Type"), text(s("Task"))},
                         {s("Resource"), text(s("arn:aws:states:::batch:submitJob.sync"))},
                         {s("Parameters"),
                          HclValue::object({{s("JobName"), text(s("ingest-documents"))},
                                            {s("JobDefinition"), ref(s("aws_batch_job_definition.ingestion.arn"))},
                                            {s("JobQueue"), ref(s("aws_batch_job_queue.ingestion.arn"))}})},
                         {s("End"), HclValue::boolean(true)}})}})}}));
    observedStateMachine(in, f,
                         resource(s("aws_sfn_state_machine"), s("ingestion"))
                             .attr(s("name"), named(s("ingestion")))
                             .expr(s("role_arn"), s("aws_iam_role.pipeline.arn"))
                             .attr(s("definition"), definition),
                         s("ingestion"), s("pipeline"));
    scheduledStart(in, f, s("ingestion"), s("Starts the ingestion pipeline on schedule"), s("states:StartExecution"),
                   s("aws_sfn_state_machine.ingestion.arn"));
}

} // namespace mlops
