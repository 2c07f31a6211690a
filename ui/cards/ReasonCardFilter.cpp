#include "cards/ReasonCardFilter.h"

#include "cards/ReasonCardModel.h"

namespace mlops::ui {

ReasonCardFilter::ReasonCardFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void ReasonCardFilter::update(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    invalidateFilter();
}

void ReasonCardFilter::setAgent(const QString& agent) {
    update(m_agent, agent);
}

void ReasonCardFilter::setCategory(const QString& category) {
    update(m_category, category);
}

void ReasonCardFilter::setPriority(const QString& priority) {
    update(m_priority, priority);
}

void ReasonCardFilter::setNode(const QString& node) {
    update(m_node, node);
}

void ReasonCardFilter::setSearchText(const QString& text) {
    update(m_search, text.trimmed());
}

bool ReasonCardFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto matches = [&i](const QString& wanted, int role) {
        return wanted.isEmpty() || i.data(role).toString() == wanted;
    };
    if (!matches(m_agent, ReasonCardModel::AgentRole) || !matches(m_category, ReasonCardModel::CategoryRole) ||
        !matches(m_priority, ReasonCardModel::PriorityRole) || !matches(m_node, ReasonCardModel::NodeRole))
        return false;
    return m_search.isEmpty() ||
           i.data(ReasonCardModel::SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace mlops::ui
