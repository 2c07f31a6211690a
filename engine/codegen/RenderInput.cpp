#include "codegen/RenderInput.h"

#include <QRegularExpression>

namespace mlops {

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

RenderInput RenderInput::fromState(const WorkflowState& state) {
    RenderInput in;
    in.constraints = state.object(StatePart::constraints());
    in.plan = state.object(StatePart::plan());
    in.costEstimate = state.object(StatePart::costEstimate());
    in.policyFindings = state.array(StatePart::policyFindings());
    in.techFindings = state.array(StatePart::techFindings());
    in.decisions = state.array(StatePart::decisions());
    in.answers = state.object(StatePart::answers());
    in.validation = state.object(StatePart::validation());
    in.lineage = state.object(StatePart::lineage());
    in.questions = state.array(StatePart::questions());
    return in;
}

QString RenderInput::project() const {
    QString name = constraints.value(s("project_name")).toString().toLower();
    name.replace(QRegularExpression(s("[^a-z0-9]+")), s("-"));
    name.remove(QRegularExpression(s("^-+|-+$")));
    if (name.isEmpty() || !name.at(0).isLetter())
        name.prepend(s("ml-"));
    // Bucket, registry and key-vault names have short limits; 24 characters fit all three clouds.
    return name.left(24).remove(QRegularExpression(s("-+$")));
}

QString RenderInput::cloud() const {
    const QString c = plan.value(s("cloud")).toString();
    return c.isEmpty() ? s("aws") : c;
}

QString RenderInput::region() const {
    const QString r = plan.value(s("region")).toString();
    if (!r.isEmpty())
        return r;
    const QJsonArray regions = constraints.value(s("regions")).toArray();
    return regions.isEmpty() ? QString() : regions.first().toString();
}

QStringList RenderInput::compliance() const {
    QStringList out;
    for (const QJsonValue& v : constraints.value(s("compliance_requirements")).toArray())
        out.append(v.toString());
    out.sort();
    return out;
}

QString RenderInput::dataClassification() const {
    const QString c = constraints.value(s("data_classification")).toString();
    return c.isEmpty() ? s("internal") : c;
}

QJsonObject RenderInput::component(const QString& role) const {
    for (const QJsonValue& v : components()) {
        if (v.toObject().value(s("role")).toString() == role)
            return v.toObject();
    }
    return {};
}

QJsonObject RenderInput::size(const QString& role) const {
    return component(role).value(s("size")).toObject();
}

QJsonObject RenderInput::config(const QString& role) const {
    return component(role).value(s("config")).toObject();
}

QString RenderInput::serviceOf(const QString& role) const {
    return component(role).value(s("service_id")).toString();
}

bool RenderInput::plans(QLatin1String serviceId) const {
    for (const QJsonValue& v : components()) {
        if (v.toObject().value(s("service_id")).toString() == serviceId)
            return true;
    }
    return false;
}

QString RenderInput::roleWith(QLatin1String serviceId) const {
    for (const QJsonValue& v : components()) {
        if (v.toObject().value(s("service_id")).toString() == serviceId)
            return v.toObject().value(s("role")).toString();
    }
    return {};
}

QString RenderInput::servingMode() const {
    const QString mode = plan.value(s("pattern")).toObject().value(s("serving")).toString();
    return mode.isEmpty() ? s("batch") : mode;
}

bool RenderInput::onlineServing() const {
    static const QStringList offline{s("batch"), s("none"), s("streaming"), s("edge")};
    return has(s("serving")) && !offline.contains(servingMode());
}

bool RenderInput::streamingServing() const {
    return servingMode() == QLatin1String("streaming");
}

bool RenderInput::customerManagedKeys() const {
    static const QStringList needCmk{s("HIPAA"), s("PCI-DSS"), s("FedRAMP")};
    for (const QString& c : compliance()) {
        if (needCmk.contains(c))
            return true;
    }
    for (const QJsonValue& v : components()) {
        if (v.toObject().value(s("config")).toObject().value(s("kms")).toString() == QLatin1String("customer_managed"))
            return true;
    }
    return false;
}

int RenderInput::logRetentionDays() const {
    int days = 0;
    for (const QJsonValue& v : components())
        days = std::max(days, v.toObject().value(s("config")).toObject().value(s("log_retention_days")).toInt());
    return days > 0 ? days : 90;
}

int RenderInput::trainingGpus() const {
    return size(s("training")).value(s("gpus")).toInt();
}

QString RenderInput::trainingSchedule() const {
    const QString f = constraints.value(s("training_frequency")).toString();
    if (f == QLatin1String("hourly"))
        return s("0 * * * *");
    if (f == QLatin1String("daily"))
        return s("0 2 * * *");
    if (f == QLatin1String("monthly"))
        return s("0 2 1 * *");
    return s("0 2 * * 1"); // weekly, and the default for one-off or unknown cadences
}

QString RenderInput::primaryFramework() const {
    const QJsonArray f = constraints.value(s("frameworks")).toArray();
    for (const QJsonValue& v : f) {
        const QString name = v.toString();
        if (name == QLatin1String("xgboost") || name == QLatin1String("pytorch") || name == QLatin1String("sklearn") ||
            name == QLatin1String("lightgbm") || name == QLatin1String("tensorflow"))
            return name;
    }
    return s("sklearn");
}

QStringList RenderInput::monitoring() const {
    QStringList out;
    for (const QJsonValue& v : constraints.value(s("monitoring_requirements")).toArray())
        out.append(v.toString());
    if (out.isEmpty())
        out = {s("drift"), s("latency")};
    out.sort();
    out.removeDuplicates();
    return out;
}

double RenderInput::latencyP99Ms() const {
    return constraints.value(s("latency_p99_ms")).toDouble(0);
}

} // namespace mlops
