#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlops::test {

// What the offline pipeline produced for one prompt, as far as the plan-quality scorer looks at it.
struct PlanObservation {
    QJsonObject constraints;      // final constraints, after the question rounds were answered with smart defaults
    QStringList firstRoundFields; // constraint fields the first question round asks about
    QJsonObject plan;
    QJsonObject costEstimate;
    QJsonArray blockingRemaining;
};

// One property of a case's expected.yaml, evaluated: `kind` is the property key (fields, sizing, gpu...), `name`
// what it is about (a field, a role), `detail` why it does not hold.
struct PlanCheck {
    QString kind;
    QString name;
    bool held = false;
    QString detail;
};

// The property language of tests/data/plan-quality (described in its README.md): each entry of expected.yaml is
// one or more checks, each one a property a senior ML platform architect insists on.
class PlanExpectation {
public:
    static QStringList styles();
    static QStringList targets();
    static QStringList controlNames();

    // Empty when `expected` only uses known keys with well-formed values; otherwise what is wrong (typos in a
    // property name must fail loudly, or a case silently checks less than its author meant).
    static QString validate(const QJsonObject& expected);

    // Every check of `expected` against `observed`, in a stable order.
    static QList<PlanCheck> evaluate(const QJsonObject& expected, const PlanObservation& observed);

    // What must be equal across the three phrasings of a paraphrase triple: pattern, role -> service, serving size.
    static QString signature(const QJsonObject& plan);
};

} // namespace mlops::test
