#pragma once

#include "agents/knowledge/KnowledgeBase.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace mlops {

// Rules-based intake (the constraint object of docs/constraints.md): lexicon terms and unit-aware number parsing, with
// a confidence and the quoted span for every field it sets, the defaults it assumed, ambiguous fields and
// contradictions. Pure and deterministic; usable without the workflow runtime (CLI `extract`, tests).
class IntakeExtractor {
public:
    explicit IntakeExtractor(std::shared_ptr<const KnowledgeBase> kb);

    QJsonObject extract(const QString& prompt) const;

    // Applies answers (question id or constraint field -> value) as overrides with confidence 1.0 and evidence
    // "answer to question <id>". Unknown keys and values of the wrong type are reported in `errors` and skipped.
    QJsonObject applyAnswers(QJsonObject constraints, const QJsonObject& answers, QStringList* errors = nullptr) const;

    // The project's name as the user typed it (app, CLI --project): it becomes project_name when the text states
    // none, as an answer would (stated > answered > default). A stated name or an empty one changes nothing.
    QJsonObject applyProjectName(const QJsonObject& constraints, const QString& projectName) const;

    // Checks one answer against the schema; returns the normalised value or sets `error`.
    QJsonValue normaliseAnswer(const QString& field, const QJsonValue& value, QString* error) const;
    // Constraint field a question id or field name refers to, or empty.
    QString fieldForKey(const QString& key) const;

    static QStringList fieldNames();
    static QStringList metaNames();
    // Allowed values of an enumerated field (single or list), empty for free fields.
    static QStringList allowedValues(const QString& field);
    static QString bandForBudget(double usd);
    static QString bandForThroughput(double perDay);

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
