#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace mlops {

// A syntax problem in an HCL file, with its 1-based line.
struct HclError {
    int line = 0;
    QString message;
};

struct HclToken {
    enum class Kind { Identifier, Number, String, Heredoc, Punctuation, Newline, End };
    Kind kind = Kind::End;
    QString text;  // identifier, number, punctuation symbol, or a string's literal value (escapes resolved)
    int line = 0;  // 1-based line of the token's first character
    int start = 0; // offsets of the token in the source, [start, end)
    int end = 0;
    bool templated = false;      // a string or heredoc with ${...} or %{...} parts
    std::vector<HclToken> inner; // the tokens of every interpolation and directive inside a string, in order

    bool is(QLatin1String symbol) const { return kind == Kind::Punctuation && text == symbol; }
    bool isIdentifier(QLatin1String name) const { return kind == Kind::Identifier && text == name; }
};

// Tokenizer for the HCL (native syntax) subset Terraform uses: identifiers, numbers, quoted templates with
// ${} / %{} parts and escapes, heredocs (<<EOF and <<-EOF), operators, the three comment forms. It also checks
// that brackets pair up, so unbalanced braces and unterminated strings, heredocs, comments and interpolations
// are reported with the line where the offending construct starts (the line an editor should jump to).
class HclLexer {
public:
    explicit HclLexer(const QString& source);

    // Top-level tokens (newlines are tokens: they end attributes), ending with an End token.
    std::vector<HclToken> tokenize();
    const QList<HclError>& errors() const { return m_errors; }
    int lineAt(int offset) const;

private:
    enum class Mode { TopLevel, Interpolation };
    // Lexes tokens from m_pos; in Interpolation mode stops after the '}' that closes the interpolation.
    // Returns false when the input ended first.
    bool lexTokens(std::vector<HclToken>& out, Mode mode);
    void lexQuoted(HclToken& token);
    bool lexHeredoc(HclToken& token);
    // Lexes a template body up to `limit` (heredoc) or the closing quote (quoted strings, limit < 0).
    void lexTemplateBody(HclToken& token, int limit, bool quoted);
    void error(int offset, const QString& message);
    QChar at(int offset) const { return offset < m_source.size() ? m_source.at(offset) : QChar(); }

    QString m_source;
    int m_pos = 0;
    std::vector<int> m_lineStarts;
    QList<HclError> m_errors;
};

} // namespace mlops
