#include "codegen/TerraformRenderer.h"

#include "codegen/AwsTerraform.h"
#include "codegen/AzureTerraform.h"
#include "codegen/GcpTerraform.h"
#include "codegen/OnPremTerraform.h"

namespace mlops {

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
    const QString cloud = in.cloud();
    if (cloud != QLatin1String("on_prem"))
        m.variable(QStringLiteral("region"), QStringLiteral("string"),
                   QStringLiteral("Region of every resource (from the plan)."), str(in.region()));
    if (cloud == QLatin1String("gcp"))
        GcpTerraform::render(in, m);
    else if (cloud == QLatin1String("azure"))
        AzureTerraform::render(in, m);
    else if (cloud == QLatin1String("on_prem"))
        OnPremTerraform::render(in, m);
    else
        AwsTerraform::render(in, m);
    m.finish();
    return m;
}

} // namespace mlops
