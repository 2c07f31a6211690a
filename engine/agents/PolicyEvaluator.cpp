#include "agents/PolicyEvaluator.h"

#include "agents/knowledge/Condition.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool blockingWhenFailed(const QJsonObject& rule) {
    if (rule.contains(s("blocking")))
        return rule.value(s("blocking")).toBool();
    return rule.value(s("severity")).toString() == QLatin1String("critical");
}

} // namespace

PolicyEvaluator::PolicyEvaluator(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)) {}

QStringList PolicyEvaluator::applicablePacks(const QJsonObject& constraints) const {
    QStringList out;
    const QJsonObject context{{s("constraints"), constraints}};
    for (const QJsonValue& v : m_kb->policyPacks()) {
        const QJsonObject pack = v.toObject();
        const QJsonValue applies = pack.value(s("applies_when"));
        if (applies.isUndefined() || Condition::evaluate(applies, context))
            out.append(pack.value(s("pack")).toString());
    }
    return out;
}

QJsonArray PolicyEvaluator::evaluatePlan(const QJsonObject& constraints, const QJsonObject& plan) const {
    return evaluate(Target::Plan, constraints, plan, plan.value(s("components")).toArray());
}

QJsonArray PolicyEvaluator::evaluateTerraform(const QJsonObject& constraints, const QJsonArray& resources) const {
    return evaluate(Target::Terraform, constraints, {}, resources);
}

QJsonArray PolicyEvaluator::evaluate(Target target, const QJsonObject& constraints, const QJsonObject& plan,
                                     const QJsonArray& resources) const {
    QJsonArray out;
    const QJsonObject base{{s("constraints"), constraints}, {s("plan"), plan}};
    for (const QJsonValue& pv : m_kb->policyPacks()) {
        const QJsonObject pack = pv.toObject();
        const QJsonValue applies = pack.value(s("applies_when"));
        if (!applies.isUndefined() && !Condition::evaluate(applies, base))
            continue;
        const QString packName = pack.value(s("pack")).toString();
        for (const QJsonValue& rv : pack.value(s("rules")).toArray()) {
            const QJsonObject rule = rv.toObject();
            QJsonValue check = rule.value(s("check"));
            QList<QJsonObject> selected;
            const QJsonObject sel = rule.value(s("resources")).toObject();
            if (target == Target::Terraform) {
                const QJsonObject tf = rule.value(s("terraform")).toObject();
                if (tf.isEmpty())
                    continue; // the rule has no Terraform form
                check = tf.value(s("check"));
                const QJsonArray types = tf.value(s("resource_types")).toArray();
                for (const QJsonValue& r : resources) {
                    if (types.contains(r.toObject().value(s("type"))))
                        selected.append(r.toObject());
                }
            } else if (sel.value(s("plan")).toBool()) {
                selected.append(QJsonObject{{s("id"), s("plan")}});
            } else {
                const QJsonArray roles = sel.value(s("roles")).toArray();
                const bool onlyData = sel.value(s("handles_data")).toBool(false);
                for (const QJsonValue& r : resources) {
                    const QJsonObject res = r.toObject();
                    if (!roles.contains(s("*")) && !roles.contains(res.value(s("role"))))
                        continue;
                    if (onlyData && !res.value(s("handles_data")).toBool(true))
                        continue;
                    selected.append(res);
                }
            }
            for (const QJsonObject& res : selected) {
                QJsonObject context = base;
                context.insert(s("resource"), res);
                if (rule.contains(s("when")) && !Condition::evaluate(rule.value(s("when")), context))
                    continue;
                const bool passed = Condition::evaluate(check, context);
                const QString resourceName =
                    target == Target::Terraform
                        ? res.value(s("type")).toString() + QLatin1Char('.') + res.value(s("name")).toString()
                        : res.value(s("id")).toString();
                QJsonObject f{
                    {s("rule_id"), rule.value(s("id"))},
                    {s("pack"), packName},
                    {s("title"), rule.value(s("title"))},
                    {s("severity"), rule.value(s("severity"))},
                    {s("resource"), resourceName},
                    {s("passed"), passed},
                    {s("blocking"), !passed && blockingWhenFailed(rule)},
                    {s("message"), passed ? rule.value(s("title")).toString() : rule.value(s("message")).toString()},
                    {s("remediation"), rule.value(s("remediation"))}};
                if (res.contains(s("file")))
                    f.insert(s("file"), res.value(s("file")));
                if (res.contains(s("line")))
                    f.insert(s("line"), res.value(s("line")));
                if (!passed && rule.contains(s("remedy"))) {
                    QJsonObject remedy = rule.value(s("remedy")).toObject();
                    remedy.remove(s("__line"));
                    f.insert(s("remedy"), remedy);
                }
                if (pack.value(s("source")).toString() != QLatin1String("builtin"))
                    f.insert(s("source"), pack.value(s("source")));
                out.append(f);
            }
        }
    }
    return out;
}

} // namespace mlops
