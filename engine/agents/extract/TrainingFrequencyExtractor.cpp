// training_frequency: a repetition in a clause about (re)training ("retrained every six weeks", "twice a month",
// "weekly retrain"), mapped to the nearest schedule of the schema; continuous learning is named by words.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

#include <cmath>

namespace mlops::extract {

namespace {

// The schema's schedules by period. A period between two is rounded to the nearer one on a log scale, so "twice a
// month" (15 days) is monthly and "every ten days" weekly; anything rarer than monthly is scheduled monthly.
QString scheduleFor(double seconds, QString* note) {
    const double day = 86400;
    const auto noted = [&](const char* schedule, double nominal) {
        if (std::abs(seconds - nominal) > 0.25 * nominal)
            *note = QStringLiteral("every %1 days scheduled %2 (the nearest schedule)")
                        .arg(std::round(seconds / day * 10) / 10)
                        .arg(s(schedule));
        return s(schedule);
    };
    if (seconds <= 1.5 * 3600)
        return s("hourly");
    if (seconds <= 2.6 * day)
        return noted("daily", day);
    if (seconds <= 14.5 * day)
        return noted("weekly", 7 * day);
    return noted("monthly", 30 * day);
}

} // namespace

void extractTrainingFrequency(Context& c) {
    static const QRegularExpression about(
        s("train|refit|refresh|update the model|models? (?:are|is) updated|re-train|retrain"),
        QRegularExpression::CaseInsensitiveOption);
    const QJsonObject groups = c.lexicon.value(s("training_frequency")).toObject();
    const QList<GroupHit> continuous = matchGroups(c.index, groups, {s("continuous")});
    if (!continuous.isEmpty()) {
        c.draft.set(s("training_frequency"), s("continuous"), 0.85, c.index.clause(continuous.first().hit));
        return;
    }
    for (const QuantityGrammar& g : c.grammars) {
        for (const PeriodMatch& p : g.periods(c.prompt)) {
            const QString clause = c.index.clauseAt(p.start, p.end);
            if (!about.match(clause).hasMatch())
                continue;
            QString note;
            const QString schedule = scheduleFor(p.periodSeconds, &note);
            c.draft.set(s("training_frequency"), schedule, 0.85, clause, note);
            return;
        }
    }
    const QList<GroupHit> freq =
        matchGroups(c.index, groups, {s("hourly"), s("daily"), s("weekly"), s("monthly"), s("one_time")});
    for (const GroupHit& h : freq) {
        const QString clause = c.index.clause(h.hit);
        if (about.match(clause).hasMatch()) {
            c.draft.set(s("training_frequency"), h.key, 0.85, clause);
            return;
        }
    }
}

} // namespace mlops::extract
