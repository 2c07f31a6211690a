#include "cards/ReasonCardModel.h"

#include <algorithm>

namespace mlops::ui {

ReasonCardModel::ReasonCardModel(QObject* parent)
    : QAbstractListModel(parent) {}

int ReasonCardModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ReasonCardModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DecisionRole:
        return e.card.decision;
    case Qt::ToolTipRole:
        return e.card.reasoning;
    case AgentRole:
        return e.card.agent;
    case NodeRole:
        return e.card.node;
    case CategoryRole:
        return e.card.category;
    case PriorityRole:
        return e.card.priority;
    case ConfidenceRole:
        return e.card.confidence;
    case SeqRole:
        return e.seq;
    case SearchTextRole:
        return QString(e.card.decision + QLatin1Char('\n') + e.card.reasoning + QLatin1Char('\n') + e.card.agent);
    default:
        return {};
    }
}

QHash<int, QByteArray> ReasonCardModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AgentRole, "agent");
    names.insert(NodeRole, "node");
    names.insert(CategoryRole, "category");
    names.insert(PriorityRole, "priority");
    names.insert(ConfidenceRole, "confidence");
    names.insert(DecisionRole, "decision");
    return names;
}

void ReasonCardModel::clear() {
    beginResetModel();
    m_entries.clear();
    m_agents.clear();
    m_categories.clear();
    endResetModel();
    emit keysChanged();
}

void ReasonCardModel::appendEvents(const QList<Event>& batch) {
    QList<Entry> fresh;
    for (const Event& e : batch) {
        if (e.type == EventType::reasonCard())
            fresh.append({ReasonCard::fromJson(e.data), e.seq, e.timestamp});
    }
    if (fresh.isEmpty())
        return;
    bool newKeys = false;
    for (const Entry& e : std::as_const(fresh)) {
        if (!e.card.agent.isEmpty() && !m_agents.contains(e.card.agent)) {
            m_agents.insert(e.card.agent);
            newKeys = true;
        }
        if (!e.card.category.isEmpty() && !m_categories.contains(e.card.category)) {
            m_categories.insert(e.card.category);
            newKeys = true;
        }
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_entries.append(fresh);
    endInsertRows();
    if (newKeys)
        emit keysChanged();
}

QStringList ReasonCardModel::agents() const {
    QStringList list(m_agents.begin(), m_agents.end());
    std::sort(list.begin(), list.end());
    return list;
}

QStringList ReasonCardModel::categories() const {
    QStringList list(m_categories.begin(), m_categories.end());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace mlops::ui
