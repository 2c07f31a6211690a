#include "codegen/TerraformSettings.h"

namespace mlops::TerraformSettings {

using namespace TerraformSyntax;

HclBlock terraformBlock(const QList<ProviderPin>& providers, const HclBlock& backend) {
    HclBlock required(s("required_providers"));
    for (const ProviderPin& p : providers)
        required.attr(p.name, HclValue::object({{s("source"), text(p.source)}, {s("version"), text(p.version)}}));
    return HclBlock(s("terraform")).str(s("required_version"), s(">= 1.6.0")).block(required).block(backend);
}

HclBlock locals(const QString& mapName, const Entries& tags, const Entries& extra) {
    HclBlock b(s("locals"));
    b.attr(s("name"), HclValue::interpolated(s("${var.project}-${var.environment}")));
    for (const auto& [key, value] : extra)
        b.attr(key, value);
    return b.attr(mapName, HclValue::object(tags));
}

Entries ownershipTags() {
    return {{s("project"), ref(s("var.project"))},
            {s("environment"), ref(s("var.environment"))},
            {s("owner"), ref(s("var.owner"))},
            {s("cost_center"), ref(s("var.cost_center"))},
            {s("data_classification"), ref(s("var.data_classification"))},
            {s("managed_by"), text(s("terraform"))}};
}

} // namespace mlops::TerraformSettings
