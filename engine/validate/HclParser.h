#pragma once

#include "validate/HclDocument.h"

namespace mlops {

// Parser for the HCL native syntax subset Terraform uses, on top of HclLexer: bodies of attributes
// (`name = expression`) and blocks (`type "label" ... { body }`, also on one line), expressions with
// tuples [..], objects {k = v, "k": v}, templates, heredocs, function calls, conditionals, for expressions and
// splats. Expressions it does not model structurally are kept as their source text; references to var.*,
// local.*, module.* and data.* are collected from everywhere, interpolations included.
class HclParser {
public:
    static HclDocument parse(const QString& source);

private:
    HclParser(const QString& source, std::vector<HclToken> tokens);
    void parseBody(QList<HclAttribute>& attributes, QList<HclParsedBlock>& blocks, bool inBlock, int openLine);
    // The end (exclusive) of the expression starting at m_pos: the first newline, comma or unmatched closing
    // bracket outside brackets.
    size_t expressionEnd(size_t from) const;
    QJsonValue valueOf(size_t from, size_t to) const;
    QJsonValue tupleOf(size_t from, size_t to) const;
    QJsonValue objectOf(size_t from, size_t to) const;
    size_t matching(size_t open) const;
    QString sourceText(size_t from, size_t to) const;
    void collectReferences(const std::vector<HclToken>& tokens, size_t from, size_t to, QList<HclReference>& out) const;
    void skipNewlines();
    void error(const HclToken& at, const QString& message);

    QString m_source;
    std::vector<HclToken> m_tokens;
    size_t m_pos = 0;
    QList<HclError> m_errors;
};

} // namespace mlops
