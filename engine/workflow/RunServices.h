#pragma once

#include <memory>

namespace mlops {

class Clock;
class KnowledgeBase;
class LlmClient;

// What a run's nodes and timers use besides the state and the settings. The Studio fills it from its Options
// (the application's or a test's own), so nothing here is a process-wide instance.
struct RunServices {
    std::shared_ptr<Clock> clock;                   // gate deadlines, heartbeats, leases; null: the system clock
    std::shared_ptr<const KnowledgeBase> knowledge; // null: nodes that need it fail, saying so
    std::shared_ptr<LlmClient> llm;                 // null: LLM refinement is skipped with a reason card
};

} // namespace mlops
