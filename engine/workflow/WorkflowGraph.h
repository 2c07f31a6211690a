#pragma once

#include "storage/Status.h"
#include "workflow/Node.h"

#include <QHash>

#include <memory>

namespace mlops {

// A transition between steps. `when` empty means always; `maxTraversals` > 0 bounds a loop edge: once
// taken that many times the edge is skipped and the next matching edge applies.
struct Edge {
    QString from;
    QString to;
    std::function<bool(const WorkflowState&)> when;
    int maxTraversals = 0;
    QString label;
};

// The declared graph: nodes, parallel steps (fan-out/fan-in of nodes with disjoint writes) and edges.
// Steps are node names or parallel-step names; a step without outgoing edges ends the run.
class WorkflowGraph {
public:
    void addNode(std::shared_ptr<Node> node);
    void addParallel(const QString& name, const QStringList& members);
    void addEdge(Edge edge);
    void setEntry(const QString& step) { m_entry = step; }
    // The decision set's status while `step` is next to run (e.g. Generating). The graph declares it so the runtime
    // knows no step by name; steps without one show Processing (docs/workflow.md).
    void setStepStatus(const QString& step, DecisionSetStatus status) { m_stepStatus.insert(step, status); }
    DecisionSetStatus stepStatus(const QString& step) const;

    QString entry() const { return m_entry; }
    bool hasStep(const QString& step) const;
    bool isParallel(const QString& step) const { return m_parallel.contains(step); }
    QStringList members(const QString& step) const { return m_parallel.value(step); }
    Node* node(const QString& name) const;
    GateNode* gate(const QString& name) const;
    QStringList nodeNames() const { return m_order; }
    const QList<Edge>& edges() const { return m_edges; }

    // The next step after `from`, counting traversals in `counts` (edge index -> times taken).
    // Returns an empty string when `from` is terminal; sets `error` when no edge applies.
    QString next(const QString& from, const WorkflowState& state, QJsonObject& counts, QString* error) const;
    // Number of steps on the straight path from entry to the end (for progress estimates).
    int nominalLength() const { return nominalLengthFrom(m_entry); }
    int nominalLengthFrom(const QString& step) const;
    // Nodes, parallel steps and edges as JSON, for the UI's graph view and for docs.
    QJsonObject describe() const;
    // Checks that every edge names known steps and the entry exists; empty when valid.
    QString check() const;

private:
    QHash<QString, std::shared_ptr<Node>> m_nodes;
    QStringList m_order;
    QHash<QString, QStringList> m_parallel;
    QList<Edge> m_edges;
    QString m_entry;
    QHash<QString, DecisionSetStatus> m_stepStatus;
};

} // namespace mlops
