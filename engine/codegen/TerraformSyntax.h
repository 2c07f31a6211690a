#pragma once

#include <optional>

#include "codegen/HclBlock.h"

namespace mlops::TerraformSyntax {

using Entries = QList<QPair<QString, HclValue>>;

// Latin-1 text as a QString: the renderers' names and values are ASCII (QT_NO_CAST_FROM_ASCII needs it spelled out).
inline QString s(const char* latin1) {
    return QString::fromLatin1(latin1);
}

inline HclBlock resource(const QString& type, const QString& name) {
    return HclBlock(QStringLiteral("resource"), {type, name});
}
inline HclBlock data(const QString& type, const QString& name) {
    return HclBlock(QStringLiteral("data"), {type, name});
}
inline HclValue ref(const QString& expression) {
    return HclValue::expr(expression);
}
inline HclValue text(const QString& value) {
    return HclValue::str(value);
}
inline HclValue named(const QString& suffix) {
    return HclValue::interpolated(QStringLiteral("${local.name}-") + suffix);
}
inline HclValue refs(const QStringList& expressions) {
    QList<HclValue> items;
    for (const QString& e : expressions)
        items.append(HclValue::expr(e));
    return HclValue::list(items);
}

// An IAM-style statement for AWS policy documents.
struct Statement {
    QStringList actions;
    QStringList resources; // expressions (references) or quoted literals
    QString effect = QStringLiteral("Allow");
    Entries condition = {};
    // Resource and key policies name who the statement applies to; identity policies leave it empty.
    std::optional<HclValue> principal = std::nullopt;
};

// jsonencode({Version = "2012-10-17", Statement = [...]}) with explicit actions and resources: no wildcards
// unless a statement names them, so reviewers see least privilege in the diff.
HclValue awsPolicy(const QList<Statement>& statements);
// An assume-role policy for an AWS service principal (e.g. sagemaker.amazonaws.com).
HclValue awsAssumeRole(const QString& servicePrincipal);
// jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = <action>, <rest>...}]}): a trust
// policy with one statement (service, federated or pod-identity principals).
HclValue awsTrustPolicy(const HclValue& action, const Entries& rest);

} // namespace mlops::TerraformSyntax
