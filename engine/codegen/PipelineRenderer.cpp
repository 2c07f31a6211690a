#include "codegen/PipelineRenderer.h"

#include "codegen/CloudRenderer.h"

#include <yaml-cpp/yaml.h>

namespace mlops {

namespace {

using Steps = std::vector<std::pair<std::string, std::string>>; // name -> run

void job(YAML::Emitter& e, const std::string& id, const std::string& name, const std::vector<std::string>& needs,
         const Steps& steps, const std::vector<std::pair<std::string, std::string>>& uses, bool oidc,
         const std::string& condition = {}) {
    e << YAML::Key << id << YAML::Value << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name << YAML::Key
      << "runs-on" << YAML::Value << "ubuntu-24.04";
    if (!needs.empty())
        e << YAML::Key << "needs" << YAML::Value << YAML::Flow << needs;
    if (!condition.empty())
        e << YAML::Key << "if" << YAML::Value << condition;
    if (oidc)
        e << YAML::Key << "permissions" << YAML::Value << YAML::BeginMap << YAML::Key << "id-token" << YAML::Value
          << "write" << YAML::Key << "contents" << YAML::Value << "read" << YAML::EndMap;
    e << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
    for (const auto& [action, with] : uses) {
        e << YAML::BeginMap << YAML::Key << "uses" << YAML::Value << action;
        if (!with.empty())
            // Quoted: an unquoted "3.10" would be read as the number 3.1.
            e << YAML::Key << "with" << YAML::Value << YAML::BeginMap << YAML::Key << with.substr(0, with.find('='))
              << YAML::Value << YAML::DoubleQuoted << with.substr(with.find('=') + 1) << YAML::EndMap;
        e << YAML::EndMap;
    }
    for (const auto& [stepName, run] : steps)
        e << YAML::BeginMap << YAML::Key << "name" << YAML::Value << stepName << YAML::Key << "run" << YAML::Value
          << run << YAML::EndMap;
    e << YAML::EndSeq << YAML::EndMap;
}

// The plan job's cloud login; none on-prem, and none for a cloud the catalogue does not name.
CiLogin ciLoginOf(const RenderInput& in) {
    const std::optional<CloudTarget> target = cloudTargetFromId(in.cloud());
    return target ? CloudRenderer::create(*target)->ciLogin() : CiLogin{};
}

} // namespace

void PipelineRenderer::render(const RenderInput& in, GeneratedRepository& repo) {
    const Steps lint{{"Install", "pip install -e '.[dev]'"}, {"Ruff", "ruff check app tests"}};
    const Steps test{{"Install", "pip install -e '.[dev]'"}, {"Unit tests", "pytest -q"}};
    const Steps terraform{{"Format", "terraform -chdir=infra/terraform fmt -check -recursive"},
                          {"Init", "terraform -chdir=infra/terraform init -backend=false -input=false"},
                          {"Validate", "terraform -chdir=infra/terraform validate"}};
    const Steps plan{{"Init", "terraform -chdir=infra/terraform init -input=false"},
                     {"Plan", "terraform -chdir=infra/terraform plan -input=false -lock-timeout=5m -out=tfplan"}};
    const std::pair<std::string, std::string> checkout{"actions/checkout@v4", ""};
    const std::pair<std::string, std::string> python{"actions/setup-python@v5", "python-version=3.11"};
    const std::pair<std::string, std::string> tf{"hashicorp/setup-terraform@v3", "terraform_version=1.9.5"};

    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "ci";
    e << YAML::Key << "on" << YAML::Value << YAML::BeginMap << YAML::Key << "push" << YAML::Value << YAML::BeginMap
      << YAML::Key << "branches" << YAML::Value << YAML::Flow << std::vector<std::string>{"main"} << YAML::EndMap
      << YAML::Key << "pull_request" << YAML::Value << YAML::BeginMap << YAML::Key << "branches" << YAML::Value
      << YAML::Flow << std::vector<std::string>{"main"} << YAML::EndMap << YAML::EndMap;
    e << YAML::Key << "permissions" << YAML::Value << YAML::BeginMap << YAML::Key << "contents" << YAML::Value << "read"
      << YAML::EndMap;
    e << YAML::Key << "concurrency" << YAML::Value << YAML::BeginMap << YAML::Key << "group" << YAML::Value
      << "ci-${{ github.ref }}" << YAML::Key << "cancel-in-progress" << YAML::Value << true << YAML::EndMap;
    e << YAML::Key << "jobs" << YAML::Value << YAML::BeginMap;
    job(e, "lint", "Lint", {}, lint, {checkout, python}, false);
    job(e, "test", "Test", {"lint"}, test, {checkout, python}, false);
    job(e, "terraform", "Terraform fmt and validate", {}, terraform, {checkout, tf}, false);
    std::vector<std::pair<std::string, std::string>> planUses{checkout, tf};
    if (const CiLogin login = ciLoginOf(in); !login.action.empty())
        planUses.push_back({login.action, login.input});
    job(e, "plan", "Terraform plan", {"test", "terraform"}, plan, planUses, true, "github.ref == 'refs/heads/main'");
    e << YAML::EndMap << YAML::EndMap;
    repo.add(QStringLiteral(".github/workflows/ci.yml"), QByteArray("---\n") + QByteArray(e.c_str()) + '\n');

    YAML::Emitter g;
    const auto gitlabJob = [&g](const std::string& id, const std::string& stage, const std::string& image,
                                const Steps& steps, bool mainOnly) {
        g << YAML::Key << id << YAML::Value << YAML::BeginMap << YAML::Key << "stage" << YAML::Value << stage
          << YAML::Key << "image" << YAML::Value << image;
        if (mainOnly)
            g << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq << YAML::BeginMap << YAML::Key << "if"
              << YAML::Value << "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" << YAML::EndMap << YAML::EndSeq << YAML::Key
              << "id_tokens" << YAML::Value << YAML::BeginMap << YAML::Key << "CLOUD_ID_TOKEN" << YAML::Value
              << YAML::BeginMap << YAML::Key << "aud" << YAML::Value << "ci" << YAML::EndMap << YAML::EndMap;
        g << YAML::Key << "script" << YAML::Value << YAML::BeginSeq;
        for (const auto& step : steps)
            g << step.second;
        g << YAML::EndSeq << YAML::EndMap;
    };
    g << YAML::BeginMap << YAML::Key << "stages" << YAML::Value << YAML::Flow
      << std::vector<std::string>{"lint", "test", "terraform", "plan"};
    gitlabJob("lint", "lint", "python:3.11-slim", lint, false);
    gitlabJob("test", "test", "python:3.11-slim", test, false);
    // The terraform image's entrypoint is terraform itself; an empty entrypoint lets the script run commands.
    g << YAML::Key << ".terraform" << YAML::Value << YAML::BeginMap << YAML::Key << "image" << YAML::Value
      << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "hashicorp/terraform:1.9.5" << YAML::Key
      << "entrypoint" << YAML::Value << YAML::Flow << std::vector<std::string>{""} << YAML::EndMap << YAML::EndMap;
    g << YAML::Key << "terraform" << YAML::Value << YAML::BeginMap << YAML::Key << "extends" << YAML::Value
      << ".terraform" << YAML::Key << "stage" << YAML::Value << "terraform" << YAML::Key << "script" << YAML::Value
      << YAML::BeginSeq;
    for (const auto& step : terraform)
        g << step.second;
    g << YAML::EndSeq << YAML::EndMap;
    g << YAML::Key << "plan" << YAML::Value << YAML::BeginMap << YAML::Key << "extends" << YAML::Value << ".terraform"
      << YAML::Key << "stage" << YAML::Value << "plan" << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq
      << YAML::BeginMap << YAML::Key << "if" << YAML::Value << "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" << YAML::EndMap
      << YAML::EndSeq << YAML::Key << "id_tokens" << YAML::Value << YAML::BeginMap << YAML::Key << "CLOUD_ID_TOKEN"
      << YAML::Value << YAML::BeginMap << YAML::Key << "aud" << YAML::Value << in.project().toStdString()
      << YAML::EndMap << YAML::EndMap << YAML::Key << "script" << YAML::Value << YAML::BeginSeq;
    for (const auto& step : plan)
        g << step.second;
    g << YAML::EndSeq << YAML::EndMap << YAML::EndMap;
    repo.add(QStringLiteral(".gitlab-ci.yml"), QByteArray("---\n") + QByteArray(g.c_str()) + '\n');
}

} // namespace mlops
