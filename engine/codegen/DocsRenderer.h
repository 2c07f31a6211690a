#pragma once

#include "codegen/GeneratedRepository.h"
#include "codegen/RenderInput.h"

namespace mlops {

// README.md and docs/architecture.md: a mermaid diagram of the components and data flow, the components with
// their sizes, ADRs drawn from the reason cards in `decisions`, the cost table, policy results on the plan and on
// the generated Terraform, questions and answers, (once validators ran) the validation summary, and the run's LLM
// usage (or the one line saying it ran offline).
class DocsRenderer {
public:
    static void render(const RenderInput& in, GeneratedRepository& repo);
    static QString architectureMarkdown(const RenderInput& in);
    static QString readme(const RenderInput& in);
    // One line describing a component's size, e.g. "3 x m6i.large, 2 zones".
    static QString sizeSummary(const QJsonObject& size);
    // ADR-worthy reason cards: architecture, feasibility, cost, policy and approval decisions, in run order.
    static QJsonArray adrCards(const RenderInput& in);
};

} // namespace mlops
