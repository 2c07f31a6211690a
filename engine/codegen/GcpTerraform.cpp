#include "codegen/GcpTerraform.h"

#include "codegen/GcpBlocks.h"
#include "codegen/GcpDataflow.h"
#include "codegen/GcpFeatureStore.h"
#include "codegen/GcpKubernetes.h"
#include "codegen/GcpVertexEndpoint.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformSettings.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace GcpBlocks;

namespace {

void providers(const RenderInput& in, TerraformModule& m) {
    m.variable(s("project_id"), s("string"), s("GCP project that hosts the system."), text(in.project()));
    HclWriter& p =
        m.file(s("providers.tf"),
               s("Providers, pinned versions and remote state in a GCS bucket (object versioning keeps history)."));
    // google-beta only when a planned service exists in it alone (the Dataflow Flex Template job), pinned like google.
    const bool beta = GcpDataflow::streamingJob(in);
    QList<TerraformSettings::ProviderPin> providers{{s("google"), s("hashicorp/google"), s("~> 5.40")}};
    if (beta)
        providers.append({s("google-beta"), s("hashicorp/google-beta"), s("~> 5.40")});
    p.add(TerraformSettings::terraformBlock(providers, HclBlock(s("backend"), {s("gcs")})
                                                           .str(s("bucket"), in.project() + s("-tfstate"))
                                                           .str(s("prefix"), in.project() + s("/state"))));
    p.add(HclBlock(s("provider"), {s("google")})
              .expr(s("project"), s("var.project_id"))
              .expr(s("region"), s("var.region"))
              .expr(s("default_labels"), s("local.labels")));
    if (beta)
        p.add(HclBlock(s("provider"), {s("google-beta")})
                  .expr(s("project"), s("var.project_id"))
                  .expr(s("region"), s("var.region"))
                  .expr(s("default_labels"), s("local.labels")));
    p.add(TerraformSettings::locals(s("labels"), TerraformSettings::ownershipTags()));
    p.add(data(s("google_project"), s("current")).expr(s("project_id"), s("var.project_id")));
}

void keys(const RenderInput& in, TerraformModule& m) {
    // GCS buckets get an explicit CMEK on every design: the baseline pack checks the bucket's encryption block.
    HclWriter& k = m.file(s("security.tf"), s("Customer-managed encryption keys (Cloud KMS), rotated every 90 days."));
    k.add(resource(s("google_kms_key_ring"), s("main"))
              .attr(s("name"), named(s("keys")))
              .expr(s("location"), s("var.region")));
    k.add(resource(s("google_kms_crypto_key"), s("data"))
              .attr(s("name"), named(s("data")))
              .expr(s("key_ring"), s("google_kms_key_ring.main.id"))
              .str(s("rotation_period"), s("7776000s"))
              .block(HclBlock(s("lifecycle")).flag(s("prevent_destroy"), true)));
    k.add(data(s("google_storage_project_service_account"), s("gcs")).expr(s("project"), s("var.project_id")));
    k.add(resource(s("google_kms_crypto_key_iam_member"), s("gcs"))
              .expr(s("crypto_key_id"), s("google_kms_crypto_key.data.id"))
              .str(s("role"), s("roles/cloudkms.cryptoKeyEncrypterDecrypter"))
              .attr(s("member"),
                    HclValue::interpolated(
                        s("serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"))));
    // Compute Engine's service agent encrypts VM disks (GKE nodes, Dataflow workers) with the data key.
    if (usesGke(in) || GcpDataflow::any(in))
        k.add(keyAccessForAgent(
            s("compute_agent"),
            s("service-${data.google_project.current.number}@compute-system.iam.gserviceaccount.com")));
    m.output(s("kms_key_id"), s("google_kms_crypto_key.data.id"), s("Customer-managed key encrypting the data stores"));
}

void network(const RenderInput& in, TerraformModule& m) {
    HclWriter& n =
        m.file(s("network.tf"),
               s("Private network: Google APIs through Private Google Access; ingress only from allowed ranges."));
    n.add(resource(s("google_compute_network"), s("main"))
              .attr(s("name"), named(s("vpc")))
              .flag(s("auto_create_subnetworks"), false));
    HclBlock subnet = resource(s("google_compute_subnetwork"), s("private"));
    subnet.attr(s("name"), named(s("private")))
        .str(s("ip_cidr_range"), s("10.30.0.0/20"))
        .expr(s("region"), s("var.region"))
        .expr(s("network"), s("google_compute_network.main.id"))
        .flag(s("private_ip_google_access"), true)
        .block(
            HclBlock(s("log_config")).str(s("aggregation_interval"), s("INTERVAL_5_SEC")).num(s("flow_sampling"), 0.5));
    // VPC-native GKE: pod and service addresses come from secondary ranges of the same subnet.
    if (usesGke(in))
        subnet
            .block(HclBlock(s("secondary_ip_range"))
                       .str(s("range_name"), s("pods"))
                       .str(s("ip_cidr_range"), s("10.40.0.0/14")))
            .block(HclBlock(s("secondary_ip_range"))
                       .str(s("range_name"), s("services"))
                       .str(s("ip_cidr_range"), s("10.44.0.0/20")));
    n.add(subnet);
    n.add(
        resource(s("google_compute_firewall"), s("https_internal"))
            .attr(s("name"), named(s("https-internal")))
            .expr(s("network"), s("google_compute_network.main.name"))
            .str(s("direction"), s("INGRESS"))
            .expr(s("source_ranges"), s("var.allowed_cidrs"))
            .block(HclBlock(s("allow")).str(s("protocol"), s("tcp")).attr(s("ports"), HclValue::strings({s("443")}))));
}

void storage(const RenderInput& in, TerraformModule& m) {
    const QJsonObject cfg = in.config(s("storage"));
    HclWriter& st =
        m.file(s("storage.tf"),
               s("Data lake bucket: raw data, features, model artifacts. Private, versioned, CMEK-encrypted."));
    st.add(
        resource(s("google_storage_bucket"), s("data"))
            .attr(s("name"), HclValue::interpolated(s("${local.name}-data-${data.google_project.current.number}")))
            .expr(s("location"), s("var.region"))
            .flag(s("uniform_bucket_level_access"), true)
            .str(s("public_access_prevention"), s("enforced"))
            .block(HclBlock(s("versioning")).flag(s("enabled"), true))
            .block(HclBlock(s("encryption")).expr(s("default_kms_key_name"), s("google_kms_crypto_key.data.id")))
            .block(HclBlock(s("lifecycle_rule"))
                       .block(HclBlock(s("condition"))
                                  .num(s("days_since_noncurrent_time"),
                                       cfg.value(s("lifecycle_noncurrent_days")).toInt(90)))
                       .block(HclBlock(s("action")).str(s("type"), s("Delete"))))
            .block(
                HclBlock(s("logging")).attr(s("log_bucket"), HclValue::interpolated(s("${local.name}-access-logs")))));
    m.output(s("data_bucket"), s("google_storage_bucket.data.name"), s("Data lake bucket name"));
}

void foundation(const RenderInput& in, TerraformModule& m) {
    providers(in, m);
    keys(in, m);
    network(in, m);
    storage(in, m);
}

void ingestion(const RenderInput& in, TerraformModule& m) {
    const QString ingestion = in.serviceOf(s("ingestion"));
    if (GcpDataflow::batchIngestion(in)) {
        GcpDataflow::renderIngestion(in, m);
    } else {
        HclWriter& i =
            m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(s("ingestion")).value(s("service")).toString());
        if (ingestion == ServiceId::GooglePubsubTopic) {
            i.add(resource(s("google_pubsub_topic"), s("events"))
                      .attr(s("name"), named(s("events")))
                      .expr(s("kms_key_name"), s("google_kms_crypto_key.data.id"))
                      .str(s("message_retention_duration"), s("86400s")));
            i.add(resource(s("google_pubsub_subscription"), s("events"))
                      .attr(s("name"), named(s("events-processor")))
                      .expr(s("topic"), s("google_pubsub_topic.events.id"))
                      .num(s("ack_deadline_seconds"), 60));
            m.output(s("event_topic"), s("google_pubsub_topic.events.id"), s("Pub/Sub topic producers publish to"));
        } else {
            i.add(serviceAccount(s("ingestion"), s("Ingestion jobs")));
            i.add(bucketAccess(s("ingestion"), true));
            i.add(projectRole(s("ingestion_dataflow"), s("ingestion"), s("roles/dataflow.worker")));
        }
    }
}

void streaming(const RenderInput& in, TerraformModule& m) {
    if (GcpDataflow::streamingJob(in)) {
        GcpDataflow::renderStreaming(in, m);
    } else if (in.has(s("streaming"))) {
        // A stream processor the renderer has no dedicated resource for: identity, data access and sizes for the
        // pipeline to launch it with.
        const QJsonObject size = in.size(s("streaming"));
        m.variable(s("stream_machine_type"), s("string"), s("Dataflow worker machine type (from the plan)."),
                   text(size.value(s("instance_type")).toString(s("n2-standard-4"))));
        m.variable(s("stream_max_workers"), s("number"), s("Dataflow autoscaling ceiling (from the plan)."),
                   HclValue::num(std::max(1, size.value(s("replicas")).toInt(1)) * 2));
        HclWriter& f = m.file(s("streaming.tf"),
                              s("Stream processing: ") + in.component(s("streaming")).value(s("service")).toString() +
                                  s("\nThe pipeline launches the job with the sizes of output stream_job_config."));
        m.output(s("stream_job_config"),
                 s("{ machine_type = var.stream_machine_type, max_workers = var.stream_max_workers, service_account = "
                   "google_service_account.streaming.email }"),
                 s("Sizes and identity the stream job is launched with"));
        f.add(serviceAccount(s("streaming"), s("Stream processing workers")));
        f.add(bucketAccess(s("streaming"), true));
        f.add(projectRole(s("streaming_worker"), s("streaming"), s("roles/dataflow.worker")));
        if (in.serviceOf(s("ingestion")) == ServiceId::GooglePubsubTopic)
            f.add(resource(s("google_pubsub_subscription_iam_member"), s("streaming"))
                      .expr(s("subscription"), s("google_pubsub_subscription.events.name"))
                      .str(s("role"), s("roles/pubsub.subscriber"))
                      .attr(s("member"), accountMember(s("streaming"))));
    }
}

// Training, its schedule and experiment tracking.
void training(const RenderInput& in, TerraformModule& m) {
    // Training on GKE node pools: the pool (kubernetes.tf) carries machine type and GPUs, the in-cluster orchestrator
    // submits the jobs. Otherwise Vertex AI custom training, submitted on schedule as a pipeline run.
    const bool vertexTraining = in.serviceOf(s("training")) != ServiceId::GoogleContainerNodePool;
    const QJsonObject size = in.size(s("training"));
    if (vertexTraining) {
        m.variable(s("training_machine_type"), s("string"), s("Machine type of the training jobs (from the plan)."),
                   text(size.value(s("instance_type")).toString(s("n2-standard-4"))));
        if (in.trainingGpus() > 0) {
            m.variable(s("training_accelerator_type"), s("string"), s("GPU of the training jobs (from the plan)."),
                       text(size.value(s("gpu")).toString().toUpper().replace(QLatin1Char(' '), QLatin1Char('_'))));
            m.variable(s("training_accelerator_count"), s("number"), s("GPUs per training worker (from the plan)."),
                       HclValue::num(in.trainingGpus()));
        }
    }
    HclWriter& t =
        m.file(s("training.tf"), s("Training: ") + in.component(s("training")).value(s("service")).toString());
    t.add(serviceAccount(s("training"), vertexTraining ? s("Vertex AI training jobs")
                                                       : s("Training jobs on GKE (Workload Identity)")));
    t.add(bucketAccess(s("training"), true));
    // Also on GKE: runs log metrics to Vertex AI Experiments / TensorBoard and register models in the registry.
    t.add(projectRole(s("training_vertex"), s("training"), s("roles/aiplatform.user")));
    t.add(keyAccessForAgent(
        s("vertex"), s("service-${data.google_project.current.number}@gcp-sa-aiplatform.iam.gserviceaccount.com")));
    m.output(s("training_service_account"), s("google_service_account.training.email"),
             s("Identity of the training jobs"));
    if (vertexTraining) {
        QString job = s("{ machine_type = var.training_machine_type");
        if (in.trainingGpus() > 0)
            job += s(", accelerator_type = var.training_accelerator_type, accelerator_count = "
                     "var.training_accelerator_count");
        m.output(s("training_job_config"), job + s(" }"), s("Machine spec the Vertex AI training pipeline submits"));

        HclWriter& o = m.file(s("orchestration.tf"),
                              s("Orchestration: Cloud Scheduler submits the Vertex AI training pipeline (") +
                                  in.trainingSchedule() + s(")."));
        o.add(resource(s("google_cloud_scheduler_job"), s("training"))
                  .attr(s("name"), named(s("training")))
                  .expr(s("region"), s("var.region"))
                  .str(s("schedule"), in.trainingSchedule())
                  .str(s("time_zone"), s("Etc/UTC"))
                  .block(
                      HclBlock(s("http_target"))
                          .str(s("http_method"), s("POST"))
                          .attr(s("uri"),
                                HclValue::interpolated(s("https://${var.region}-aiplatform.googleapis.com/v1/projects/"
                                                         "${var.project_id}/locations/${var.region}/pipelineJobs")))
                          .attr(s("body"),
                                HclValue::call(
                                    s("base64encode"),
                                    HclValue::call(
                                        s("jsonencode"),
                                        HclValue::object(
                                            {{s("displayName"), named(s("training"))},
                                             {s("templateUri"),
                                              HclValue::interpolated(s(
                                                  "gs://${google_storage_bucket.data.name}/pipelines/training.json"))},
                                             {s("serviceAccount"), ref(s("google_service_account.training.email"))}}))))
                          .block(HclBlock(s("oauth_token"))
                                     .expr(s("service_account_email"), s("google_service_account.training.email")))));
    }
    if (in.has(s("tracking")))
        m.file(s("tracking.tf"),
               s("Experiment tracking: ") + in.component(s("tracking")).value(s("service")).toString())
            .add(
                resource(s("google_vertex_ai_tensorboard"), s("main"))
                    .attr(s("display_name"), named(s("experiments")))
                    .expr(s("region"), s("var.region"))
                    .block(HclBlock(s("encryption_spec")).expr(s("kms_key_name"), s("google_kms_crypto_key.data.id"))));
}

void pipelines(const RenderInput& in, TerraformModule& m) {
    ingestion(in, m);
    streaming(in, m);
    GcpFeatureStore::render(in, m);
    training(in, m);
}

// Cloud Run model server (the containers pattern), or batch scoring's identity when there is no online API.
void cloudRunServing(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("serving"));
    HclWriter& f = m.file(s("serving.tf"), s("Serving: ") + in.component(s("serving")).value(s("service")).toString());
    m.variable(s("serving_image"), s("string"), s("Container image of the model server (pushed by CI)."), text(s("")));
    f.add(serviceAccount(s("serving"), s("Model server")));
    f.add(bucketAccess(s("serving"), !in.onlineServing()));
    if (!in.onlineServing())
        return;
    const int minReplicas = std::max(1, size.value(s("replicas")).toInt(1));
    f.add(resource(s("google_cloud_run_v2_service"), s("serving"))
              .attr(s("name"), named(s("serving")))
              .expr(s("location"), s("var.region"))
              .str(s("ingress"), s("INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"))
              .block(HclBlock(s("template"))
                         .expr(s("service_account"), s("google_service_account.serving.email"))
                         .expr(s("encryption_key"), s("google_kms_crypto_key.data.id"))
                         .block(HclBlock(s("scaling"))
                                    .num(s("min_instance_count"), minReplicas)
                                    .num(s("max_instance_count"),
                                         std::max(minReplicas, size.value(s("max_replicas")).toInt(minReplicas))))
                         .block(HclBlock(s("containers"))
                                    .expr(s("image"), s("var.serving_image"))
                                    .block(HclBlock(s("ports")).num(s("container_port"), 8080))
                                    .block(HclBlock(s("resources"))
                                               .attr(s("limits"),
                                                     HclValue::object(
                                                         {{s("cpu"), text(QString::number(
                                                                         std::max(1, size.value(s("vcpu")).toInt(1))))},
                                                          {s("memory"),
                                                           text(QString::number(std::max(
                                                                    1, int(size.value(s("memory_gb")).toDouble(2)))) +
                                                                s("Gi"))}})))
                                    .block(HclBlock(s("startup_probe"))
                                               .block(HclBlock(s("http_get")).str(s("path"), s("/healthz")))))));
    m.output(s("serving_service"), s("google_cloud_run_v2_service.serving.name"),
             s("Cloud Run service of the model server"));
    if (!in.has(s("gateway")))
        return;
    HclWriter& g =
        m.file(s("gateway.tf"),
               s("Entry point: HTTPS load balancer with a Cloud Armor policy admitting only the allowed ranges."));
    g.add(resource(s("google_compute_region_network_endpoint_group"), s("serving"))
              .attr(s("name"), named(s("neg")))
              .expr(s("region"), s("var.region"))
              .str(s("network_endpoint_type"), s("SERVERLESS"))
              .block(HclBlock(s("cloud_run")).expr(s("service"), s("google_cloud_run_v2_service.serving.name"))));
    g.add(armorPolicy(in.config(s("gateway")).value(s("waf")).toBool()));
    g.add(resource(s("google_compute_backend_service"), s("serving"))
              .attr(s("name"), named(s("backend")))
              .str(s("protocol"), s("HTTPS"))
              .str(s("load_balancing_scheme"), s("EXTERNAL_MANAGED"))
              .expr(s("security_policy"), s("google_compute_security_policy.serving.id"))
              .block(
                  HclBlock(s("backend")).expr(s("group"), s("google_compute_region_network_endpoint_group.serving.id")))
              .block(HclBlock(s("log_config")).flag(s("enable"), true)));
    g.add(resource(s("google_compute_url_map"), s("serving"))
              .attr(s("name"), named(s("urlmap")))
              .expr(s("default_service"), s("google_compute_backend_service.serving.id")));
}

void serving(const RenderInput& in, TerraformModule& m) {
    const QString service = in.serviceOf(s("serving"));
    if (!in.has(s("serving")) || service == in.serviceOf(s("streaming")))
        return; // scoring happens inside the stream processor
    if (service == ServiceId::GoogleVertexAiEndpoint) {
        GcpVertexEndpoint::render(in, m);
    } else if (service == ServiceId::GoogleContainerNodePool) {
        // The pods' identity; the node pool and the load balancer in front of it are in kubernetes.tf / gateway.tf.
        HclWriter& f =
            m.file(s("serving.tf"), s("Serving: ") + in.component(s("serving")).value(s("service")).toString() +
                                        s("\nModel-server pods run as this account through Workload Identity (see "
                                          "output serving_kubernetes_service_account)."));
        f.add(serviceAccount(s("serving"), s("Model server pods")));
        f.add(bucketAccess(s("serving"), false));
    } else {
        cloudRunServing(in, m);
    }
}

// The p99 latency alert of the online endpoint: `filter` selects its latency metric, the threshold is the
// constraint's target (500 ms when none is given).
HclBlock latencyAlert(const RenderInput& in, const QString& condition, const QString& filter) {
    const double ms = in.latencyP99Ms() > 0 ? in.latencyP99Ms() : 500;
    return resource(s("google_monitoring_alert_policy"), s("latency_p99"))
        .attr(s("display_name"), named(s("latency-p99")))
        .str(s("combiner"), s("OR"))
        .attr(s("notification_channels"), refs({s("google_monitoring_notification_channel.oncall.id")}))
        .block(HclBlock(s("conditions"))
                   .str(s("display_name"), condition)
                   .block(HclBlock(s("condition_threshold"))
                              .attr(s("filter"), HclValue::interpolated(filter))
                              .str(s("comparison"), s("COMPARISON_GT"))
                              .num(s("threshold_value"), ms)
                              .str(s("duration"), s("300s"))
                              .block(HclBlock(s("aggregations"))
                                         .str(s("alignment_period"), s("60s"))
                                         .str(s("per_series_aligner"), s("ALIGN_PERCENTILE_99")))));
}

void monitoring(const RenderInput& in, TerraformModule& m) {
    HclWriter& mon = m.file(s("monitoring.tf"), s("Monitoring: alert policies and log retention of ") +
                                                    QString::number(in.logRetentionDays()) + s(" days."));
    m.variable(s("alert_email"), s("string"), s("Where alerts are sent."), text(s("ml-oncall@example.com")));
    mon.add(resource(s("google_monitoring_notification_channel"), s("oncall"))
                .attr(s("display_name"), named(s("oncall")))
                .str(s("type"), s("email"))
                .attr(s("labels"), HclValue::object({{s("email_address"), ref(s("var.alert_email"))}})));
    mon.add(resource(s("google_logging_project_bucket_config"), s("default"))
                .expr(s("project"), s("var.project_id"))
                .str(s("location"), s("global"))
                .str(s("bucket_id"), s("_Default"))
                .num(s("retention_days"), in.logRetentionDays()));
    if (in.onlineServing() && in.serviceOf(s("serving")) == ServiceId::GoogleCloudRunV2Service)
        mon.add(latencyAlert(in, s("p99 latency above target"),
                             s("resource.type = \\\"cloud_run_revision\\\" AND metric.type = "
                               "\\\"run.googleapis.com/request_latencies\\\" AND resource.labels.service_name "
                               "= \\\"${google_cloud_run_v2_service.serving.name}\\\"")));
    if (in.serviceOf(s("serving")) == ServiceId::GoogleVertexAiEndpoint)
        mon.add(latencyAlert(in, s("p99 prediction latency above target"),
                             s("resource.type = \\\"aiplatform.googleapis.com/Endpoint\\\" AND metric.type "
                               "= \\\"aiplatform.googleapis.com/prediction/online/prediction_latencies\\\" "
                               "AND resource.labels.endpoint_id = "
                               "\\\"${google_vertex_ai_endpoint.serving.name}\\\"")));
    mon.add(resource(s("google_monitoring_alert_policy"), s("drift"))
                .attr(s("display_name"), named(s("drift")))
                .str(s("combiner"), s("OR"))
                .attr(s("notification_channels"), refs({s("google_monitoring_notification_channel.oncall.id")}))
                .block(HclBlock(s("conditions"))
                           .str(s("display_name"),
                                s("drift score above threshold (custom metric written by the drift job)"))
                           .block(HclBlock(s("condition_threshold"))
                                      .str(s("filter"), s("resource.type = \"global\" AND metric.type = "
                                                          "\"custom.googleapis.com/ml/drift_score\""))
                                      .str(s("comparison"), s("COMPARISON_GT"))
                                      .num(s("threshold_value"), 0.2)
                                      .str(s("duration"), s("0s"))
                                      .block(HclBlock(s("aggregations"))
                                                 .str(s("alignment_period"), s("3600s"))
                                                 .str(s("per_series_aligner"), s("ALIGN_MAX"))))));
}

void delivery(const RenderInput& in, TerraformModule& m) {
    m.variable(s("github_repository"), s("string"), s("owner/name of the repository whose main branch may deploy."),
               text(s("example-org/") + in.project()));
    HclWriter& ci =
        m.file(s("ci_cd.tf"),
               s("CI/CD identity: GitHub Actions federates through Workload Identity; no service-account keys."));
    ci.add(resource(s("google_iam_workload_identity_pool"), s("ci"))
               .attr(s("workload_identity_pool_id"), named(s("ci")))
               .str(s("display_name"), s("CI pipelines")));
    ci.add(
        resource(s("google_iam_workload_identity_pool_provider"), s("github"))
            .expr(s("workload_identity_pool_id"), s("google_iam_workload_identity_pool.ci.workload_identity_pool_id"))
            .str(s("workload_identity_pool_provider_id"), s("github"))
            .attr(s("attribute_mapping"),
                  HclValue::object({{s("google.subject"), text(s("assertion.sub"))},
                                    {s("attribute.repository"), text(s("assertion.repository"))},
                                    {s("attribute.ref"), text(s("assertion.ref"))}}))
            .attr(s("attribute_condition"),
                  HclValue::interpolated(
                      s("assertion.repository == '${var.github_repository}' && assertion.ref == 'refs/heads/main'")))
            .block(HclBlock(s("oidc")).str(s("issuer_uri"), s("https://token.actions.githubusercontent.com"))));
    ci.add(serviceAccount(s("ci"), s("CI deployments")));
    ci.add(resource(s("google_service_account_iam_member"), s("ci_federation"))
               .expr(s("service_account_id"), s("google_service_account.ci.name"))
               .str(s("role"), s("roles/iam.workloadIdentityUser"))
               .attr(s("member"), HclValue::interpolated(s(
                                      "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/"
                                      "attribute.repository/${var.github_repository}"))));
    if (in.has(s("container_registry"))) {
        HclWriter& r = m.file(s("container_registry.tf"),
                              s("Container images: Artifact Registry with CMEK; CI may push, nothing else."));
        r.add(resource(s("google_artifact_registry_repository"), s("images"))
                  .attr(s("repository_id"), named(s("images")))
                  .expr(s("location"), s("var.region"))
                  .str(s("format"), s("DOCKER"))
                  .expr(s("kms_key_name"), s("google_kms_crypto_key.data.id"))
                  .block(HclBlock(s("docker_config")).flag(s("immutable_tags"), true)));
        r.add(resource(s("google_artifact_registry_repository_iam_member"), s("ci_push"))
                  .expr(s("repository"), s("google_artifact_registry_repository.images.name"))
                  .expr(s("location"), s("var.region"))
                  .str(s("role"), s("roles/artifactregistry.writer"))
                  .attr(s("member"), HclValue::interpolated(s("serviceAccount:${google_service_account.ci.email}"))));
    }
    m.output(s("ci_service_account"), s("google_service_account.ci.email"),
             s("Service account CI impersonates through Workload Identity"));
}

void servingAndOps(const RenderInput& in, TerraformModule& m) {
    serving(in, m);
    if (usesGke(in))
        GcpKubernetes::renderCluster(in, m);
    monitoring(in, m);
    delivery(in, m);
}

} // namespace

void GcpTerraform::render(const RenderInput& in, TerraformModule& m) const {
    foundation(in, m);
    GcpDataflow::renderWorkerAccess(in, m);
    pipelines(in, m);
    servingAndOps(in, m);
}

} // namespace mlops
