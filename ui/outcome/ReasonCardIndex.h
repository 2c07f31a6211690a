#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace mlops {

struct Event;

// Where each node's reason cards sit in a decision set's event stream, so that a finding shown in the plan view
// can lead to the card that produced it.
class ReasonCardIndex {
public:
    ReasonCardIndex() = default;
    explicit ReasonCardIndex(const QList<Event>& events);

    // Sequence number of the latest reason card `node` emitted (the one behind the findings a checkpoint holds),
    // or 0 when the node emitted none.
    qint64 latestCard(const QString& node) const;
    bool isEmpty() const { return m_latest.isEmpty(); }

private:
    QHash<QString, qint64> m_latest;
};

} // namespace mlops
