#include "cli/RunFollower.h"

#include "Studio.h"
#include "core/Question.h"
#include "events/EventSubscription.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>

namespace mlops {

RunFollower::RunFollower(Studio& studio, QString decisionSetId, QTextStream* ndjson)
    : m_studio(studio)
    , m_decisionSetId(std::move(decisionSetId))
    , m_ndjson(ndjson) {}

RunOutcome RunFollower::wait(QString* error) {
    QEventLoop loop; // the CLI's main loop: nothing else runs in this process's main thread
    RunOutcome outcome = RunOutcome::Failed;
    if (m_ndjson) {
        EventSubscription* sub = m_studio.subscribe(m_decisionSetId, this);
        connect(sub, &EventSubscription::eventReceived, this, [this](const Event& e) {
            *m_ndjson << QString::fromUtf8(e.toNdjsonLine());
            m_ndjson->flush();
        });
    }
    connect(&m_studio, &Studio::runEnded, &loop, [&](const QString& ds, RunOutcome result, const QString& message) {
        if (ds != m_decisionSetId || result == RunOutcome::Abandoned)
            return;
        outcome = result;
        if (error)
            *error = message;
        loop.quit();
    });
    connect(&m_studio, &Studio::operationFailed, &loop, [&](const QString& ds, const QString& message) {
        if (ds != m_decisionSetId)
            return;
        outcome = RunOutcome::Failed;
        if (error)
            *error = message;
        loop.quit();
    });
    loop.exec();
    // Events published right before the end are still queued to us: drain them before returning.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return outcome;
}

void RunSummary::print(Studio& studio, const QString& decisionSetId, RunOutcome outcome, const QString& error,
                       QTextStream& out) {
    const DecisionSetRecord ds = studio.decisionSet(decisionSetId);
    out << "decision set " << decisionSetId << " (version " << ds.version << "): " << outcomeName(outcome) << '\n';
    if (!error.isEmpty())
        out << "reason: " << error << '\n';
    if (outcome == RunOutcome::Waiting) {
        const GateRecord gate = studio.pendingGate(decisionSetId);
        out << "waiting for answers at " << gate.node << "; answer with: mlops-studio-cli answer " << decisionSetId
            << " --answers FILE (or --accept-defaults)\n";
        for (const Question& q : questionsFromJson(gate.questions.value(QStringLiteral("questions")).toArray())) {
            const QString def =
                q.defaultValue.isNull() ? QStringLiteral("none") : q.defaultValue.toVariant().toString();
            out << "  [" << q.priority << "] " << q.id << ": " << q.text << " (default: " << def << ", confidence "
                << q.confidence << (q.optional ? ", may be left unanswered" : "") << ")\n";
        }
    }
    const QJsonObject result = ds.result;
    const QString root = ds.settings.value(QStringLiteral("output_dir")).toString();
    if (outcome == RunOutcome::Completed && !root.isEmpty()) {
        const QJsonObject commit = result.value(QStringLiteral("commit")).toObject();
        out << "repository: " << root;
        if (!commit.value(QStringLiteral("sha")).toString().isEmpty())
            out << " (commit " << commit.value(QStringLiteral("sha")).toString().left(12) << ")";
        out << '\n';
    }
    out.flush();
}

} // namespace mlops
