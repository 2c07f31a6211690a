#include "codegen/RepositoryRenderer.h"

#include "agents/PolicyEvaluator.h"
#include "codegen/AppScaffoldRenderer.h"
#include "codegen/DocsRenderer.h"
#include "codegen/MonitoringRenderer.h"
#include "codegen/PipelineRenderer.h"
#include "codegen/TerraformRenderer.h"

namespace mlops {

RepositoryRenderer::RepositoryRenderer(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QJsonArray RepositoryRenderer::terraformResources(const RenderInput& in) {
    return TerraformRenderer::render(in).resources();
}

GeneratedRepository RepositoryRenderer::render(const RenderInput& input) const {
    GeneratedRepository repo;
    RenderInput in = input;
    const TerraformModule terraform = TerraformRenderer::render(in);
    for (const auto& [path, text] : terraform.files())
        repo.add(path, text, QStringLiteral("terraform"));
    repo.terraformResources = terraform.resources();
    in.terraformPolicy = PolicyEvaluator(m_kb).evaluateTerraform(in.constraints, repo.terraformResources);
    DocsRenderer::render(in, repo);
    PipelineRenderer::render(in, repo);
    AppScaffoldRenderer::render(in, repo);
    MonitoringRenderer::render(in, repo);
    return repo;
}

} // namespace mlops
