#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// serving.tf when the plan serves from a Vertex AI online prediction endpoint: a CMEK-encrypted endpoint peered into
// the private network (private services access, no public endpoint), the model's runtime identity, and the machine
// spec and replica bounds from the plan that CI deploys each registered model version with.
class GcpVertexEndpoint {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
