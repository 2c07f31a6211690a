#include "workflow/GateResolver.h"

#include "core/Event.h"
#include "storage/GateStore.h"
#include "storage/JobQueue.h"
#include "storage/ProjectStore.h"
#include "storage/Sqlite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace mlops {

namespace {

QJsonValue presetFor(const Question& q, const QJsonObject& preset) {
    if (preset.contains(q.id))
        return preset.value(q.id);
    if (!q.field.isEmpty() && preset.contains(q.field))
        return preset.value(q.field);
    return QJsonValue::Undefined;
}

QJsonObject autoApprovingEvent(const Question& q, const QString& reason) {
    return {{QStringLiteral("question_id"), q.id},     {QStringLiteral("field"), q.field},
            {QStringLiteral("value"), q.defaultValue}, {QStringLiteral("confidence"), q.confidence},
            {QStringLiteral("priority"), q.priority},  {QStringLiteral("rationale"), q.rationale},
            {QStringLiteral("reason"), reason}};
}

bool allAnswered(const QList<Question>& questions, const QJsonObject& answers) {
    for (const Question& q : questions) {
        if (!answers.contains(q.id))
            return false;
    }
    return true;
}

} // namespace

bool GateResolver::isAutoApprovable(const Question& q, const RunSettings& settings) {
    // without a default there is nothing to take, unless leaving the question unanswered is itself an answer
    if (q.defaultValue.isUndefined() || (q.defaultValue.isNull() && !q.optional))
        return false;
    if (q.priority == QLatin1String("high") && !settings.allowCriticalDecisions)
        return false;
    return q.confidence >= settings.confidenceThreshold;
}

GateDecision GateResolver::openingDecision(const QList<Question>& questions, const RunSettings& settings) {
    GateDecision d;
    QJsonObject rejected;
    QJsonArray fromPreset;
    for (const Question& q : questions) {
        const QJsonValue preset = presetFor(q, settings.presetAnswers);
        if (preset.isUndefined())
            continue;
        const QString problem = q.validate(preset);
        if (problem.isEmpty()) {
            d.answers.insert(q.id, q.coerce(preset));
            fromPreset.append(q.id);
        } else {
            rejected.insert(q.id, problem);
        }
    }
    if (!fromPreset.isEmpty() || !rejected.isEmpty()) {
        d.events.append(qMakePair(EventType::answersReceived(),
                                  QJsonObject{{QStringLiteral("source"), QStringLiteral("answers file")},
                                              {QStringLiteral("question_ids"), fromPreset},
                                              {QStringLiteral("answers"), d.answers},
                                              {QStringLiteral("rejected"), rejected}}));
    }
    if (settings.approveWithDefaults) {
        bool defaulted = false;
        for (const Question& q : questions) {
            if (d.answers.contains(q.id))
                continue;
            d.answers.insert(q.id, q.defaultValue);
            defaulted = true;
            QString reason = QStringLiteral("non-interactive run: running the command is the approval");
            if (rejected.contains(q.id))
                reason += QStringLiteral(" (answers file value rejected: %1)").arg(rejected.value(q.id).toString());
            d.events.append({EventType::autoApproving(), autoApprovingEvent(q, reason)});
        }
        d.resolved = true;
        d.status = defaulted ? GateStatus::AutoApproved : GateStatus::Answered;
        return d;
    }
    d.resolved = allAnswered(questions, d.answers);
    d.status = GateStatus::Answered;
    return d;
}

GateDecision GateResolver::deadlineDecision(const QList<Question>& questions, const QJsonObject& answeredSoFar,
                                            const RunSettings& settings) {
    GateDecision d;
    d.answers = answeredSoFar;
    QJsonArray waiting;
    for (const Question& q : questions) {
        if (d.answers.contains(q.id))
            continue;
        if (isAutoApprovable(q, settings)) {
            d.answers.insert(q.id, q.defaultValue);
            d.events.append({EventType::autoApproving(),
                             autoApprovingEvent(q, QStringLiteral("deadline reached; default confidence %1 >= %2")
                                                       .arg(q.confidence)
                                                       .arg(settings.confidenceThreshold))});
        } else {
            const QString why = q.priority == QLatin1String("high") && !settings.allowCriticalDecisions
                                    ? QStringLiteral("high priority: needs a human")
                                    : QStringLiteral("default confidence %1 below %2")
                                          .arg(q.confidence)
                                          .arg(settings.confidenceThreshold);
            waiting.append(QJsonObject{{QStringLiteral("question_id"), q.id}, {QStringLiteral("reason"), why}});
        }
    }
    if (!waiting.isEmpty()) {
        d.events.append(
            qMakePair(EventType::autoApproving(), QJsonObject{{QStringLiteral("deadline_reached"), true},
                                                              {QStringLiteral("still_waiting_for"), waiting}}));
    }
    d.resolved = allAnswered(questions, d.answers);
    d.status = GateStatus::AutoApproved;
    d.deadlineApplied = true;
    return d;
}

GateDecision GateResolver::answerDecision(const QList<Question>& questions, const QJsonObject& answeredSoFar,
                                          const QJsonObject& submitted, QHash<QString, QString>* errors) {
    GateDecision d;
    d.answers = answeredSoFar;
    QJsonArray accepted;
    for (auto it = submitted.begin(); it != submitted.end(); ++it) {
        const auto q = std::find_if(questions.begin(), questions.end(), [&](const Question& x) {
            return x.id == it.key() || (!x.field.isEmpty() && x.field == it.key());
        });
        if (q == questions.end()) {
            errors->insert(it.key(), QStringLiteral("no such question at this gate"));
            continue;
        }
        const QString problem = q->validate(it.value());
        if (!problem.isEmpty()) {
            errors->insert(q->id, problem);
            continue;
        }
        d.answers.insert(q->id, q->coerce(it.value()));
        accepted.append(q->id);
    }
    if (!accepted.isEmpty()) {
        d.events.append(
            qMakePair(EventType::answersReceived(), QJsonObject{{QStringLiteral("source"), QStringLiteral("user")},
                                                                {QStringLiteral("question_ids"), accepted},
                                                                {QStringLiteral("answers"), d.answers}}));
    }
    d.resolved = allAnswered(questions, d.answers);
    d.status = GateStatus::Answered;
    return d;
}

QJsonObject GateResolver::presentation(const GateRecord& gate, const QList<Question>& questions,
                                       const RunSettings& settings) {
    QJsonArray autoIds;
    for (const Question& q : questions) {
        if (isAutoApprovable(q, settings))
            autoIds.append(q.id);
    }
    return {{QStringLiteral("node"), gate.node},
            {QStringLiteral("step"), gate.step},
            {QStringLiteral("questions"), questionsToJson(questions)},
            {QStringLiteral("deadline"),
             QDateTime::fromMSecsSinceEpoch(gate.deadlineMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("deadline_ms"), gate.deadlineMs},
            {QStringLiteral("timeout_sec"), settings.autoApproveTimeoutSec},
            {QStringLiteral("confidence_threshold"), settings.confidenceThreshold},
            {QStringLiteral("allow_critical_decisions"), settings.allowCriticalDecisions},
            {QStringLiteral("auto_approvable"), autoIds}};
}

QFuture<WriteResult> GateResolver::applyToPendingGate(EventBus& bus, const QString& decisionSetId, Decide decide) {
    return bus.appendAtomically(decisionSetId, [decisionSetId, decide = std::move(decide)](SqliteConnection& c) {
        EventBus::EventList events;
        const GateRecord gate = GateStore::pendingFor(c, decisionSetId);
        if (!gate.isValid())
            return events;
        const DecisionSetRecord ds = ProjectStore::decisionSet(c, decisionSetId);
        const RunSettings settings = RunSettings::fromJson(ds.settings);
        const QList<Question> questions =
            questionsFromJson(gate.questions.value(QStringLiteral("questions")).toArray());
        const GateDecision d = decide(gate, questions, settings);
        if (d.resolved) {
            if (!GateStore::resolve(c, gate.id, d.status, d.answers, {}))
                return EventBus::EventList{};
            ProjectStore::setStatus(c, decisionSetId, DecisionSetStatus::Processing);
            JobQueue::requeue(c, QStringLiteral("workflow"), decisionSetId, {});
        } else {
            if (d.answers != gate.answers)
                GateStore::saveAnswers(c, gate.id, d.answers);
            if (d.deadlineApplied)
                GateStore::markDeadlineApplied(c, gate.id);
        }
        for (const auto& e : d.events)
            events.append(e);
        return events;
    });
}

} // namespace mlops
