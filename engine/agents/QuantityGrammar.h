#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include "agents/TermScanner.h"

namespace mlops {

// How a number was stated: exactly, roughly ("about 40k"), as a bound ("under 8 ms", "up to 300") or as a range
// ("between 200 and 300", "200-300"). `value` is the planning figure: the upper end of a range.
struct Amount {
    double value = -1; // -1: no number
    double low = -1;
    double high = -1;
    bool approximate = false; // "about", "a few", "dozens of"
    bool vague = false;       // a vague count ("a few", "several") stands for the whole number
    QString bound;            // "", "upper" or "lower"
    bool isValid() const { return value >= 0; }
    bool isRange() const { return low >= 0 && high > low; }
};

// A span of the text read as a quantity.
struct GrammarMatch {
    Amount amount;
    int start = 0;
    int end = 0;
    QString span;
};

// A count per period: "40k events a minute" (40000 events per 60 s), "1,200 frames per second", "500 rps",
// "2M predictions daily".
struct RateMatch : GrammarMatch {
    QString noun;           // the counted thing, lower-case ("events"); empty for abbreviations ("rps")
    bool knownNoun = false; // one of the grammar's counted nouns
    double periodSeconds = 0;
    double perSecond() const { return amount.value / periodSeconds; }
    double perDay() const { return amount.value * 86400.0 / periodSeconds; }
};

// A duration in milliseconds with the percentile it is stated at (0 when none is named).
struct DurationMatch : GrammarMatch {
    double ms = 0;
    double percentile = 0;
    QString percentileSpan;
};

// A repetition: "every six weeks" (one per 42 days), "twice a month" (one per 15 days), "weekly".
struct PeriodMatch : GrammarMatch {
    double periodSeconds = 0;
};

// The one quantity grammar every field extractor uses. Built from the `quantities.<language>` block of
// resources/knowledge/lexicon.yaml: all vocabulary is data, so a language is added without code. Matching is by
// precompiled regular expressions built from that vocabulary; an instance is immutable and thread-safe.
class QuantityGrammar {
public:
    // `vocabulary` is one language block; `language` its key ("en").
    QuantityGrammar(const QJsonObject& vocabulary, QString language);

    // One grammar per language block of the lexicon (English first when present). Built once per lexicon and
    // shared: compiling the expressions costs more than reading a long prompt.
    static QList<QuantityGrammar> forLexicon(const QJsonObject& lexicon);

    const QString& language() const { return m_language; }

    // Value of a number phrase ("1,200", "1.5 million", "two hundred", "a few dozen", "between 2 and 3k", "~40k").
    Amount parse(const QString& phrase) const;
    // The first number phrase of `text` that ends at or before `text.size()`, scanned as a whole; for answers.
    Amount parseLoose(const QString& text) const;

    QList<RateMatch> rates(const QString& text, int limit = 64) const;
    QList<DurationMatch> durations(const QString& text, int limit = 64) const;
    QList<PeriodMatch> periods(const QString& text, int limit = 32) const;
    // Number phrases followed by `unitPattern` (a regular expression alternative), e.g. team sizes, sizes.
    QList<GrammarMatch> numbersBefore(const QString& text, const QString& unitPattern, int limit = 64) const;

    // Regular-expression source matching one number phrase (for other parsers that need it inline).
    const QString& numberPattern() const { return m_number; }
    // Words before a duration that make it a latency target, and words that make it something else.
    bool isLatencyContext(const QString& before) const;
    bool isLatencyExcluded(const QString& before) const;
    bool isPeakContext(const QString& around) const;

private:
    double wordValue(const QString& word) const;
    double digitsValue(QString digits) const;

    QString m_language;
    QString m_decimal;
    QString m_group;
    QHash<QString, double> m_numberWords;
    QHash<QString, double> m_magnitudes;
    QHash<QString, double> m_vague;
    QHash<QString, double> m_fractions;
    QHash<QString, double> m_periods;
    QHash<QString, double> m_adverbs;
    QHash<QString, double> m_repetitions;
    QHash<QString, double> m_rateUnits;
    QHash<QString, double> m_durations;
    QHash<QString, double> m_percentileWords;
    QHash<QString, double> m_durationWords;
    QStringList m_approximate;
    QStringList m_upper;
    QStringList m_lower;
    QStringList m_rangeJoin;
    QStringList m_vagueKeys; // longest first
    QStringList m_notCounted;
    QStringList m_countedPerMinute; // not counted over longer periods (lexicon counted_per_minute)
    QStringList m_countedNouns;
    QString m_number; // regex source of one number phrase
    QRegularExpression m_rate;
    QRegularExpression m_rateUnit;
    QRegularExpression m_rateAdverb;
    QRegularExpression m_duration;
    QRegularExpression m_fractionDuration;
    QRegularExpression m_wordDuration;
    QRegularExpression m_period;
    QRegularExpression m_repetition;
    QRegularExpression m_percentile;
    QRegularExpression m_latencyContext;
    QRegularExpression m_latencyExclude;
    QRegularExpression m_peak;
    QRegularExpression m_token;
    TermScanner m_rateAnchors; // the ends of rates: a period, an adverb or a rate unit
    // What may stand right before a period at the end of a rate: the last word of a joiner or of a number phrase.
    QSet<QString> m_beforePeriod;
    // Words of the count of a rate: number words, magnitudes and the words of vague counts.
    QSet<QString> m_countWords;
    QStringList m_adverbEnds; // last words of the period adverbs

    // The anchors of `text` a rate can end at: whole words (no letter before, no letter or digit after).
    QList<TermScanner::Span> rateAnchors(const QString& text) const;
    // Cheap tests that are necessary for a match of m_rate, m_rateUnit or m_rateAdverb to end at `end` when the
    // expression runs on text[from, end): they skip most windows without running the expression.
    bool canEndRate(const QString& text, int from, int end) const;
    bool canEndRateUnit(const QString& text, int from, int end) const;
    bool canEndRateAdverb(const QString& text, int from, int end) const;
    bool hasCount(const QString& text, int from, int end) const;
    bool countBefore(const QString& text, int from, int at, bool slash, int maxWords) const;
    // Runs `re` on a short window ending at each anchor, so the full expression never scans the whole text;
    // windows where `canEnd` says no match can end are skipped.
    template <typename CanEnd, typename Fn>
    void matchAtAnchors(const QString& text, const QList<TermScanner::Span>& anchors, const QRegularExpression& re,
                        int limit, CanEnd&& canEnd, Fn&& accept) const;
};

} // namespace mlops
