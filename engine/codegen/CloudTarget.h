#pragma once

#include <QString>

#include <optional>

namespace mlops {

// Where the generated repository deploys: the plan's `cloud` (the catalogue's column in
// resources/knowledge/services.yaml). Each target has its own CloudRenderer.
enum class CloudTarget { Aws, Gcp, Azure, OnPrem };

// "aws" | "gcp" | "azure" | "on_prem" -> the target; nullopt for anything else.
std::optional<CloudTarget> cloudTargetFromId(const QString& id);
QString cloudTargetId(CloudTarget target);

} // namespace mlops
