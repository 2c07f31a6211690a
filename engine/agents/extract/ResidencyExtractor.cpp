// data_residency: a stated obligation ("must stay in the EU") beats a place merely named ("a shop in Germany and
// France"), which is kept as ambiguous. A compliance regime never implies residency: GDPR allows processing
// outside the EU under safeguards, so only the text's own words set this field.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

void extractResidency(Context& c) {
    const QList<GroupHit> residency = matchGroups(c.index, c.lexicon.value(s("residency")).toObject());
    static const QRegularExpression stay(
        s("stay|remain|resid|within|only|host|stor|keep|sovereign|locat|never leave|must be in|based in"),
        QRegularExpression::CaseInsensitiveOption);
    const GroupHit* best = nullptr;
    bool bestFirm = false;
    for (const GroupHit& h : residency) {
        const bool firm = stay.match(c.index.clause(h.hit)).hasMatch();
        if (!best || (firm && !bestFirm) || (firm == bestFirm && h.hit.token < best->hit.token)) {
            best = &h;
            bestFirm = firm;
        }
    }
    if (!best)
        return;
    const QString clause = c.index.clause(best->hit);
    c.draft.set(s("data_residency"), best->key, bestFirm ? 0.85 : 0.55, clause,
                bestFirm ? QString() : s("region named without a residency requirement"));
    if (!bestFirm)
        c.draft.ambiguity(s("data_residency"));
}

} // namespace mlops::extract
