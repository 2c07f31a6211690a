#pragma once

#include "validate/HclLexer.h"

#include <QJsonObject>
#include <QJsonValue>

namespace mlops {

// A reference to a named value in an expression: var.NAME, local.NAME, module.NAME, data.TYPE.
struct HclReference {
    QString root; // "var", "local", "module", "data"
    QString name;
    int line = 0;
};

struct HclAttribute {
    QString name;
    QJsonValue value; // literals, lists and maps as JSON; any other expression as its source text
    int line = 0;
    QList<HclReference> references;
};

struct HclParsedBlock {
    QString type;       // resource, variable, module, locals, provider, ingress...
    QStringList labels; // e.g. ["aws_s3_bucket", "data"]
    int line = 0;
    QList<HclAttribute> attributes;
    QList<HclParsedBlock> blocks;

    const HclAttribute* attribute(const QString& name) const;
    // Attributes and nested blocks as one JSON object: a nested block type that occurs once becomes an object,
    // one that repeats becomes an array (policy conditions address the former as `resource.attributes.rule.x`).
    QJsonObject toJson() const;
    // Every reference in this block and its nested blocks.
    QList<HclReference> allReferences() const;
};

// One parsed HCL file: its top-level body, or the syntax errors that kept it from parsing.
struct HclDocument {
    QList<HclAttribute> attributes; // .tfvars files hold only attributes
    QList<HclParsedBlock> blocks;
    QList<HclError> errors;
    bool ok() const { return errors.isEmpty(); }
};

} // namespace mlops
