// monitoring_requirements: named needs, and bare words ("latency", "cost", "bias") only in a clause about
// monitoring; elsewhere "latency" is a target and "cost" a budget.
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

#include <QRegularExpression>

#include <algorithm>

namespace mlops::extract {

void extractMonitoring(Context& c) {
    const QStringList order = IntakeExtractor::allowedValues(s("monitoring_requirements"));
    QList<GroupHit> monitoring = matchGroups(c.index, c.lexicon.value(s("monitoring")).toObject(), order);
    static const QRegularExpression about(
        s("\\b(?:monitor\\w*|alert\\w*|track\\w*|watch\\w*|observ\\w*|dashboards?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QJsonObject contextual = c.lexicon.value(s("monitoring_in_context")).toObject();
    for (const QString& key : order) {
        if (std::any_of(monitoring.begin(), monitoring.end(), [&](const GroupHit& h) { return h.key == key; }))
            continue;
        for (const QString& term : strings(contextual.value(key))) {
            bool found = false;
            for (const TextIndex::Hit& h : c.index.find(term, 16)) {
                // the sentence so far: "Monitor drift, latency and cost" lists needs across commas
                const int start = c.index.tokenStart(h.token);
                QString before = c.index.text().mid(qMax(0, start - 80), qMin(80, start));
                const qsizetype stop =
                    qMax(before.lastIndexOf(QLatin1String(". ")),
                         qMax(before.lastIndexOf(QLatin1Char('?')), before.lastIndexOf(QLatin1Char('!'))));
                if (stop >= 0)
                    before = before.mid(stop + 1);
                if (!h.negated && (about.match(c.index.clause(h)).hasMatch() || about.match(before).hasMatch())) {
                    monitoring.append({key, term, h});
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
    }
    QList<GroupHit> ordered;
    for (const QString& key : order) {
        for (const GroupHit& h : std::as_const(monitoring)) {
            if (h.key == key)
                ordered.append(h);
        }
    }
    if (!ordered.isEmpty())
        c.draft.set(s("monitoring_requirements"), keysOf(ordered), 0.8, quotes(c.index, ordered));
}

} // namespace mlops::extract
