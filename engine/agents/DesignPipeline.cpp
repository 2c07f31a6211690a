#include "agents/DesignPipeline.h"

#include "agents/CostCritic.h"
#include "agents/CoverageScorer.h"
#include "agents/IntakeExtractor.h"
#include "agents/Planner.h"
#include "agents/PolicyEvaluator.h"
#include "agents/QuestionGenerator.h"
#include "agents/TechCritic.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QJsonArray blockingOf(const QJsonArray& tech, const QJsonObject& cost, const QJsonArray& policy) {
    QJsonArray out;
    for (const QJsonArray& list : {tech, cost.value(s("findings")).toArray(), policy}) {
        for (const QJsonValue& f : list) {
            if (f.toObject().value(s("blocking")).toBool())
                out.append(f);
        }
    }
    return out;
}

} // namespace

DesignPipeline::DesignPipeline(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

DesignPipeline::Result DesignPipeline::run(const QString& prompt, const QJsonObject& answers, int maxQuestionRounds,
                                           int maxReplans, double coverageThreshold) const {
    Result r;
    const IntakeExtractor extractor(m_kb);
    const CoverageScorer scorer(m_kb);
    const QuestionGenerator generator(m_kb);
    const int perRound = qMin(5, m_kb->questionBank().value(s("max_per_round")).toInt(5));
    const QJsonObject extracted = extractor.extract(prompt);

    // The workflow's question loop: a round asks at most `perRound` questions; a non-interactive run answers each
    // with its smart default unless the caller answered it. Preset answers apply from the start, as in intake.
    QJsonObject given = answers;
    for (;;) {
        r.answerErrors.clear();
        r.constraints = given.isEmpty() ? extracted : extractor.applyAnswers(extracted, given, &r.answerErrors);
        r.coverage = scorer.score(r.constraints, coverageThreshold);
        if (r.coverage.value(s("sufficient")).toBool() || r.questionRounds >= maxQuestionRounds)
            break;
        const QList<QuestionGenerator::Scored> round = generator.generate(r.constraints, r.coverage, given, perRound);
        if (round.isEmpty())
            break;
        ++r.questionRounds;
        for (const QuestionGenerator::Scored& sc : round) {
            r.questions.append(sc.question);
            given.insert(sc.question.id, sc.question.defaultValue);
            r.defaultsTaken.insert(sc.question.id, sc.question.defaultValue);
        }
    }

    // A question nobody answered was settled by its smart default: that value is a default, not an answer
    // (docs/extraction.md), and stays marked so in the plan, the cards and the generated docs.
    {
        QJsonObject provenance = r.constraints.value(s("provenance")).toObject();
        QJsonObject evidence = r.constraints.value(s("evidence")).toObject();
        for (const Question& q : std::as_const(r.questions)) {
            if (answers.contains(q.id) || answers.contains(q.field) ||
                provenance.value(q.field).toString() != QLatin1String("answered"))
                continue;
            provenance.insert(q.field, s("default"));
            evidence.insert(q.field, QStringLiteral("default of question %1: %2").arg(q.id, q.rationale));
        }
        r.constraints.insert(s("provenance"), provenance);
        r.constraints.insert(s("evidence"), evidence);
    }

    // planner <-> critics: blocking findings go back to the planner at most maxReplans times (the graph's bound)
    const Planner planner(m_kb);
    const TechCritic tech(m_kb);
    const CostCritic cost(m_kb);
    const PolicyEvaluator policy(m_kb);
    QJsonArray blocking;
    for (int iteration = 1; iteration <= 1 + qMax(0, maxReplans); ++iteration) {
        r.plan = planner.plan(r.constraints, r.plan, blocking, iteration).plan;
        r.planIterations = iteration;
        r.techFindings = tech.review(r.constraints, r.plan);
        r.costEstimate = cost.estimate(r.constraints, r.plan);
        r.policyFindings = policy.evaluatePlan(r.constraints, r.plan);
        blocking = blockingOf(r.techFindings, r.costEstimate, r.policyFindings);
        if (blocking.isEmpty())
            break;
    }
    r.blockingRemaining = blocking;
    return r;
}

QJsonObject DesignPipeline::Result::toJson() const {
    return QJsonObject{
        {s("constraints"), constraints},
        {s("coverage"), coverage},
        {s("questions"), questionsToJson(questions)},
        {s("defaults_taken"), defaultsTaken},
        {s("answer_errors"), QJsonArray::fromStringList(answerErrors)},
        {s("question_rounds"), questionRounds},
        {s("plan"), plan},
        {s("plan_iterations"), planIterations},
        {s("tech_findings"), techFindings},
        {s("cost_estimate"), costEstimate},
        {s("policy_findings"), policyFindings},
        {s("blocking_remaining"), blockingRemaining},
    };
}

} // namespace mlops
