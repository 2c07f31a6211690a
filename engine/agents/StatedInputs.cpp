#include "agents/StatedInputs.h"

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

QJsonObject catalogueComponent(const QString& role, const QString& componentKey, const QJsonObject& service,
                               const QJsonObject& size, const QJsonObject& config) {
    return QJsonObject{
        {s("id"), role},
        {s("role"), role},
        {s("name"), service.value(s("description"))},
        {s("component"), componentKey},
        {s("service"), service.value(s("name"))},
        {s("service_id"), service.value(s("service_id"))},
        {s("kind"), service.value(s("kind"))},
        {s("usage"), service.value(s("usage"))},
        {s("size"), size},
        {s("config"), config},
        {s("eligible"), service.value(s("eligible")).toArray()},
        {s("handles_data"), service.value(s("handles_data")).toBool(true)},
    };
}

QList<std::pair<QString, QString>> addExistingPlatforms(const KnowledgeBase& kb, const QJsonObject& k,
                                                        const QString& cloud,
                                                        const std::function<QJsonObject(const QString&)>& configFor,
                                                        QJsonArray& components, QStringList& roles,
                                                        QStringList& decisions) {
    // Platforms the team already runs (a warehouse, a tracker, a stream) are hard inputs: each appears as the
    // component it is, with the data flowing in and out of it, instead of a catalogue default for the same job
    // (lexicon.yaml existing_platforms, services.yaml existing_*).
    const QJsonObject platforms = kb.lexicon().value(s("existing_platforms")).toObject();
    QStringList named;
    QList<std::pair<QString, QString>> existingFeeds; // existing_<role> -> role
    for (const char* list : {"existing_tools", "data_sources"}) {
        for (const QJsonValue& v : k.value(s(list)).toArray()) {
            const QJsonObject entry = platforms.value(v.toString()).toObject();
            const bool owned =
                !entry.value(s("owned_only")).toBool() || k.value(s("owned_tools")).toArray().contains(v.toString());
            if (!entry.isEmpty() && owned && !named.contains(v.toString()))
                named.append(v.toString());
        }
    }
    for (const QString& tool : std::as_const(named)) {
        const QJsonObject entry = platforms.value(tool).toObject();
        const QString role = entry.value(s("role")).toString();
        const QString componentKey = entry.value(s("component")).toString();
        const QJsonObject service = kb.service(componentKey, cloud);
        if (service.isEmpty() || role.isEmpty())
            continue;
        QJsonObject component = catalogueComponent(role, componentKey, service, {}, configFor(role));
        component.insert(s("existing"), true);
        component.insert(
            s("rationale"),
            QStringLiteral("%1: the team already runs it (existing_tools)").arg(service.value(s("name")).toString()));
        // A tracker the team runs is the tracker: a second one next to it would split the runs (docs/planning.md).
        const int at = int(roles.indexOf(role));
        if (at >= 0 && entry.value(s("replaces")).toBool()) {
            const QString replaced = components.at(at).toObject().value(s("service")).toString();
            components.replace(at, component);
            decisions.append(QStringLiteral("%1: %2 the team already runs is the %1 component, instead of %3 (named "
                                            "in the requirements)")
                                 .arg(role, service.value(s("name")).toString(), replaced));
            continue;
        }
        // Any other platform for a role the pattern already fills is added next to it, feeding it, rather than
        // replacing the catalogue component: the generated IaC and code wire that component, and the existing
        // platform is an input of it (docs/extraction.md).
        const bool taken = at >= 0;
        const QString ownRole = taken ? s("existing_") + role : role;
        component.insert(s("id"), ownRole);
        component.insert(s("role"), ownRole);
        if (taken)
            decisions.append(QStringLiteral("%1: %2 the team already runs feeds the %3 (named in the requirements)")
                                 .arg(ownRole, service.value(s("name")).toString(), role));
        else
            decisions.append(QStringLiteral("%1: %2 the team already runs is part of the design (named in the "
                                            "requirements)")
                                 .arg(role, service.value(s("name")).toString()));
        components.append(component);
        roles.append(ownRole);
        existingFeeds.append({ownRole, role});
    }
    return existingFeeds;
}

QJsonObject addStatedControls(const QJsonObject& k, QJsonArray& components, const QStringList& roles,
                              QStringList& decisions) {
    // Stated requirements become controls of the design, each on the component that carries it.
    QStringList wanted;
    for (const QJsonValue& v : k.value(s("controls")).toArray())
        wanted.append(v.toString());
    const QJsonArray monitoringNeeds = k.value(s("monitoring_requirements")).toArray();
    if (monitoringNeeds.contains(s("explainability")) && !wanted.contains(s("explainability")))
        wanted.append(s("explainability"));
    if (monitoringNeeds.contains(s("drift")) && !wanted.contains(s("drift_monitoring")))
        wanted.append(s("drift_monitoring"));
    QString auditBy;
    for (const QJsonValue& v : k.value(s("compliance_requirements")).toArray()) {
        if (auditBy.isEmpty() && (v.toString() == QLatin1String("SOX") || v.toString() == QLatin1String("HIPAA") ||
                                  v.toString() == QLatin1String("PCI-DSS")))
            auditBy = v.toString();
    }
    if (!auditBy.isEmpty() && !wanted.contains(s("audit_trail")))
        wanted.append(s("audit_trail"));
    struct Control {
        const char* key;
        const char* role;
        const char* config;
        const char* what;
    };
    static const Control catalogue[] = {
        {"explainability", "monitoring", "explanations_shap", "feature attributions (SHAP) per prediction"},
        {"audit_trail", "serving", "audit_trail_prediction_log",
         "an immutable log of every prediction and model version"},
        {"lineage", "registry", "lineage_tracking", "data and model lineage in the registry"},
        {"pii_redaction", "features", "pii_redaction", "identifiers pseudonymised before features and training"},
        {"human_review", "serving", "human_review_queue", "a review queue for low-confidence decisions"},
        {"drift_monitoring", "monitoring", "drift_monitoring", "drift reports on inputs and predictions"},
    };
    QJsonObject controls;
    for (const Control& control : catalogue) {
        if (!wanted.contains(s(control.key)))
            continue;
        controls.insert(s(control.key), true);
        int at = int(roles.indexOf(s(control.role)));
        if (at < 0)
            at = int(roles.indexOf(s("monitoring")));
        if (at >= 0) {
            QJsonObject c = components.at(at).toObject();
            QJsonObject config = c.value(s("config")).toObject();
            config.insert(s(control.config), true);
            c.insert(s("config"), config);
            components.replace(at, c);
        }
        const QString driver = QLatin1String(control.key) == QLatin1String("audit_trail") && !auditBy.isEmpty() &&
                                       !k.value(s("controls")).toArray().contains(s("audit_trail"))
                                   ? QStringLiteral("%1 is stated").arg(auditBy)
                                   : s("stated in the requirements");
        decisions.append(QStringLiteral("control %1 on %2: %3 (%4)")
                             .arg(s(control.key), at >= 0 ? roles.at(at) : s("the plan"), s(control.what), driver));
    }
    return controls;
}

void useOwnedHardware(const QJsonObject& k, QJsonArray& components, const QStringList& roles, QStringList& decisions) {
    // accelerators the team owns are the training hardware, as stated
    const QJsonArray ownedHardware = k.value(s("owned_hardware")).toArray();
    if (!ownedHardware.isEmpty()) {
        QStringList names;
        for (const QJsonValue& v : ownedHardware)
            names.append(v.toString());
        const int at = int(roles.indexOf(s("training")));
        if (at >= 0) {
            QJsonObject c = components.at(at).toObject();
            c.insert(s("name"),
                     QStringLiteral("%1 on the team's own %2").arg(c.value(s("name")).toString(), names.join(s(", "))));
            c.insert(s("owned_hardware"), QJsonArray::fromStringList(names));
            QJsonObject size = c.value(s("size")).toObject();
            size.remove(s("spot"));
            c.insert(s("size"), size);
            components.replace(at, c);
            decisions.append(QStringLiteral("training on the owned %1: named in the requirements (not rented, never "
                                            "spot)")
                                 .arg(names.join(s(", "))));
        }
    }
}

} // namespace mlops
