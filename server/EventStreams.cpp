#include "EventStreams.h"

#include <memory>

namespace mlops::server {

namespace {
constexpr int kPage = 500;
}

EventStreams::EventStreams(Fetch fetch, int heartbeatMs, int retryMs, qint64 maxUnsentBytes, QObject* parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
    , m_retryMs(retryMs)
    , m_maxUnsent(maxUnsentBytes) {
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &EventStreams::heartbeat);
    m_heartbeat.start();
}

int EventStreams::streamCount() const {
    int n = 0;
    for (const auto& list : m_streams)
        n += list.size();
    return n;
}

void EventStreams::subscribe(const QString& key, QHttpServerResponder&& responder, qint64 after) {
    auto* stream = new SseStream(std::move(responder), key, after, m_retryMs, this);
    m_streams[key].append(stream);
    connect(stream, &SseStream::closed, this, [this](SseStream* s) {
        auto it = m_streams.find(s->key());
        if (it != m_streams.end()) {
            it->removeAll(s);
            if (it->isEmpty())
                m_streams.erase(it);
        }
        s->deleteLater();
    });
    catchUp(stream);
}

void EventStreams::catchUp(SseStream* stream) {
    stream->catchingUp = true;
    while (stream->isOpen()) {
        // History is paced by the reader: past half the unsent limit we wait for the socket to drain.
        if (stream->unsentBytes() > m_maxUnsent / 2) {
            QTcpSocket* socket = stream->socket();
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(socket, &QIODevice::bytesWritten, stream, [this, stream, socket, connection] {
                if (socket->bytesToWrite() <= m_maxUnsent / 4) {
                    disconnect(*connection);
                    catchUp(stream);
                }
            });
            return;
        }
        const QList<SseItem> items = m_fetch(stream->key(), stream->lastSent(), kPage);
        stream->send(items);
        if (items.size() < kPage)
            break;
    }
    stream->catchingUp = false;
}

void EventStreams::dropSlow(SseStream* stream) {
    // The reader lets its unsent buffer grow past the limit: it is cut off and resumes with Last-Event-ID.
    stream->close();
}

void EventStreams::publish(const QString& key, const QList<SseItem>& items) {
    if (items.isEmpty())
        return;
    const auto it = m_streams.constFind(key);
    if (it == m_streams.constEnd())
        return;
    const QList<SseStream*> streams = *it;
    for (SseStream* s : streams) {
        if (s->catchingUp || !s->isOpen())
            continue;
        if (s->unsentBytes() > m_maxUnsent) {
            dropSlow(s);
            continue;
        }
        if (s->lastSent() + 1 >= items.first().id)
            s->send(items);
        else
            catchUp(s);
    }
}

void EventStreams::poke(const QString& key, qint64 upToId) {
    const auto it = m_streams.constFind(key);
    if (it == m_streams.constEnd())
        return;
    QList<SseStream*> behind;
    qint64 from = -1;
    const QList<SseStream*> streams = *it;
    for (SseStream* s : streams) {
        if (s->catchingUp || !s->isOpen() || (upToId > 0 && s->lastSent() >= upToId))
            continue;
        if (s->unsentBytes() > m_maxUnsent) {
            dropSlow(s);
            continue;
        }
        behind.append(s);
        from = from < 0 ? s->lastSent() : std::min(from, s->lastSent());
    }
    if (behind.isEmpty())
        return;
    // One read serves every stream of the key; a stream still behind after it reads on its own.
    const QList<SseItem> items = m_fetch(key, from, kPage);
    for (SseStream* s : std::as_const(behind)) {
        s->send(items);
        if (items.size() == kPage)
            catchUp(s);
    }
}

void EventStreams::pokeAll() {
    const QStringList keys = m_streams.keys();
    for (const QString& key : keys)
        poke(key);
}

void EventStreams::heartbeat() {
    QList<SseStream*> all;
    for (const auto& list : std::as_const(m_streams))
        all += list;
    for (SseStream* s : std::as_const(all)) {
        if (s->unsentBytes() > m_maxUnsent)
            dropSlow(s);
        else
            s->sendComment("heartbeat");
    }
}

} // namespace mlops::server
