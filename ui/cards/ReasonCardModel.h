#pragma once

#include "core/Event.h"
#include "core/ReasonCard.h"

#include <QAbstractListModel>
#include <QSet>

namespace mlops::ui {

// The reason cards of the followed decision set, in stream order. Grows by whole batches (one insert per
// batch), so a fast stream costs one view update per flush.
class ReasonCardModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        AgentRole = Qt::UserRole + 1,
        NodeRole,
        CategoryRole,
        PriorityRole,
        ConfidenceRole,
        DecisionRole,
        SeqRole,
        SearchTextRole,
    };

    struct Entry {
        ReasonCard card;
        qint64 seq = 0;
        QDateTime timestamp;
    };

    explicit ReasonCardModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void clear();
    void appendEvents(const QList<Event>& batch);
    const Entry& entry(int row) const { return m_entries.at(row); }
    QStringList agents() const;
    QStringList categories() const;

signals:
    // New agents or categories showed up: the filter choices grow.
    void keysChanged();

private:
    QList<Entry> m_entries;
    QSet<QString> m_agents;
    QSet<QString> m_categories;
};

} // namespace mlops::ui
