// disaster_recovery_required: named DR terms (negated: not required); unmentioned is the default false.
#include "agents/extract/FieldExtractors.h"

#include <algorithm>

namespace mlops::extract {

void extractDisasterRecovery(Context& c) {
    for (const QString& term : strings(c.lexicon.value(s("dr_terms")))) {
        const QList<TextIndex::Hit> hits = c.index.find(term, 4);
        if (hits.isEmpty())
            continue;
        const bool negated = std::all_of(hits.begin(), hits.end(), [](const TextIndex::Hit& h) { return h.negated; });
        c.draft.set(s("disaster_recovery_required"), !negated, 0.85, c.index.clause(hits.first()));
        return;
    }
    c.draft.assume(s("disaster_recovery_required"), false, 0.5, s("not mentioned; no disaster recovery assumed"));
}

} // namespace mlops::extract
