#include "events/EventSubscription.h"

namespace mlops {

EventSubscription::EventSubscription(QString decisionSetId, QObject* parent)
    : QObject(parent)
    , m_decisionSetId(std::move(decisionSetId)) {}

EventSubscription::~EventSubscription() {
    if (m_unsubscribe)
        m_unsubscribe();
}

void EventSubscription::deliver(const QList<Event>& events) {
    for (const Event& e : events) {
        if (e.seq <= m_lastSeq)
            continue;
        if (e.seq > m_lastSeq + 1 && m_backfill) {
            for (const Event& missing : m_backfill(m_lastSeq + 1, e.seq - 1)) {
                if (missing.seq == m_lastSeq + 1) {
                    m_lastSeq = missing.seq;
                    emit eventReceived(missing);
                }
            }
        }
        m_lastSeq = e.seq;
        emit eventReceived(e);
    }
    if (!m_replayed) {
        m_replayed = true;
        emit replayFinished(m_lastSeq);
    }
}

} // namespace mlops
