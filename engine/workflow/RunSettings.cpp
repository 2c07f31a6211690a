#include "workflow/RunSettings.h"

namespace mlops {

QJsonObject RunSettings::toJson() const {
    return QJsonObject{
        {QStringLiteral("auto_approve_timeout_sec"), autoApproveTimeoutSec},
        {QStringLiteral("confidence_threshold"), confidenceThreshold},
        {QStringLiteral("allow_critical_decisions"), allowCriticalDecisions},
        {QStringLiteral("approve_with_defaults"), approveWithDefaults},
        {QStringLiteral("max_question_rounds"), maxQuestionRounds},
        {QStringLiteral("max_plan_iterations"), maxPlanIterations},
        {QStringLiteral("coverage_threshold"), coverageThreshold},
        {QStringLiteral("preset_answers"), presetAnswers},
        {QStringLiteral("output_dir"), outputDir},
        {QStringLiteral("project_name"), projectName},
        {QStringLiteral("llm"), llm},
        {QStringLiteral("node_delay_ms"), nodeDelayMs},
    };
}

RunSettings RunSettings::fromJson(const QJsonObject& o) {
    RunSettings s;
    s.autoApproveTimeoutSec = o.value(QStringLiteral("auto_approve_timeout_sec")).toInt(s.autoApproveTimeoutSec);
    s.confidenceThreshold = o.value(QStringLiteral("confidence_threshold")).toDouble(s.confidenceThreshold);
    s.allowCriticalDecisions = o.value(QStringLiteral("allow_critical_decisions")).toBool(s.allowCriticalDecisions);
    s.approveWithDefaults = o.value(QStringLiteral("approve_with_defaults")).toBool(s.approveWithDefaults);
    s.maxQuestionRounds = o.value(QStringLiteral("max_question_rounds")).toInt(s.maxQuestionRounds);
    s.maxPlanIterations = o.value(QStringLiteral("max_plan_iterations")).toInt(s.maxPlanIterations);
    s.coverageThreshold = o.value(QStringLiteral("coverage_threshold")).toDouble(s.coverageThreshold);
    s.presetAnswers = o.value(QStringLiteral("preset_answers")).toObject();
    s.outputDir = o.value(QStringLiteral("output_dir")).toString();
    s.projectName = o.value(QStringLiteral("project_name")).toString();
    s.llm = o.value(QStringLiteral("llm")).toObject();
    s.nodeDelayMs = o.value(QStringLiteral("node_delay_ms")).toInt(0);
    return s;
}

} // namespace mlops
