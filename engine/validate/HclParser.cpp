#include "validate/HclParser.h"

#include <QJsonArray>

namespace mlops {

namespace {

bool isOpener(const HclToken& t) {
    return t.is(QLatin1String("{")) || t.is(QLatin1String("[")) || t.is(QLatin1String("("));
}

bool isCloser(const HclToken& t) {
    return t.is(QLatin1String("}")) || t.is(QLatin1String("]")) || t.is(QLatin1String(")"));
}

bool isNewline(const HclToken& t) {
    return t.kind == HclToken::Kind::Newline;
}

} // namespace

HclDocument HclParser::parse(const QString& source) {
    HclDocument doc;
    HclLexer lexer(source);
    std::vector<HclToken> tokens = lexer.tokenize();
    if (!lexer.errors().isEmpty()) {
        // Structure is meaningless once brackets or strings do not pair up; report the lexical errors only.
        doc.errors = lexer.errors();
        return doc;
    }
    HclParser parser(source, std::move(tokens));
    parser.parseBody(doc.attributes, doc.blocks, false, 0);
    doc.errors = parser.m_errors;
    return doc;
}

HclParser::HclParser(const QString& source, std::vector<HclToken> tokens)
    : m_source(source)
    , m_tokens(std::move(tokens)) {}

void HclParser::error(const HclToken& at, const QString& message) {
    m_errors.append(HclError{at.line, message});
}

void HclParser::skipNewlines() {
    while (m_pos < m_tokens.size() && isNewline(m_tokens[m_pos]))
        ++m_pos;
}

void HclParser::parseBody(QList<HclAttribute>& attributes, QList<HclParsedBlock>& blocks, bool inBlock, int openLine) {
    auto skipLine = [this] {
        while (m_tokens[m_pos].kind != HclToken::Kind::End && !isNewline(m_tokens[m_pos]))
            ++m_pos;
    };
    while (true) {
        skipNewlines();
        const HclToken& tok = m_tokens[m_pos];
        if (tok.kind == HclToken::Kind::End) {
            if (inBlock)
                error(tok, QStringLiteral("block opened on line %1 is never closed").arg(openLine));
            return;
        }
        if (tok.is(QLatin1String("}"))) {
            ++m_pos;
            if (inBlock)
                return;
            error(tok, QStringLiteral("unexpected '}' outside a block"));
            continue;
        }
        if (tok.kind != HclToken::Kind::Identifier) {
            error(tok, QStringLiteral("expected an attribute or block name, found '%1'").arg(tok.text));
            skipLine();
            continue;
        }
        const QString name = tok.text;
        const int line = tok.line;
        ++m_pos;
        if (m_tokens[m_pos].is(QLatin1String("="))) {
            ++m_pos;
            const size_t end = expressionEnd(m_pos);
            if (end == m_pos) {
                error(tok, QStringLiteral("attribute '%1' has no value").arg(name));
            } else {
                HclAttribute attr{name, valueOf(m_pos, end), line, {}};
                collectReferences(m_tokens, m_pos, end, attr.references);
                for (const HclAttribute& other : std::as_const(attributes)) {
                    if (other.name == name)
                        error(tok,
                              QStringLiteral("attribute '%1' is already defined on line %2").arg(name).arg(other.line));
                }
                attributes.append(attr);
            }
            m_pos = end;
            const HclToken& after = m_tokens[m_pos];
            if (!isNewline(after) && after.kind != HclToken::Kind::End && !(inBlock && after.is(QLatin1String("}")))) {
                error(after, QStringLiteral("unexpected '%1' after the value of '%2'").arg(after.text, name));
                skipLine();
            }
            continue;
        }
        HclParsedBlock block;
        block.type = name;
        block.line = line;
        while ((m_tokens[m_pos].kind == HclToken::Kind::String && !m_tokens[m_pos].templated) ||
               m_tokens[m_pos].kind == HclToken::Kind::Identifier) {
            block.labels.append(m_tokens[m_pos].text);
            ++m_pos;
        }
        if (!m_tokens[m_pos].is(QLatin1String("{"))) {
            error(m_tokens[m_pos], QStringLiteral("expected '=' or '{' after '%1'").arg(name));
            skipLine();
            continue;
        }
        ++m_pos;
        parseBody(block.attributes, block.blocks, true, line);
        blocks.append(block);
    }
}

size_t HclParser::expressionEnd(size_t from) const {
    int depth = 0;
    for (size_t i = from; i < m_tokens.size(); ++i) {
        const HclToken& t = m_tokens[i];
        if (t.kind == HclToken::Kind::End)
            return i;
        if (depth == 0 && (isNewline(t) || t.is(QLatin1String(","))))
            return i;
        if (isOpener(t)) {
            ++depth;
        } else if (isCloser(t)) {
            if (depth == 0)
                return i;
            --depth;
        }
    }
    return m_tokens.size() - 1;
}

size_t HclParser::matching(size_t open) const {
    int depth = 0;
    for (size_t i = open; i < m_tokens.size(); ++i) {
        if (isOpener(m_tokens[i]))
            ++depth;
        else if (isCloser(m_tokens[i]) && --depth == 0)
            return i;
    }
    return m_tokens.size();
}

QString HclParser::sourceText(size_t from, size_t to) const {
    if (from >= to)
        return {};
    return m_source.mid(m_tokens[from].start, m_tokens[to - 1].end - m_tokens[from].start).simplified();
}

QJsonValue HclParser::valueOf(size_t from, size_t to) const {
    while (from < to && isNewline(m_tokens[from]))
        ++from;
    while (to > from && isNewline(m_tokens[to - 1]))
        --to;
    if (from >= to)
        return QJsonValue::Null;
    const HclToken& first = m_tokens[from];
    if (to - from == 1) {
        switch (first.kind) {
        case HclToken::Kind::String:
        case HclToken::Kind::Heredoc:
            return first.text;
        case HclToken::Kind::Number:
            return first.text.toDouble();
        case HclToken::Kind::Identifier:
            if (first.text == QLatin1String("true") || first.text == QLatin1String("false"))
                return first.text == QLatin1String("true");
            if (first.text == QLatin1String("null"))
                return QJsonValue::Null;
            return first.text;
        default:
            return first.text;
        }
    }
    if (to - from == 2 && first.is(QLatin1String("-")) && m_tokens[from + 1].kind == HclToken::Kind::Number)
        return -m_tokens[from + 1].text.toDouble();
    const bool wholeBracket = isOpener(first) && matching(from) == to - 1;
    size_t afterOpen = from + 1;
    while (afterOpen < to && isNewline(m_tokens[afterOpen]))
        ++afterOpen;
    const bool forExpression = m_tokens[afterOpen].isIdentifier(QLatin1String("for"));
    if (wholeBracket && !forExpression && first.is(QLatin1String("[")))
        return tupleOf(from + 1, to - 1);
    if (wholeBracket && !forExpression && first.is(QLatin1String("{")))
        return objectOf(from + 1, to - 1);
    return sourceText(from, to);
}

QJsonValue HclParser::tupleOf(size_t from, size_t to) const {
    QJsonArray list;
    size_t i = from;
    while (i < to) {
        while (i < to && (isNewline(m_tokens[i]) || m_tokens[i].is(QLatin1String(","))))
            ++i;
        if (i >= to)
            break;
        const size_t end = std::min(expressionEnd(i), to);
        list.append(valueOf(i, end));
        i = end;
    }
    return list;
}

QJsonValue HclParser::objectOf(size_t from, size_t to) const {
    QJsonObject object;
    size_t i = from;
    while (i < to) {
        while (i < to && (isNewline(m_tokens[i]) || m_tokens[i].is(QLatin1String(","))))
            ++i;
        if (i >= to)
            break;
        QString key;
        const HclToken& k = m_tokens[i];
        if (k.kind == HclToken::Kind::Identifier || k.kind == HclToken::Kind::String) {
            key = k.text;
            ++i;
        } else if (k.is(QLatin1String("("))) {
            const size_t close = std::min(matching(i), to - 1);
            key = sourceText(i, close + 1);
            i = close + 1;
        } else {
            // Not a plain object (e.g. an expression we keep as text): give up on structure, keep the source.
            return sourceText(from - 1, to + 1);
        }
        if (i < to && (m_tokens[i].is(QLatin1String("=")) || m_tokens[i].is(QLatin1String(":"))))
            ++i;
        else
            return sourceText(from - 1, to + 1);
        const size_t end = std::min(expressionEnd(i), to);
        object.insert(key, valueOf(i, end));
        i = end;
    }
    return object;
}

void HclParser::collectReferences(const std::vector<HclToken>& tokens, size_t from, size_t to,
                                  QList<HclReference>& out) const {
    static const QStringList roots{QStringLiteral("var"), QStringLiteral("local"), QStringLiteral("module"),
                                   QStringLiteral("data")};
    for (size_t i = from; i < to && i < tokens.size(); ++i) {
        const HclToken& t = tokens[i];
        if (!t.inner.empty())
            collectReferences(t.inner, 0, t.inner.size(), out);
        if (t.kind != HclToken::Kind::Identifier || !roots.contains(t.text))
            continue;
        if (i > 0 && tokens[i - 1].is(QLatin1String(".")))
            continue; // an attribute named like a root, e.g. foo.var.x
        if (i + 2 < tokens.size() && tokens[i + 1].is(QLatin1String(".")) &&
            tokens[i + 2].kind == HclToken::Kind::Identifier)
            out.append(HclReference{t.text, tokens[i + 2].text, t.line});
    }
}

} // namespace mlops
