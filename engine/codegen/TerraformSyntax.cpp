#include "codegen/TerraformSyntax.h"

namespace mlops::TerraformSyntax {

HclValue awsPolicy(const QList<Statement>& statements) {
    QList<HclValue> list;
    for (const Statement& st : statements) {
        QList<HclValue> resources;
        for (const QString& r : st.resources)
            resources.append(HclValue::expr(r)); // references, or literals the caller quoted
        Entries e{{QStringLiteral("Effect"), HclValue::str(st.effect)}};
        if (st.principal)
            e.append({QStringLiteral("Principal"), *st.principal});
        e += Entries{{QStringLiteral("Action"), HclValue::strings(st.actions)},
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
    return awsTrustPolicy(text(s("sts:AssumeRole")),
                          {{s("Principal"), HclValue::object({{s("Service"), text(servicePrincipal)}})}});
}

HclValue awsTrustPolicy(const HclValue& action, const Entries& rest) {
    Entries statement{{s("Effect"), text(s("Allow"))}, {s("Action"), action}};
    statement.append(rest);
    return HclValue::call(s("jsonencode"),
                          HclValue::object({{s("Version"), text(s("2012-10-17"))},
                                            {s("Statement"), HclValue::list({HclValue::object(statement)})}}));
}

} // namespace mlops::TerraformSyntax
