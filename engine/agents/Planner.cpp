#include "agents/Planner.h"

#include "agents/FactSources.h"
#include "agents/PlanComponents.h"
#include "agents/PlanSizer.h"
#include "agents/StatedInputs.h"
#include "agents/knowledge/Condition.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

// How much a pattern-fit rule counts when a fact it tests is only a default (see scorePatterns).
constexpr double kDefaultedWeight = 0.25;

double round3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

bool hasAction(const QJsonArray& adjustments, const QString& action) {
    return std::any_of(adjustments.begin(), adjustments.end(),
                       [&](const QJsonValue& a) { return a.toObject().value(s("action")).toString() == action; });
}

int countAction(const QJsonArray& adjustments, const QString& action) {
    return int(std::count_if(adjustments.begin(), adjustments.end(), [&](const QJsonValue& a) {
        return a.toObject().value(s("action")).toString() == action;
    }));
}

QString jurisdictionOf(const QJsonObject& specs, const QString& region) {
    for (const QJsonValue& v : specs.value(s("region_jurisdictions")).toArray()) {
        if (region.startsWith(v.toObject().value(s("prefix")).toString()))
            return v.toObject().value(s("jurisdiction")).toString();
    }
    return s("other");
}

// "stated", "answered", "derived from x", "default": where a constraint value came from, for decision lines.
QString provenanceOf(const QJsonObject& k, const QString& field) {
    const QString p = k.value(s("provenance")).toObject().value(field).toString(s("stated"));
    if (p == QLatin1String("derived")) {
        QStringList from;
        for (const QJsonValue& f :
             k.value(s("derivations")).toObject().value(field).toObject().value(s("from")).toArray())
            from.append(f.toString());
        return from.isEmpty() ? p : QStringLiteral("derived from %1").arg(from.join(s(", ")));
    }
    return p;
}

// The pattern's own decision line: the rules that counted for it and the inputs they read (defaults excluded).
QString patternDecision(const QJsonObject& chosen, const QJsonObject& pattern) {
    QStringList pros;
    for (const QJsonValue& r : chosen.value(s("reasons")).toArray()) {
        if (r.toString().startsWith(QLatin1Char('+')) && !r.toString().contains(s(", not stated)")))
            pros.append(r.toString().section(QLatin1Char(' '), 1));
    }
    QStringList drivers;
    for (const QJsonValue& d : chosen.value(s("drivers")).toArray())
        drivers.append(d.toString());
    return QStringLiteral("pattern %1: %2 (from %3)")
        .arg(pattern.value(s("name")).toString(), pros.isEmpty() ? s("the best of weak fits") : pros.join(s("; ")),
             drivers.isEmpty() ? s("defaults only: no stated input decides it") : drivers.join(s(", ")));
}

// The regions the user named, once each and in order; none on premises.
QStringList namedRegionsOf(const QJsonObject& k, const QString& cloud) {
    QStringList named;
    for (const QJsonValue& v : k.value(s("regions")).toArray()) {
        if (!v.toString().isEmpty() && !named.contains(v.toString()))
            named.append(v.toString());
    }
    if (cloud == QLatin1String("on_prem"))
        named.clear();
    return named;
}

// Region: the regions the user named are hard inputs and are kept, in their order. Only when none is named does
// the stated residency (or a policy remedy) choose one. A named region outside the stated residency is a conflict
// for the human (coverage asks it), never a silent substitution.
QString chooseRegion(const QJsonObject& k, const QJsonObject& specs, const QString& cloud,
                     const QStringList& namedRegions, const QJsonArray& adjustments, QStringList& decisions,
                     QStringList& assumptions) {
    const QJsonObject regionMap = specs.value(s("regions")).toObject().value(cloud).toObject();
    QString residency = k.value(s("data_residency")).toString();
    QString region = namedRegions.value(0);
    if (!region.isEmpty()) {
        decisions.append(QStringLiteral("region %1: named in the requirements (%2)")
                             .arg(namedRegions.join(s(", ")), provenanceOf(k, s("regions"))));
        if (!residency.isEmpty() && jurisdictionOf(specs, region) != residency && regionMap.contains(residency)) {
            assumptions.append(QStringLiteral("named region %1 is outside the stated residency %2: kept as named; "
                                              "the conflict is a question for you, not a substitution")
                                   .arg(region, residency));
            decisions.append(QStringLiteral("region kept although residency %1 is stated: regions and data_residency "
                                            "conflict (asked, not resolved silently)")
                                 .arg(residency));
        }
        return region;
    }
    for (const QJsonValue& av : adjustments) {
        const QString move = av.toObject().value(s("remedy")).toObject().value(s("move_region")).toString();
        if (!move.isEmpty())
            residency = move;
    }
    region = regionMap.value(residency).toString(regionMap.value(s("default")).toString());
    if (residency.isEmpty()) {
        assumptions.append(QStringLiteral("no region or residency stated: %1").arg(region));
        decisions.append(QStringLiteral("region %1: the cloud's default (no region or residency stated)").arg(region));
    } else {
        decisions.append(QStringLiteral("region %1: chosen inside the residency %2 (data_residency, %3)")
                             .arg(region, residency, provenanceOf(k, s("data_residency"))));
    }
    return region;
}

// Data flow between the roles present in a plan.
QJsonArray dataFlow(const QStringList& roles) {
    static const QList<std::array<const char*, 3>> edges = {
        {"ingestion", "streaming", "events"},
        {"ingestion", "storage", "raw data"},
        {"streaming", "features", "fresh features"},
        {"storage", "processing", "tables"},
        {"processing", "features", "features"},
        {"storage", "features", "feature tables"},
        {"features", "training", "training sets"},
        {"orchestration", "training", "schedules"},
        {"notebooks", "training", "experiments"},
        {"training", "tracking", "metrics, params"},
        {"training", "registry", "model versions"},
        {"registry", "batch_scoring", "approved model"},
        {"batch_scoring", "online_store", "precomputed predictions"},
        {"online_store", "serving", "lookups"},
        {"registry", "serving", "approved model"},
        {"features", "serving", "online features"},
        {"gateway", "serving", "requests"},
        {"serving", "monitoring", "predictions, latency"},
        {"streaming", "monitoring", "scores"},
        {"ci_cd", "container_registry", "images"},
        {"container_registry", "serving", "images"},
        {"ci_cd", "platform", "deployments"},
        {"security", "storage", "keys"},
        {"warehouse", "processing", "tables"},
        {"warehouse", "features", "feature tables"},
        {"warehouse", "training", "training sets"},
        {"batch_scoring", "warehouse", "scores written back"},
    };
    QJsonArray out;
    for (const auto& e : edges) {
        const QString from = s(e[0]), to = s(e[1]);
        if (roles.contains(from) && roles.contains(to) && from != to)
            out.append(QJsonObject{{s("from"), from}, {s("to"), to}, {s("label"), s(e[2])}});
    }
    return out;
}

// The constraint a critic finding measures the plan against, for the findings the planner answers by reshaping the
// design; empty for findings about the design itself.
QString findingTarget(const QString& id) {
    static const QHash<QString, QString> targets = {
        {s("cost.over_budget"), s("budget_monthly_usd")},
        {s("tech.latency_budget"), s("latency_p99_ms")},
        {s("tech.cold_start_latency"), s("latency_p99_ms")},
        {s("tech.batch_vs_latency"), s("workload_types")},
    };
    return targets.value(id);
}

// The planner's reason card: the ranking, the decisions with the inputs that drove them, the sizing and the
// assumptions.
struct CardFacts {
    const QJsonArray& ranking;
    const QJsonObject& chosen;
    const QJsonObject& pattern;
    const QJsonArray& adjustments;
    int iteration;
    const QStringList& decisions;
    const QString& sizingLine;
    const QStringList& assumptions;
    const QString& cloud;
    const QString& region;
    int componentCount;
    const QList<Alternative>& alternatives;
};

ReasonCard planCard(const QJsonObject& k, const CardFacts& f) {
    const QJsonArray& ranking = f.ranking;
    const QJsonObject& chosen = f.chosen;
    const QJsonObject& pattern = f.pattern;
    const QJsonArray& adjustments = f.adjustments;
    const int iteration = f.iteration;
    const QStringList& decisions = f.decisions;
    const QString& sizingLine = f.sizingLine;
    const QStringList& assumptions = f.assumptions;
    const QString& cloud = f.cloud;
    const QString& region = f.region;
    const QList<Alternative>& cardAlternatives = f.alternatives;
    ReasonCard card;
    const QJsonObject runnerUp = ranking.size() > 1 ? ranking.at(1).toObject() : QJsonObject();
    QStringList why;
    for (const QJsonValue& r : chosen.value(s("reasons")).toArray())
        why.append(r.toString());
    card.reasoning =
        QStringLiteral("Scored %1 patterns against the constraints. %2 scores %3 (%4). Runner-up: %5 at %6.")
            .arg(ranking.size())
            .arg(pattern.value(s("name")).toString())
            .arg(chosen.value(s("score")).toDouble())
            .arg(why.isEmpty() ? s("base score only") : why.join(s("; ")))
            .arg(runnerUp.value(s("name")).toString())
            .arg(runnerUp.value(s("score")).toDouble());
    QStringList fixes;
    for (const QJsonValue& av : adjustments) {
        const QJsonObject a = av.toObject();
        if (a.value(s("iteration")).toInt() == iteration)
            fixes.append(
                QStringLiteral("%1 -> %2").arg(a.value(s("finding_id")).toString(), a.value(s("detail")).toString()));
    }
    if (!fixes.isEmpty())
        card.reasoning += QStringLiteral(" Iteration %1 responds to the critics' blocking findings: %2.")
                              .arg(iteration)
                              .arg(fixes.join(s("; ")));
    if (!decisions.isEmpty())
        card.reasoning += QStringLiteral(" Decisions and the inputs that drove them: %1.").arg(decisions.join(s("; ")));
    if (!sizingLine.isEmpty())
        card.reasoning += QStringLiteral(" Sizing: %1.").arg(sizingLine);
    if (!assumptions.isEmpty())
        card.reasoning += QStringLiteral(" Assumptions: %1.").arg(assumptions.join(s("; ")));
    card.decision = QStringLiteral("%1 on %2 (%3), %4 components")
                        .arg(pattern.value(s("name")).toString(), cloud, region)
                        .arg(f.componentCount);
    const double margin = chosen.value(s("score")).toDouble() - runnerUp.value(s("score")).toDouble();
    card.confidence = round3(qBound(0.3, 0.5 + margin + 0.2 * chosen.value(s("score")).toDouble(), 0.95));
    card.alternatives = cardAlternatives;
    card.category = s("architecture");
    card.priority = margin < 0.05 ? s("high") : s("medium");
    QJsonObject inputs;
    for (const char* f : {"cloud_provider", "deployment_preference", "workload_types", "latency_p99_ms",
                          "budget_monthly_usd", "availability_target", "compliance_requirements", "data_residency"})
        inputs.insert(s(f), k.value(s(f)));
    inputs.insert(s("blocking_findings"), int(fixes.size()));
    inputs.insert(s("provenance"), k.value(s("provenance")));
    card.inputs = inputs;
    card.outputs = QJsonObject{{s("pattern"), pattern.value(s("id"))},
                               {s("cloud"), cloud},
                               {s("region"), region},
                               {s("components"), int(f.componentCount)},
                               {s("iteration"), iteration}};
    const QJsonObject evidence = k.value(s("evidence")).toObject();
    for (const char* f : {"cloud_provider", "deployment_preference", "workload_types", "latency_p99_ms",
                          "budget_monthly_usd", "availability_target"}) {
        if (evidence.contains(s(f)))
            card.evidence.insert(s(f), evidence.value(s(f)));
    }
    return card;
}

} // namespace

Planner::Planner(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QJsonArray Planner::adjustmentsFor(const QJsonObject& constraints, const QJsonArray& findings,
                                   const QJsonObject& previousPlan, int iteration) const {
    QJsonArray out = previousPlan.value(s("addressed_findings")).toArray();
    for (const QJsonValue& v : findings) {
        const QJsonObject f = v.toObject();
        if (!f.value(s("blocking")).toBool() || f.value(s("passed")).toBool(false))
            continue;
        const QString id = f.contains(s("rule_id")) ? f.value(s("rule_id")).toString() : f.value(s("id")).toString();
        // A finding measured against a target nobody gave (a question-bank default budget, latency or workload)
        // does not reshape the design: the estimate or the gap is shown, and the pattern keeps following what the
        // user stated (docs/planning.md, "Defaults weigh less").
        const QString target = findingTarget(id);
        if (!target.isEmpty() && !FactSources::isGiven(constraints, target))
            continue;
        QJsonObject a{{s("finding_id"), id},
                      {s("iteration"), iteration},
                      {s("component"), f.contains(s("resource")) ? f.value(s("resource")) : f.value(s("component"))}};
        QString action, detail;
        if (id == QLatin1String("tech.cold_start_latency"))
            action = s("avoid_scale_to_zero"), detail = s("penalise scale-to-zero serving and keep warm capacity");
        else if (id == QLatin1String("tech.latency_budget") || id == QLatin1String("tech.batch_vs_latency"))
            action = s("faster_serving"), detail = s("penalise slow serving paths and step up the serving instance");
        else if (id == QLatin1String("tech.capacity"))
            action = s("add_capacity"), detail = s("step up the serving instance class");
        else if (id == QLatin1String("tech.availability_topology"))
            action = s("more_zones"), detail = s("spread serving over three zones; favour multi-region for four nines");
        else if (id == QLatin1String("tech.gpu_missing") || id == QLatin1String("tech.gpu_memory"))
            action = s("use_gpu"), detail = s("serve and train on GPU instances");
        else if (id == QLatin1String("cost.over_budget"))
            action = s("reduce_cost"), detail = s("penalise costly patterns, spot training, smaller serving instances");
        else if (f.contains(s("remedy")))
            action = s("policy_remedy"), detail = QStringLiteral("apply the remedy of %1").arg(id),
            a.insert(s("remedy"), f.value(s("remedy")));
        else
            action = s("unresolved"), detail = s("no automatic remedy is known; needs a human decision");
        a.insert(s("action"), action);
        a.insert(s("detail"), detail);
        a.insert(s("message"), f.value(s("message")));
        // the same finding twice is a stronger signal: keep both entries (countAction escalates)
        out.append(a);
    }
    return out;
}

QJsonArray Planner::scorePatterns(const QJsonObject& k, const QJsonArray& adjustments) const {
    struct Scored {
        QJsonObject entry;
        double score;
        int order;
    };
    QList<Scored> scored;
    int order = 0;
    const int costCuts = countAction(adjustments, s("reduce_cost"));
    // facts the pattern conditions may test besides the constraint fields
    QJsonObject ctx = k;
    ctx.insert(s("named_region_count"), int(k.value(s("regions")).toArray().size()));
    for (const QJsonValue& v : m_kb->patterns()) {
        const QJsonObject p = v.toObject();
        QJsonArray reasons;
        QStringList drivers; // the given inputs behind the rules that count for the pattern, for its decision line
        double score = p.value(s("base")).toDouble(0.2);
        const bool requiresOk = !p.contains(s("requires")) || Condition::evaluate(p.value(s("requires")), ctx);
        if (!requiresOk) {
            reasons.append(QStringLiteral("requirement not met: %1").arg(Condition::describe(p.value(s("requires")))));
            score = 0;
        } else {
            for (const QJsonValue& fv : p.value(s("fit")).toArray()) {
                const QJsonObject fit = fv.toObject();
                if (Condition::evaluate(fit.value(s("when")), ctx)) {
                    // A rule resting on a question-bank default is the tool's guess, not the user's: it may break
                    // a tie but never outweighs a stated fact (docs/planning.md, "Defaults weigh less").
                    const QStringList defaulted = FactSources::defaultedFieldsOf(k, fit.value(s("when")));
                    const double w =
                        round3(fit.value(s("score")).toDouble() * (defaulted.isEmpty() ? 1.0 : kDefaultedWeight));
                    score += w;
                    if (w > 0 && defaulted.isEmpty()) {
                        for (const QString& field : FactSources::fieldsOf(fit.value(s("when")))) {
                            if (!drivers.contains(field))
                                drivers.append(field);
                        }
                    }
                    reasons.append(
                        QStringLiteral("%1%2 %3%4")
                            .arg(w >= 0 ? s("+") : QString())
                            .arg(w)
                            .arg(fit.value(s("reason")).toString(),
                                 defaulted.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" (default %1, not stated)").arg(defaulted.join(s(", ")))));
                }
            }
            const QString serving = p.value(s("serving")).toString();
            const QString cost = p.value(s("cost_class")).toString();
            const auto penalise = [&](double w, const QString& why) {
                score += w;
                reasons.append(QStringLiteral("%1 %2").arg(w).arg(why));
            };
            if (hasAction(adjustments, s("avoid_scale_to_zero")) && serving == QLatin1String("serverless"))
                penalise(-0.5, s("critic: cold starts break the latency target"));
            if (hasAction(adjustments, s("faster_serving")) &&
                (serving == QLatin1String("serverless") || serving == QLatin1String("batch") ||
                 serving == QLatin1String("streaming")))
                penalise(-0.4, s("critic: serving path too slow for the latency target"));
            if (costCuts > 0 && cost == QLatin1String("high"))
                penalise(-0.25 * costCuts, s("critic: over budget, costly pattern"));
            if (costCuts > 0 && cost == QLatin1String("medium"))
                penalise(-0.08 * costCuts, s("critic: over budget"));
            if (hasAction(adjustments, s("more_zones")) &&
                p.value(s("id")).toString() == QLatin1String("multi_region_active_active") &&
                k.value(s("availability_target")).toDouble() >= 99.99)
                penalise(0.3, s("critic: availability needs a second region"));
            for (const QJsonValue& av : adjustments) {
                const QJsonObject a = av.toObject();
                if (a.value(s("remedy")).toObject().value(s("avoid_service")).toBool()) {
                    for (const QJsonValue& c : p.value(s("components")).toArray()) {
                        if (c.toObject().value(s("role")).toString() == a.value(s("component")).toString()) {
                            penalise(-0.2,
                                     QStringLiteral("policy %1 on %2")
                                         .arg(a.value(s("finding_id")).toString(), a.value(s("component")).toString()));
                            break;
                        }
                    }
                }
            }
        }
        score = round3(qBound(0.0, score, 1.0));
        scored.append({QJsonObject{{s("id"), p.value(s("id"))},
                                   {s("name"), p.value(s("name"))},
                                   {s("score"), score},
                                   {s("reasons"), reasons},
                                   {s("drivers"), QJsonArray::fromStringList(drivers)}},
                       score, order++});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    QJsonArray out;
    for (const Scored& sc : scored)
        out.append(sc.entry);
    return out;
}

Planner::Result Planner::plan(const QJsonObject& k, const QJsonObject& previousPlan, const QJsonArray& findings,
                              int iteration) const {
    const QJsonObject specs = m_kb->techSpecs();
    const QJsonArray adjustments = adjustmentsFor(k, findings, previousPlan, iteration);
    const QJsonArray ranking = scorePatterns(k, adjustments);
    const QJsonObject chosen = ranking.first().toObject();
    const QJsonObject pattern = m_kb->pattern(chosen.value(s("id")).toString());
    QStringList assumptions;

    QString cloud = k.value(s("cloud_provider")).toString();
    if (cloud.isEmpty()) {
        cloud = s("aws");
        assumptions.append(s("no cloud stated: aws (the question bank's default)"));
    }
    QStringList decisions{patternDecision(chosen, pattern)};
    const QStringList namedRegions = namedRegionsOf(k, cloud);
    const QString region = chooseRegion(k, specs, cloud, namedRegions, adjustments, decisions, assumptions);

    PlanSizer sizer(m_kb, k, cloud);
    assumptions += sizer.assumptions();
    const double availability = k.value(s("availability_target")).toDouble(0);
    int zones = PlanSizer::zonesFor(availability);
    int minReplicas = zones;
    const QString servingKind = pattern.value(s("serving")).toString();
    const bool requestPath = servingKind == QLatin1String("containers") || servingKind == QLatin1String("kubernetes") ||
                             servingKind == QLatin1String("managed");
    if (availability <= 0 && requestPath) {
        // a production request path is never planned on a single instance: one zone failure would stop it
        zones = 2;
        minReplicas = 2;
        assumptions.append(
            s("no availability target: two zones and two replicas minimum for a production request path (~99.9 %)"));
    } else if (availability <= 0) {
        assumptions.append(s("no availability target: one zone, one replica minimum"));
    }
    const bool multiRegion =
        pattern.value(s("id")).toString() == QLatin1String("multi_region_active_active") || namedRegions.size() >= 2;
    if (namedRegions.size() >= 2)
        decisions.append(QStringLiteral("multi-region serving over %1: two or more regions are named")
                             .arg(namedRegions.join(s(", "))));
    // Accelerators follow the model family: LLMs and vision models need them, gradient-boosted trees and linear
    // models do not, even when GPUs are available or mentioned (docs/extraction.md).
    const QString modelClass = sizer.usage().value(s("model_class")).toString();
    const bool familyNeedsGpu = modelClass.startsWith(QLatin1String("llm")) || modelClass == QLatin1String("vision");
    const bool tabularFamily = modelClass == QLatin1String("tabular");
    const bool wantsGpu = familyNeedsGpu || hasAction(adjustments, s("use_gpu")) ||
                          (k.value(s("gpu_required")).toBool() && !tabularFamily);
    if (wantsGpu)
        decisions.append(QStringLiteral("GPU serving and training: %1")
                             .arg(familyNeedsGpu
                                      ? QStringLiteral("the %1 model family needs accelerators").arg(modelClass)
                                      : s("GPUs are required (gpu_required)")));
    else if (k.value(s("gpu_required")).toBool())
        decisions.append(s("CPU serving and training: the tabular model family does not need the GPUs mentioned"));
    const int costCuts = countAction(adjustments, s("reduce_cost"));
    int servingStep = countAction(adjustments, s("add_capacity")) + countAction(adjustments, s("faster_serving"));
    if (hasAction(adjustments, s("more_zones")))
        zones = 3, minReplicas = qMax(minReplicas, 3);

    // hardening settings by role
    QJsonObject hardening = m_kb->hardening();
    const auto configFor = [&](const QString& role) {
        QJsonObject config;
        for (const QJsonValue& hv : hardening.value(s("settings")).toArray()) {
            const QJsonObject h = hv.toObject();
            const QJsonArray roles = h.value(s("roles")).toArray();
            if (!roles.contains(s("*")) && !roles.contains(role))
                continue;
            if (h.contains(s("when")) && !Condition::evaluate(h.value(s("when")), k))
                continue;
            const QJsonObject set = h.value(s("set")).toObject();
            for (auto it = set.begin(); it != set.end(); ++it)
                config.insert(it.key(), it.value());
        }
        return config;
    };

    ComponentShape shape;
    shape.cloud = cloud;
    shape.zones = zones;
    shape.minReplicas = minReplicas;
    shape.multiRegion = multiRegion;
    shape.wantsGpu = wantsGpu;
    shape.costCuts = costCuts;
    shape.servingStep = servingStep;
    shape.avoidScaleToZero = hasAction(adjustments, s("avoid_scale_to_zero"));
    shape.availability = availability;
    PatternComponents built = buildPatternComponents(*m_kb, k, pattern, adjustments, shape, sizer, configFor);
    assumptions += built.substitutions;
    QJsonArray& components = built.components;
    QStringList& roles = built.roles;
    const QString& sizingLine = built.sizingLine;

    // Platforms the team already runs are hard inputs: each appears as the component it is (docs/planning.md).
    const QList<std::pair<QString, QString>> existingFeeds =
        addExistingPlatforms(*m_kb, k, cloud, configFor, components, roles, decisions);
    const QJsonObject controls = addStatedControls(k, components, roles, decisions);
    useOwnedHardware(k, components, roles, decisions);
    QJsonArray alternatives;
    QList<Alternative> cardAlternatives;
    for (const QJsonValue& r : ranking) {
        const QJsonObject o = r.toObject();
        alternatives.append(o);
        QStringList top;
        for (const QJsonValue& reason : o.value(s("reasons")).toArray()) {
            if (top.size() < 3)
                top.append(reason.toString());
        }
        cardAlternatives.append({o.value(s("name")).toString(), o.value(s("score")).toDouble(), top.join(s("; "))});
    }

    Result result;
    QJsonObject& plan = result.plan;
    plan.insert(s("pattern"), QJsonObject{{s("id"), pattern.value(s("id"))},
                                          {s("name"), pattern.value(s("name"))},
                                          {s("score"), chosen.value(s("score"))},
                                          {s("serving"), pattern.value(s("serving"))},
                                          {s("summary"), pattern.value(s("summary"))},
                                          {s("tradeoffs"), pattern.value(s("tradeoffs"))},
                                          {s("reasons"), chosen.value(s("reasons"))}});
    plan.insert(s("alternatives"), alternatives);
    plan.insert(s("cloud"), cloud);
    plan.insert(s("region"), region);
    plan.insert(s("region_jurisdiction"),
                cloud == QLatin1String("on_prem") ? s("on_prem") : jurisdictionOf(specs, region));
    plan.insert(s("audit_logging"), true);
    plan.insert(s("multi_region"), multiRegion);
    if (namedRegions.size() >= 2)
        plan.insert(s("regions"), QJsonArray::fromStringList(namedRegions));
    plan.insert(s("decisions"), QJsonArray::fromStringList(decisions));
    plan.insert(s("controls"), controls);
    plan.insert(s("components"), components);
    QJsonArray flow = dataFlow(roles);
    for (const auto& [from, to] : std::as_const(existingFeeds)) {
        if (from != to)
            flow.append(QJsonObject{{s("from"), from}, {s("to"), to}, {s("label"), s("existing platform")}});
    }
    plan.insert(s("data_flow"), flow);
    plan.insert(s("usage"), sizer.usage());
    plan.insert(s("assumptions"), QJsonArray::fromStringList(assumptions));
    plan.insert(s("iteration"), iteration);
    plan.insert(s("addressed_findings"), adjustments);
    plan.insert(s("knowledge_fingerprint"), m_kb->fingerprint());

    result.card = planCard(k, {ranking, chosen, pattern, adjustments, iteration, decisions, sizingLine, assumptions,
                               cloud, region, int(components.size()), cardAlternatives});
    return result;
}

} // namespace mlops
