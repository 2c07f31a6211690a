#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformSyntax.h"

// Building blocks every GCP Terraform file uses: dedicated service accounts, the narrow IAM grants they get, and the
// plan facts (which catalogue service a role maps to) the GCP renderers branch on.
namespace mlops::GcpBlocks {

// Whether the design runs on GKE: a planned cluster, or training/serving planned as node pools (which need one).
bool usesGke(const RenderInput& in);

HclBlock serviceAccount(const QString& name, const QString& purpose);
// "serviceAccount:${google_service_account.<account>.email}"
HclValue accountMember(const QString& account);
// Object access on the data bucket only: no project-wide storage roles.
HclBlock bucketAccess(const QString& account, bool write);
HclBlock projectRole(const QString& name, const QString& account, const QString& role);
// Lets a Google-managed service agent (e.g. "gcp-sa-aiplatform") use the data key, so that service's resources can be
// CMEK-encrypted.
HclBlock keyAccessForAgent(const QString& name, const QString& agentEmail);
// Cloud Armor policy: allow the allowed ranges, deny everything else, optionally the OWASP preconfigured WAF rules.
HclBlock armorPolicy(bool waf);

} // namespace mlops::GcpBlocks
