#include "PlanExpectation.h"

#include "agents/IntakeExtractor.h"

#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace mlops::test {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

QString show(const QJsonValue& v) {
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isUndefined())
        return s("(absent)");
    return v.isNull() ? s("null") : v.toVariant().toString();
}

const QStringList kTopKeys = {
    s("style"),         s("target"),    s("triple"),          s("note"),         s("fields"),      s("provenance"),
    s("regions"),       s("residency"), s("pattern_in"),      s("multi_region"), s("components"),  s("components_any"),
    s("uses_existing"), s("gpu"),       s("sizing"),          s("controls"),     s("no_blocking"), s("no_budget_block"),
    s("within_budget"), s("no_spot"),   s("no_question_for"),
};
const QStringList kSizingKeys = {s("serving_replicas"), s("serving_gpus"),   s("peak_rps"),
                                 s("requests_per_day"), s("runs_per_month"), s("monthly_cost_usd")};
const QStringList kProvenance = {s("stated"), s("answered"), s("derived"), s("default"), s("assumed")};
const QStringList kGpuRoles = {s("serving"), s("training")};

// A control is present when a component's role, catalogue key, service or name, or a key of its config that is
// switched on, contains one of these terms. The generic infrastructure `audit_logging` flag every component gets is
// not a decision audit trail, so it is not one of the audit terms.
const QHash<QString, QStringList>& controlTerms() {
    static const QHash<QString, QStringList> terms = {
        {s("explainability"), {s("explain"), s("shap"), s("clarify"), s("interpretab")}},
        {s("audit_trail"),
         {s("audit_trail"), s("audit trail"), s("prediction_log"), s("decision_log"), s("inference_log"),
          s("request_log")}},
        {s("human_review"), {s("human_review"), s("human review"), s("review_queue"), s("human_in_the_loop")}},
        {s("lineage"), {s("lineage")}},
        {s("pii_redaction"), {s("redact"), s("pii"), s("masking"), s("anonymi")}},
        {s("drift_monitoring"), {s("drift")}},
    };
    return terms;
}

bool isNumberSpec(const QJsonValue& v) {
    if (v.isDouble())
        return true;
    if (v.isArray())
        return v.toArray().size() == 2 && v.toArray().at(0).isDouble() && v.toArray().at(1).isDouble();
    const QJsonObject o = v.toObject();
    return o.contains(s("approx")) || o.contains(s("range")) || o.contains(s("min")) || o.contains(s("max"));
}

QString validateNumberSpec(const QString& where, const QJsonValue& v) {
    if (v.isDouble())
        return {};
    if (v.isArray())
        return v.toArray().at(0).toDouble() <= v.toArray().at(1).toDouble() ? QString()
                                                                            : where + s(": [min, max] with min > max");
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!QStringList{s("approx"), s("pct"), s("range"), s("min"), s("max")}.contains(it.key()))
            return where + s(": unknown number operator ") + it.key();
    }
    if (o.contains(s("approx")) && !o.value(s("approx")).isDouble())
        return where + s(": approx must be a number");
    if (o.contains(s("pct")) && (!o.contains(s("approx")) || !o.value(s("pct")).isDouble()))
        return where + s(": pct needs approx and must be a number");
    if (o.contains(s("range"))) {
        const QJsonArray r = o.value(s("range")).toArray();
        if (r.size() != 2 || !r.at(0).isDouble() || !r.at(1).isDouble() || r.at(0).toDouble() > r.at(1).toDouble())
            return where + s(": range must be [min, max]");
    }
    for (const char* bound : {"min", "max"}) {
        if (o.contains(s(bound)) && !o.value(s(bound)).isDouble())
            return where + s(": ") + s(bound) + s(" must be a number");
    }
    return {};
}

// Why `actual` is outside `spec`, or empty. A missing number never holds.
QString numberMismatch(const QJsonValue& actual, const QJsonValue& spec) {
    if (!actual.isDouble())
        return QStringLiteral("%1, expected a number").arg(show(actual));
    const double a = actual.toDouble();
    double lo = -INFINITY;
    double hi = INFINITY;
    if (spec.isDouble()) {
        lo = spec.toDouble() - 0.01 * std::abs(spec.toDouble());
        hi = spec.toDouble() + 0.01 * std::abs(spec.toDouble());
    } else if (spec.isArray()) {
        lo = spec.toArray().at(0).toDouble();
        hi = spec.toArray().at(1).toDouble();
    } else {
        const QJsonObject o = spec.toObject();
        if (o.contains(s("approx"))) {
            const double x = o.value(s("approx")).toDouble();
            const double band = o.value(s("pct")).toDouble(10) / 100.0 * std::abs(x);
            lo = x - band;
            hi = x + band;
        }
        if (o.contains(s("range"))) {
            lo = o.value(s("range")).toArray().at(0).toDouble();
            hi = o.value(s("range")).toArray().at(1).toDouble();
        }
        lo = std::max(lo, o.value(s("min")).toDouble(-INFINITY));
        hi = std::min(hi, o.value(s("max")).toDouble(INFINITY));
    }
    if (a < lo || a > hi)
        return QStringLiteral("%1, expected %2").arg(a).arg(show(spec));
    return {};
}

QString validateFieldSpec(const QString& field, const QJsonValue& v) {
    const QString where = s("fields.") + field;
    if (isNumberSpec(v))
        return validateNumberSpec(where, v);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!QStringList{s("contains"), s("excludes"), s("in")}.contains(it.key()))
                return where + s(": unknown operator ") + it.key();
            if (!it.value().isArray())
                return where + s(".") + it.key() + s(" must be a list");
        }
        return {};
    }
    if (v.isArray())
        return where + s(": a list value is written {contains: [...]}");
    return {};
}

QString fieldMismatch(const QJsonValue& actual, const QJsonValue& expected) {
    if (isNumberSpec(expected))
        return numberMismatch(actual, expected);
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonArray list = actual.toArray();
        for (const QJsonValue& v : e.value(s("contains")).toArray()) {
            if (!list.contains(v))
                return QStringLiteral("%1 lacks %2").arg(show(actual), v.toString());
        }
        for (const QJsonValue& v : e.value(s("excludes")).toArray()) {
            if (list.contains(v))
                return QStringLiteral("%1 must not contain %2").arg(show(actual), v.toString());
        }
        if (e.contains(s("in")) && !e.value(s("in")).toArray().contains(actual))
            return QStringLiteral("%1 not one of %2").arg(show(actual), show(e.value(s("in"))));
        return {};
    }
    if (expected.isNull())
        return actual.isNull() || actual.isUndefined() ? QString() : show(actual) + s(", expected null");
    if (actual != expected)
        return QStringLiteral("%1, expected %2").arg(show(actual), show(expected));
    return {};
}

QList<QJsonObject> componentsWithRole(const QJsonObject& plan, const QString& role) {
    QList<QJsonObject> out;
    for (const QJsonValue& c : plan.value(s("components")).toArray()) {
        if (c.toObject().value(s("role")).toString() == role)
            out.append(c.toObject());
    }
    return out;
}

QString describe(const QJsonObject& c) {
    return c.value(s("service")).toString() + s(" / ") + c.value(s("name")).toString();
}

// `text` may list alternatives separated by '|'; matching ignores case.
bool namesAny(const QJsonObject& c, const QString& text) {
    const QJsonObject size = c.value(s("size")).toObject();
    const QString hay =
        QStringList{c.value(s("service")).toString(), c.value(s("name")).toString(), c.value(s("component")).toString(),
                    size.value(s("instance_type")).toString(), size.value(s("gpu")).toString()}
            .join(u'\n')
            .toLower();
    for (const QString& alt : text.split(u'|', Qt::SkipEmptyParts)) {
        if (hay.contains(alt.trimmed().toLower()))
            return true;
    }
    return false;
}

bool hasGpu(const QJsonObject& c) {
    const QJsonObject size = c.value(s("size")).toObject();
    return size.value(s("gpus")).toDouble() > 0 || size.value(s("instance_class")).toString().startsWith(s("gpu"));
}

void collectOnKeys(const QJsonObject& o, QStringList* out) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        const bool off = it.value().isBool() && !it.value().toBool();
        if (!off && !it.value().isNull())
            out->append(it.key().toLower());
        if (it.value().isObject())
            collectOnKeys(it.value().toObject(), out);
    }
}

bool controlPresent(const QJsonObject& plan, const QString& control) {
    const QStringList terms = controlTerms().value(control);
    for (const QJsonValue& cv : plan.value(s("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        QStringList hay = {c.value(s("role")).toString().toLower(), c.value(s("component")).toString().toLower(),
                           c.value(s("service")).toString().toLower(), c.value(s("name")).toString().toLower()};
        collectOnKeys(c.value(s("config")).toObject(), &hay);
        for (const QString& h : hay) {
            for (const QString& t : terms) {
                if (h.contains(t))
                    return true;
            }
        }
    }
    QStringList planKeys;
    collectOnKeys(plan.value(s("controls")).toObject(), &planKeys);
    for (const QString& h : planKeys) {
        for (const QString& t : terms) {
            if (h.contains(t))
                return true;
        }
    }
    return false;
}

QStringList planRegions(const QJsonObject& plan) {
    QStringList out;
    for (const QJsonValue& r : plan.value(s("regions")).toArray())
        out.append(r.isObject() ? r.toObject().value(s("region")).toString(r.toObject().value(s("id")).toString())
                                : r.toString());
    if (out.isEmpty() && !plan.value(s("region")).toString().isEmpty())
        out.append(plan.value(s("region")).toString());
    out.sort();
    return out;
}

QJsonValue sizingValue(const QString& key, const PlanObservation& o) {
    const QList<QJsonObject> serving = componentsWithRole(o.plan, s("serving"));
    const QJsonObject size = serving.isEmpty() ? QJsonObject() : serving.first().value(s("size")).toObject();
    if (key == QLatin1String("serving_replicas"))
        return size.value(s("replicas"));
    if (key == QLatin1String("serving_gpus"))
        return size.value(s("replicas")).toDouble(1) * size.value(s("gpus")).toDouble(0);
    if (key == QLatin1String("monthly_cost_usd"))
        return o.costEstimate.value(s("total_monthly"));
    return o.plan.value(s("usage")).toObject().value(key);
}

QString provenanceOf(const QJsonObject& constraints, const QString& field) {
    const QJsonValue p = constraints.value(s("provenance")).toObject().value(field);
    return p.isObject() ? p.toObject().value(s("source")).toString() : p.toString();
}

} // namespace

QStringList PlanExpectation::styles() {
    return {s("terse"), s("chatty"), s("non_native"), s("bullets"), s("requirements_doc")};
}

QStringList PlanExpectation::targets() {
    return {s("aws"), s("gcp"), s("azure"), s("on_prem")};
}

QStringList PlanExpectation::controlNames() {
    QStringList names = controlTerms().keys();
    names.sort();
    return names;
}

QString PlanExpectation::validate(const QJsonObject& e) {
    for (auto it = e.begin(); it != e.end(); ++it) {
        if (!kTopKeys.contains(it.key()))
            return s("unknown property ") + it.key();
    }
    if (!styles().contains(e.value(s("style")).toString()))
        return s("style must be one of ") + styles().join(s(", "));
    if (!targets().contains(e.value(s("target")).toString()))
        return s("target must be one of ") + targets().join(s(", "));
    if (!e.value(s("pattern_in")).isArray() || e.value(s("pattern_in")).toArray().isEmpty())
        return s("pattern_in must list the acceptable patterns, the intended one first");
    if (e.contains(s("triple")) && !e.value(s("triple")).isString())
        return s("triple must be a string id");
    const QJsonObject fields = e.value(s("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!IntakeExtractor::fieldNames().contains(it.key()))
            return s("unknown constraint field fields.") + it.key();
        const QString problem = validateFieldSpec(it.key(), it.value());
        if (!problem.isEmpty())
            return problem;
    }
    const QJsonObject provenance = e.value(s("provenance")).toObject();
    for (auto it = provenance.begin(); it != provenance.end(); ++it) {
        if (!IntakeExtractor::fieldNames().contains(it.key()))
            return s("unknown constraint field provenance.") + it.key();
        if (!kProvenance.contains(it.value().toString()))
            return s("provenance.") + it.key() + s(" must be one of ") + kProvenance.join(s(", "));
    }
    if (e.contains(s("regions"))) {
        const QJsonObject r = e.value(s("regions")).toObject();
        if (r.size() != 1 || !(r.contains(s("equals")) || r.contains(s("contains"))) || !r.begin().value().isArray())
            return s("regions must be {equals: [...]} or {contains: [...]}");
    }
    for (const char* key : {"components", "components_any"}) {
        const QJsonObject c = e.value(s(key)).toObject();
        for (auto it = c.begin(); it != c.end(); ++it) {
            if (QLatin1String(key) == QLatin1String("components") ? !it.value().isString() : !it.value().isArray())
                return s(key) + s(".") + it.key() + s(": wrong type");
        }
    }
    const QJsonObject gpu = e.value(s("gpu")).toObject();
    for (auto it = gpu.begin(); it != gpu.end(); ++it) {
        if (!kGpuRoles.contains(it.key()) || !it.value().isBool())
            return s("gpu takes serving/training: true|false, not ") + it.key();
    }
    const QJsonObject sizing = e.value(s("sizing")).toObject();
    for (auto it = sizing.begin(); it != sizing.end(); ++it) {
        if (!kSizingKeys.contains(it.key()))
            return s("unknown sizing key ") + it.key();
        if (!isNumberSpec(it.value()))
            return s("sizing.") + it.key() + s(" must be a number, [min, max], {approx, pct} or {range}");
        const QString problem = validateNumberSpec(s("sizing.") + it.key(), it.value());
        if (!problem.isEmpty())
            return problem;
    }
    for (const QJsonValue& c : e.value(s("controls")).toArray()) {
        if (!controlTerms().contains(c.toString()))
            return s("unknown control ") + c.toString();
    }
    for (const QJsonValue& f : e.value(s("no_question_for")).toArray()) {
        if (!IntakeExtractor::fieldNames().contains(f.toString()))
            return s("unknown constraint field in no_question_for: ") + f.toString();
    }
    for (const char* key : {"multi_region", "no_blocking", "no_budget_block", "within_budget", "no_spot"}) {
        if (e.contains(s(key)) && !e.value(s(key)).isBool())
            return s(key) + s(" must be true or false");
    }
    for (const char* key : {"uses_existing", "controls", "no_question_for", "pattern_in"}) {
        if (e.contains(s(key)) && !e.value(s(key)).isArray())
            return s(key) + s(" must be a list");
    }
    if (e.contains(s("residency")) && !e.value(s("residency")).isString())
        return s("residency must be a jurisdiction (EU, US, ...)");
    return {};
}

QList<PlanCheck> PlanExpectation::evaluate(const QJsonObject& e, const PlanObservation& o) {
    QList<PlanCheck> out;
    const auto add = [&](const char* kind, const QString& name, const QString& problem) {
        out.append({s(kind), name, problem.isEmpty(), problem});
    };

    add("target", o.plan.value(s("cloud")).toString(),
        o.plan.value(s("cloud")).toString() == e.value(s("target")).toString()
            ? QString()
            : QStringLiteral("cloud %1, expected %2")
                  .arg(show(o.plan.value(s("cloud"))), e.value(s("target")).toString()));

    const QString pattern = o.plan.value(s("pattern")).toObject().value(s("id")).toString();
    QStringList ranking;
    for (const QJsonValue& a : o.plan.value(s("alternatives")).toArray()) {
        if (ranking.size() < 3)
            ranking.append(QStringLiteral("%1 %2")
                               .arg(a.toObject().value(s("id")).toString())
                               .arg(a.toObject().value(s("score")).toDouble()));
    }
    add("pattern_in", pattern,
        e.value(s("pattern_in")).toArray().contains(pattern)
            ? QString()
            : QStringLiteral("pattern %1 not in %2 (ranking: %3)")
                  .arg(pattern, show(e.value(s("pattern_in"))), ranking.join(s(", "))));

    const QJsonObject fields = e.value(s("fields")).toObject();
    const QJsonObject evidence = o.constraints.value(s("evidence")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString problem = fieldMismatch(o.constraints.value(it.key()), it.value());
        add("fields", it.key(),
            problem.isEmpty() ? problem
                              : QStringLiteral("%1 = %2 (evidence: \"%3\")")
                                    .arg(it.key(), problem, evidence.value(it.key()).toString()));
    }

    const QJsonObject provenance = e.value(s("provenance")).toObject();
    for (auto it = provenance.begin(); it != provenance.end(); ++it) {
        const QString actual = provenanceOf(o.constraints, it.key());
        add("provenance", it.key(),
            actual == it.value().toString()
                ? QString()
                : QStringLiteral("provenance of %1 is '%2', expected %3")
                      .arg(it.key(), actual.isEmpty() ? s("(not recorded)") : actual, it.value().toString()));
    }

    if (e.contains(s("regions"))) {
        const QJsonObject r = e.value(s("regions")).toObject();
        const QStringList actual = planRegions(o.plan);
        QStringList wanted;
        for (const QJsonValue& v : r.begin().value().toArray())
            wanted.append(v.toString());
        wanted.sort();
        bool held = true;
        if (r.contains(s("equals")))
            held = actual == wanted;
        for (const QString& w : wanted)
            held = held && actual.contains(w);
        add("regions", wanted.join(u','),
            held ? QString()
                 : QStringLiteral("plan regions [%1], expected %2 [%3]")
                       .arg(actual.join(s(", ")), r.begin().key(), wanted.join(s(", "))));
    }
    if (e.contains(s("residency"))) {
        const QString actual = o.plan.value(s("region_jurisdiction")).toString();
        add("residency", e.value(s("residency")).toString(),
            actual.compare(e.value(s("residency")).toString(), Qt::CaseInsensitive) == 0
                ? QString()
                : QStringLiteral("region %1 is in %2").arg(o.plan.value(s("region")).toString(), show(actual)));
    }
    if (e.contains(s("multi_region"))) {
        const bool actual = o.plan.value(s("multi_region")).toBool();
        add("multi_region", QString(),
            actual == e.value(s("multi_region")).toBool()
                ? QString()
                : QStringLiteral("multi_region is %1").arg(actual ? s("true") : s("false")));
    }

    const auto roleCheck = [&](const char* kind, const QString& role, const QStringList& alternatives) {
        const QList<QJsonObject> cs = componentsWithRole(o.plan, role);
        QStringList seen;
        for (const QJsonObject& c : cs) {
            for (const QString& alt : alternatives) {
                if (namesAny(c, alt))
                    return add(kind, role, {});
            }
            seen.append(describe(c));
        }
        add(kind, role,
            QStringLiteral("%1 is '%2', expected '%3'")
                .arg(role, cs.isEmpty() ? s("(no component)") : seen.join(s("; ")), alternatives.join(s("' or '"))));
    };
    const QJsonObject components = e.value(s("components")).toObject();
    for (auto it = components.begin(); it != components.end(); ++it)
        roleCheck("components", it.key(), {it.value().toString()});
    const QJsonObject componentsAny = e.value(s("components_any")).toObject();
    for (auto it = componentsAny.begin(); it != componentsAny.end(); ++it) {
        QStringList alternatives;
        for (const QJsonValue& v : it.value().toArray())
            alternatives.append(v.toString());
        roleCheck("components_any", it.key(), alternatives);
    }

    for (const QJsonValue& v : e.value(s("uses_existing")).toArray()) {
        bool found = false;
        for (const QJsonValue& c : o.plan.value(s("components")).toArray())
            found = found || namesAny(c.toObject(), v.toString());
        add("uses_existing", v.toString(), found ? QString() : v.toString() + s(" is not a component of the plan"));
    }

    const QJsonObject gpu = e.value(s("gpu")).toObject();
    for (auto it = gpu.begin(); it != gpu.end(); ++it) {
        const QList<QJsonObject> cs = componentsWithRole(o.plan, it.key());
        const bool actual = std::any_of(cs.begin(), cs.end(), hasGpu);
        add("gpu", it.key(),
            actual == it.value().toBool()
                ? QString()
                : QStringLiteral("%1 %2 GPU (%3)")
                      .arg(it.key(), actual ? s("has a") : s("has no"),
                           cs.isEmpty() ? s("no component")
                                        : cs.first().value(s("size")).toObject().value(s("instance_type")).toString()));
    }

    const QJsonObject sizing = e.value(s("sizing")).toObject();
    for (auto it = sizing.begin(); it != sizing.end(); ++it) {
        const QString problem = numberMismatch(sizingValue(it.key(), o), it.value());
        add("sizing", it.key(), problem.isEmpty() ? problem : it.key() + s(" = ") + problem);
    }

    for (const QJsonValue& v : e.value(s("controls")).toArray())
        add("controls", v.toString(),
            controlPresent(o.plan, v.toString())
                ? QString()
                : v.toString() + s(" is neither a component nor a control of the plan"));

    if (e.value(s("no_blocking")).toBool())
        add("no_blocking", QString(),
            o.blockingRemaining.isEmpty() ? QString() : s("blocking findings remain: ") + show(o.blockingRemaining));
    if (e.value(s("no_budget_block")).toBool()) {
        QStringList budgetBlocks;
        QJsonArray all = o.blockingRemaining;
        for (const QJsonValue& f : o.costEstimate.value(s("findings")).toArray())
            all.append(f);
        for (const QJsonValue& f : all) {
            const QString id = f.toObject().value(s("id")).toString();
            if (f.toObject().value(s("blocking")).toBool() && id.startsWith(s("cost.")) && !budgetBlocks.contains(id))
                budgetBlocks.append(id);
        }
        add("no_budget_block", QString(),
            budgetBlocks.isEmpty()
                ? QString()
                : QStringLiteral("no budget was stated, yet %1 blocks (budget %2)")
                      .arg(budgetBlocks.join(s(", ")), show(o.costEstimate.value(s("budget_monthly")))));
    }
    if (e.contains(s("within_budget"))) {
        const QJsonValue actual = o.costEstimate.value(s("within_budget"));
        add("within_budget", QString(),
            actual.isBool() && actual.toBool() == e.value(s("within_budget")).toBool()
                ? QString()
                : QStringLiteral("total %1 vs budget %2")
                      .arg(show(o.costEstimate.value(s("total_monthly"))),
                           show(o.costEstimate.value(s("budget_monthly")))));
    }
    if (e.value(s("no_spot")).toBool()) {
        QStringList spot;
        for (const QJsonValue& c : o.plan.value(s("components")).toArray()) {
            if (c.toObject().value(s("size")).toObject().value(s("spot")).toBool() ||
                c.toObject().value(s("config")).toObject().value(s("spot")).toBool())
                spot.append(c.toObject().value(s("role")).toString());
        }
        add("no_spot", QString(), spot.isEmpty() ? QString() : s("spot capacity on: ") + spot.join(s(", ")));
    }
    for (const QJsonValue& v : e.value(s("no_question_for")).toArray())
        add("no_question_for", v.toString(),
            o.firstRoundFields.contains(v.toString())
                ? QStringLiteral("the first question round asks for %1 (round: %2)")
                      .arg(v.toString(), o.firstRoundFields.join(s(", ")))
                : QString());
    return out;
}

QString PlanExpectation::signature(const QJsonObject& plan) {
    QStringList parts = {plan.value(s("pattern")).toObject().value(s("id")).toString()};
    QStringList services;
    for (const QJsonValue& cv : plan.value(s("components")).toArray()) {
        const QJsonObject c = cv.toObject();
        services.append(c.value(s("role")).toString() + u'=' + c.value(s("service")).toString());
        if (c.value(s("role")).toString() == QLatin1String("serving")) {
            const QJsonObject size = c.value(s("size")).toObject();
            parts.append(QStringLiteral("serving %1 x %2")
                             .arg(size.value(s("instance_type")).toString())
                             .arg(size.value(s("replicas")).toInt()));
        }
    }
    services.sort();
    parts.append(services.join(s(", ")));
    return parts.join(s("; "));
}

} // namespace mlops::test
