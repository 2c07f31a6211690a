// availability_target: a percentage or "three nines" near an availability word; "highly available" without a
// number makes the field ambiguous (asked), not a guessed number.
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractAvailability(Context& c) {
    const QList<Quantity> avail = c.numbers.availabilities(c.prompt, c.lexicon.value(s("nines")).toObject());
    if (!avail.isEmpty()) {
        c.draft.set(s("availability_target"), avail.first().value, avail.first().confidence, avail.first().span,
                    avail.first().note);
        for (const Quantity& q : avail) {
            if (q.value != avail.first().value) {
                c.draft.conflict(
                    {s("availability_target")},
                    QStringLiteral("Two availability targets: '%1' and '%2'.").arg(avail.first().span, q.span));
                break;
            }
        }
        return;
    }
    for (const QString& term : strings(c.lexicon.value(s("high_availability_terms")))) {
        const TextIndex::Hit h = c.index.first(term);
        if (h.token >= 0) {
            c.draft.ambiguity(s("availability_target"));
            c.draft.evidence.insert(s("availability_target"), c.index.clause(h));
            break;
        }
    }
}

} // namespace mlops::extract
