#pragma once

#include "codegen/TerraformSyntax.h"

namespace mlops::TerraformSettings {

// The blocks of providers.tf that every target writes the same way, so the pinned Terraform version and the
// ownership tags cannot drift apart between clouds (docs/architecture.md, Code generation).

// A provider pinned in required_providers: `<name> = { source = "<source>", version = "<version>" }`.
struct ProviderPin {
    QString name;
    QString source;
    QString version;
};

// terraform { required_version, required_providers { ... }, backend "<type>" { ... } }.
HclBlock terraformBlock(const QList<ProviderPin>& providers, const HclBlock& backend);

// locals { name = "${var.project}-${var.environment}", <extra...>, <mapName> = { <tags...> } }: the name prefix of
// every resource and the map the provider applies to all of them (tags on AWS and Azure, labels on GCP and
// Kubernetes).
HclBlock locals(const QString& mapName, const TerraformSyntax::Entries& tags,
                const TerraformSyntax::Entries& extra = {});

// project, environment, owner, cost_center, data_classification and managed_by = "terraform", from the variables
// TerraformRenderer declares: the ownership tags of the cloud targets.
TerraformSyntax::Entries ownershipTags();

} // namespace mlops::TerraformSettings
