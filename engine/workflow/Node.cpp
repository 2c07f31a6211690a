#include "workflow/Node.h"

#include "core/Event.h"

namespace mlops {

NodeContext::NodeContext(QString decisionSetId, QString nodeName, QString agentName, const WorkflowState& state,
                         const RunSettings& settings, EventSink sink, const std::atomic_bool* cancelled,
                         RunServices services)
    : m_decisionSetId(std::move(decisionSetId))
    , m_nodeName(std::move(nodeName))
    , m_agentName(std::move(agentName))
    , m_state(state)
    , m_settings(settings)
    , m_sink(std::move(sink))
    , m_cancelled(cancelled)
    , m_services(std::move(services)) {
    m_timer.start();
}

void NodeContext::card(ReasonCard card) {
    if (card.agent.isEmpty())
        card.agent = m_agentName;
    if (card.node.isEmpty())
        card.node = m_nodeName;
    if (card.durationMs == 0)
        card.durationMs = m_timer.elapsed();
    m_cards.append(card);
    if (m_sink)
        m_sink(EventType::reasonCard(), card.toJson());
}

void NodeContext::event(const QString& type, const QJsonObject& data) {
    if (m_sink)
        m_sink(type, data);
}

} // namespace mlops
