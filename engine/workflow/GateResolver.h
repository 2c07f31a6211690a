#pragma once

#include "core/Question.h"
#include "events/EventBus.h"
#include "storage/Records.h"
#include "workflow/RunSettings.h"

#include <QHash>

namespace mlops {

// The outcome of applying the auto-approval rules (docs/workflow.md) or a human's answers to a gate.
struct GateDecision {
    bool resolved = false;
    GateStatus status = GateStatus::Answered;  // answered or auto-approved (when resolved)
    QJsonObject answers;                       // all answers known so far
    QList<QPair<QString, QJsonObject>> events; // answers-received / auto-approving, to publish
    bool deadlineApplied = false;              // the deadline rules ran: do not run them again for this gate
};

// Rules for HITL gates, and their durable application for runs that are parked.
namespace GateResolver {
// When a gate opens: preset answers (CLI --answers) apply; a non-interactive run takes every other default.
GateDecision openingDecision(const QList<Question>& questions, const RunSettings& settings);
// At the stored deadline: defaults with confidence >= threshold are taken, except high-priority questions
// unless critical decisions are allowed. The gate stays open while any question remains unanswered.
GateDecision deadlineDecision(const QList<Question>& questions, const QJsonObject& answeredSoFar,
                              const RunSettings& settings);
// A human's answers: each is validated; `errors` (question id -> message) blocks nothing else.
GateDecision answerDecision(const QList<Question>& questions, const QJsonObject& answeredSoFar,
                            const QJsonObject& submitted, QHash<QString, QString>* errors);
bool isAutoApprovable(const Question& question, const RunSettings& settings);
// Data of the questions-presented event.
QJsonObject presentation(const GateRecord& gate, const QList<Question>& questions, const RunSettings& settings);

// Applies `decide` to the pending gate of a parked run inside one write transaction: stores answers, resolves
// the gate at most once (another process may race), re-queues the run when resolved, appends the events.
using Decide =
    std::function<GateDecision(const GateRecord& gate, const QList<Question>& questions, const RunSettings& settings)>;
QFuture<WriteResult> applyToPendingGate(EventBus& bus, const QString& decisionSetId, Decide decide);
} // namespace GateResolver

} // namespace mlops
