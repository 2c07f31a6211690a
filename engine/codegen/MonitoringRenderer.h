#pragma once

#include "codegen/GeneratedRepository.h"
#include "codegen/RenderInput.h"

namespace mlops {

// monitoring/: Prometheus alert rules (yaml-cpp emitter), a Grafana dashboard (QJsonDocument) and the drift job's
// schedule, with thresholds taken from the constraints (p99 target, availability) instead of made-up numbers.
class MonitoringRenderer {
public:
    static void render(const RenderInput& in, GeneratedRepository& repo);
};

} // namespace mlops
