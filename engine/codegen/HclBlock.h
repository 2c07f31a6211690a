#pragma once

#include "codegen/HclValue.h"

#include <QJsonObject>
#include <QStringList>

#include <variant>

namespace mlops {

// An HCL block (`resource "aws_s3_bucket" "data" { ... }`): a type, labels, and an ordered body of attributes and
// nested blocks. Built with a fluent interface so generators read like the Terraform they produce.
class HclBlock {
public:
    HclBlock(QString type, QStringList labels = {});

    // Sets an argument; setting the same name again replaces the value (HCL allows each argument once).
    HclBlock& attr(const QString& name, const HclValue& value);
    HclBlock& str(const QString& name, const QString& text) { return attr(name, HclValue::str(text)); }
    HclBlock& num(const QString& name, double number) { return attr(name, HclValue::num(number)); }
    HclBlock& flag(const QString& name, bool value) { return attr(name, HclValue::boolean(value)); }
    HclBlock& expr(const QString& name, const QString& expression) { return attr(name, HclValue::expr(expression)); }
    HclBlock& block(const HclBlock& child);
    // A blank line between groups of attributes, as a person would write it.
    HclBlock& gap();
    // A `# text` line in the body (e.g. our scanner suppression with its reason), read from the file by scanners.
    HclBlock& comment(const QString& text);
    // A `#text` line with no space after the hash, as some scanners want their directives
    // (`#checkov:skip=CKV_AWS_18:reason`).
    HclBlock& directive(const QString& text);

    const QString& type() const { return m_type; }
    const QStringList& labels() const { return m_labels; }

    // Renders at `indent`, terraform-fmt style (two-space indent, aligned `=` over consecutive attributes).
    QString render(int indent = 0) const;
    // The body as the policy packs see it: attributes as JSON, a nested block as an object under its type
    // (an array when the type repeats).
    QJsonObject attributesJson() const;

private:
    struct Attribute {
        QString name;
        HclValue value;
    };
    struct Gap {};
    struct Comment {
        QString text;
        bool spaced = true;
    };
    using Entry = std::variant<Attribute, HclBlock, Gap, Comment>;

    QString m_type;
    QStringList m_labels;
    QList<Entry> m_body;
};

} // namespace mlops
