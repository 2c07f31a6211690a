#include "workflow/WorkflowGraph.h"

#include <QJsonArray>
#include <QSet>

namespace mlops {

void WorkflowGraph::addNode(std::shared_ptr<Node> node) {
    const QString name = node->name();
    if (!m_nodes.contains(name))
        m_order.append(name);
    m_nodes.insert(name, std::move(node));
}

void WorkflowGraph::addParallel(const QString& name, const QStringList& members) {
    m_parallel.insert(name, members);
}

void WorkflowGraph::addEdge(Edge edge) {
    m_edges.append(std::move(edge));
}

bool WorkflowGraph::hasStep(const QString& step) const {
    return m_nodes.contains(step) || m_parallel.contains(step);
}

Node* WorkflowGraph::node(const QString& name) const {
    const auto it = m_nodes.constFind(name);
    return it == m_nodes.constEnd() ? nullptr : it->get();
}

GateNode* WorkflowGraph::gate(const QString& name) const {
    return dynamic_cast<GateNode*>(node(name));
}

QString WorkflowGraph::next(const QString& from, const WorkflowState& state, QJsonObject& counts,
                            QString* error) const {
    bool hasOutgoing = false;
    for (int i = 0; i < m_edges.size(); ++i) {
        const Edge& e = m_edges[i];
        if (e.from != from)
            continue;
        hasOutgoing = true;
        const QString key = QString::number(i);
        const int taken = counts.value(key).toInt();
        if (e.maxTraversals > 0 && taken >= e.maxTraversals)
            continue;
        if (e.when && !e.when(state))
            continue;
        counts.insert(key, taken + 1);
        return e.to;
    }
    if (hasOutgoing && error)
        *error = QStringLiteral("no transition applies after step '%1'").arg(from);
    return {};
}

int WorkflowGraph::nominalLengthFrom(const QString& from) const {
    // Follow the last (fallback) edge of each step: the path taken when no loop fires.
    int length = 0;
    QString step = from;
    QSet<QString> seen;
    while (!step.isEmpty() && !seen.contains(step)) {
        seen.insert(step);
        length += isParallel(step) ? int(members(step).size()) : 1;
        QString next;
        for (const Edge& e : m_edges) {
            if (e.from == step && e.maxTraversals == 0)
                next = e.to;
        }
        step = next;
    }
    return length;
}

QJsonObject WorkflowGraph::describe() const {
    QJsonArray nodes;
    for (const QString& name : m_order) {
        const Node* n = node(name);
        QString parallel;
        for (auto it = m_parallel.begin(); it != m_parallel.end(); ++it) {
            if (it.value().contains(name))
                parallel = it.key();
        }
        nodes.append(QJsonObject{{QStringLiteral("name"), name},
                                 {QStringLiteral("agent"), n->agent()},
                                 {QStringLiteral("gate"), gate(name) != nullptr},
                                 {QStringLiteral("parallel_step"), parallel}});
    }
    QJsonArray edges;
    for (const Edge& e : m_edges) {
        edges.append(QJsonObject{{QStringLiteral("from"), e.from},
                                 {QStringLiteral("to"), e.to},
                                 {QStringLiteral("label"), e.label},
                                 {QStringLiteral("conditional"), bool(e.when)},
                                 {QStringLiteral("max_traversals"), e.maxTraversals}});
    }
    QJsonObject parallel;
    for (auto it = m_parallel.begin(); it != m_parallel.end(); ++it)
        parallel.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return {{QStringLiteral("entry"), m_entry},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("edges"), edges},
            {QStringLiteral("parallel"), parallel}};
}

DecisionSetStatus WorkflowGraph::stepStatus(const QString& step) const {
    return m_stepStatus.value(step, DecisionSetStatus::Processing);
}

QString WorkflowGraph::check() const {
    if (!hasStep(m_entry))
        return QStringLiteral("entry step '%1' is not declared").arg(m_entry);
    for (const Edge& e : m_edges) {
        if (!hasStep(e.from) || !hasStep(e.to))
            return QStringLiteral("edge %1 -> %2 names an undeclared step").arg(e.from, e.to);
    }
    for (auto it = m_stepStatus.begin(); it != m_stepStatus.end(); ++it) {
        if (!hasStep(it.key()))
            return QStringLiteral("status '%1' is set for undeclared step '%2'").arg(storedText(it.value()), it.key());
    }
    for (auto it = m_parallel.begin(); it != m_parallel.end(); ++it) {
        QSet<QString> written;
        for (const QString& member : it.value()) {
            const Node* n = node(member);
            if (!n)
                return QStringLiteral("parallel step '%1' names unknown node '%2'").arg(it.key(), member);
            if (gate(member))
                return QStringLiteral("gate '%1' cannot run in parallel").arg(member);
            for (const QString& part : n->writes()) {
                if (written.contains(part))
                    return QStringLiteral("parallel nodes of '%1' both write '%2'").arg(it.key(), part);
                written.insert(part);
            }
        }
    }
    return {};
}

} // namespace mlops
