// team_size: "a team of five", "3 data scientists and 2 ML engineers" (the roles add up), "just me".
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractTeamSize(Context& c) {
    const QList<Quantity> teams = c.numbers.teamSizes(c.prompt, c.lexicon.value(s("number_words")).toObject());
    if (!teams.isEmpty()) {
        c.draft.set(s("team_size"), int(teams.first().value), teams.first().confidence, teams.first().span,
                    teams.first().note);
        return;
    }
    for (const QString& solo : strings(c.lexicon.value(s("solo_terms")))) {
        const TextIndex::Hit h = c.index.first(solo);
        if (h.token >= 0) {
            c.draft.set(s("team_size"), 1, 0.8, c.index.clause(h));
            return;
        }
    }
}

} // namespace mlops::extract
