#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"
#include "codegen/TerraformSyntax.h"

namespace mlops::AzureSyntax {

// A resource with the arguments every Azure resource shares: its name (local.name + suffix), the resource group and
// its location. Tags are added by the caller, because a few child resources do not take them.
HclBlock azure(const QString& type, const QString& name, const QString& suffix);
HclBlock roleAssignment(const QString& name, const QString& scope, const QString& role, const QString& principal);
HclBlock userIdentity(const QString& name, const QString& suffix);
HclBlock assignedIdentity(const QString& identityAddress); // identity { type = "UserAssigned" ... }
HclBlock systemIdentity();

// A subnet of the module's virtual network; `delegation` names the service it is delegated to (may be empty).
HclBlock subnet(const QString& name, const QString& prefix, const QString& delegation = {},
                const QStringList& delegationActions = {});

// A private endpoint for `target` in the endpoints subnet, with its private DNS zone linked to the virtual network,
// so the service keeps public network access off and is still reachable from the workloads. Adds three blocks.
void privateEndpoint(HclWriter& file, const QString& name, const QString& target, const QString& subresource,
                     const QString& dnsZone);
// Declares the endpoints subnet once (network.tf) when some component needs a private endpoint.
void ensureEndpointSubnet(TerraformModule& m);

// The Container Apps environment (internal load balancer in the workloads subnet) that the online model server and
// the scheduled document-ingestion job share. Written once, to containers.tf.
void ensureContainerEnvironment(const RenderInput& in, TerraformModule& m);

} // namespace mlops::AzureSyntax
