#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "core/Question.h"

#include <QJsonObject>

#include <memory>

namespace mlops {

// adaptive_questions' logic: picks the most valuable missing, ambiguous or conflicting fields (coverage weight x
// priority, conflicts first), at most max_per_round, each with a smart default from the question bank whose
// condition holds, or the value already read from the text when it was only ambiguous.
class QuestionGenerator {
public:
    explicit QuestionGenerator(std::shared_ptr<const KnowledgeBase> kb);

    struct Scored {
        Question question;
        double value = 0.0;
        QString reason; // why it is asked: missing / ambiguous / conflict
    };

    QList<Scored> generate(const QJsonObject& constraints, const QJsonObject& coverage, const QJsonObject& answers,
                           int maxQuestions = -1) const;
    // The smart default for a bank question: {value, confidence, rationale}.
    QJsonObject smartDefault(const QJsonObject& bankQuestion, const QJsonObject& constraints) const;
    // Defaults for every missing field the bank knows, as answers (field -> value): `plan` without questions.
    QJsonObject defaultAnswers(const QJsonObject& constraints, const QJsonObject& coverage,
                               const QJsonObject& answers) const;
    // For a bank question with `ask_when_decisive: {probe: <value>}`: true when the planner's choice (pattern and
    // services) differs between the constraints as they are and with the field set to the probe value, i.e. the
    // answer is needed to choose between alternatives. Always true for other questions.
    bool isDecisive(const QJsonObject& bankQuestion, const QJsonObject& constraints) const;

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
