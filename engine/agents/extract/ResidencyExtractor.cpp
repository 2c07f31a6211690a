// data_residency: a stated obligation ("must stay in the EU") beats a place merely named ("a shop in Germany and
// France"), which is kept as ambiguous. A compliance regime never implies residency: GDPR allows processing
// outside the EU under safeguards, so only the text's own words set this field.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

void extractResidency(Context& c) {
    // "West Europe", "UK South", "Central India" name a cloud region, not where the data must stay
    const QStringList compass = strings(c.lexicon.value(s("region_name_words")));
    const auto compassWord = [&](int token) {
        QString w = c.index.token(token).toLower();
        while (!w.isEmpty() && w.back().isDigit())
            w.chop(1); // "europe-west1"
        return compass.contains(w);
    };
    const auto namesRegion = [&](const TextIndex::Hit& h) {
        return compassWord(h.token - 1) || compassWord(h.token + h.length);
    };
    // "may not leave Germany" negates the leaving, not the place
    static const QRegularExpression notLeave(s("\\b(?:not|never|n't)\\s+(?:\\w+\\s+){0,2}leave\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    // per jurisdiction, its earliest mention that is not part of a region's name
    const QJsonObject groups = c.lexicon.value(s("residency")).toObject();
    const QList<GroupHit> residency = matchGroupsWhere(c.index, groups, groups.keys(), [&](const TextIndex::Hit& h) {
        return !(h.negated && !notLeave.match(c.index.clause(h)).hasMatch()) && !namesRegion(h);
    });
    static const QRegularExpression stay(
        s("stay|remain|resid|within|only|host|stor|keep|sovereign|locat|never leave|not leave|must be in|based in"),
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
