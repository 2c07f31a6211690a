#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "codegen/GeneratedRepository.h"
#include "codegen/RenderInput.h"

#include <memory>

namespace mlops {

// The whole repository of docs/generated-repository.md from the workflow state, in memory: Terraform, docs, CI, app,
// monitoring, Makefile. Pure and deterministic (sorted paths, no clocks, no hash-order iteration): the same state gives
// byte-identical files. The policy packs run on the Terraform resource model before the docs are written, so
// docs/architecture.md shows the same results the validators will find.
class RepositoryRenderer {
public:
    explicit RepositoryRenderer(std::shared_ptr<const KnowledgeBase> kb);

    GeneratedRepository render(const RenderInput& in) const;

    // The Terraform resource model ({type, name, attributes, file, line}) for this input, for policy re-runs.
    static QJsonArray terraformResources(const RenderInput& in);

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
