#include "codegen/OnPremJobs.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

struct Workload {
    QString name;     // Terraform and object name stem
    QString role;     // plan role it comes from
    QString command;  // python entry point
    QString schedule; // cron expression for the recurring runs
};

HclBlock env(const QString& name, const HclValue& value) {
    return HclBlock(s("env")).str(s("name"), name).attr(s("value"), value);
}

HclBlock secretEnv(const QString& name, const char* key) {
    return HclBlock(s("env"))
        .str(s("name"), name)
        .block(HclBlock(s("value_from"))
                   .block(HclBlock(s("secret_key_ref"))
                              .expr(s("name"), s("var.jobs_object_store_secret"))
                              .str(s("key"), QLatin1String(key))));
}

// The pod template of one workload, shared by its Job and CronJob so both run exactly the same thing. The app reads
// and writes the data bucket through the S3 API (RAW_URI, FEATURES_URI, PREDICTIONS_URI) and logs to MLflow.
HclBlock podTemplate(const RenderInput& in, const Workload& w, const QJsonObject& size) {
    const Capacity c = capacity(size, 1, 2);
    HclBlock main = container(objectName(w.name), s("var.app_image"), w.command.split(QLatin1Char(' ')), c);
    main.block(env(s("RAW_URI"), text(s("s3://data/raw/"))))
        .block(env(s("FEATURES_URI"), text(s("s3://data/features/features.parquet"))))
        .block(env(s("PREDICTIONS_URI"), text(s("s3://data/predictions/predictions.parquet"))))
        .block(env(s("AWS_ENDPOINT_URL"), ref(s("local.object_store_endpoint"))))
        .block(secretEnv(s("AWS_ACCESS_KEY_ID"), "access_key"))
        .block(secretEnv(s("AWS_SECRET_ACCESS_KEY"), "secret_key"));
    if (in.plans(ServiceId::HelmReleaseMlflow))
        main.block(env(s("MLFLOW_TRACKING_URI"), ref(s("local.mlflow_tracking_uri"))));
    const bool ca = inClusterObjectStore(in);
    if (ca) {
        main.block(env(s("AWS_CA_BUNDLE"), text(s("/etc/ssl/object-store/ca.crt"))))
            .block(HclBlock(s("volume_mount"))
                       .str(s("name"), s("object-store-ca"))
                       .str(s("mount_path"), s("/etc/ssl/object-store"))
                       .flag(s("read_only"), true));
    }
    HclBlock spec = podSpec(s("kubernetes_service_account_v1.jobs.metadata[0].name"), s("OnFailure"), main);
    if (ca)
        spec.block(HclBlock(s("volume"))
                       .str(s("name"), s("object-store-ca"))
                       .block(HclBlock(s("secret"))
                                  .expr(s("secret_name"), s("var.minio_tls_secret"))
                                  .block(HclBlock(s("items")).str(s("key"), s("ca.crt")).str(s("path"), s("ca.crt")))));
    if (c.gpus > 0) // GPU nodes are usually tainted so that only GPU work lands there
        spec.block(HclBlock(s("toleration"))
                       .str(s("key"), s("nvidia.com/gpu"))
                       .str(s("operator"), s("Exists"))
                       .str(s("effect"), s("NoSchedule")));
    return HclBlock(s("template")).block(HclBlock(s("metadata")).attr(s("labels"), labels(w.role))).block(spec);
}

// backoff, a deadline of twice the planned run time, and data-parallel workers as an indexed job.
HclBlock jobSpec(const RenderInput& in, const Workload& w, const QJsonObject& size) {
    HclBlock spec(s("spec"));
    spec.num(s("backoff_limit"), 2);
    const double hours = size.value(s("hours_per_run")).toDouble();
    if (hours > 0)
        spec.num(s("active_deadline_seconds"), std::ceil(hours * 2 * 3600));
    const int workers = size.value(s("workers")).toInt(1);
    if (workers > 1)
        spec.num(s("parallelism"), workers).num(s("completions"), workers).str(s("completion_mode"), s("Indexed"));
    return spec.block(podTemplate(in, w, size));
}

HclBlock cronJob(const RenderInput& in, const QString& terraformName, const Workload& w, const QJsonObject& size) {
    return resource(s("kubernetes_cron_job_v1"), terraformName)
        .block(metadata(objectName(terraformName), w.role))
        .block(HclBlock(s("spec"))
                   .str(s("schedule"), w.schedule)
                   .str(s("concurrency_policy"), s("Forbid"))
                   .num(s("successful_jobs_history_limit"), 3)
                   .num(s("failed_jobs_history_limit"), 3)
                   .block(HclBlock(s("job_template"))
                              .block(HclBlock(s("metadata")).attr(s("labels"), labels(w.role)))
                              .block(jobSpec(in, w, size))));
}

// The first run, started by `terraform apply`; apply does not wait for it (a training run takes hours).
HclBlock oneOffJob(const RenderInput& in, const Workload& w, const QJsonObject& size) {
    return resource(s("kubernetes_job_v1"), w.name)
        .block(metadata(objectName(w.name), w.role))
        .block(jobSpec(in, w, size))
        .flag(s("wait_for_completion"), false);
}

void addWorkload(HclWriter& f, const RenderInput& in, const Workload& w) {
    const QJsonObject c = in.component(w.role);
    const QJsonObject size = c.value(s("size")).toObject();
    if (c.value(s("service_id")).toString() != ServiceId::KubernetesJob) {
        f.add(cronJob(in, w.name, w, size));
        return;
    }
    f.add(oneOffJob(in, w, size));
    if (size.value(s("runs_per_month")).toDouble(1) > 1)
        f.add(cronJob(in, w.name + s("_schedule"), w, size));
}

} // namespace

void OnPremJobs::render(const RenderInput& in, TerraformModule& m) {
    const bool scoring = in.has(s("serving")) && !in.onlineServing() && !in.streamingServing();
    QString header = s("Batch workloads: ingestion, training (") + in.trainingSchedule() + s(")") +
                     (scoring ? s(", batch scoring") : QString()) + s(".");
    m.variable(s("jobs_object_store_secret"), s("string"),
               s("Existing secret (keys access_key, secret_key) with the batch jobs' object-store keys, limited to the "
                 "'data' bucket."),
               text(s("jobs-object-store")));
    HclWriter& f = m.file(s("jobs.tf"), header);
    f.add(serviceAccount(s("jobs"), false));
    addWorkload(f, in, {s("ingestion"), s("ingestion"), s("python -m app.features.pipeline"), s("0 1 * * *")});
    addWorkload(f, in, {s("training"), s("training"), s("python -m app.training.train"), in.trainingSchedule()});
    if (scoring)
        addWorkload(f, in, {s("batch_scoring"), s("serving"), s("python -m app.serving.batch"), s("0 4 * * *")});
}

} // namespace mlops
