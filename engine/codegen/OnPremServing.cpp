#include "codegen/OnPremServing.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

HclValue componentSelector() {
    return HclValue::object({{s("app.kubernetes.io/component"), text(s("serving"))}});
}

HclBlock gpuToleration() {
    return HclBlock(s("toleration"))
        .str(s("key"), s("nvidia.com/gpu"))
        .str(s("operator"), s("Exists"))
        .str(s("effect"), s("NoSchedule"));
}

HclBlock deployment(int replicas, const HclBlock& podSpecBlock) {
    return resource(s("kubernetes_deployment_v1"), s("serving"))
        .block(metadata(s("serving"), s("serving")))
        .block(HclBlock(s("spec"))
                   .num(s("replicas"), replicas)
                   .block(HclBlock(s("selector")).attr(s("match_labels"), componentSelector()))
                   .block(HclBlock(s("template"))
                              .block(HclBlock(s("metadata")).attr(s("labels"), labels(s("serving"))))
                              .block(podSpecBlock)));
}

HclBlock service(int port) {
    return resource(s("kubernetes_service_v1"), s("serving"))
        .block(metadata(s("serving"), s("serving")))
        .block(HclBlock(s("spec"))
                   .attr(s("selector"), componentSelector())
                   .block(HclBlock(s("port"))
                              .str(s("name"), s("http"))
                              .num(s("port"), port)
                              .str(s("target_port"), QString::number(port))));
}

// The FastAPI model server (app/serving/service.py) with an autoscaler over the plan's replica range.
void modelServer(const RenderInput& in, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const Capacity c = capacity(size, 1, 2);
    HclBlock main =
        container(s("model-server"), s("var.app_image"),
                  {s("uvicorn"), s("app.serving.service:app"), s("--host"), s("0.0.0.0"), s("--port"), s("8080")}, c);
    main.block(HclBlock(s("port")).str(s("name"), s("http")).num(s("container_port"), 8080))
        .block(HclBlock(s("readiness_probe"))
                   .num(s("period_seconds"), 10)
                   .block(HclBlock(s("http_get")).str(s("path"), s("/health")).str(s("port"), s("8080"))));
    HclBlock spec = podSpec(s("kubernetes_service_account_v1.serving.metadata[0].name"), QString(), main);
    if (c.gpus > 0)
        spec.block(gpuToleration());
    f.add(deployment(replicas, spec));
    f.add(resource(s("kubernetes_horizontal_pod_autoscaler_v2"), s("serving"))
              .block(metadata(s("serving"), s("serving")))
              .block(HclBlock(s("spec"))
                         .num(s("min_replicas"), replicas)
                         .num(s("max_replicas"), std::max(replicas, size.value(s("max_replicas")).toInt(replicas)))
                         .block(HclBlock(s("scale_target_ref"))
                                    .str(s("api_version"), s("apps/v1"))
                                    .str(s("kind"), s("Deployment"))
                                    .expr(s("name"), s("kubernetes_deployment_v1.serving.metadata[0].name")))
                         .block(HclBlock(s("metric"))
                                    .str(s("type"), s("Resource"))
                                    .block(HclBlock(s("resource"))
                                               .str(s("name"), s("cpu"))
                                               .block(HclBlock(s("target"))
                                                          .str(s("type"), s("Utilization"))
                                                          .num(s("average_utilization"), 60))))));
    f.add(service(8080));
}

// vLLM's OpenAI-compatible server on GPU nodes. Weights come from a pre-loaded volume (the cluster may be air-gapped),
// tensor-parallel over the GPUs the plan sized per replica. GPU replicas are fixed: CPU load says nothing about them.
void vllm(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const Capacity c = capacity(size, 4, 16);
    m.variable(s("vllm_image"), s("string"),
               s("vLLM OpenAI-compatible server image (pinned, mirrored to the internal registry)."),
               text(s("vllm/vllm-openai:v0.6.3")));
    m.variable(s("llm_model"), s("string"), s("Model directory on the weights volume, also the served model name."),
               text(s("model")));
    m.variable(s("llm_weights_claim"), s("string"), s("Existing ReadOnlyMany volume claim holding the model weights."),
               text(s("llm-weights")));
    const HclValue args =
        HclValue::list({text(s("--model")), HclValue::interpolated(s("/models/${var.llm_model}")),
                        text(s("--served-model-name")), ref(s("var.llm_model")), text(s("--port")), text(s("8000")),
                        text(s("--tensor-parallel-size")), text(QString::number(std::max(1, c.gpus)))});
    HclBlock main = container(s("vllm"), s("var.vllm_image"), {}, c, args);
    main.block(HclBlock(s("port")).str(s("name"), s("http")).num(s("container_port"), 8000))
        .block(HclBlock(s("env")).str(s("name"), s("HF_HUB_OFFLINE")).str(s("value"), s("1")))
        .block(HclBlock(s("env")).str(s("name"), s("HOME")).str(s("value"), s("/tmp")))
        .block(HclBlock(s("volume_mount"))
                   .str(s("name"), s("weights"))
                   .str(s("mount_path"), s("/models"))
                   .flag(s("read_only"), true))
        .block(HclBlock(s("volume_mount")).str(s("name"), s("shm")).str(s("mount_path"), s("/dev/shm")))
        .block(HclBlock(s("readiness_probe"))
                   .num(s("initial_delay_seconds"), 60)
                   .num(s("period_seconds"), 10)
                   .block(HclBlock(s("http_get")).str(s("path"), s("/health")).str(s("port"), s("8000"))));
    HclBlock spec = podSpec(s("kubernetes_service_account_v1.serving.metadata[0].name"), QString(), main);
    spec.block(HclBlock(s("volume"))
                   .str(s("name"), s("weights"))
                   .block(HclBlock(s("persistent_volume_claim"))
                              .expr(s("claim_name"), s("var.llm_weights_claim"))
                              .flag(s("read_only"), true)))
        .block(HclBlock(s("volume"))
                   .str(s("name"), s("shm"))
                   .block(HclBlock(s("empty_dir")).str(s("medium"), s("Memory")).str(s("size_limit"), s("16Gi"))));
    if (c.gpus > 0)
        spec.block(gpuToleration());
    f.add(deployment(replicas, spec));
    f.add(service(8000));
}

// KServe's controller (RawDeployment: plain Deployments and HPAs, no Knative or Istio) and the InferenceService.
// kubernetes_manifest needs the CRD at plan time, so the first apply installs the charts before the rest.
void kserve(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("serving"));
    const int replicas = std::max(1, size.value(s("replicas")).toInt(1));
    const Capacity c = capacity(size, 1, 2);
    m.variable(s("install_kserve"), s("bool"),
               s("Install KServe (needs cert-manager); false where the cluster ships it, e.g. OpenShift AI."),
               HclValue::boolean(true));
    m.variable(s("model_storage_uri"), s("string"),
               s("Model the InferenceService serves (an MLflow registry artifact on the object store)."),
               text(s("s3://mlflow/") + in.project() + s("/production")));
    m.variable(s("model_store_secret"), s("string"),
               s("Existing secret with read-only object-store keys for KServe's storage initializer."),
               text(s("kserve-model-store")));
    // KServe's own ingress would be plain HTTP without authentication: the platform publishes the predictor
    // service itself (TLS, OIDC), like any other API.
    const bool viaIngress = in.plans(ServiceId::HelmReleaseIngressNginx);
    const Entries controller{
        {s("deploymentMode"), text(s("RawDeployment"))},
        {s("gateway"), HclValue::object({{s("disableIngressCreation"), HclValue::boolean(viaIngress)}})}};
    auto release = [&](const QString& name, const QString& chart, const HclValue& values) {
        HclBlock h = helmRelease(m, name, s("oci://ghcr.io/kserve/charts"), chart, s("v0.13.1"), values);
        return h.str(s("namespace"), s("kserve"))
            .flag(s("create_namespace"), true)
            .expr(s("count"), s("var.install_kserve ? 1 : 0"));
    };
    f.add(release(s("kserve_crd"), s("kserve-crd"), HclValue::object({})));
    f.add(
        release(s("kserve"), s("kserve"),
                HclValue::object({{s("kserve"), HclValue::object({{s("controller"), HclValue::object(controller)}})}}))
            .attr(s("depends_on"), refs({s("helm_release.kserve_crd")})));
    f.add(
        serviceAccount(s("serving"), false).block(HclBlock(s("secret")).expr(s("name"), s("var.model_store_secret"))));
    const HclValue securityContext =
        HclValue::object({{s("runAsNonRoot"), HclValue::boolean(true)},
                          {s("allowPrivilegeEscalation"), HclValue::boolean(false)},
                          {s("capabilities"), HclValue::object({{s("drop"), HclValue::strings({s("ALL")})}})},
                          {s("seccompProfile"), HclValue::object({{s("type"), text(s("RuntimeDefault"))}})}});
    const HclValue manifest = HclValue::object({
        {s("apiVersion"), text(s("serving.kserve.io/v1beta1"))},
        {s("kind"), text(s("InferenceService"))},
        {s("metadata"),
         HclValue::object({{s("name"), named(s("model"))},
                           {s("namespace"), ref(namespaceRef())},
                           {s("labels"), labels(s("serving"))},
                           {s("annotations"),
                            HclValue::object({{s("serving.kserve.io/deploymentMode"), text(s("RawDeployment"))},
                                              {s("serving.kserve.io/autoscalerClass"), text(s("hpa"))},
                                              {s("serving.kserve.io/metric"), text(s("cpu"))},
                                              {s("serving.kserve.io/targetUtilizationPercentage"), text(s("60"))}})}})},
        {s("spec"),
         HclValue::object(
             {{s("predictor"),
               HclValue::object({
                   {s("minReplicas"), HclValue::num(replicas)},
                   {s("maxReplicas"), HclValue::num(std::max(replicas, size.value(s("max_replicas")).toInt(replicas)))},
                   {s("serviceAccountName"), ref(s("kubernetes_service_account_v1.serving.metadata[0].name"))},
                   {s("model"),
                    HclValue::object({{s("modelFormat"), HclValue::object({{s("name"), text(in.primaryFramework())}})},
                                      {s("protocolVersion"), text(s("v2"))},
                                      {s("storageUri"), ref(s("var.model_storage_uri"))},
                                      {s("resources"), resourcesValue(c)},
                                      {s("securityContext"), securityContext}})},
               })}})},
    });
    f.add(resource(s("kubernetes_manifest"), s("inference_service"))
              .attr(s("manifest"), manifest)
              .block(HclBlock(s("wait")).block(
                  HclBlock(s("condition")).str(s("type"), s("Ready")).str(s("status"), s("True"))))
              .attr(s("depends_on"), refs({s("helm_release.kserve")})));
    if (!viaIngress)
        m.output(s("serving_url"),
                 s("\"http://${local.name}-model-predictor.${kubernetes_namespace_v1.ml.metadata[0].name}.svc\""),
                 s("Prediction API (in-cluster, V2 inference protocol)."));
}

// Published through the platform's ingress: TLS with the internal certificate, OIDC through the auth proxy.
void ingress(const RenderInput& in, TerraformModule& m, HclWriter& f, const HclValue& backendService, int port) {
    m.variable(s("serving_hostname"), s("string"), s("Internal DNS name of the prediction API."),
               text(s("api.") + in.project() + s(".internal")));
    m.variable(s("serving_tls_secret"), s("string"),
               s("Existing TLS secret for the prediction API host, e.g. from cert-manager."), text(s("serving-tls")));
    m.variable(s("oidc_auth_url"), s("string"),
               s("Auth endpoint of the OIDC proxy (e.g. oauth2-proxy) that every request is checked against."),
               text(s("https://auth.") + in.project() + s(".internal/oauth2/auth")));
    f.add(
        resource(s("kubernetes_ingress_v1"), s("serving"))
            .block(
                HclBlock(s("metadata"))
                    .attr(s("name"), named(s("serving")))
                    .expr(s("namespace"), namespaceRef())
                    .attr(s("labels"), labels(s("serving")))
                    .attr(s("annotations"),
                          HclValue::object({{s("nginx.ingress.kubernetes.io/auth-url"), ref(s("var.oidc_auth_url"))},
                                            {s("nginx.ingress.kubernetes.io/force-ssl-redirect"), text(s("true"))}})))
            .block(
                HclBlock(s("spec"))
                    .expr(s("ingress_class_name"), s("local.ingress_class"))
                    .block(HclBlock(s("tls"))
                               .attr(s("hosts"), refs({s("var.serving_hostname")}))
                               .expr(s("secret_name"), s("var.serving_tls_secret")))
                    .block(HclBlock(s("rule"))
                               .expr(s("host"), s("var.serving_hostname"))
                               .block(HclBlock(s("http")).block(
                                   HclBlock(s("path"))
                                       .str(s("path"), s("/"))
                                       .str(s("path_type"), s("Prefix"))
                                       .block(HclBlock(s("backend"))
                                                  .block(HclBlock(s("service"))
                                                             .attr(s("name"), backendService)
                                                             .block(HclBlock(s("port")).num(s("number"), port)))))))));
    m.output(s("serving_url"), s("\"https://${var.serving_hostname}\""), s("Prediction API (TLS, OIDC)."));
}

} // namespace

void OnPremServing::render(const RenderInput& in, TerraformModule& m) {
    if (!in.onlineServing())
        return; // batch scoring is a job (OnPremJobs)
    const QJsonObject c = in.component(s("serving"));
    const QString id = c.value(s("service_id")).toString();
    const QString kind = c.value(s("component")).toString();
    const bool viaIngress = in.plans(ServiceId::HelmReleaseIngressNginx);
    if (id == ServiceId::KubernetesManifestInferenceService) {
        HclWriter& f = m.file(s("serving.tf"),
                              s("Online serving: KServe InferenceService (RawDeployment, autoscaled over the plan's "
                                "replica range). First apply: terraform apply -target=helm_release.kserve_crd "
                                "-target=helm_release.kserve, then terraform apply."));
        kserve(in, m, f);
        if (viaIngress) // KServe names the predictor's service <isvc>-predictor (port 80)
            ingress(in, m, f, named(s("model-predictor")), 80);
        return;
    }
    const bool llm = kind == QLatin1String("llm_gpu_serving") || kind == QLatin1String("llm_managed_api");
    HclWriter& f =
        m.file(s("serving.tf"),
               llm ? s("Online serving: vLLM (OpenAI-compatible API) on GPU nodes, replicas from the plan.")
                   : s("Online serving: FastAPI model server with autoscaling from the plan's replica range."));
    f.add(serviceAccount(s("serving"), false));
    if (llm)
        vllm(in, m, f);
    else
        modelServer(in, f);
    if (viaIngress)
        ingress(in, m, f, ref(s("kubernetes_service_v1.serving.metadata[0].name")), llm ? 8000 : 8080);
}

} // namespace mlops
