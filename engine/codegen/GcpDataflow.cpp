#include "codegen/GcpDataflow.h"

#include "codegen/GcpBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace GcpBlocks;

namespace {

// Dataflow workers exchange shuffle data on these ports; only workers (network tag "dataflow") may reach each other.
HclBlock workerFirewall() {
    return resource(s("google_compute_firewall"), s("dataflow_workers"))
        .attr(s("name"), named(s("dataflow-workers")))
        .expr(s("network"), s("google_compute_network.main.name"))
        .str(s("direction"), s("INGRESS"))
        .attr(s("source_tags"), HclValue::strings({s("dataflow")}))
        .attr(s("target_tags"), HclValue::strings({s("dataflow")}))
        .block(
            HclBlock(s("allow")).str(s("protocol"), s("tcp")).attr(s("ports"), HclValue::strings({s("12345-12346")})));
}

HclValue bucketPath(const QString& path) {
    return HclValue::interpolated(s("gs://${google_storage_bucket.data.name}/") + path);
}

} // namespace

bool GcpDataflow::streamingJob(const RenderInput& in) {
    return in.has(s("streaming")) && in.serviceOf(s("streaming")) == ServiceId::GoogleDataflowFlexTemplateJob;
}

bool GcpDataflow::batchIngestion(const RenderInput& in) {
    return in.serviceOf(s("ingestion")) == ServiceId::GoogleDataflowFlexTemplateJob;
}

bool GcpDataflow::any(const RenderInput& in) {
    return streamingJob(in) || batchIngestion(in);
}

void GcpDataflow::renderWorkerAccess(const RenderInput& in, TerraformModule& m) {
    if (!any(in))
        return;
    // Dataflow's service agent encrypts job state with the data key (worker disks use Compute Engine's grant).
    m.file(s("security.tf"))
        .add(keyAccessForAgent(
            s("dataflow"),
            s("service-${data.google_project.current.number}@dataflow-service-producer-prod.iam.gserviceaccount.com")));
    m.file(s("network.tf")).add(workerFirewall());
}

void GcpDataflow::renderIngestion(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("ingestion"));
    m.variable(s("ingestion_machine_type"), s("string"),
               s("Dataflow worker machine type of the extraction (from the plan)."),
               text(size.value(s("instance_type")).toString(s("n2-standard-4"))));
    m.variable(s("ingestion_max_workers"), s("number"),
               s("Dataflow autoscaling ceiling of the extraction (from the plan)."),
               HclValue::num(std::max(1, size.value(s("workers")).toInt(1)) * 2));
    m.variable(s("ingestion_template_spec"), s("string"),
               s("Object path of the extraction's Flex Template spec in the data bucket (built by CI)."),
               text(s("templates/ingestion.json")));
    // Same cadence as training, two hours earlier, so each training run sees freshly extracted data.
    QStringList cron = in.trainingSchedule().split(QLatin1Char(' '));
    if (cron.size() == 5 && cron.at(1) == QLatin1String("2"))
        cron[1] = s("0");
    const QString schedule = cron.join(QLatin1Char(' '));
    HclWriter& i =
        m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(s("ingestion")).value(s("service")).toString() +
                                      s("\nCloud Scheduler launches the Flex Template (") + schedule +
                                      s(", ahead of training) on private workers."));
    i.add(serviceAccount(s("ingestion"), s("Ingestion jobs")));
    i.add(bucketAccess(s("ingestion"), true));
    i.add(projectRole(s("ingestion_dataflow"), s("ingestion"), s("roles/dataflow.worker")));
    // The scheduler launches the job as the ingestion account, which then runs the workers as itself.
    i.add(projectRole(s("ingestion_launch"), s("ingestion"), s("roles/dataflow.developer")));
    i.add(resource(s("google_service_account_iam_member"), s("ingestion_act_as"))
              .expr(s("service_account_id"), s("google_service_account.ingestion.name"))
              .str(s("role"), s("roles/iam.serviceAccountUser"))
              .attr(s("member"), accountMember(s("ingestion"))));
    const HclValue environment =
        HclValue::object({{s("serviceAccountEmail"), ref(s("google_service_account.ingestion.email"))},
                          {s("subnetwork"), ref(s("google_compute_subnetwork.private.self_link"))},
                          {s("ipConfiguration"), text(s("WORKER_IP_PRIVATE"))},
                          {s("kmsKeyName"), ref(s("google_kms_crypto_key.data.id"))},
                          {s("machineType"), ref(s("var.ingestion_machine_type"))},
                          {s("maxWorkers"), ref(s("var.ingestion_max_workers"))},
                          {s("tempLocation"), bucketPath(s("tmp/dataflow"))},
                          {s("stagingLocation"), bucketPath(s("staging/dataflow"))},
                          {s("additionalUserLabels"), ref(s("local.labels"))}});
    const HclValue launch = HclValue::object(
        {{s("launchParameter"),
          HclValue::object(
              {{s("jobName"), named(s("ingestion"))},
               {s("containerSpecGcsPath"),
                HclValue::interpolated(s("gs://${google_storage_bucket.data.name}/${var.ingestion_template_spec}"))},
               {s("environment"), environment}})}});
    i.add(resource(s("google_cloud_scheduler_job"), s("ingestion"))
              .attr(s("name"), named(s("ingestion")))
              .expr(s("region"), s("var.region"))
              .str(s("schedule"), schedule)
              .str(s("time_zone"), s("Etc/UTC"))
              .block(HclBlock(s("http_target"))
                         .str(s("http_method"), s("POST"))
                         .attr(s("uri"), HclValue::interpolated(
                                             s("https://dataflow.googleapis.com/v1b3/projects/${var.project_id}/"
                                               "locations/${var.region}/flexTemplates:launch")))
                         .attr(s("body"), HclValue::call(s("base64encode"), HclValue::call(s("jsonencode"), launch)))
                         .block(HclBlock(s("oauth_token"))
                                    .expr(s("service_account_email"), s("google_service_account.ingestion.email"))))
              .attr(s("depends_on"), refs({s("google_kms_crypto_key_iam_member.dataflow"),
                                           s("google_kms_crypto_key_iam_member.compute_agent")})));
}

void GcpDataflow::renderStreaming(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("streaming"));
    const int workers = std::max(1, size.value(s("replicas")).toInt(1));
    m.variable(s("stream_machine_type"), s("string"), s("Dataflow worker machine type (from the plan)."),
               text(size.value(s("instance_type")).toString(s("n2-standard-4"))));
    m.variable(s("stream_workers"), s("number"), s("Dataflow workers at start (from the plan)."),
               HclValue::num(workers));
    m.variable(s("stream_max_workers"), s("number"), s("Dataflow autoscaling ceiling (from the plan)."),
               HclValue::num(workers * 2));
    m.variable(s("stream_template_spec"), s("string"),
               s("Object path of the stream job's Flex Template spec in the data bucket (built by CI)."),
               text(s("templates/stream-processing.json")));
    HclWriter& f = m.file(
        s("streaming.tf"),
        s("Stream processing: ") + in.component(s("streaming")).value(s("service")).toString() +
            s("\nA long-running Flex Template job on private workers; replacing it drains in-flight data first."));
    f.add(serviceAccount(s("streaming"), s("Dataflow streaming workers")));
    f.add(bucketAccess(s("streaming"), true));
    f.add(projectRole(s("streaming_worker"), s("streaming"), s("roles/dataflow.worker")));
    const bool pubsub = in.serviceOf(s("ingestion")) == ServiceId::GooglePubsubTopic;
    if (pubsub)
        f.add(resource(s("google_pubsub_subscription_iam_member"), s("streaming"))
                  .expr(s("subscription"), s("google_pubsub_subscription.events.name"))
                  .str(s("role"), s("roles/pubsub.subscriber"))
                  .attr(s("member"), accountMember(s("streaming"))));
    HclBlock job = resource(s("google_dataflow_flex_template_job"), s("stream"));
    job.expr(s("provider"), s("google-beta"))
        .attr(s("name"), named(s("stream")))
        .expr(s("region"), s("var.region"))
        .attr(s("container_spec_gcs_path"),
              HclValue::interpolated(s("gs://${google_storage_bucket.data.name}/${var.stream_template_spec}")))
        .expr(s("service_account_email"), s("google_service_account.streaming.email"))
        .expr(s("subnetwork"), s("google_compute_subnetwork.private.self_link"))
        .str(s("ip_configuration"), s("WORKER_IP_PRIVATE"))
        .expr(s("kms_key_name"), s("google_kms_crypto_key.data.id"))
        .expr(s("machine_type"), s("var.stream_machine_type"))
        .expr(s("num_workers"), s("var.stream_workers"))
        .expr(s("max_workers"), s("var.stream_max_workers"))
        .attr(s("temp_location"), bucketPath(s("tmp/dataflow")))
        .attr(s("staging_location"), bucketPath(s("staging/dataflow")))
        .flag(s("enable_streaming_engine"), true)
        .str(s("on_delete"), s("drain"))
        .expr(s("labels"), s("local.labels"));
    if (pubsub)
        job.attr(s("parameters"),
                 HclValue::object({{s("inputSubscription"), ref(s("google_pubsub_subscription.events.id"))}}));
    job.attr(s("depends_on"),
             refs({s("google_project_iam_member.streaming_worker"), s("google_kms_crypto_key_iam_member.dataflow"),
                   s("google_kms_crypto_key_iam_member.compute_agent")}));
    f.add(job);
    m.output(s("stream_job_id"), s("google_dataflow_flex_template_job.stream.job_id"),
             s("Dataflow job id of the stream processor"));
}

} // namespace mlops
