// The size of a named LLM ("Llama 3 70B", "a 13-billion-parameter model"): not a schema field, but it decides the
// GPU, so it is kept with the meta information.
#include "agents/extract/FieldExtractors.h"

#include <QRegularExpression>

namespace mlops::extract {

double extractLlmSize(Context& c, QString* quote) {
    if (!c.draft.values.value(s("workload_types")).toArray().contains(s("llm_serving")))
        return 0;
    static const QRegularExpression size(s("\\b(\\d{1,3}(?:\\.\\d)?)\\s?(?:b\\b|-?b-|billion[- ]param)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const auto m = size.match(c.prompt);
    if (!m.hasMatch())
        return 0;
    *quote = c.index.clauseAt(int(m.capturedStart()), int(m.capturedEnd()));
    return m.captured(1).toDouble();
}

} // namespace mlops::extract
