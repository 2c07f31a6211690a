#include "codegen/GcpVertexEndpoint.h"

#include "codegen/GcpBlocks.h"

#include <QCryptographicHash>

namespace mlops {

using namespace TerraformSyntax;
using namespace GcpBlocks;

namespace {

// Vertex AI wants a numeric endpoint id (no leading zero, at most 10 digits). Derived from the project slug so the
// same design always renders the same id, and two projects are unlikely to collide.
qint64 endpointId(const QString& project) {
    const QByteArray digest = QCryptographicHash::hash(project.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(digest.at(i));
    return qint64(1000000000ULL + value % 8000000000ULL);
}

} // namespace

void GcpVertexEndpoint::render(const RenderInput& in, TerraformModule& m) {
    const QJsonObject size = in.size(s("serving"));
    const int minReplicas = std::max(1, size.value(s("replicas")).toInt(1));
    const int gpus = size.value(s("gpus")).toInt();
    m.variable(s("serving_endpoint_id"), s("string"),
               s("Numeric id of the Vertex AI endpoint (unique in the project and region)."),
               text(QString::number(endpointId(in.project()))));
    m.variable(s("serving_machine_type"), s("string"),
               s("Machine type of the deployed model's replicas (from the plan)."),
               text(size.value(s("instance_type")).toString(s("n2-standard-2"))));
    m.variable(s("serving_min_replicas"), s("number"),
               s("Replicas always running (from the plan, at least one per zone)."), HclValue::num(minReplicas));
    m.variable(s("serving_max_replicas"), s("number"), s("Autoscaling ceiling of the deployed model (from the plan)."),
               HclValue::num(std::max(minReplicas, size.value(s("max_replicas")).toInt(minReplicas))));
    if (gpus > 0) {
        m.variable(s("serving_accelerator_type"), s("string"), s("GPU of the serving replicas (from the plan)."),
                   text(size.value(s("gpu")).toString().toUpper().replace(QLatin1Char(' '), QLatin1Char('_'))));
        m.variable(s("serving_accelerator_count"), s("number"), s("GPUs per serving replica (from the plan)."),
                   HclValue::num(gpus));
    }

    HclWriter& f =
        m.file(s("serving.tf"), s("Serving: ") + in.component(s("serving")).value(s("service")).toString() +
                                    s("\nThe endpoint is reachable only from the VPC (private services access); CI "
                                      "deploys each approved model version to it\nwith output serving_deploy_config."));
    f.add(serviceAccount(s("serving"), s("Deployed model replicas")));
    f.add(bucketAccess(s("serving"), false));
    // Private services access: a reserved range peered with Google's service producer network, where the endpoint
    // lives.
    f.add(resource(s("google_compute_global_address"), s("private_services"))
              .attr(s("name"), named(s("private-services")))
              .str(s("purpose"), s("VPC_PEERING"))
              .str(s("address_type"), s("INTERNAL"))
              .num(s("prefix_length"), 16)
              .expr(s("network"), s("google_compute_network.main.id")));
    f.add(resource(s("google_service_networking_connection"), s("private_services"))
              .expr(s("network"), s("google_compute_network.main.id"))
              .str(s("service"), s("servicenetworking.googleapis.com"))
              .attr(s("reserved_peering_ranges"), refs({s("google_compute_global_address.private_services.name")})));
    f.add(resource(s("google_vertex_ai_endpoint"), s("serving"))
              .expr(s("name"), s("var.serving_endpoint_id"))
              .attr(s("display_name"), named(s("serving")))
              .str(s("description"), s("Online predictions of ") + in.project())
              .expr(s("location"), s("var.region"))
              .expr(s("region"), s("var.region"))
              .attr(s("network"), HclValue::interpolated(s("projects/${data.google_project.current.number}/global/"
                                                           "networks/${google_compute_network.main.name}")))
              .block(HclBlock(s("encryption_spec")).expr(s("kms_key_name"), s("google_kms_crypto_key.data.id")))
              .attr(s("depends_on"), refs({s("google_service_networking_connection.private_services"),
                                           s("google_kms_crypto_key_iam_member.vertex")})));
    m.output(s("serving_endpoint"), s("google_vertex_ai_endpoint.serving.id"),
             s("Vertex AI endpoint the model versions are deployed to"));
    QString deploy = s("{ endpoint = google_vertex_ai_endpoint.serving.name, machine_type = var.serving_machine_type, "
                       "min_replica_count = var.serving_min_replicas, max_replica_count = var.serving_max_replicas, "
                       "service_account = google_service_account.serving.email");
    if (gpus > 0)
        deploy +=
            s(", accelerator_type = var.serving_accelerator_type, accelerator_count = var.serving_accelerator_count");
    m.output(s("serving_deploy_config"), deploy + s(" }"),
             s("Machine spec, replica bounds and identity CI deploys a model version with"));
}

} // namespace mlops
