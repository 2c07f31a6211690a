#pragma once

#include "core/Event.h"

#include <QJsonObject>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTextBrowser;
class QToolButton;

namespace mlops::ui {

class ReasonCardFilter;
class ReasonCardModel;

// Streaming list of reason cards with filters (agent, category, priority, node, text) and the selected card
// in full: reasoning, alternatives with their scores, evidence, inputs and outputs.
class ReasonCardPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReasonCardPanel(QWidget* parent = nullptr);

    ReasonCardModel* model() const { return m_model; }
    int visibleCount() const;
    // The filtered rows as shown (roles of ReasonCardModel).
    QAbstractItemModel* visibleModel() const;
    void clear();
    void appendEvents(const QList<Event>& batch);
    void setNodeFilter(const QString& node);
    void focusSearch();
    // Selects the visible card at `row` (tests and keyboard users).
    void selectRow(int row);

signals:
    // The selected card's evidence ({field: quoted span}); empty when nothing is selected.
    void evidenceSelected(const QJsonObject& evidence);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // the texts set at construction, again in the current language
    void rebuildFilterChoices();
    void showCurrent();
    void updateCount();

    ReasonCardModel* m_model;
    ReasonCardFilter* m_filter;
    QComboBox* m_agent;
    QComboBox* m_category;
    QComboBox* m_priority;
    QLineEdit* m_search;
    QLabel* m_nodeChip;
    QLabel* m_count;
    QToolButton* m_clearNode;
    QListView* m_list;
    QTextBrowser* m_details;
    bool m_followTail = true;
};

} // namespace mlops::ui
