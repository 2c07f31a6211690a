#include "events/EventBus.h"

#include "events/EventSubscription.h"
#include "storage/EventLogStore.h"

#include <QMetaObject>

namespace mlops {

struct EventBus::Channel {
    QMutex mutex;
    bool loaded = false;
    qint64 nextSeq = 1;
    qint64 persistedSeq = 0;
    std::deque<Event> buffer; // contiguous sequence numbers, the newest at the back
    QList<Event> staged;      // published, not yet handed to the writer
    QList<EventSubscription*> subscribers;
};

namespace {

void postToSubscriber(EventSubscription* sub, QList<Event> events) {
    QMetaObject::invokeMethod(
        sub, [sub, events = std::move(events)] { sub->deliver(events); }, Qt::QueuedConnection);
}

} // namespace

EventBus::EventBus(Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database) {
    qRegisterMetaType<mlops::Event>();
}

EventBus::~EventBus() = default; // subscriptions keep their channel alive through their unsubscribe hook

EventBus::Channel& EventBus::channel(const QString& decisionSetId) {
    auto& slot = m_channels[decisionSetId];
    if (!slot)
        slot = std::make_shared<Channel>();
    return *slot;
}

static void ensureLoaded(Database& db, const QString& decisionSetId, bool& loaded, qint64& nextSeq, qint64& persisted) {
    if (loaded)
        return;
    persisted = EventLogStore::maxSeq(db.reader(), decisionSetId);
    nextSeq = persisted + 1;
    loaded = true;
}

void EventBus::trim(Channel& ch) {
    if (int(ch.buffer.size()) <= kBufferLimit)
        return;
    // Only persisted events may leave the buffer: a late subscriber must find every event somewhere.
    while (int(ch.buffer.size()) > kBufferTrimmedTo && ch.buffer.front().seq <= ch.persistedSeq)
        ch.buffer.pop_front();
}

void EventBus::deliverLive(Channel& ch, const QList<Event>& events) {
    for (EventSubscription* sub : std::as_const(ch.subscribers))
        postToSubscriber(sub, events);
}

Event EventBus::publish(const QString& decisionSetId, const QString& type, const QJsonObject& data) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    Channel& ch = *chp;
    Event e;
    e.decisionSetId = decisionSetId;
    e.type = type;
    e.data = data;
    {
        QMutexLocker lock(&ch.mutex);
        ensureLoaded(m_database, decisionSetId, ch.loaded, ch.nextSeq, ch.persistedSeq);
        e.seq = ch.nextSeq++;
        e.timestamp = QDateTime::currentDateTimeUtc();
        ch.buffer.push_back(e);
        ch.staged.append(e);
        trim(ch);
        if (!ch.subscribers.isEmpty())
            deliverLive(ch, {e});
    }
    emit published(e);
    return e;
}

QFuture<WriteResult> EventBus::commit(const QString& decisionSetId, Database::WriteOp alsoWrite) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    QList<Event> events;
    {
        QMutexLocker lock(&chp->mutex);
        events.swap(chp->staged);
    }
    const qint64 last = events.isEmpty() ? 0 : events.last().seq;
    return m_database
        .write([events = std::move(events), alsoWrite = std::move(alsoWrite)](SqliteConnection& c) {
            EventLogStore::insert(c, events);
            if (alsoWrite)
                alsoWrite(c);
        })
        .then([chp, last](WriteResult r) {
            if (r.ok() && last > 0) {
                QMutexLocker lock(&chp->mutex);
                chp->persistedSeq = std::max(chp->persistedSeq, last);
            }
            return r;
        });
}

QFuture<WriteResult> EventBus::publishNow(const QString& decisionSetId, const QString& type, const QJsonObject& data) {
    publish(decisionSetId, type, data);
    return commit(decisionSetId);
}

QFuture<WriteResult> EventBus::appendAtomically(const QString& decisionSetId,
                                                std::function<EventList(SqliteConnection&)> makeEvents) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    auto written = std::make_shared<QList<Event>>();
    return m_database
        .write([decisionSetId, makeEvents = std::move(makeEvents), written](SqliteConnection& c) {
            const EventList made = makeEvents(c);
            qint64 seq = EventLogStore::maxSeq(c, decisionSetId);
            QList<Event> events;
            for (const auto& [type, data] : made)
                events.append({decisionSetId, ++seq, QDateTime::currentDateTimeUtc(), type, data});
            EventLogStore::insert(c, events);
            *written = events;
        })
        .then([this, chp, written](WriteResult r) {
            if (!r.ok() || written->isEmpty())
                return r;
            {
                QMutexLocker lock(&chp->mutex);
                if (chp->loaded) {
                    chp->nextSeq = std::max(chp->nextSeq, written->last().seq + 1);
                    chp->persistedSeq = std::max(chp->persistedSeq, written->last().seq);
                    // Keep the buffer contiguous: drop it when the database moved on without us.
                    if (!chp->buffer.empty() && chp->buffer.back().seq + 1 != written->first().seq)
                        chp->buffer.clear();
                    for (const Event& e : std::as_const(*written))
                        chp->buffer.push_back(e);
                    trim(*chp);
                }
                deliverLive(*chp, *written);
            }
            for (const Event& e : std::as_const(*written))
                emit published(e);
            return r;
        });
}

void EventBus::resetChannel(const QString& decisionSetId) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    QMutexLocker lock(&chp->mutex);
    chp->staged.clear();
    chp->buffer.clear();
    chp->loaded = false;
    ensureLoaded(m_database, decisionSetId, chp->loaded, chp->nextSeq, chp->persistedSeq);
}

EventSubscription* EventBus::subscribe(const QString& decisionSetId, QObject* parent) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    auto* sub = new EventSubscription(decisionSetId, parent);
    QMutexLocker lock(&chp->mutex);
    ensureLoaded(m_database, decisionSetId, chp->loaded, chp->nextSeq, chp->persistedSeq);
    const qint64 firstBuffered = chp->buffer.empty() ? chp->nextSeq : chp->buffer.front().seq;
    QList<Event> history = EventLogStore::load(m_database.reader(), decisionSetId, 1, firstBuffered - 1);
    for (const Event& e : chp->buffer)
        history.append(e);
    postToSubscriber(sub, std::move(history));
    chp->subscribers.append(sub);
    Database* db = &m_database;
    sub->m_backfill = [db, decisionSetId](qint64 from, qint64 to) {
        return EventLogStore::load(db->reader(), decisionSetId, from, to);
    };
    sub->m_unsubscribe = [chp, sub] {
        QMutexLocker l(&chp->mutex);
        chp->subscribers.removeAll(sub);
    };
    return sub;
}

qint64 EventBus::lastSeq(const QString& decisionSetId) {
    std::shared_ptr<Channel> chp;
    {
        QMutexLocker lock(&m_mutex);
        channel(decisionSetId);
        chp = m_channels.value(decisionSetId);
    }
    QMutexLocker lock(&chp->mutex);
    ensureLoaded(m_database, decisionSetId, chp->loaded, chp->nextSeq, chp->persistedSeq);
    return chp->nextSeq - 1;
}

int EventBus::bufferedCount(const QString& decisionSetId) {
    QMutexLocker lock(&m_mutex);
    const auto chp = m_channels.value(decisionSetId);
    if (!chp)
        return 0;
    QMutexLocker chLock(&chp->mutex);
    return int(chp->buffer.size());
}

} // namespace mlops
