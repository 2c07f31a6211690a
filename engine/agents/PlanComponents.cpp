#include "agents/PlanComponents.h"

#include "agents/FactSources.h"
#include "agents/StatedInputs.h"
#include "agents/knowledge/Condition.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

bool isRole(const QString& role, const char* name) {
    return role == QLatin1String(name);
}

// A catalogue entry may name substitutes for situations the pattern does not know about (the team already runs
// Kafka, a budget too small for a managed tracking server); the first that holds and exists on this cloud replaces
// it. Returns the entry to use; `why` gets the substitution's line, empty when none applies.
QString substituteFor(const KnowledgeBase& kb, const QJsonObject& k, const QString& componentKey,
                      const ComponentShape& shape, QString* why) {
    QJsonObject ctx = k;
    ctx.insert(s("cost_cuts"), shape.costCuts);
    for (const QJsonValue& sv : kb.components().value(componentKey).toObject().value(s("substitutes")).toArray()) {
        const QJsonObject sub = sv.toObject();
        const QString other = sub.value(s("component")).toString();
        if (!kb.service(other, shape.cloud).isEmpty() && Condition::evaluate(sub.value(s("when")), ctx)) {
            *why = QStringLiteral("%1 instead of %2: %3")
                       .arg(kb.service(other, shape.cloud).value(s("name")).toString(),
                            kb.service(componentKey, shape.cloud).value(s("name")).toString(),
                            sub.value(s("reason")).toString());
            return other;
        }
    }
    return componentKey;
}

// The sizing options of one role: zones, warm replicas, regions, accelerators, class steps, spot.
QJsonObject sizingOptions(const QJsonObject& k, const QString& role, const QJsonObject& service,
                          const ComponentShape& shape, const PlanSizer& sizer) {
    const bool serving = isRole(role, "serving");
    QJsonObject options{{s("zones"), serving ? shape.zones : 1},
                        {s("min_replicas"), serving ? shape.minReplicas : 1},
                        {s("regions"), shape.multiRegion && (serving || isRole(role, "gateway")) ? 2 : 1}};
    if (serving || isRole(role, "training"))
        options.insert(s("gpu"), shape.wantsGpu);
    if (serving) {
        const int step =
            shape.servingStep - (shape.costCuts > 0 && sizer.usage().value(s("peak_rps")).toDouble() < 5 ? 1 : 0);
        options.insert(s("class_step"), step);
        if (shape.avoidScaleToZero && service.value(s("kind")).toString() == QLatin1String("function"))
            options.insert(s("min_instances"), qMax(1, shape.minReplicas));
    }
    if ((isRole(role, "features") || isRole(role, "online_store")) && shape.availability >= 99.9)
        options.insert(s("min_replicas"), 2);
    // owned hardware is never "spot": spot capacity is a cloud market
    if (isRole(role, "training") && shape.cloud != QLatin1String("on_prem") &&
        (shape.costCuts > 0 ||
         (FactSources::isGiven(k, s("budget_monthly_usd")) && k.value(s("budget_monthly_usd")).toDouble(1e9) < 500)))
        options.insert(s("spot"), true);
    return options;
}

// Policy remedies aimed at this role: configuration switched on, zones and replicas raised (then sized again).
void applyRemedies(const QJsonArray& adjustments, const QString& role, const QJsonObject& service,
                   const PlanSizer& sizer, QJsonObject& options, QJsonObject& config, QJsonObject& size) {
    for (const QJsonValue& av : adjustments) {
        const QJsonObject a = av.toObject();
        if (a.value(s("component")).toString() != role)
            continue;
        const QJsonObject remedy = a.value(s("remedy")).toObject();
        const QJsonObject setConfig = remedy.value(s("set_config")).toObject();
        for (auto it = setConfig.begin(); it != setConfig.end(); ++it)
            config.insert(it.key(), it.value());
        const QJsonObject setSize = remedy.value(s("set_size")).toObject();
        if (!setSize.isEmpty()) {
            options.insert(s("zones"), qMax(setSize.value(s("zones")).toInt(1), options.value(s("zones")).toInt(1)));
            options.insert(s("min_replicas"),
                           qMax(setSize.value(s("min_replicas")).toInt(1), options.value(s("min_replicas")).toInt(1)));
            size = sizer.size(role, service, options);
        }
    }
}

// Why the component is what it is; for serving, how its replicas were derived and from which capacity figure.
QString rationaleOf(const QString& role, const QJsonObject& service, const QJsonObject& size, const QString& cloud,
                    const QString& substitution) {
    QString rationale = QStringLiteral("%1 on %2").arg(service.value(s("description")).toString(), cloud);
    if (!substitution.isEmpty())
        rationale += QStringLiteral(" (%1)").arg(substitution);
    if (size.contains(s("replicas")) && isRole(role, "serving")) {
        rationale += QStringLiteral(": %1 x %2 over %3 zone(s), %4 rps each at peak")
                         .arg(size.value(s("replicas")).toInt())
                         .arg(size.value(s("instance_type")).toString())
                         .arg(size.value(s("zones")).toInt())
                         .arg(size.value(s("capacity_rps_per_replica")).toDouble());
        if (size.contains(s("capacity_entry")))
            rationale +=
                QStringLiteral(" (capacity figure %1, %2, %3)")
                    .arg(size.value(s("capacity_entry")).toString(), size.value(s("capacity_source")).toString(),
                         size.value(s("capacity_date")).toString());
    }
    return rationale;
}

} // namespace

PatternComponents buildPatternComponents(const KnowledgeBase& kb, const QJsonObject& k, const QJsonObject& pattern,
                                         const QJsonArray& adjustments, const ComponentShape& shape,
                                         const PlanSizer& sizer,
                                         const std::function<QJsonObject(const QString&)>& configFor) {
    PatternComponents out;
    for (const QJsonValue& cv : pattern.value(s("components")).toArray()) {
        const QString role = cv.toObject().value(s("role")).toString();
        QString substitution;
        const QString componentKey =
            substituteFor(kb, k, cv.toObject().value(s("component")).toString(), shape, &substitution);
        if (!substitution.isEmpty())
            out.substitutions.append(substitution);
        const QJsonObject service = kb.service(componentKey, shape.cloud);
        QJsonObject options = sizingOptions(k, role, service, shape, sizer);
        QJsonObject config = configFor(role);
        QJsonObject size = sizer.size(role, service, options);
        applyRemedies(adjustments, role, service, sizer, options, config, size);
        if (shape.multiRegion && isRole(role, "storage"))
            config.insert(s("cross_region_replication"), true);
        if (k.value(s("disaster_recovery_required")).toBool() && isRole(role, "storage"))
            config.insert(s("cross_region_backup"), true);
        if (isRole(role, "serving") && size.contains(s("replicas")) && size.contains(s("capacity_basis")))
            out.sizingLine = size.value(s("capacity_basis")).toString();
        QJsonObject component = catalogueComponent(role, componentKey, service, size, config);
        component.insert(s("rationale"), rationaleOf(role, service, size, shape.cloud, substitution));
        if (service.contains(s("cold_start_ms")))
            component.insert(s("cold_start_ms"), service.value(s("cold_start_ms")));
        if (service.contains(s("premium")))
            component.insert(s("premium"), service.value(s("premium")));
        out.components.append(component);
        out.roles.append(role);
    }
    return out;
}

} // namespace mlops
