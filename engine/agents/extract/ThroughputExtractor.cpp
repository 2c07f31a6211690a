// throughput_requests_per_day, peak_rps and expected_throughput. Any counted noun per period is a volume
// ("30,000 studies per day", "a few dozen calls an hour", "40k events a minute"). Rates per second or minute,
// and hourly rates called a peak, are the peak; longer periods the daily volume. When only one of the two is
// stated the other is derived with the peak factor of resources/knowledge/tech_specs.yaml, and says so.
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

#include <cmath>

namespace mlops::extract {

namespace {

double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}

QString periodNote(const RateMatch& r, bool perSecond) {
    const double p = r.periodSeconds;
    QString base;
    if (perSecond) {
        if (p == 1)
            return r.amount.isRange() ? QStringLiteral("range stated; the upper end is used") : QString();
        base = QStringLiteral("%1 per %2 s = %3 per second").arg(r.amount.value).arg(p).arg(round2(r.perSecond()));
    } else {
        if (p == 86400)
            return r.amount.isRange() ? QStringLiteral("range stated; the upper end is used") : QString();
        base = QStringLiteral("%1 per %2 days = %3 per day")
                   .arg(r.amount.value)
                   .arg(p / 86400.0)
                   .arg(std::round(r.perDay()));
    }
    if (r.amount.isRange())
        base += QStringLiteral("; range stated, the upper end is used");
    return base;
}

} // namespace

void extractThroughput(Context& c) {
    const RateMatch* peak = nullptr;
    bool peakNamed = false;
    const RateMatch* daily = nullptr;
    QList<RateMatch> all;
    for (const QuantityGrammar& g : c.grammars)
        all += g.rates(c.prompt);
    QList<bool> peakContext;
    for (const RateMatch& r : std::as_const(all)) {
        const QString around = c.prompt.mid(qMax(0, r.start - 40), r.end - qMax(0, r.start - 40) + 20).toLower();
        bool named = false;
        for (const QuantityGrammar& g : c.grammars)
            named = named || g.isPeakContext(around);
        peakContext.append(named);
    }
    for (int i = 0; i < all.size(); ++i) {
        const RateMatch& r = all.at(i);
        // a count without a noun over a long period is money or time ("5k/month"), not a volume
        if (r.noun.isEmpty() && r.periodSeconds > 60)
            continue;
        const bool isPeak = r.periodSeconds <= 60 || (peakContext.at(i) && r.periodSeconds <= 3600);
        if (isPeak) {
            if (!peak || r.perSecond() > peak->perSecond())
                peak = &r, peakNamed = peakContext.at(i);
        } else if (!daily) {
            daily = &r;
        }
    }
    Draft& d = c.draft;
    if (daily) {
        QString note = periodNote(*daily, false);
        double conf = daily->knownNoun ? 0.9 : 0.8;
        if (daily->amount.vague) {
            conf = qMin(conf, 0.7);
            note = (note.isEmpty() ? QString() : note + s("; ")) +
                   QStringLiteral("'%1' read as %2").arg(daily->span).arg(daily->amount.value);
        }
        d.set(s("throughput_requests_per_day"), std::round(daily->perDay()), conf, daily->span, note);
    }
    if (peak) {
        QString note = periodNote(*peak, true);
        if (!peakNamed)
            note = (note.isEmpty() ? QString() : note + s("; ")) + s("rate stated without 'peak'; used as the peak");
        double conf = peakNamed ? 0.9 : 0.75;
        if (peak->amount.vague)
            conf = qMin(conf, 0.7);
        d.set(s("peak_rps"), round2(peak->perSecond()), conf, peak->span, note);
    }
    const double factor = c.kb.techSpecs().value(s("assumptions")).toObject().value(s("peak_factor")).toDouble(3.0);
    if (daily && !peak) {
        const double perDay = d.values.value(s("throughput_requests_per_day")).toDouble();
        d.derive(s("peak_rps"), round2(perDay / 86400.0 * factor), 0.6, {s("throughput_requests_per_day")},
                 QStringLiteral("peak = daily volume / 86400 x peak factor %1 (tech_specs.yaml)").arg(factor),
                 daily->span);
    } else if (peak && !daily) {
        const double perDay = d.values.value(s("peak_rps")).toDouble() * 86400.0 / factor;
        d.derive(s("throughput_requests_per_day"), std::round(perDay), 0.6, {s("peak_rps")},
                 QStringLiteral("daily volume = peak x 86400 / peak factor %1 (tech_specs.yaml)").arg(factor),
                 peak->span);
    }
    if (d.has(s("throughput_requests_per_day"))) {
        const QString from = daily ? s("throughput_requests_per_day") : s("peak_rps");
        d.derive(s("expected_throughput"),
                 IntakeExtractor::bandForThroughput(d.values.value(s("throughput_requests_per_day")).toDouble()),
                 daily ? d.confidence.value(s("throughput_requests_per_day")).toDouble() : 0.6, {from},
                 s("band of the daily volume: low < 1k, medium < 100k, high < 1M, very_high"),
                 d.evidence.value(from).toString());
    }
}

} // namespace mlops::extract
