#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace mlops {

// Finds literal terms in a text without a regular expression, with the semantics of a case-insensitive alternation
// of the terms, longest term first: matches are leftmost, non-overlapping, and a space in a term matches any run
// of white space. One table lookup per character instead of a regular-expression match object per hit, so a
// 1 MiB prompt with ~90,000 hits of one-letter period units ("s", "h") is scanned in milliseconds
// (docs/extraction.md, "Speed").
class TermScanner {
public:
    struct Span {
        int start = 0;
        int end = 0;
    };

    TermScanner() = default;
    explicit TermScanner(QStringList terms);

    // Every match, left to right, as the alternation's global match returns them.
    QList<Span> scan(const QString& text) const;

    // Whether the characters of text[from, end) end with `term` (compared case-insensitively, no white-space
    // folding); returns the start of the term there, or -1.
    static int suffixStart(const QString& text, int from, int end, const QString& term);
    // The lower-cased run of letters that ends at `end` (not before `from`), and where it starts.
    static QString wordBefore(const QString& text, int from, int end, int* start);

private:
    int matchAt(const QString& text, int at) const; // end of the first term matching at `at`, or -1

    QStringList m_terms;                        // case-folded, longest first
    std::array<QList<int>, 128> m_asciiFirst{}; // ASCII first character (either case) -> indexes into m_terms
    QHash<char16_t, QList<int>> m_byFirst;      // case-folded first character -> indexes into m_terms, in order
};

} // namespace mlops
