#include "codegen/TerraformRenderer.h"

#include "codegen/CloudRenderer.h"

#include <QDebug>

namespace mlops {

namespace {

// A plan without a cloud deploys to AWS (RenderInput::cloud()); one naming a cloud the catalogue does not have cannot
// come from the planner, and is rendered as AWS too, with a warning, rather than as an empty module.
CloudTarget targetOf(const RenderInput& in) {
    if (const std::optional<CloudTarget> target = cloudTargetFromId(in.cloud()))
        return *target;
    qWarning().noquote() << QStringLiteral("codegen: the plan's cloud \"%1\" is not aws, gcp, azure or on_prem; "
                                           "rendering AWS Terraform")
                                .arg(in.cloud());
    return CloudTarget::Aws;
}

} // namespace

TerraformModule TerraformRenderer::render(const RenderInput& in) {
    TerraformModule m;
    const auto str = [](const QString& v) { return HclValue::str(v); };
    m.variable(QStringLiteral("project"), QStringLiteral("string"),
               QStringLiteral("Project name, prefix of every resource."), str(in.project()));
    m.variable(QStringLiteral("environment"), QStringLiteral("string"),
               QStringLiteral("Deployment environment (dev, staging, prod)."), str(QStringLiteral("prod")));
    m.variable(QStringLiteral("owner"), QStringLiteral("string"),
               QStringLiteral("Team accountable for the system (ownership tag)."), str(QStringLiteral("ml-platform")));
    m.variable(QStringLiteral("cost_center"), QStringLiteral("string"),
               QStringLiteral("Cost center the spend is booked to."), str(QStringLiteral("ml")));
    m.variable(QStringLiteral("data_classification"), QStringLiteral("string"),
               QStringLiteral("Classification of the data the system holds."), str(in.dataClassification()));
    // Ingress is only ever opened to these ranges; there is deliberately no way to say 0.0.0.0/0 by default.
    m.variable(QStringLiteral("allowed_cidrs"), QStringLiteral("list(string)"),
               QStringLiteral("Internal address ranges allowed to reach the services."),
               HclValue::strings({QStringLiteral("10.0.0.0/8")}));
    const std::unique_ptr<CloudRenderer> target = CloudRenderer::create(targetOf(in));
    if (target->regional())
        m.variable(QStringLiteral("region"), QStringLiteral("string"),
                   QStringLiteral("Region of every resource (from the plan)."), str(in.region()));
    target->render(in, m);
    m.finish();
    return m;
}

} // namespace mlops
