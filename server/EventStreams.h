#pragma once

#include "SseStream.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mlops::server {

// Every open SSE stream of this server instance, grouped by key ("ds:<id>" for a decision set's events,
// "team:<id>" for a team's change feed). Delivery always continues from a stream's own last sent id, so
// history, live items and items another instance stored (PostgreSQL NOTIFY) join without duplicates or gaps.
class EventStreams : public QObject {
    Q_OBJECT
public:
    // Reads up to `limit` stored items of `key` with an id above `after`, in id order.
    using Fetch = std::function<QList<SseItem>(const QString& key, qint64 after, int limit)>;

    EventStreams(Fetch fetch, int heartbeatMs, int retryMs, qint64 maxUnsentBytes, QObject* parent = nullptr);

    void subscribe(const QString& key, QHttpServerResponder&& responder, qint64 after);
    // Items this instance just committed, contiguous ids (decision-set events). Streams that are exactly one
    // behind get them from memory; any other stream reads the database.
    void publish(const QString& key, const QList<SseItem>& items);
    // Something up to `upToId` was stored under `key` (another instance, or the change feed): streams behind it read
    // the database. upToId 0: unknown, every stream of the key checks.
    void poke(const QString& key, qint64 upToId = 0);
    // After a lost PostgreSQL listener: every stream checks the database.
    void pokeAll();

    int streamCount() const;

private:
    void catchUp(SseStream* stream);
    void dropSlow(SseStream* stream);
    void heartbeat();

    Fetch m_fetch;
    int m_retryMs;
    qint64 m_maxUnsent;
    QHash<QString, QList<SseStream*>> m_streams;
    QTimer m_heartbeat;
};

} // namespace mlops::server
