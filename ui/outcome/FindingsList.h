#pragma once

#include "plan/PlanFinding.h"

#include <QJsonObject>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace mlops {

class ReasonCardIndex;

// Critic findings (technical and cost) and policy results of a plan, with severity, each tied to the node whose
// reason card explains it. Activating a row (double click, Enter or the button) asks for that card.
class FindingsList : public QWidget {
    Q_OBJECT
public:
    explicit FindingsList(QWidget* parent = nullptr);

    void setState(const QJsonObject& state, const ReasonCardIndex& cards);
    QTreeWidget* tree() const { return m_tree; }
    int findingCount() const;
    int policyCount() const;

signals:
    void reasonCardRequested(const QString& node, qint64 seq);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void addFinding(QTreeWidgetItem* group, const PlanFinding& f, const QString& node, qint64 seq);
    void addPolicy(QTreeWidgetItem* group, const PolicyResult& p, qint64 seq);
    void requestCard(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
    QPushButton* m_showCard;
    QTreeWidgetItem* m_critics = nullptr;
    QTreeWidgetItem* m_policies = nullptr;
    QJsonObject m_state;
};

} // namespace mlops
