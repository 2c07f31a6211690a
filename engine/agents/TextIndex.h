#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace mlops {

// Word index of a requirement text for fast, boundary-aware term lookup: one pass builds it, then every
// lexicon term is a hash lookup plus a short comparison, so a 1 MB prompt is matched in milliseconds.
// Tokens are runs of letters/digits joined by - . / + ' and are lower-cased; spans point into the original text.
class TextIndex {
public:
    struct Hit {
        int token = -1;       // index of the first token
        int length = 0;       // tokens in the term
        bool negated = false; // "no", "not", "without"... within the four tokens before
    };

    explicit TextIndex(const QString& text, const QSet<QString>& negators = {});

    // Occurrences of a term (itself tokenised the same way), at most `limit`.
    QList<Hit> find(const QString& term, int limit = 8) const;
    // First non-negated occurrence, if any.
    Hit first(const QString& term) const;
    bool contains(const QString& term) const { return first(term).token >= 0; }

    int tokenCount() const { return int(m_tokens.size()); }
    QString token(int i) const { return m_tokens.value(i); }
    int tokenStart(int i) const { return m_starts.value(i); }
    int tokenEnd(int i) const { return m_ends.value(i); }
    // Text of the hit itself, and its clause (up to the nearest , ; . ! ? or newline, at most ~90 chars).
    QString span(const Hit& hit) const;
    QString clause(const Hit& hit) const;
    QString clauseAt(int start, int end) const;
    const QString& text() const { return m_text; }

    static QStringList tokenize(const QString& term);

private:
    QString m_text;
    QStringList m_tokens;
    QList<int> m_starts;
    QList<int> m_ends;
    QHash<QString, QList<int>> m_positions;
    QSet<QString> m_negators;
};

} // namespace mlops
