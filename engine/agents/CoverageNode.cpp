// coverage_check: is the requirement complete enough to design from? Weighted completeness, ambiguities and
// contradictions decide whether the run asks questions first.
#include "agents/AgentSupport.h"
#include "agents/Agents.h"
#include "agents/CoverageScorer.h"
#include "agents/FunctionNode.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QStringList strings(const QJsonArray& a) {
    QStringList out;
    for (const QJsonValue& v : a)
        out.append(v.toString());
    return out;
}

NodeResult runCoverage(NodeContext& c) {
    QString error;
    const auto kb = AgentSupport::knowledge(c, &error);
    if (!error.isEmpty())
        return NodeResult::failure(error);
    const QJsonObject k = c.state().object(StatePart::constraints());
    const CoverageScorer scorer(kb);
    const QJsonObject coverage = scorer.score(k, c.settings().coverageThreshold);
    const double score = coverage.value(s("score")).toDouble();
    const double threshold = coverage.value(s("threshold")).toDouble();
    const bool sufficient = coverage.value(s("sufficient")).toBool();
    const QStringList missing = strings(coverage.value(s("missing_fields")).toArray());
    const QStringList ambiguous = strings(coverage.value(s("ambiguous_fields")).toArray());
    const QJsonArray conflicts = coverage.value(s("conflicts")).toArray();
    const QJsonObject weights = coverage.value(s("weights")).toObject();

    // the heaviest gaps first: they are what the questions will be about
    QStringList gaps = missing + ambiguous;
    std::stable_sort(gaps.begin(), gaps.end(), [&](const QString& a, const QString& b) {
        return weights.value(a).toDouble() > weights.value(b).toDouble();
    });
    QStringList conflictText;
    for (const QJsonValue& v : conflicts)
        conflictText.append(v.toObject().value(s("message")).toString());

    ReasonCard card;
    card.reasoning =
        QStringLiteral("Weighted completeness over %1 fields that matter for this system is %2 (threshold %3).")
            .arg(weights.size())
            .arg(score)
            .arg(threshold);
    if (!gaps.isEmpty())
        card.reasoning += QStringLiteral(" Heaviest gaps: %1.").arg(gaps.mid(0, 6).join(s(", ")));
    if (!conflictText.isEmpty())
        card.reasoning +=
            QStringLiteral(" Contradictions must be resolved before planning: %1").arg(conflictText.join(s(" ")));
    card.decision = sufficient ? QStringLiteral("coverage %1 is sufficient: plan now").arg(score)
                               : QStringLiteral("coverage %1 is not sufficient: ask questions").arg(score);
    card.confidence = conflicts.isEmpty() ? qBound(0.5, 0.5 + std::abs(score - threshold), 0.95) : 0.9;
    card.inputs = QJsonObject{{s("threshold"), threshold}, {s("weights"), weights}};
    card.outputs = QJsonObject{{s("score"), score},
                               {s("sufficient"), sufficient},
                               {s("missing_fields"), coverage.value(s("missing_fields"))},
                               {s("ambiguous_fields"), coverage.value(s("ambiguous_fields"))},
                               {s("conflicts"), int(conflicts.size())}};
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    // what the score stands on: the quotes behind the heaviest fields, then the doubtful ones
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        if (it.value().toDouble() >= 0.08 && !missing.contains(it.key()) && evidence.contains(it.key()))
            card.evidence.insert(it.key(), evidence.value(it.key()));
    }
    for (const QString& f : ambiguous) {
        if (evidence.contains(f))
            card.evidence.insert(f, evidence.value(f));
    }
    for (const QJsonValue& v : conflicts) {
        for (const QJsonValue& f : v.toObject().value(s("fields")).toArray()) {
            if (evidence.contains(f.toString()))
                card.evidence.insert(f.toString(), evidence.value(f.toString()));
        }
    }
    card.category = s("coverage");
    card.priority = !conflicts.isEmpty() ? s("high") : sufficient ? s("low") : s("medium");
    c.card(card);
    return NodeResult{{{StatePart::coverage(), coverage}}, {}};
}

} // namespace

std::shared_ptr<Node> makeCoverageCheckNode() {
    return std::make_shared<FunctionNode>(s("coverage_check"), QStringList{StatePart::coverage()}, runCoverage);
}

} // namespace mlops
