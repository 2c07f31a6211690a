#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// infra/terraform for the plan's cloud (AWS, GCP, Azure; Kubernetes for on-prem): the cloud's files plus the
// inputs every cloud shares (project, environment, ownership and classification tags, allowed network ranges).
class TerraformRenderer {
public:
    static TerraformModule render(const RenderInput& in);
};

} // namespace mlops
