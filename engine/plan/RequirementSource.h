#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mlops {

// A read-only view of one set requirement of the constraint object and where its value came from (the
// `provenance`, `evidence` and `derivations` maps, docs/constraints.md), as the `plan` command and the generated
// docs/architecture.md show it.
struct RequirementSource {
    QString field;
    QString value;  // as text; a list is joined with ", "
    QString source; // stated | answered | derived | default | assumed
    QString why;    // the derivation's rule for a derived value, else the evidence (a quote or "answer to ...")

    // Every field with a provenance entry and a non-empty value, in field order.
    static QList<RequirementSource> listFromConstraints(const QJsonObject& constraints);
};

} // namespace mlops
