#include "ReasonCardIndex.h"

#include "core/Event.h"

namespace mlops {

ReasonCardIndex::ReasonCardIndex(const QList<Event>& events) {
    for (const Event& e : events) {
        if (e.type != EventType::reasonCard())
            continue;
        QString node = e.data.value(QLatin1String("node")).toString();
        if (node.isEmpty())
            node = e.data.value(QLatin1String("agent")).toString();
        if (!node.isEmpty())
            m_latest.insert(node, std::max(m_latest.value(node), e.seq));
    }
}

qint64 ReasonCardIndex::latestCard(const QString& node) const {
    return m_latest.value(node);
}

} // namespace mlops
