#pragma once

#include "codegen/CloudRenderer.h"

namespace mlops {

// Terraform for Azure: azurerm remote state, a resource group with tags, Key Vault, a private virtual network, and the
// plan components from AzureKubernetes, AzureDataPlatform, AzureGenerativeAi and AzureMonitoring.
class AzureTerraform final : public CloudRenderer {
public:
    CloudTarget target() const override { return CloudTarget::Azure; }
    CiLogin ciLogin() const override { return {"azure/login@v2", "client-id=${{ vars.AZURE_CLIENT_ID }}"}; }
    void render(const RenderInput& in, TerraformModule& module) const override;
};

} // namespace mlops
