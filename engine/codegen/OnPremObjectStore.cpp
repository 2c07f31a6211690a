#include "codegen/OnPremObjectStore.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

HclBlock secretEnv(const QString& name, const QString& secretVariable, const QString& key) {
    return HclBlock(s("env"))
        .str(s("name"), name)
        .block(
            HclBlock(s("value_from"))
                .block(HclBlock(s("secret_key_ref")).expr(s("name"), s("var.") + secretVariable).str(s("key"), key)));
}

HclBlock plainEnv(const QString& name, const HclValue& value) {
    return HclBlock(s("env")).str(s("name"), name).attr(s("value"), value);
}

HclBlock selector(const QString& component) {
    return HclBlock(s("selector"))
        .attr(s("match_labels"), HclValue::object({{s("app.kubernetes.io/component"), text(component)}}));
}

// The buckets the plan's services use, each versioned, private and (with customer-managed keys) SSE-KMS encrypted.
QStringList buckets(const RenderInput& in) {
    QStringList out{s("data")};
    for (const QJsonValue& v : in.components()) {
        const QString id = v.toObject().value(s("service_id")).toString();
        if (id == ServiceId::HelmReleaseMlflow && !out.contains(s("mlflow")))
            out.append(s("mlflow"));
        if (id == ServiceId::HelmReleaseArgoWorkflows && !out.contains(s("argo-artifacts")))
            out.append(s("argo-artifacts"));
    }
    return out;
}

HclBlock minioStatefulSet(const RenderInput& in, bool kms) {
    const double gb = in.size(s("storage")).value(s("storage_gb")).toDouble(100);
    HclBlock main = container(s("minio"), s("var.minio_image"), {}, capacity(in.size(s("storage")), 2, 4),
                              HclValue::strings({s("server"), s("/data"), s("--certs-dir"), s("/etc/minio/certs"),
                                                 s("--console-address"), s(":9001")}));
    main.block(HclBlock(s("port")).str(s("name"), s("https")).num(s("container_port"), 9000))
        .block(secretEnv(s("MINIO_ROOT_USER"), s("minio_root_secret"), s("root_user")))
        .block(secretEnv(s("MINIO_ROOT_PASSWORD"), s("minio_root_secret"), s("root_password")))
        .block(plainEnv(s("MINIO_PROMETHEUS_AUTH_TYPE"), text(s("jwt"))));
    if (kms) {
        // Keys stay in Vault behind KES; MinIO only ever holds data keys wrapped by them.
        main.block(plainEnv(s("MINIO_KMS_KES_ENDPOINT"), ref(s("var.kes_endpoint"))))
            .block(plainEnv(s("MINIO_KMS_KES_KEY_NAME"), named(s("minio"))))
            .block(secretEnv(s("MINIO_KMS_KES_API_KEY"), s("kes_api_key_secret"), s("api_key")));
    }
    main.block(HclBlock(s("volume_mount")).str(s("name"), s("data")).str(s("mount_path"), s("/data")))
        .block(HclBlock(s("volume_mount"))
                   .str(s("name"), s("certs"))
                   .str(s("mount_path"), s("/etc/minio/certs"))
                   .flag(s("read_only"), true))
        .block(HclBlock(s("readiness_probe"))
                   .num(s("period_seconds"), 10)
                   .block(HclBlock(s("http_get"))
                              .str(s("path"), s("/minio/health/ready"))
                              .str(s("port"), s("9000"))
                              .str(s("scheme"), s("HTTPS"))));
    HclBlock spec = podSpec(s("kubernetes_service_account_v1.minio.metadata[0].name"), QString(), main);
    // MinIO reads public.crt / private.key (and CAs/) from its certs directory; cert-manager writes tls.crt / tls.key.
    spec.block(HclBlock(s("volume"))
                   .str(s("name"), s("certs"))
                   .block(HclBlock(s("secret"))
                              .expr(s("secret_name"), s("var.minio_tls_secret"))
                              .block(HclBlock(s("items")).str(s("key"), s("tls.crt")).str(s("path"), s("public.crt")))
                              .block(HclBlock(s("items")).str(s("key"), s("tls.key")).str(s("path"), s("private.key")))
                              .block(HclBlock(s("items")).str(s("key"), s("ca.crt")).str(s("path"), s("CAs/ca.crt")))));
    return resource(s("kubernetes_stateful_set_v1"), s("minio"))
        .block(metadata(s("minio"), s("storage")))
        .block(HclBlock(s("spec"))
                   .expr(s("service_name"), s("kubernetes_service_v1.minio.metadata[0].name"))
                   .num(s("replicas"), 1)
                   .block(selector(s("storage")))
                   .block(HclBlock(s("template"))
                              .block(HclBlock(s("metadata")).attr(s("labels"), labels(s("storage"))))
                              .block(spec))
                   .block(HclBlock(s("volume_claim_template"))
                              .block(HclBlock(s("metadata")).str(s("name"), s("data")))
                              .block(HclBlock(s("spec"))
                                         .attr(s("access_modes"), HclValue::strings({s("ReadWriteOnce")}))
                                         .expr(s("storage_class_name"), s("var.storage_class"))
                                         .block(HclBlock(s("resources"))
                                                    .attr(s("requests"),
                                                          HclValue::object(
                                                              {{s("storage"),
                                                                text(QString::number(std::ceil(gb)) + s("Gi"))}}))))));
}

// A one-off job that creates the buckets idempotently: versioning on, anonymous access off, default encryption.
HclBlock bucketJob(const RenderInput& in, bool kms) {
    QStringList script{
        s("set -eu"), s("mkdir -p /tmp/mc/certs/CAs && cp /etc/minio/certs/CAs/ca.crt /tmp/mc/certs/CAs/"),
        s("mc --config-dir /tmp/mc alias set local \"$MINIO_URL\" \"$MINIO_ROOT_USER\" \"$MINIO_ROOT_PASSWORD\"")};
    for (const QString& b : buckets(in)) {
        script.append(s("mc --config-dir /tmp/mc mb --ignore-existing --with-versioning local/") + b);
        script.append(s("mc --config-dir /tmp/mc anonymous set none local/") + b);
        if (kms)
            script.append(s("mc --config-dir /tmp/mc encrypt set sse-kms \"$KMS_KEY\" local/") + b);
    }
    HclBlock main = container(s("buckets"), s("var.minio_client_image"),
                              {s("/bin/sh"), s("-c"), script.join(QLatin1Char('\n'))}, Capacity{1, 1, 0});
    main.block(plainEnv(s("MINIO_URL"), ref(s("local.object_store_endpoint"))))
        .block(secretEnv(s("MINIO_ROOT_USER"), s("minio_root_secret"), s("root_user")))
        .block(secretEnv(s("MINIO_ROOT_PASSWORD"), s("minio_root_secret"), s("root_password")));
    if (kms)
        main.block(plainEnv(s("KMS_KEY"), named(s("minio"))));
    main.block(HclBlock(s("volume_mount"))
                   .str(s("name"), s("certs"))
                   .str(s("mount_path"), s("/etc/minio/certs"))
                   .flag(s("read_only"), true));
    HclBlock spec = podSpec(s("kubernetes_service_account_v1.minio.metadata[0].name"), s("OnFailure"), main);
    spec.block(HclBlock(s("volume"))
                   .str(s("name"), s("certs"))
                   .block(HclBlock(s("secret"))
                              .expr(s("secret_name"), s("var.minio_tls_secret"))
                              .block(HclBlock(s("items")).str(s("key"), s("ca.crt")).str(s("path"), s("CAs/ca.crt")))));
    // Its own component label: the MinIO service selects component=storage and must never route to this pod.
    return resource(s("kubernetes_job_v1"), s("minio_buckets"))
        .block(metadata(s("minio-buckets"), s("storage-setup")))
        .block(HclBlock(s("spec"))
                   .num(s("backoff_limit"), 10)
                   .block(HclBlock(s("template"))
                              .block(HclBlock(s("metadata")).attr(s("labels"), labels(s("storage-setup"))))
                              .block(spec)))
        .flag(s("wait_for_completion"), false)
        .attr(s("depends_on"), refs({s("kubernetes_stateful_set_v1.minio")}));
}

} // namespace

void OnPremObjectStore::render(const RenderInput& in, TerraformModule& m) {
    const QString storage = in.serviceOf(s("storage"));
    if (storage != ServiceId::KubernetesStatefulSetMinio) {
        m.variable(s("object_store_host"), s("string"),
                   s("host:port of the S3-compatible object store the platform keeps artifacts in."),
                   text(s("s3.internal:443")));
        m.file(s("storage.tf"), s("Object storage: an existing S3-compatible store."))
            .add(HclBlock(s("locals"))
                     .expr(s("object_store_host"), s("var.object_store_host"))
                     .attr(s("object_store_endpoint"), HclValue::interpolated(s("https://${var.object_store_host}"))));
        return;
    }
    const bool kms = in.customerManagedKeys();
    m.variable(s("minio_image"), s("string"),
               s("MinIO server image (pinned release, mirrored to the internal registry)."),
               text(s("quay.io/minio/minio:RELEASE.2024-08-17T01-24-54Z")));
    m.variable(s("minio_client_image"), s("string"), s("MinIO client image for the bucket set-up job."),
               text(s("quay.io/minio/mc:RELEASE.2024-08-17T11-33-50Z")));
    m.variable(
        s("minio_root_secret"), s("string"),
        s("Existing secret (keys root_user, root_password) with MinIO's root credentials, e.g. synced from Vault."),
        text(s("minio-root")));
    m.variable(s("minio_tls_secret"), s("string"),
               s("Existing TLS secret (tls.crt, tls.key, ca.crt) for the MinIO service name, e.g. from cert-manager."),
               text(s("minio-tls")));
    if (kms) {
        m.variable(s("kes_endpoint"), s("string"),
                   s("KES server in front of Vault's key store (customer-managed keys)."),
                   text(s("https://kes.vault.svc:7373")));
        m.variable(s("kes_api_key_secret"), s("string"), s("Existing secret (key api_key) with MinIO's KES API key."),
                   text(s("minio-kes")));
    }
    HclWriter& f =
        m.file(s("storage.tf"),
               kms ? s("Object storage: MinIO with TLS, versioned private buckets, SSE-KMS through KES and Vault "
                       "(customer-managed keys).")
                   : s("Object storage: MinIO with TLS, versioned private buckets, on an encrypting storage class."));
    f.add(HclBlock(s("locals"))
              .attr(s("object_store_host"),
                    HclValue::interpolated(
                        s("${local.name}-minio.${kubernetes_namespace_v1.ml.metadata[0].name}.svc:9000")))
              .attr(s("object_store_endpoint"), HclValue::interpolated(s("https://${local.object_store_host}"))));
    f.add(serviceAccount(s("minio"), false));
    // Headless: the stateful set's stable network identity, and the in-cluster endpoint clients use.
    f.add(
        resource(s("kubernetes_service_v1"), s("minio"))
            .block(metadata(s("minio"), s("storage")))
            .block(HclBlock(s("spec"))
                       .str(s("cluster_ip"), s("None"))
                       .attr(s("selector"), HclValue::object({{s("app.kubernetes.io/component"), text(s("storage"))}}))
                       .block(HclBlock(s("port"))
                                  .str(s("name"), s("https"))
                                  .num(s("port"), 9000)
                                  .str(s("target_port"), s("9000")))));
    f.add(minioStatefulSet(in, kms));
    f.add(bucketJob(in, kms));
    m.output(s("object_store_endpoint"), s("local.object_store_endpoint"), s("MinIO S3 endpoint (in-cluster, TLS)."));
}

} // namespace mlops
