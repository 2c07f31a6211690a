// data_volume_gb: the largest size stated (a history of 2 TB, not the 4 GB of memory of a node).
#include "agents/extract/FieldExtractors.h"

namespace mlops::extract {

void extractDataVolume(Context& c) {
    const QList<Quantity> sizes = c.numbers.dataVolumes(c.prompt);
    if (sizes.isEmpty())
        return;
    const Quantity* best = &sizes.first();
    for (const Quantity& q : sizes) {
        if (q.value > best->value)
            best = &q;
    }
    c.draft.set(s("data_volume_gb"), best->value, best->confidence, best->span, best->note);
    if (best->ambiguous)
        c.draft.ambiguity(s("data_volume_gb"));
}

} // namespace mlops::extract
