#include "validate/HclLexer.h"

#include <algorithm>

namespace mlops {

namespace {

bool isIdentStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentPart(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

QChar closerOf(QChar opener) {
    if (opener == QLatin1Char('{'))
        return QLatin1Char('}');
    if (opener == QLatin1Char('['))
        return QLatin1Char(']');
    return QLatin1Char(')');
}

struct Open {
    QChar bracket;
    int offset;
};

} // namespace

HclLexer::HclLexer(const QString& source)
    : m_source(source) {
    m_lineStarts.push_back(0);
    for (int i = 0; i < m_source.size(); ++i) {
        if (m_source.at(i) == QLatin1Char('\n'))
            m_lineStarts.push_back(i + 1);
    }
}

int HclLexer::lineAt(int offset) const {
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return int(it - m_lineStarts.begin());
}

void HclLexer::error(int offset, const QString& message) {
    m_errors.append(HclError{lineAt(offset), message});
}

std::vector<HclToken> HclLexer::tokenize() {
    std::vector<HclToken> tokens;
    m_pos = 0;
    lexTokens(tokens, Mode::TopLevel);
    HclToken end;
    end.kind = HclToken::Kind::End;
    end.start = end.end = int(m_source.size());
    end.line = lineAt(end.start);
    tokens.push_back(end);
    return tokens;
}

bool HclLexer::lexTokens(std::vector<HclToken>& out, Mode mode) {
    std::vector<Open> stack;
    const int size = int(m_source.size());
    while (m_pos < size) {
        const QChar c = m_source.at(m_pos);
        const int start = m_pos;
        HclToken tok;
        tok.start = start;
        tok.line = lineAt(start);
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char('\n')) {
            ++m_pos;
            if (mode == Mode::TopLevel) {
                tok.kind = HclToken::Kind::Newline;
                tok.end = m_pos;
                out.push_back(tok);
            }
            continue;
        }
        if (c == QLatin1Char('#') || (c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('/'))) {
            while (m_pos < size && m_source.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
            continue;
        }
        if (c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('*')) {
            const int close = int(m_source.indexOf(QLatin1String("*/"), m_pos + 2));
            if (close < 0) {
                error(start, QStringLiteral("unterminated /* comment"));
                m_pos = size;
                break;
            }
            // A block comment spanning lines still ends the attribute before it, like a newline would.
            if (mode == Mode::TopLevel && QStringView(m_source).mid(m_pos, close - m_pos).contains(QLatin1Char('\n'))) {
                tok.kind = HclToken::Kind::Newline;
                tok.end = close + 2;
                out.push_back(tok);
            }
            m_pos = close + 2;
            continue;
        }
        if (isIdentStart(c)) {
            while (m_pos < size && isIdentPart(m_source.at(m_pos)))
                ++m_pos;
            tok.kind = HclToken::Kind::Identifier;
        } else if (c.isDigit()) {
            while (m_pos < size && m_source.at(m_pos).isDigit())
                ++m_pos;
            if (at(m_pos) == QLatin1Char('.') && at(m_pos + 1).isDigit()) {
                ++m_pos;
                while (m_pos < size && m_source.at(m_pos).isDigit())
                    ++m_pos;
            }
            if ((at(m_pos) == QLatin1Char('e') || at(m_pos) == QLatin1Char('E')) &&
                (at(m_pos + 1).isDigit() || ((at(m_pos + 1) == QLatin1Char('+') || at(m_pos + 1) == QLatin1Char('-')) &&
                                             at(m_pos + 2).isDigit()))) {
                m_pos += 2;
                while (m_pos < size && m_source.at(m_pos).isDigit())
                    ++m_pos;
            }
            tok.kind = HclToken::Kind::Number;
        } else if (c == QLatin1Char('"')) {
            lexQuoted(tok);
            out.push_back(tok);
            continue;
        } else if (c == QLatin1Char('<') && at(m_pos + 1) == QLatin1Char('<') &&
                   (isIdentStart(at(m_pos + 2)) ||
                    (at(m_pos + 2) == QLatin1Char('-') && isIdentStart(at(m_pos + 3))))) {
            if (lexHeredoc(tok)) {
                out.push_back(tok);
                continue;
            }
            m_pos = size;
            break;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[') || c == QLatin1Char('(')) {
            stack.push_back(Open{c, start});
            ++m_pos;
            tok.kind = HclToken::Kind::Punctuation;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']') || c == QLatin1Char(')')) {
            ++m_pos;
            if (stack.empty()) {
                if (mode == Mode::Interpolation && c == QLatin1Char('}'))
                    return true;
                error(start, QStringLiteral("unbalanced '%1': no matching opening bracket").arg(c));
                continue;
            }
            const Open open = stack.back();
            if (closerOf(open.bracket) != c) {
                error(start, QStringLiteral("'%1' does not match '%2' opened on line %3")
                                 .arg(c)
                                 .arg(open.bracket)
                                 .arg(lineAt(open.offset)));
            }
            stack.pop_back();
            tok.kind = HclToken::Kind::Punctuation;
        } else {
            static const char* const twoChar[] = {"==", "!=", "<=", ">=", "&&", "||", "=>", "::"};
            tok.kind = HclToken::Kind::Punctuation;
            bool matched = false;
            if (m_source.mid(m_pos, 3) == QLatin1String("...")) {
                m_pos += 3;
                matched = true;
            }
            for (const char* op : twoChar) {
                if (!matched && m_source.mid(m_pos, 2) == QLatin1String(op)) {
                    m_pos += 2;
                    matched = true;
                }
            }
            if (!matched && QStringLiteral("=:,.?!+-*/%<>").contains(c)) {
                ++m_pos;
                matched = true;
            }
            if (!matched) {
                error(start, QStringLiteral("unexpected character '%1'").arg(c));
                ++m_pos;
                continue;
            }
        }
        tok.end = m_pos;
        tok.text = m_source.mid(start, m_pos - start);
        out.push_back(tok);
    }
    for (const Open& open : stack)
        error(open.offset, QStringLiteral("'%1' is never closed").arg(open.bracket));
    return mode == Mode::TopLevel;
}

void HclLexer::lexQuoted(HclToken& tok) {
    tok.kind = HclToken::Kind::String;
    ++m_pos; // opening quote
    lexTemplateBody(tok, -1, true);
    tok.end = m_pos;
}

bool HclLexer::lexHeredoc(HclToken& tok) {
    const int start = m_pos;
    m_pos += 2;
    const bool indented = at(m_pos) == QLatin1Char('-');
    if (indented)
        ++m_pos;
    const int nameStart = m_pos;
    while (m_pos < m_source.size() && isIdentPart(m_source.at(m_pos)))
        ++m_pos;
    const QString marker = m_source.mid(nameStart, m_pos - nameStart);
    while (at(m_pos) == QLatin1Char(' ') || at(m_pos) == QLatin1Char('\t') || at(m_pos) == QLatin1Char('\r'))
        ++m_pos;
    if (at(m_pos) != QLatin1Char('\n')) {
        error(start, QStringLiteral("heredoc marker <<%1 must be followed by a newline").arg(marker));
        return false;
    }
    const int bodyStart = ++m_pos;
    int lineStart = bodyStart;
    while (lineStart < m_source.size()) {
        int lineEnd = int(m_source.indexOf(QLatin1Char('\n'), lineStart));
        if (lineEnd < 0)
            lineEnd = int(m_source.size());
        if (QStringView(m_source).mid(lineStart, lineEnd - lineStart).trimmed() == marker) {
            tok.kind = HclToken::Kind::Heredoc;
            m_pos = bodyStart;
            lexTemplateBody(tok, lineStart, false);
            m_pos = lineEnd;
            tok.end = lineEnd;
            return true;
        }
        lineStart = lineEnd + 1;
    }
    error(start, QStringLiteral("unterminated heredoc: no closing line '%1'").arg(marker));
    return false;
}

void HclLexer::lexTemplateBody(HclToken& tok, int limit, bool quoted) {
    const int start = m_pos - (quoted ? 1 : 0);
    const int size = limit >= 0 ? limit : int(m_source.size());
    QString value;
    while (m_pos < size) {
        const QChar c = m_source.at(m_pos);
        if (quoted && c == QLatin1Char('"')) {
            ++m_pos;
            tok.text = value;
            return;
        }
        if (quoted && c == QLatin1Char('\n'))
            break;
        if (quoted && c == QLatin1Char('\\')) {
            const QChar e = at(m_pos + 1);
            static const QString simple = QStringLiteral("nrt\"\\");
            if (simple.contains(e)) {
                value += e == QLatin1Char('n')   ? QLatin1Char('\n')
                         : e == QLatin1Char('r') ? QLatin1Char('\r')
                         : e == QLatin1Char('t') ? QLatin1Char('\t')
                                                 : e;
                m_pos += 2;
            } else if (e == QLatin1Char('u') || e == QLatin1Char('U')) {
                const int digits = e == QLatin1Char('u') ? 4 : 8;
                bool ok = false;
                const uint code = m_source.mid(m_pos + 2, digits).toUInt(&ok, 16);
                if (!ok)
                    error(m_pos, QStringLiteral("invalid unicode escape in string"));
                else
                    value += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
                m_pos += 2 + digits;
            } else {
                error(m_pos, QStringLiteral("invalid escape sequence '\\%1' in string").arg(e));
                m_pos += 2;
            }
            continue;
        }
        const bool marker = (c == QLatin1Char('$') || c == QLatin1Char('%')) && at(m_pos + 1) == QLatin1Char('{');
        if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && at(m_pos + 1) == c &&
            at(m_pos + 2) == QLatin1Char('{')) {
            value += c;
            value += QLatin1Char('{');
            m_pos += 3; // "$${" and "%%{" are literal
            continue;
        }
        if (marker) {
            const int open = m_pos;
            m_pos += 2;
            tok.templated = true;
            if (!lexTokens(tok.inner, Mode::Interpolation) || (limit >= 0 && m_pos > limit)) {
                error(open, QStringLiteral("unterminated interpolation '%1{'").arg(c));
                m_pos = size;
                break;
            }
            value += m_source.mid(open, m_pos - open);
            continue;
        }
        value += c;
        ++m_pos;
    }
    if (quoted) {
        error(start, QStringLiteral("unterminated string: missing closing quote"));
        if (m_pos < int(m_source.size()) && m_source.at(m_pos) == QLatin1Char('\n'))
            return; // resume at the newline so the rest of the file still lexes
    }
    tok.text = value;
}

} // namespace mlops
