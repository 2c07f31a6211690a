#pragma once

#include "codegen/CloudTarget.h"
#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

#include <memory>
#include <string>

namespace mlops {

// The GitHub Action a CI job uses to exchange its OIDC token for short-lived cloud credentials, and its input
// ("name=value"). Empty where the job needs no cloud login.
struct CiLogin {
    std::string action;
    std::string input;
};

// What code generation does differently per deployment target, behind one interface (one renderer per target, made
// by create(), as Tiled has one map renderer per orientation). TerraformRenderer declares the inputs every target
// shares and then asks the target's renderer for the rest; the blocks several targets write the same way
// (terraform settings, locals and tags) are in TerraformSettings, the plan lookups in RenderInput.
class CloudRenderer {
public:
    virtual ~CloudRenderer() = default;

    // The renderer of a target; every CloudTarget has one.
    static std::unique_ptr<CloudRenderer> create(CloudTarget target);

    virtual CloudTarget target() const = 0;
    // Whether the target's resources live in the plan's region (var.region); an existing cluster has none.
    virtual bool regional() const { return true; }
    // The CI login of the generated workflow's plan job.
    virtual CiLogin ciLogin() const = 0;
    // The target's files of infra/terraform: providers and state, network, keys, one file per plan component.
    virtual void render(const RenderInput& in, TerraformModule& module) const = 0;
};

} // namespace mlops
