// adaptive_questions: the few questions worth a human's time this round, each with a smart default.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/FunctionNode.h"
#include "agents/QuestionGenerator.h"

#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

constexpr int kMaxPerRound = 5; // docs/workflow.md

NodeResult runQuestions(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(&error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const QJsonObject coverage = c.state().object(StatePart::coverage());
    const QJsonObject answers = AgentSupport::effectiveAnswers(c.state(), c.settings());
    const int round = c.state().integer(StatePart::questionRounds()) + 1;
    const int limit = qMin(kMaxPerRound, kb->questionBank().value(s("max_per_round")).toInt(kMaxPerRound));
    const QuestionGenerator generator(kb);
    // every candidate, so the card can show what was not asked and why
    const QList<QuestionGenerator::Scored> all = generator.generate(k, coverage, answers, 1000);
    QList<Question> asked;
    QStringList lines;
    QList<Alternative> alternatives;
    for (const QuestionGenerator::Scored& sc : all) {
        const bool ask = asked.size() < limit;
        if (ask) {
            asked.append(sc.question);
            lines.append(QStringLiteral("%1 (%2, default %3 at %4)")
                             .arg(sc.question.id, sc.reason, sc.question.defaultValue.toVariant().toString())
                             .arg(sc.question.confidence));
        }
        alternatives.append(
            {sc.question.id, std::round(sc.value * 1000.0) / 1000.0,
             ask ? QStringLiteral("asked: %1").arg(sc.reason) : QStringLiteral("not asked this round: lower value")});
    }

    ReasonCard card;
    if (asked.isEmpty()) {
        card.reasoning =
            s("Coverage is below the threshold, but every gap either has no question in the bank or was already "
              "answered; planning continues with stated defaults.");
        card.decision = s("no questions");
    } else {
        card.reasoning =
            QStringLiteral(
                "Round %1: %2 candidate question(s) from missing, ambiguous and conflicting fields, ranked by "
                "coverage weight x priority (conflicts doubled); asking the top %3: %4.")
                .arg(round)
                .arg(all.size())
                .arg(asked.size())
                .arg(lines.join(s("; ")));
        card.decision = QStringLiteral("ask %1 question(s)").arg(asked.size());
    }
    double meanDefault = 0;
    bool anyHigh = false;
    for (const Question& q : std::as_const(asked)) {
        meanDefault += q.confidence;
        anyHigh = anyHigh || q.priority == QLatin1String("high");
    }
    card.confidence = asked.isEmpty() ? 0.8 : std::round(meanDefault / asked.size() * 100.0) / 100.0;
    card.inputs = QJsonObject{{s("score"), coverage.value(s("score"))},
                              {s("missing_fields"), coverage.value(s("missing_fields"))},
                              {s("ambiguous_fields"), coverage.value(s("ambiguous_fields"))},
                              {s("answered"), QJsonArray::fromStringList(answers.keys())}};
    card.outputs = QJsonObject{{s("round"), round}, {s("questions"), questionsToJson(asked)}};
    card.alternatives = alternatives;
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    for (const Question& q : std::as_const(asked)) {
        if (evidence.contains(q.field))
            card.evidence.insert(q.field, evidence.value(q.field));
    }
    card.category = s("questions");
    card.priority = anyHigh ? s("high") : s("medium");
    c.card(card);
    return NodeResult{{{StatePart::questions(), questionsToJson(asked)}, {StatePart::questionRounds(), round}}, {}};
}

} // namespace

std::shared_ptr<Node> makeAdaptiveQuestionsNode() {
    return std::make_shared<FunctionNode>(
        s("adaptive_questions"), QStringList{StatePart::questions(), StatePart::questionRounds()}, runQuestions);
}

} // namespace mlops
