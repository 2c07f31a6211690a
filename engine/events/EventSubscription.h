#pragma once

#include "core/Event.h"

#include <QObject>

#include <functional>

namespace mlops {

// A subscriber's end of one decision set's stream. Lives in the subscriber's thread; receives the history
// first, then live events, each exactly once and in sequence order.
class EventSubscription : public QObject {
    Q_OBJECT
public:
    explicit EventSubscription(QString decisionSetId, QObject* parent = nullptr);
    ~EventSubscription() override;
    const QString& decisionSetId() const { return m_decisionSetId; }
    qint64 lastSeq() const { return m_lastSeq; }

    // Called (queued) by the bus. Drops anything at or below the last delivered sequence number and fills
    // gaps from the database.
    void deliver(const QList<mlops::Event>& events);

signals:
    void eventReceived(const mlops::Event& event);
    // The replayed history has been delivered; what follows is live.
    void replayFinished(qint64 lastSeq);

private:
    friend class EventBus;
    QString m_decisionSetId;
    qint64 m_lastSeq = 0;
    bool m_replayed = false;
    std::function<void()> m_unsubscribe;
    // Loads persisted events [from, to] when a gap shows up (another process appended in between).
    std::function<QList<mlops::Event>(qint64 from, qint64 to)> m_backfill;
};

} // namespace mlops
