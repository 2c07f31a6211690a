#pragma once

#include "codegen/GeneratedRepository.h"
#include "codegen/RenderInput.h"

namespace mlops {

// The Python application of the generated repository: feature pipeline, training pipeline, batch or online
// (FastAPI) serving as the plan's pattern says, the drift job, their tests, Dockerfiles, pyproject.toml, Makefile.
class AppScaffoldRenderer {
public:
    static void render(const RenderInput& in, GeneratedRepository& repo);
};

} // namespace mlops
