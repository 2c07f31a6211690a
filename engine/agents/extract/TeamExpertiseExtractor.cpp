// team_expertise: skills named in a clause about the team, and phrases saying operations skills are lacking.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

void extractTeamExpertise(Context& c) {
    static const QRegularExpression teamContext(
        s("team|experience|expertise|skill|know|familiar|comfortable|engineers|we have|our|fluent|proficient"),
        QRegularExpression::CaseInsensitiveOption);
    QJsonArray skills;
    QList<GroupHit> used;
    for (const GroupHit& h : matchGroups(c.index, c.lexicon.value(s("expertise")).toObject())) {
        if (teamContext.match(c.index.clause(h.hit)).hasMatch()) {
            skills.append(h.key);
            used.append(h);
        }
    }
    for (const QString& term : strings(c.lexicon.value(s("limited_ops")))) {
        const QList<TextIndex::Hit> hits = c.index.find(term, 1);
        if (!hits.isEmpty()) {
            skills.append(s("limited_ops"));
            used.append({s("limited_ops"), term, hits.first()});
            break;
        }
    }
    if (!skills.isEmpty())
        c.draft.set(s("team_expertise"), skills, 0.7, quotes(c.index, used));
}

} // namespace mlops::extract
