// intake_extract: the rule-based extraction of the constraint schema, the optional LLM refinement, then the answers
// the user gave (answers file, gate) over both: a human answer always wins over anything read or inferred.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/ConstraintConflicts.h"
#include "agents/FunctionNode.h"
#include "agents/IntakeExtractor.h"
#include "agents/LlmIntake.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool isSet(const QJsonValue& v) {
    return !(v.isNull() || v.isUndefined() || (v.isArray() && v.toArray().isEmpty()));
}

NodeResult runIntake(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(&error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QString prompt = c.state().string(StatePart::prompt());
    const IntakeExtractor extractor(kb);
    QJsonObject k = extractor.extract(prompt);
    // Hybrid intake (docs/llm.md): only when an LLM is configured, it fills the gaps the rules left (with evidence
    // quoted from the prompt); provider none returns `k` unchanged.
    k = LlmIntake::refine(c, k);
    k = extractor.applyProjectName(k, c.settings().projectName);
    const QJsonObject answers = AgentSupport::effectiveAnswers(c.state(), c.settings());
    QStringList answerErrors;
    if (!answers.isEmpty())
        k = extractor.applyAnswers(k, answers, &answerErrors);
    // The LLM may have filled values the rules left open: conflict rules are evaluated on the final values.
    k.insert(s("conflicts"), ConstraintConflicts::detect(*kb, k));

    QStringList found;
    QJsonObject outputs;
    for (const QString& f : IntakeExtractor::fieldNames()) {
        if (isSet(k.value(f))) {
            found.append(f);
            outputs.insert(f, k.value(f));
        }
    }
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    const QJsonObject assumptions = k.value(s("assumptions")).toObject();
    const QJsonArray missing = k.value(s("missing_fields")).toArray();
    const QJsonArray conflicts = k.value(s("conflicts")).toArray();
    QStringList quoted, assumed, conflictText;
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        if (!it.value().toString().startsWith(QLatin1String("answer to question")))
            quoted.append(it.key());
    }
    for (auto it = assumptions.begin(); it != assumptions.end(); ++it)
        assumed.append(QStringLiteral("%1 (%2)").arg(it.key(), it.value().toString()));
    for (const QJsonValue& v : conflicts)
        conflictText.append(v.toObject().value(s("message")).toString());

    ReasonCard card;
    card.reasoning =
        QStringLiteral("Read %1 characters with the lexicon and unit-aware number parsing: %2 of %3 fields set, "
                       "%4 backed by a quoted span of the text.")
            .arg(prompt.size())
            .arg(found.size())
            .arg(IntakeExtractor::fieldNames().size())
            .arg(quoted.size());
    if (!answers.isEmpty())
        card.reasoning += QStringLiteral(" Applied %1 answer(s) over the text (an answer wins over anything read).")
                              .arg(answers.size());
    if (!answerErrors.isEmpty())
        card.reasoning += QStringLiteral(" Ignored answers: %1.").arg(answerErrors.join(s("; ")));
    if (!assumed.isEmpty())
        card.reasoning += QStringLiteral(" Assumed: %1.").arg(assumed.join(s("; ")));
    if (!conflictText.isEmpty())
        card.reasoning += QStringLiteral(" Contradictions: %1").arg(conflictText.join(s(" ")));
    card.decision = QStringLiteral("%1 fields extracted, %2 missing, %3 ambiguous, %4 conflict(s)")
                        .arg(found.size())
                        .arg(missing.size())
                        .arg(k.value(s("ambiguous_fields")).toArray().size())
                        .arg(conflicts.size());
    card.confidence = AgentSupport::meanConfidence(k.value(s("field_confidence")).toObject());
    card.inputs = QJsonObject{{s("prompt_chars"), int(prompt.size())},
                              {s("answers"), answers},
                              {s("knowledge_fingerprint"), kb->fingerprint()}};
    card.outputs = outputs;
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        if (quoted.contains(it.key()))
            card.evidence.insert(it.key(), it.value());
    }
    card.category = s("extraction");
    card.priority = !conflicts.isEmpty() ? s("high") : missing.size() > 10 ? s("medium") : s("low");
    c.card(card);
    return NodeResult{{{StatePart::constraints(), k}}, {}};
}

} // namespace

std::shared_ptr<Node> makeIntakeExtractNode() {
    return std::make_shared<FunctionNode>(s("intake_extract"), QStringList{StatePart::constraints()}, runIntake);
}

} // namespace mlops
