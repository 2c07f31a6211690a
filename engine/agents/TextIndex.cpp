#include "agents/TextIndex.h"

namespace mlops {

namespace {

bool isWordChar(QChar c) {
    return c.isLetterOrNumber();
}

bool isJoiner(QChar c) {
    return c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('/') || c == QLatin1Char('+') ||
           c == QLatin1Char('\'') || c == QChar(0x2019);
}

template <typename Fn> void scan(const QString& text, Fn&& onToken) {
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !isWordChar(text.at(i)))
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        while (i < n) {
            if (isWordChar(text.at(i))) {
                ++i;
            } else if (isJoiner(text.at(i)) && i + 1 < n && isWordChar(text.at(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        onToken(int(start), int(i));
    }
}

// Whether the character at `i` ends a clause. A single line break inside a paragraph is only wrapping (prompts
// pasted from mail or editors are hard-wrapped); a blank line, a list item or a line after a colon starts anew.
bool isClauseEnd(const QString& text, qsizetype i) {
    const QChar c = text.at(i);
    if (c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('!') || c == QLatin1Char('?') ||
        c == QLatin1Char('.'))
        return true;
    if (c != QLatin1Char('\n'))
        return false;
    qsizetype back = i - 1;
    while (back >= 0 && (text.at(back) == QLatin1Char(' ') || text.at(back) == QLatin1Char('\t') ||
                         text.at(back) == QLatin1Char('\r')))
        --back;
    if (back < 0 || text.at(back) == QLatin1Char(':') || text.at(back) == QLatin1Char('\n'))
        return true;
    qsizetype next = i + 1;
    while (next < text.size() && (text.at(next) == QLatin1Char(' ') || text.at(next) == QLatin1Char('\t') ||
                                  text.at(next) == QLatin1Char('\r')))
        ++next;
    if (next >= text.size())
        return true;
    const QChar n = text.at(next);
    return n == QLatin1Char('\n') || n == QLatin1Char('-') || n == QLatin1Char('*') || n == QChar(0x2022) ||
           n == QLatin1Char('#') ||
           (n.isDigit() && next + 1 < text.size() &&
            (text.at(next + 1) == QLatin1Char('.') || text.at(next + 1) == QLatin1Char(')')));
}

} // namespace

QStringList TextIndex::tokenize(const QString& term) {
    QStringList out;
    scan(term,
         [&](int s, int e) { out.append(term.mid(s, e - s).toLower().replace(QChar(0x2019), QLatin1Char('\''))); });
    return out;
}

TextIndex::TextIndex(const QString& text, const QSet<QString>& negators)
    : m_text(text)
    , m_negators(negators) {
    // A prompt repeats its words: each token is lower-cased into one reused buffer and looked up, so only a word
    // not seen before allocates a string; the token list shares the stored key.
    m_tokens.reserve(text.size() / 6);
    m_starts.reserve(text.size() / 6);
    m_ends.reserve(text.size() / 6);
    QString lower;
    scan(m_text, [this, &lower](int s, int e) {
        bool ascii = true;
        lower.resize(e - s);
        for (int i = s; i < e && ascii; ++i) {
            const char16_t c = m_text.at(i).unicode();
            ascii = c < 128;
            lower[i - s] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
        }
        if (!ascii) { // the full case mapping of QString::toLower, and typographic apostrophes
            lower = m_text.mid(s, e - s).toLower();
            lower.replace(QChar(0x2019), QLatin1Char('\''));
        }
        auto it = m_positions.find(lower);
        if (it == m_positions.end())
            it = m_positions.insert(QString(lower.constData(), lower.size()), {});
        it.value().append(int(m_tokens.size()));
        m_tokens.append(it.key());
        m_starts.append(s);
        m_ends.append(e);
    });
}

QList<TextIndex::Hit> TextIndex::find(const QString& term, int limit) const {
    QList<Hit> hits;
    const QStringList parts = tokenize(term);
    if (parts.isEmpty())
        return hits;
    const auto it = m_positions.constFind(parts.first());
    if (it == m_positions.constEnd())
        return hits;
    for (const int pos : it.value()) {
        if (pos + parts.size() > m_tokens.size())
            break;
        bool match = true;
        for (int k = 1; k < parts.size() && match; ++k)
            match = m_tokens.at(pos + k) == parts.at(k);
        if (!match)
            continue;
        Hit hit{pos, int(parts.size()), false};
        for (int back = 1; back <= 4 && pos - back >= 0; ++back) {
            // stop at a clause boundary: "no GPUs. Kubernetes" must not negate Kubernetes
            const int gapStart = m_ends.at(pos - back);
            const int gapEnd = m_starts.at(pos - back + 1);
            bool boundary = false;
            for (int c = gapStart; c < gapEnd && !boundary; ++c)
                boundary = isClauseEnd(m_text, c);
            if (boundary)
                break;
            if (m_negators.contains(m_tokens.at(pos - back))) {
                hit.negated = true;
                break;
            }
        }
        hits.append(hit);
        if (hits.size() >= limit)
            break;
    }
    return hits;
}

TextIndex::Hit TextIndex::first(const QString& term) const {
    for (const Hit& h : find(term, 32)) {
        if (!h.negated)
            return h;
    }
    return {};
}

QString TextIndex::span(const Hit& hit) const {
    if (hit.token < 0)
        return {};
    const int s = m_starts.at(hit.token);
    const int e = m_ends.at(hit.token + hit.length - 1);
    return m_text.mid(s, e - s);
}

QString TextIndex::clause(const Hit& hit) const {
    if (hit.token < 0)
        return {};
    return clauseAt(m_starts.at(hit.token), m_ends.at(hit.token + hit.length - 1));
}

QString TextIndex::clauseAt(int start, int end) const {
    const int limit = 90;
    // a '.' or ',' inside a number or word ("99.9", "1,500", "e.g") does not end the clause
    const auto ends = [this](int i) {
        const QChar c = m_text.at(i);
        if (!isClauseEnd(m_text, i))
            return false;
        if ((c == QLatin1Char('.') || c == QLatin1Char(',')) && i + 1 < m_text.size() &&
            m_text.at(i + 1).isLetterOrNumber())
            return false;
        return true;
    };
    int s = start;
    while (s > 0 && start - s < limit && !ends(s - 1))
        --s;
    int e = end;
    while (e < m_text.size() && e - end < limit && !ends(e))
        ++e;
    // a clause cut at the length limit starts and ends on whole words
    if (s > 0 && !ends(s - 1)) {
        while (s < start && !m_text.at(s - 1).isSpace())
            ++s;
    }
    if (e < m_text.size() && !ends(e)) {
        while (e > end && !m_text.at(e).isSpace())
            --e;
    }
    return m_text.mid(s, e - s).trimmed();
}

} // namespace mlops
