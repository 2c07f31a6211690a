#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The budget option for tracking: one MLflow task on Fargate in the private subnets, runs in SQLite on an encrypted
// EFS volume (survives task restarts), artifacts under mlflow/ in the lake bucket. Port 5000 is open to the VPC
// only; the task role may touch the mlflow/ prefix and nothing else.
class AwsMlflowOnFargate {
public:
    // tracking.tf for the budget tracking option (service aws_ecs_service); the ECS cluster is created here unless
    // the online model server's cluster exists already.
    static void render(const RenderInput& in, TerraformModule& m, bool servingClusterExists);
};

} // namespace mlops
