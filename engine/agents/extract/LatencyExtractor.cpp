// latency_p99_ms: a duration in a clause about answering ("has to answer in 8 milliseconds at the 99th
// percentile", "sub-20ms", "p95 under 2 s", "half a second"), read by the quantity grammar.
#include "agents/extract/FieldExtractors.h"

#include <algorithm>

namespace mlops::extract {

namespace {

struct Reading {
    DurationMatch match;
    double confidence = 0;
    QString note;
    bool ambiguous = false;
};

QString amountNote(const Amount& a) {
    if (a.isRange())
        return QStringLiteral("range %1-%2 ms stated; the upper end is the bound").arg(a.low).arg(a.high);
    return {};
}

} // namespace

void extractLatency(Context& c) {
    QList<Reading> readings;
    // "10 requests a second": the period of a rate is not a duration. Only a duration in words can be one; the rates
    // are read in the few words before it.
    const auto insideRate = [&](const DurationMatch& m) {
        if (std::any_of(m.span.begin(), m.span.end(), [](QChar ch) { return ch.isDigit(); }))
            return false;
        const int from = qMax(0, m.start - 80);
        const QString window = c.prompt.mid(from, m.end - from);
        for (const QuantityGrammar& g : c.grammars) {
            for (const RateMatch& r : g.rates(window)) {
                if (m.start - from >= r.start && m.end - from <= r.end)
                    return true;
            }
        }
        return false;
    };
    for (const QuantityGrammar& g : c.grammars) {
        for (const DurationMatch& m : g.durations(c.prompt)) {
            if (m.ms <= 0 || m.ms > 600000 || insideRate(m))
                continue;
            const QString before = c.prompt.mid(qMax(0, m.start - 60), qMin(60, m.start)).toLower();
            // the words before, the phrase itself ("sub-20ms", "under 8 ms") and a few after ("20ms responses")
            const QString around =
                before + QLatin1Char(' ') + m.span.toLower() + QLatin1Char(' ') + c.prompt.mid(m.end, 25).toLower();
            if (g.isLatencyExcluded(before) || (!g.isLatencyContext(around) && m.percentile <= 0))
                continue;
            Reading r{m, 0.75, amountNote(m.amount), false};
            if (m.percentile >= 99) {
                r.confidence = 0.95;
            } else if (m.percentile > 0) {
                r.confidence = 0.6;
                r.ambiguous = true;
                r.note =
                    QStringLiteral("p%1 stated; used as the p99 bound (p99 is at least as high)").arg(m.percentile);
            } else if (r.note.isEmpty()) {
                r.note = QStringLiteral("percentile not stated; read as p99");
            }
            // "sub-second", "a few seconds": words for a bound, not a measured target
            const bool wordsOnly = std::none_of(m.span.begin(), m.span.end(), [](QChar ch) { return ch.isDigit(); });
            if (wordsOnly && (m.amount.vague || m.amount.bound == QLatin1String("upper"))) {
                r.confidence = qMin(r.confidence, 0.6);
                r.note = QStringLiteral("'%1' read as %2 ms").arg(m.span).arg(m.ms);
            }
            readings.append(r);
        }
    }
    if (readings.isEmpty())
        return;
    const Reading* best = &readings.first();
    for (const Reading& r : readings) {
        if (r.confidence > best->confidence)
            best = &r;
    }
    QString quote = best->match.span;
    if (!best->match.percentileSpan.isEmpty() && !quote.contains(best->match.percentileSpan))
        quote = c.index.clauseAt(best->match.start, best->match.end);
    c.draft.set(s("latency_p99_ms"), best->match.ms, best->confidence, quote, best->note);
    if (best->ambiguous)
        c.draft.ambiguity(s("latency_p99_ms"));
    for (const Reading& r : readings) {
        if (r.confidence == best->confidence && r.match.ms != best->match.ms) {
            c.draft.conflict(
                {s("latency_p99_ms")},
                QStringLiteral("Two latency targets are stated: '%1' and '%2'.").arg(best->match.span, r.match.span));
            break;
        }
    }
}

} // namespace mlops::extract
