#include "run/RunFeed.h"

#include "Studio.h"
#include "events/EventSubscription.h"

namespace mlops::ui {

RunFeed::RunFeed(Studio& studio, QObject* parent)
    : QObject(parent)
    , m_studio(studio) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(25);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunFeed::flush);
}

void RunFeed::follow(const QString& decisionSetId) {
    stop();
    m_decisionSetId = decisionSetId;
    emit reset(decisionSetId);
    if (decisionSetId.isEmpty())
        return;
    m_replaying = true;
    m_subscription = m_studio.subscribe(decisionSetId, this);
    connect(m_subscription, &EventSubscription::eventReceived, this, &RunFeed::enqueue);
    connect(m_subscription, &EventSubscription::replayFinished, this, [this] {
        m_replayDonePending = true;
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    });
}

void RunFeed::stop() {
    delete m_subscription.data();
    m_pending.clear();
    m_flushTimer.stop();
    m_replaying = false;
    m_replayDonePending = false;
    m_decisionSetId.clear();
}

void RunFeed::enqueue(const Event& event) {
    m_pending.append(event);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RunFeed::flush() {
    if (!m_pending.isEmpty()) {
        const QList<Event> batch = std::exchange(m_pending, {});
        emit eventsArrived(batch);
    }
    if (m_replayDonePending) {
        m_replayDonePending = false;
        m_replaying = false;
        emit replayFinished(m_decisionSetId);
    }
}

} // namespace mlops::ui
