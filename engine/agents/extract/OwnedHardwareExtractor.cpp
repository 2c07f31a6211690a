// Meta `owned_hardware`: accelerators the team says it has ("training on a small GPU server with two RTX A6000s",
// "our DGX"). The planner trains on them as stated instead of renting cloud GPUs, and never as spot capacity.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

void extractOwnedHardware(Context& c) {
    const QRegularExpression owned(c.lexicon.value(s("owned_context")).toString(s("(?!)")) +
                                       s("|\\b(?:own|owned|on-prem|on prem|server|servers|box|boxes|rack)\\b"),
                                   QRegularExpression::CaseInsensitiveOption);
    for (const QString& term : strings(c.lexicon.value(s("owned_hardware")))) {
        for (const TextIndex::Hit& h : c.index.find(term, 2)) {
            if (h.negated || !owned.match(c.index.clause(h)).hasMatch())
                continue;
            const QString name = c.index.span(h);
            bool known = false;
            for (const QString& n : std::as_const(c.draft.ownedHardware))
                known = known || n.contains(name, Qt::CaseInsensitive) || name.contains(n, Qt::CaseInsensitive);
            if (!known)
                c.draft.ownedHardware.append(name);
            break;
        }
    }
}

} // namespace mlops::extract
