#include "graph/NodeActivity.h"

#include "workflow/RunOutcome.h"

#include <QCoreApplication>
#include <QSet>

namespace mlops::ui {

void NodeActivity::setGraph(const QJsonObject& description) {
    m_stepOfNode.clear();
    const QJsonObject parallel = description.value(QStringLiteral("parallel")).toObject();
    for (auto it = parallel.begin(); it != parallel.end(); ++it) {
        for (const QJsonValue& member : it.value().toArray())
            m_stepOfNode.insert(member.toString(), it.key());
    }
}

void NodeActivity::clear() {
    m_nodes.clear();
    m_taken.clear();
    m_current.clear();
}

QString NodeActivity::stateName(State s) {
    switch (s) {
    case State::Pending:
        return QCoreApplication::translate("NodeActivity", "pending");
    case State::Running:
        return QCoreApplication::translate("NodeActivity", "running");
    case State::Done:
        return QCoreApplication::translate("NodeActivity", "done");
    case State::Failed:
        return QCoreApplication::translate("NodeActivity", "failed");
    case State::Waiting:
        return QCoreApplication::translate("NodeActivity", "waiting for a human");
    }
    return {};
}

QSet<QString> NodeActivity::apply(const Event& e) {
    QSet<QString> changed;
    const QString name = e.data.value(QStringLiteral("node")).toString();
    if (e.type == EventType::nodeStart()) {
        Node& n = m_nodes[name];
        n.state = State::Running;
        ++n.runs;
        n.startedAt = e.timestamp;
        n.error.clear();
        m_current = name;
        changed.insert(name);
    } else if (e.type == EventType::nodeComplete()) {
        Node& n = m_nodes[name];
        n.state = State::Done;
        n.finishedAt = e.timestamp;
        // Gates report no duration of their own: the wall time from start to answer is what the user sees.
        qint64 ms = e.data.value(QStringLiteral("duration_ms")).toInteger();
        if (ms == 0 && n.startedAt.isValid() && e.timestamp.isValid())
            ms = n.startedAt.msecsTo(e.timestamp);
        n.lastDurationMs = ms;
        n.totalDurationMs += ms;
        changed.insert(name);
        const QString next = e.data.value(QStringLiteral("next")).toString();
        const QString from = stepOf(name);
        if (!next.isEmpty() && next != from)
            ++m_taken[from + QLatin1Char('>') + next];
    } else if (e.type == EventType::nodeError()) {
        Node& n = m_nodes[name];
        n.state = State::Failed;
        n.error = e.data.value(QStringLiteral("error")).toString();
        changed.insert(name);
    } else if (e.type == EventType::questionsPresented()) {
        m_nodes[name].state = State::Waiting;
        changed.insert(name);
    } else if (e.type == EventType::reasonCard()) {
        m_nodes[name].cards.append(e.data);
        changed.insert(name);
    } else if (e.type == EventType::workflowFailed() || e.type == EventType::workflowPaused()) {
        // A node interrupted by failure is failed; by cancel or pause it simply did not finish.
        const bool failed = outcomeFromName(e.data.value(QStringLiteral("status")).toString()) == RunOutcome::Failed;
        for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
            if (it->state == State::Running || (it->state == State::Waiting && e.type == EventType::workflowFailed())) {
                it->state = failed ? State::Failed : State::Pending;
                if (failed)
                    it->error = e.data.value(QStringLiteral("error")).toString();
                changed.insert(it.key());
            }
        }
    }
    return changed;
}

} // namespace mlops::ui
