// Meta `controls`: stated requirements that must become a component or a control of the design (explainability,
// an audit trail, lineage, anonymisation, human review, drift monitoring), not only a keyword.
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractControls(Context& c) {
    const QJsonObject groups = c.lexicon.value(s("controls")).toObject();
    for (const GroupHit& h : matchGroups(c.index, groups)) {
        if (!c.draft.controls.contains(h.key))
            c.draft.controls.append(h.key);
    }
}

} // namespace mlops::extract
