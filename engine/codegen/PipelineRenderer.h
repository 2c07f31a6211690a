#pragma once

#include "codegen/GeneratedRepository.h"
#include "codegen/RenderInput.h"

namespace mlops {

// CI/CD of the generated repository, emitted with yaml-cpp: .github/workflows/ci.yml (lint, test, terraform fmt /
// validate, plan on main through OIDC) and the equivalent .gitlab-ci.yml.
class PipelineRenderer {
public:
    static void render(const RenderInput& in, GeneratedRepository& repo);
};

} // namespace mlops
