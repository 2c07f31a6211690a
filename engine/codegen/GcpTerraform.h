#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

class GcpTerraform {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
