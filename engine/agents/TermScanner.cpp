#include "agents/TermScanner.h"

#include <algorithm>

namespace mlops {

namespace {

// ASCII without the Unicode tables: nearly every character of a prompt is ASCII.
char16_t folded(QChar c) {
    const char16_t u = c.unicode();
    if (u < 128)
        return u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u;
    return c.toCaseFolded().unicode();
}

} // namespace

TermScanner::TermScanner(QStringList terms) {
    // Longest first, as the alternation is written: at one position the longest term that matches wins.
    std::stable_sort(terms.begin(), terms.end(),
                     [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& t : std::as_const(terms)) {
        if (t.isEmpty())
            continue;
        const QString f = t.toCaseFolded();
        const char16_t first = f.front().unicode();
        const int index = int(m_terms.size());
        m_byFirst[first].append(index);
        m_terms.append(f);
        // every ASCII character of the text that folds to this first character
        for (char16_t c = 0; c < 128; ++c) {
            if (folded(QChar(c)) == first)
                m_asciiFirst[c].append(index);
        }
    }
}

int TermScanner::matchAt(const QString& text, int at) const {
    const char16_t c = text.at(at).unicode();
    const QList<int>* candidates = nullptr;
    if (c < 128) {
        candidates = &m_asciiFirst[c];
    } else {
        const auto it = m_byFirst.constFind(folded(text.at(at)));
        if (it == m_byFirst.constEnd())
            return -1;
        candidates = &it.value();
    }
    const int n = int(text.size());
    for (const int index : *candidates) {
        const QString& term = m_terms.at(index);
        int i = at;
        bool ok = true;
        for (const QChar tc : term) {
            if (tc == QLatin1Char(' ')) {
                if (i >= n || !text.at(i).isSpace()) {
                    ok = false;
                    break;
                }
                while (i < n && text.at(i).isSpace())
                    ++i;
            } else if (i < n && folded(text.at(i)) == tc.unicode()) {
                ++i;
            } else {
                ok = false;
                break;
            }
        }
        if (ok)
            return i;
    }
    return -1;
}

QList<TermScanner::Span> TermScanner::scan(const QString& text) const {
    QList<Span> out;
    const int n = int(text.size());
    int p = 0;
    while (p < n) {
        const char16_t c = text.at(p).unicode();
        if (c < 128 && m_asciiFirst[c].isEmpty()) {
            ++p;
            continue;
        }
        const int end = matchAt(text, p);
        if (end > p) {
            out.append({p, end});
            p = end;
        } else {
            ++p;
        }
    }
    return out;
}

int TermScanner::suffixStart(const QString& text, int from, int end, const QString& term) {
    const int start = end - int(term.size());
    if (start < from)
        return -1;
    for (int k = 0; k < term.size(); ++k) {
        if (folded(text.at(start + k)) != folded(term.at(k)))
            return -1;
    }
    return start;
}

QString TermScanner::wordBefore(const QString& text, int from, int end, int* start) {
    int i = end;
    while (i > from && text.at(i - 1).isLetter())
        --i;
    if (start)
        *start = i;
    return text.mid(i, end - i).toLower();
}

} // namespace mlops
