// ml_tasks and data_modalities: lexicon groups, first mention per value.
#include "agents/extract/FieldExtractors.h"

#include "agents/IntakeExtractor.h"

namespace mlops::extract {

void extractTasksAndModalities(Context& c) {
    const QList<GroupHit> tasks =
        matchGroups(c.index, c.lexicon.value(s("ml_tasks")).toObject(), IntakeExtractor::allowedValues(s("ml_tasks")));
    if (!tasks.isEmpty())
        c.draft.set(s("ml_tasks"), keysOf(tasks), 0.8, quotes(c.index, tasks));
    const QList<GroupHit> modalities = matchGroups(c.index, c.lexicon.value(s("modalities")).toObject(),
                                                   IntakeExtractor::allowedValues(s("data_modalities")));
    if (!modalities.isEmpty())
        c.draft.set(s("data_modalities"), keysOf(modalities), 0.8, quotes(c.index, modalities));
}

} // namespace mlops::extract
