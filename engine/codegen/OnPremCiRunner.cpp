#include "codegen/OnPremCiRunner.h"

#include "codegen/OnPremBlocks.h"
#include "codegen/ServiceIds.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace OnPremBlocks;

namespace {

const QString kNamespace = QStringLiteral("kubernetes_namespace_v1.ci.metadata[0].name");

HclBlock ciMetadata(const QString& name) {
    return HclBlock(s("metadata"))
        .attr(s("name"), named(name))
        .expr(s("namespace"), kNamespace)
        .attr(s("labels"), labels(s("ci")));
}

HclBlock ruleBlock(const QStringList& resources, const QStringList& verbs) {
    return HclBlock(s("rule"))
        .attr(s("api_groups"), HclValue::strings({QString()}))
        .attr(s("resources"), HclValue::strings(resources))
        .attr(s("verbs"), HclValue::strings(verbs));
}

} // namespace

void OnPremCiRunner::render(const RenderInput& in, TerraformModule& m) {
    if (in.serviceOf(s("ci_cd")) != ServiceId::KubernetesDeployment)
        return;
    m.variable(s("gitlab_url"), s("string"), s("GitLab instance the runner registers with."),
               text(s("https://gitlab.internal")));
    m.variable(s("gitlab_runner_image"), s("string"),
               s("GitLab Runner image (pinned, mirrored to the internal registry)."),
               text(s("gitlab/gitlab-runner:v17.3.1")));
    m.variable(s("gitlab_runner_token_secret"), s("string"),
               s("Existing secret (key runner_token) with the runner authentication token (glrt-...)."),
               text(s("gitlab-runner-token")));
    HclWriter& f = m.file(s("ci.tf"), s("CI/CD: a self-hosted GitLab runner (Kubernetes executor) whose build pods run "
                                        "in their own namespace, away from the data."));
    // Builds may need more than the data namespace's restricted profile (image builds), so they get a namespace
    // of their own at `baseline`, with no ingress at all.
    f.add(securedNamespace(s("ci"), named(s("ci")), s("baseline")));
    f.add(resource(s("kubernetes_network_policy_v1"), s("ci_deny_ingress"))
              .block(ciMetadata(s("ci-deny-ingress")))
              .block(HclBlock(s("spec"))
                         .block(HclBlock(s("pod_selector")))
                         .attr(s("policy_types"), HclValue::strings({s("Ingress")}))));
    f.add(resource(s("kubernetes_service_account_v1"), s("ci_runner"))
              .block(ciMetadata(s("ci-runner")))
              .flag(s("automount_service_account_token"), true));
    // What the Kubernetes executor does, in this namespace only: start build pods, attach and exec into them, read
    // their logs, and hand them per-job secrets and config maps.
    f.add(resource(s("kubernetes_role_v1"), s("ci_runner"))
              .block(ciMetadata(s("ci-runner")))
              .block(ruleBlock({s("pods")}, {s("create"), s("delete"), s("get"), s("list"), s("watch")}))
              .block(ruleBlock({s("pods/exec"), s("pods/attach")}, {s("create"), s("get")}))
              .block(ruleBlock({s("pods/log")}, {s("get"), s("list")}))
              .block(ruleBlock({s("secrets"), s("configmaps")}, {s("create"), s("delete"), s("get"), s("update")})));
    f.add(resource(s("kubernetes_role_binding_v1"), s("ci_runner"))
              .block(ciMetadata(s("ci-runner")))
              .block(HclBlock(s("role_ref"))
                         .str(s("api_group"), s("rbac.authorization.k8s.io"))
                         .str(s("kind"), s("Role"))
                         .expr(s("name"), s("kubernetes_role_v1.ci_runner.metadata[0].name")))
              .block(HclBlock(s("subject"))
                         .str(s("kind"), s("ServiceAccount"))
                         .expr(s("name"), s("kubernetes_service_account_v1.ci_runner.metadata[0].name"))
                         .expr(s("namespace"), kNamespace)));
    const QString script =
        s("gitlab-runner register --non-interactive --config /tmp/config.toml --url \"$CI_SERVER_URL\" --token "
          "\"$RUNNER_TOKEN\" "
          "--executor kubernetes --kubernetes-namespace \"$BUILD_NAMESPACE\" "
          "--kubernetes-pod-security-context-run-as-non-root=true --kubernetes-pod-security-context-run-as-user=10001\n"
          "exec gitlab-runner run --config /tmp/config.toml --working-directory /tmp");
    HclBlock main =
        container(s("gitlab-runner"), s("var.gitlab_runner_image"), {s("/bin/sh"), s("-c"), script}, Capacity{1, 1, 0});
    main.block(HclBlock(s("env")).str(s("name"), s("CI_SERVER_URL")).expr(s("value"), s("var.gitlab_url")))
        .block(HclBlock(s("env")).str(s("name"), s("BUILD_NAMESPACE")).expr(s("value"), kNamespace))
        .block(HclBlock(s("env"))
                   .str(s("name"), s("RUNNER_TOKEN"))
                   .block(HclBlock(s("value_from"))
                              .block(HclBlock(s("secret_key_ref"))
                                         .expr(s("name"), s("var.gitlab_runner_token_secret"))
                                         .str(s("key"), s("runner_token")))));
    f.add(resource(s("kubernetes_deployment_v1"), s("ci_runner"))
              .block(ciMetadata(s("ci-runner")))
              .block(HclBlock(s("spec"))
                         .num(s("replicas"), 1)
                         .block(HclBlock(s("selector"))
                                    .attr(s("match_labels"),
                                          HclValue::object({{s("app.kubernetes.io/component"), text(s("ci"))}})))
                         .block(HclBlock(s("template"))
                                    .block(HclBlock(s("metadata")).attr(s("labels"), labels(s("ci"))))
                                    .block(podSpec(s("kubernetes_service_account_v1.ci_runner.metadata[0].name"),
                                                   QString(), main)))));
}

} // namespace mlops
