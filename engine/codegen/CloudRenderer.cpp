#include "codegen/CloudRenderer.h"

#include "codegen/AwsTerraform.h"
#include "codegen/AzureTerraform.h"
#include "codegen/GcpTerraform.h"
#include "codegen/OnPremTerraform.h"

namespace mlops {

std::unique_ptr<CloudRenderer> CloudRenderer::create(CloudTarget target) {
    switch (target) {
    case CloudTarget::Aws:
        return std::make_unique<AwsTerraform>();
    case CloudTarget::Gcp:
        return std::make_unique<GcpTerraform>();
    case CloudTarget::Azure:
        return std::make_unique<AzureTerraform>();
    case CloudTarget::OnPrem:
        return std::make_unique<OnPremTerraform>();
    }
    Q_UNREACHABLE();
}

} // namespace mlops
