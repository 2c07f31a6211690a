#include "llm/SseParser.h"

namespace mlops {

QList<SseParser::Event> SseParser::feed(const QByteArray& chunk) {
    QList<Event> out;
    m_buffer += chunk;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (m_pendingHasData || !m_pending.name.isEmpty())
                out.append(m_pending);
            m_pending = {};
            m_pendingHasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue; // comment / keep-alive
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "event") {
            m_pending.name = value;
        } else if (field == "data") {
            if (m_pendingHasData)
                m_pending.data += '\n';
            m_pending.data += value;
            m_pendingHasData = true;
        }
    }
    m_buffer.remove(0, start);
    return out;
}

} // namespace mlops
