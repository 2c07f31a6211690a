#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mlops {

// Server-sent events as both chat APIs stream them: "event: name" (Anthropic) and "data: ..." lines, an empty
// line ending each event. Chunks may split lines and events anywhere; feed() returns the events completed so far.
class SseParser {
public:
    struct Event {
        QByteArray name; // empty unless an "event:" line was sent
        QByteArray data; // data lines joined with '\n'
    };

    QList<Event> feed(const QByteArray& chunk);
    // Bytes received that did not complete an event (a stream cut off mid-event leaves some here).
    bool hasPartialEvent() const { return !m_buffer.trimmed().isEmpty() || !m_pending.data.isEmpty(); }

private:
    QByteArray m_buffer;
    Event m_pending;
    bool m_pendingHasData = false;
};

} // namespace mlops
