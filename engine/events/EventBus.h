#pragma once

#include "core/Event.h"
#include "storage/Database.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

namespace mlops {

class EventSubscription;

// The event stream of docs/events.md. publish() is thread-safe: it gives the event the next gapless sequence number
// of its decision set, hands it to live subscribers at once (queued to their threads) and stages it; commit()
// persists what is staged, together with any other write (a checkpoint), in one transaction. So the
// database always holds a prefix of each stream, and a run that crashes between commits re-emits exactly the
// events that were lost, under the same numbers.
class EventBus : public QObject {
    Q_OBJECT
public:
    static constexpr int kBufferLimit = 1000;
    static constexpr int kBufferTrimmedTo = 500;

    explicit EventBus(Database& database, QObject* parent = nullptr);
    ~EventBus() override;

    Event publish(const QString& decisionSetId, const QString& type, const QJsonObject& data);
    QFuture<WriteResult> commit(const QString& decisionSetId, Database::WriteOp alsoWrite = {});
    // publish() then commit(): for events outside a run's node boundaries.
    QFuture<WriteResult> publishNow(const QString& decisionSetId, const QString& type, const QJsonObject& data);

    // For decision sets no run of this process owns: inside one write transaction, `makeEvents` performs its
    // own writes and returns the events to append; they are numbered after what the database holds (another
    // process may have written since), committed, then delivered live.
    using EventList = QList<QPair<QString, QJsonObject>>;
    QFuture<WriteResult> appendAtomically(const QString& decisionSetId,
                                          std::function<EventList(SqliteConnection&)> makeEvents);

    // Forgets staged events and re-reads the last sequence number from the database: called when a run of
    // this decision set starts or resumes here.
    void resetChannel(const QString& decisionSetId);

    // History then live events. The subscription is owned by `parent` (or the caller) and lives in the
    // calling thread.
    EventSubscription* subscribe(const QString& decisionSetId, QObject* parent = nullptr);

    qint64 lastSeq(const QString& decisionSetId);
    int bufferedCount(const QString& decisionSetId);

signals:
    // Every event of every decision set, emitted in the publishing thread (connect queued).
    void published(const mlops::Event& event);

private:
    struct Channel;
    Channel& channel(const QString& decisionSetId); // m_mutex held
    void deliverLive(Channel& ch, const QList<Event>& events);
    void trim(Channel& ch);

    Database& m_database;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<Channel>> m_channels;
};

} // namespace mlops
