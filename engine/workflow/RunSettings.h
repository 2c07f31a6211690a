#pragma once

#include <QJsonObject>
#include <QString>

namespace mlops {

// Per-decision-set settings, stored with the decision set so that a resumed run behaves the same.
struct RunSettings {
    int autoApproveTimeoutSec = 300;     // docs/workflow.md, gates and auto-approval
    double confidenceThreshold = 0.8;    // defaults at or above this may be auto-approved
    bool allowCriticalDecisions = false; // high-priority questions are never auto-approved unless set
    bool approveWithDefaults = false;    // non-interactive (CLI design): unanswered questions take defaults now
    int maxQuestionRounds = 3;
    int maxPlanIterations = 3;
    double coverageThreshold = 0.75;
    QJsonObject presetAnswers; // question id or constraint field -> answer (CLI --answers)
    QString outputDir;         // where codegen writes the repository
    QString projectName;       // the project's name as typed (app, CLI --project): names the repository
                               // unless the prompt states one (stated > answered > default)
    QJsonObject llm;           // provider settings without secrets
    int nodeDelayMs = 0;       // slow motion, for crash and UI tests only

    QJsonObject toJson() const;
    static RunSettings fromJson(const QJsonObject& object);
};

} // namespace mlops
