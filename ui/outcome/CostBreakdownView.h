#pragma once

#include "plan/CostEstimate.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace mlops {

class CostBarChart;

// The cost critic's estimate: line items in a table, a bar chart per component, total against budget, savings and
// the price table's source and date.
class CostBreakdownView : public QWidget {
    Q_OBJECT
public:
    explicit CostBreakdownView(QWidget* parent = nullptr);

    void setEstimate(const CostEstimate& costEstimate);
    QTableWidget* table() const { return m_table; }
    CostBarChart* chart() const { return m_chart; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QTableWidget* m_table;
    CostBarChart* m_chart;
    QLabel* m_summary;
    QLabel* m_source;
    CostEstimate m_estimate;
};

} // namespace mlops
