#pragma once

#include <QSortFilterProxyModel>

namespace mlops::ui {

// Narrows the card list to one agent, category, priority and/or node, and to cards containing a search text.
// Empty criteria match everything.
class ReasonCardFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ReasonCardFilter(QObject* parent = nullptr);

    void setAgent(const QString& agent);
    void setCategory(const QString& category);
    void setPriority(const QString& priority);
    void setNode(const QString& node);
    void setSearchText(const QString& text);
    QString node() const { return m_node; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void update(QString& field, const QString& value);

    QString m_agent;
    QString m_category;
    QString m_priority;
    QString m_node;
    QString m_search;
};

} // namespace mlops::ui
