#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mlops {

// One problem (or note) a validator found in a repository file. `file` is relative to the repository root;
// `line` is 1-based, 0 when the finding concerns the whole file.
struct Finding {
    enum class Severity { Error, Warning, Info };

    QString validator; // e.g. "yaml", "hcl", "terraform-policy", "secrets"
    Severity severity = Severity::Error;
    QString file;
    int line = 0;
    QString message;
    QString ruleId; // optional: policy rule or secret pattern id

    QJsonObject toJson() const;
    static Finding fromJson(const QJsonObject& object);
    // "file:line: severity: validator: message", the format of compilers and linters.
    QString toText() const;

    static QString severityName(Severity severity);
    static Severity severityFromName(const QString& name);
};

// Counts per severity and the `validation` state part {ok, counts:{error,warning,info}, findings:[...]}.
struct FindingSummary {
    int errors = 0;
    int warnings = 0;
    int infos = 0;

    static FindingSummary of(const QList<Finding>& findings);
    bool ok() const { return errors == 0; }
    QJsonObject countsJson() const;
};

QJsonObject validationPart(const QList<Finding>& findings);
// Sorted by file, line, validator, message: the order users read and the one that keeps output deterministic.
void sortFindings(QList<Finding>& findings);

} // namespace mlops
