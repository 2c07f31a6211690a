// cloud_provider: explicit names outweigh service names; "from AWS" (a migration source) counts little.
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractCloud(Context& c) {
    QHash<QString, double> score;
    QHash<QString, GroupHit> hitOf;
    QHash<QString, bool> isExplicitHit;
    const QJsonObject clouds = c.lexicon.value(s("clouds")).toObject();
    for (const QString& cloud : KnowledgeBase::clouds()) {
        const QJsonObject entry = clouds.value(cloud).toObject();
        for (const char* kind : {"explicit", "services"}) {
            const bool isExplicit = qstrcmp(kind, "explicit") == 0;
            for (const QString& term : strings(entry.value(s(kind)))) {
                for (const TextIndex::Hit& h : c.index.find(term, 4)) {
                    if (h.negated)
                        continue;
                    const QString prev = c.index.token(h.token - 1);
                    double w = isExplicit ? 1.0 : 0.8;
                    if (prev == QLatin1String("from") || prev == QLatin1String("leaving"))
                        w = 0.2;
                    else if (prev == QLatin1String("to") || prev == QLatin1String("onto"))
                        w += 0.3;
                    score[cloud] += w;
                    if (!hitOf.contains(cloud) || (isExplicit && !isExplicitHit.value(cloud))) {
                        hitOf[cloud] = {cloud, term, h};
                        isExplicitHit[cloud] = isExplicit;
                    }
                }
            }
        }
    }
    if (score.isEmpty())
        return;
    QString best;
    for (const QString& cloud : KnowledgeBase::clouds()) {
        if (score.contains(cloud) && (best.isEmpty() || score[cloud] > score[best]))
            best = cloud;
    }
    const GroupHit& h = hitOf[best];
    const bool viaService = !isExplicitHit.value(best);
    c.draft.set(s("cloud_provider"), best, viaService ? 0.85 : 0.95, c.index.clause(h.hit),
                viaService ? QStringLiteral("'%1' is a %2 service").arg(c.index.span(h.hit), best) : QString());
    QStringList others;
    for (const QString& cloud : KnowledgeBase::clouds()) {
        if (cloud != best && score.value(cloud) >= 0.8)
            others.append(cloud);
    }
    if (!others.isEmpty()) {
        c.draft.confidence.insert(s("cloud_provider"),
                                  others.size() > 1 || score.value(others.first()) >= score[best] * 0.75 ? 0.5 : 0.7);
        c.draft.ambiguity(s("cloud_provider"));
        c.draft.conflict(
            {s("cloud_provider")},
            QStringLiteral("Several platforms are named: %1 and %2; %1 was chosen because it is mentioned most.")
                .arg(best, others.join(s(", "))));
    }
}

} // namespace mlops::extract
