// gpu_required: "CPU only" excludes GPUs; a named GPU requires them; "fine-tune" only implies them.
#include "agents/extract/FieldExtractors.h"

#include <algorithm>

namespace mlops::extract {

void extractGpu(Context& c) {
    const QJsonObject gpu = c.lexicon.value(s("gpu")).toObject();
    GroupHit no{}, yes{};
    for (const QString& term : strings(gpu.value(s("not_required")))) {
        if (const TextIndex::Hit h = c.index.first(term); h.token >= 0) {
            no = {s("no"), term, h};
            break;
        }
    }
    for (const QString& term : strings(gpu.value(s("required")))) {
        if (const TextIndex::Hit h = c.index.first(term);
            h.token >= 0 && (yes.hit.token < 0 || h.token < yes.hit.token))
            yes = {s("yes"), term, h};
    }
    const auto direct = [](const QString& term) {
        return term.contains(QLatin1String("gpu")) || term.contains(QLatin1String("cuda")) ||
               term.contains(QLatin1String("nvidia")) ||
               std::any_of(term.begin(), term.end(), [](QChar ch) { return ch.isDigit(); });
    };
    if (no.hit.token >= 0) {
        c.draft.set(s("gpu_required"), false, 0.9, c.index.clause(no.hit));
        // any GPU named outright (not merely implied by "fine-tune") contradicts the exclusion
        GroupHit named{};
        for (const QString& term : strings(gpu.value(s("required")))) {
            if (!direct(term))
                continue;
            if (const TextIndex::Hit h = c.index.first(term);
                h.token >= 0 && (named.hit.token < 0 || h.token < named.hit.token))
                named = {s("yes"), term, h};
        }
        if (named.hit.token >= 0) {
            c.draft.conflict({s("gpu_required")}, QStringLiteral("GPUs are both excluded ('%1') and named ('%2').")
                                                      .arg(c.index.span(no.hit), c.index.span(named.hit)));
            c.draft.ambiguity(s("gpu_required"));
        }
    } else if (yes.hit.token >= 0) {
        c.draft.set(s("gpu_required"), true, direct(yes.term) ? 0.9 : 0.7, c.index.clause(yes.hit),
                    direct(yes.term) ? QString() : QStringLiteral("'%1' implies GPUs").arg(c.index.span(yes.hit)));
    }
}

} // namespace mlops::extract
