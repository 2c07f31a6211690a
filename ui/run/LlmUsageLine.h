#pragma once

#include <QCoreApplication>
#include <QString>

namespace mlops {

class LlmRunUsage;
struct LlmUsage;

// The translated wording around the LLM usage figures the engine sums and formats (LlmRunUsage): one line for the
// plan view, a shorter one for the status bar while a run goes, and a per-agent breakdown for tooltips. Numbers and
// amounts are the engine's, so the UI shows exactly what the report says.
class LlmUsageLine {
    Q_DECLARE_TR_FUNCTIONS(LlmUsageLine)
public:
    static QString text(const LlmRunUsage& usage);
    static QString compact(const LlmRunUsage& usage); // empty when no LLM took part
    static QString breakdown(const LlmRunUsage& usage);

private:
    static QString cost(const LlmUsage& usage, bool withSource);
};

} // namespace mlops
