#include "validate/Finding.h"

#include <algorithm>

namespace mlops {

QString Finding::severityName(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

Finding::Severity Finding::severityFromName(const QString& name) {
    if (name == QLatin1String("warning"))
        return Severity::Warning;
    if (name == QLatin1String("info"))
        return Severity::Info;
    return Severity::Error;
}

QJsonObject Finding::toJson() const {
    QJsonObject o{{QStringLiteral("validator"), validator},
                  {QStringLiteral("severity"), severityName(severity)},
                  {QStringLiteral("file"), file},
                  {QStringLiteral("line"), line},
                  {QStringLiteral("message"), message}};
    if (!ruleId.isEmpty())
        o.insert(QStringLiteral("rule_id"), ruleId);
    return o;
}

Finding Finding::fromJson(const QJsonObject& o) {
    return Finding{o.value(QStringLiteral("validator")).toString(),
                   severityFromName(o.value(QStringLiteral("severity")).toString()),
                   o.value(QStringLiteral("file")).toString(),
                   o.value(QStringLiteral("line")).toInt(),
                   o.value(QStringLiteral("message")).toString(),
                   o.value(QStringLiteral("rule_id")).toString()};
}

QString Finding::toText() const {
    // Repository-wide findings (a tool that was skipped, a policy summary) have no file.
    const QString name = file.isEmpty() ? QStringLiteral("(repository)") : file;
    const QString where = line > 0 ? name + QLatin1Char(':') + QString::number(line) : name;
    return where + QStringLiteral(": ") + severityName(severity) + QStringLiteral(": ") + validator +
           QStringLiteral(": ") + message;
}

FindingSummary FindingSummary::of(const QList<Finding>& findings) {
    FindingSummary s;
    for (const Finding& f : findings) {
        switch (f.severity) {
        case Finding::Severity::Error:
            ++s.errors;
            break;
        case Finding::Severity::Warning:
            ++s.warnings;
            break;
        case Finding::Severity::Info:
            ++s.infos;
            break;
        }
    }
    return s;
}

QJsonObject FindingSummary::countsJson() const {
    return {{QStringLiteral("error"), errors}, {QStringLiteral("warning"), warnings}, {QStringLiteral("info"), infos}};
}

QJsonObject validationPart(const QList<Finding>& findings) {
    const FindingSummary summary = FindingSummary::of(findings);
    QJsonArray list;
    for (const Finding& f : findings)
        list.append(f.toJson());
    return {{QStringLiteral("ok"), summary.ok()},
            {QStringLiteral("counts"), summary.countsJson()},
            {QStringLiteral("findings"), list}};
}

void sortFindings(QList<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.file != b.file)
            return a.file < b.file;
        if (a.line != b.line)
            return a.line < b.line;
        if (a.validator != b.validator)
            return a.validator < b.validator;
        return a.message < b.message;
    });
}

} // namespace mlops
