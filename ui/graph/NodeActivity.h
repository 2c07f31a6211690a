#pragma once

#include "core/Event.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace mlops::ui {

// What happened to each node of a run so far, folded from the event stream: state, how often it ran (loops),
// timings, error, and the path taken between steps. Pure data, shared by the graph view and the node details.
class NodeActivity {
public:
    enum class State { Pending, Running, Done, Failed, Waiting };

    struct Node {
        State state = State::Pending;
        int runs = 0;
        QDateTime startedAt;
        QDateTime finishedAt;
        qint64 lastDurationMs = 0;
        qint64 totalDurationMs = 0;
        QString error;
        QJsonArray cards; // reason-card data objects, in order
    };

    // Needs the graph description to know which nodes form a parallel step.
    void setGraph(const QJsonObject& description);
    void clear();
    // Returns the nodes whose display changed.
    QSet<QString> apply(const Event& event);

    const Node node(const QString& name) const { return m_nodes.value(name); }
    // The step (node or parallel group) a node belongs to.
    QString stepOf(const QString& node) const { return m_stepOfNode.value(node, node); }
    // Times the run moved from step `from` to step `to`.
    int traversals(const QString& from, const QString& to) const { return m_taken.value(from + QLatin1Char('>') + to); }
    QString currentNode() const { return m_current; }
    static QString stateName(State s);

private:
    QHash<QString, QString> m_stepOfNode;
    QHash<QString, Node> m_nodes;
    QHash<QString, int> m_taken;
    QString m_current;
};

} // namespace mlops::ui
