#pragma once

#include "codegen/RenderInput.h"

namespace mlops {

// docs/report.html: one self-contained page (inline CSS, no scripts, no external assets) that Qt WebEngine shows
// and prints to PDF: the component layout and data flow, decisions, cost, policy results, questions and answers,
// the validation summary and the run's LLM usage.
class ReportRenderer {
public:
    static QString render(const RenderInput& in);
    static QString escape(const QString& text);
};

} // namespace mlops
