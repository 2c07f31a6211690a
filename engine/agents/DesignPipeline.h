#pragma once

#include "agents/knowledge/KnowledgeBase.h"
#include "core/Question.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace mlops {

// The analysis half of the workflow run in-process, without the runtime or the database: intake, coverage,
// questions answered with their smart defaults (at most 3 rounds of 5), then planner <-> critics and policy, bounded
// like the graph (one plan plus at most `maxReplans` re-plans). It follows the graph's rules so that
// `mlops-studio-cli plan` shows what `design` would build from the same prompt and answers; tests use it too.
class DesignPipeline {
public:
    explicit DesignPipeline(std::shared_ptr<const KnowledgeBase> kb);

    struct Result {
        QJsonObject constraints;
        QJsonObject coverage;      // of the final constraints
        QList<Question> questions; // every question asked, over all rounds, in order
        QJsonObject defaultsTaken; // question id -> smart default used (not answered by the caller)
        QStringList answerErrors;  // answers that were rejected (unknown key, wrong type)
        QJsonObject plan;
        QJsonArray techFindings;
        QJsonObject costEstimate;
        QJsonArray policyFindings;
        int questionRounds = 0;
        int planIterations = 0;
        QJsonArray blockingRemaining; // blocking findings left after the last iteration

        QJsonObject toJson() const;
    };

    Result run(const QString& prompt, const QJsonObject& answers, int maxQuestionRounds = 3, int maxReplans = 3,
               double coverageThreshold = 0.75) const;

private:
    std::shared_ptr<const KnowledgeBase> m_kb;
};

} // namespace mlops
