// deployment_preference: generic words ("serverless", "kubernetes") are preferences, service names only hints.
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractDeployment(Context& c) {
    const QJsonObject dep = c.lexicon.value(s("deployment")).toObject();
    const QJsonObject clouds = c.lexicon.value(s("clouds")).toObject();
    QSet<QString> serviceTerms;
    for (const QString& cloud : KnowledgeBase::clouds())
        for (const QString& t : strings(clouds.value(cloud).toObject().value(s("services"))))
            serviceTerms.insert(t);
    QList<GroupHit> strong, weak;
    for (const GroupHit& h :
         matchGroups(c.index, dep, {s("edge"), s("kubernetes"), s("serverless"), s("containers"), s("managed")})) {
        // a group may match on a generic word later in the text even if its first hit was a service name
        GroupHit generic{h.key, {}, {}};
        for (const QString& term : strings(dep.value(h.key))) {
            if (serviceTerms.contains(term))
                continue;
            const TextIndex::Hit g = c.index.first(term);
            if (g.token >= 0 && (generic.hit.token < 0 || g.token < generic.hit.token))
                generic = {h.key, term, g};
        }
        if (generic.hit.token >= 0)
            strong.append(generic);
        else
            weak.append(h);
    }
    const QList<GroupHit>& pool = strong.isEmpty() ? weak : strong;
    if (pool.isEmpty())
        return;
    const GroupHit& pick = pool.first(); // priority order: edge, kubernetes, serverless, containers, managed
    c.draft.set(s("deployment_preference"), pick.key, strong.isEmpty() ? 0.65 : 0.85, c.index.clause(pick.hit),
                strong.isEmpty() ? QStringLiteral("inferred from the service '%1'").arg(c.index.span(pick.hit))
                                 : QString());
    if (pool.size() > 1) {
        c.draft.ambiguity(s("deployment_preference"));
        c.draft.confidence.insert(s("deployment_preference"), 0.6);
    }
}

} // namespace mlops::extract
