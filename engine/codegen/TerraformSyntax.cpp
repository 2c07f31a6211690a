#include "codegen/TerraformSyntax.h"

namespace mlops::TerraformSyntax {

HclValue awsPolicy(const QList<Statement>& statements) {
    QList<HclValue> list;
    for (const Statement& st : statements) {
        QList<HclValue> resources;
        for (const QString& r : st.resources)
            resources.append(HclValue::expr(r)); // references, or literals the caller quoted
        Entries e{{QStringLiteral("Effect"), HclValue::str(st.effect)},
                  {QStringLiteral("Action"), HclValue::strings(st.actions)},
                  {QStringLiteral("Resource"), HclValue::list(resources)}};
        if (!st.condition.isEmpty())
            e.append({QStringLiteral("Condition"), HclValue::object(st.condition)});
        list.append(HclValue::object(e));
    }
    return HclValue::call(QStringLiteral("jsonencode"),
                          HclValue::object({{QStringLiteral("Version"), HclValue::str(QStringLiteral("2012-10-17"))},
                                            {QStringLiteral("Statement"), HclValue::list(list)}}));
}

HclValue awsAssumeRole(const QString& servicePrincipal) {
    const HclValue statement =
        HclValue::object({{QStringLiteral("Effect"), HclValue::str(QStringLiteral("Allow"))},
                          {QStringLiteral("Action"), HclValue::str(QStringLiteral("sts:AssumeRole"))},
                          {QStringLiteral("Principal"),
                           HclValue::object({{QStringLiteral("Service"), HclValue::str(servicePrincipal)}})}});
    return HclValue::call(QStringLiteral("jsonencode"),
                          HclValue::object({{QStringLiteral("Version"), HclValue::str(QStringLiteral("2012-10-17"))},
                                            {QStringLiteral("Statement"), HclValue::list({statement})}}));
}

} // namespace mlops::TerraformSyntax
