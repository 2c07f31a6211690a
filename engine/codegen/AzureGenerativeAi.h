#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The retrieval-augmented generation services of the LLM patterns on Azure: Azure OpenAI (a private, Entra-only
// account with regional chat and embedding deployments sized from the planned token volume), Azure AI Search as the
// vector index, and the scheduled Container Apps job that chunks and embeds the source documents.
class AzureGenerativeAi {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
