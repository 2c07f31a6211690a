#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"

namespace mlops {

// The plan's object store on the cluster (kubernetes_stateful_set.minio): MinIO as a stateful set with TLS, a
// volume per replica sized from the plan, versioned private buckets for the platform's consumers, and server-side
// encryption through KES when the plan needs customer-managed keys. Declares local.object_store_endpoint (and
// _host) for the services that keep artifacts there; without MinIO in the plan they point at an existing store.
class OnPremObjectStore {
public:
    static void render(const RenderInput& in, TerraformModule& module);
};

} // namespace mlops
