#include "codegen/AwsTerraform.h"

#include "codegen/AwsDataPipeline.h"
#include "codegen/AwsDataServices.h"
#include "codegen/AwsFoundation.h"
#include "codegen/AwsKubernetes.h"
#include "codegen/AwsOperations.h"
#include "codegen/AwsSageMaker.h"
#include "codegen/AwsServing.h"
#include "codegen/ServiceIds.h"
#include "codegen/TerraformSyntax.h"

namespace mlops {

using TerraformSyntax::s;

void AwsTerraform::render(const RenderInput& in, TerraformModule& m) const {
    int zones = 2; // an internal load balancer needs two zones even when the plan asks for one
    for (const QJsonValue& c : in.components())
        zones = std::max(zones, c.toObject().value(s("size")).toObject().value(s("zones")).toInt());
    if (in.serviceOf(s("ingestion")) == ServiceId::AwsMskCluster)
        zones = std::max(zones, 3); // one MSK broker per zone, three brokers as the catalogue sizes it
    AwsFoundation::providers(in, m);
    AwsFoundation::network(in, m, zones);
    AwsFoundation::keys(in, m);
    AwsFoundation::storage(in, m); // every design keeps data and artifacts in the lake bucket
    if (AwsKubernetes::planned(in))
        AwsKubernetes::cluster(in, m);
    AwsDataPipeline::ingestion(in, m);
    AwsDataPipeline::streaming(in, m);
    AwsDataPipeline::features(in, m);
    AwsDataPipeline::training(in, m);
    AwsDataPipeline::orchestration(in, m);
    AwsDataPipeline::tracking(in, m);
    if (in.has(s("notebooks")) && in.serviceOf(s("notebooks")) == ServiceId::AwsSagemakerDomain)
        AwsSageMaker::studioDomain(in, m);
    AwsServing::serving(in, m);
    if (in.serviceOf(s("online_store")) == ServiceId::AwsDynamodbTable)
        AwsDataServices::keyValueTable(in, m, s("online_store"));
    AwsServing::gateway(in, m);
    AwsOperations::monitoring(in, m);
    AwsOperations::delivery(in, m);
}

} // namespace mlops
