#include "CostBreakdownView.h"

#include "CostBarChart.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlops {

namespace {
// The monthly cost comes right after what it is for, so it stays in view however long the unit texts are (like
// Infracost's table); the long text columns are capped and elided, with the full text as a tooltip.
enum Column { ComponentColumn, ServiceColumn, MonthlyColumn, QuantityColumn, UnitColumn, UnitPriceColumn, ColumnCount };
constexpr int kMaxTextColumnWidth = 220;

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QTableWidgetItem* number(double value, int decimals) {
    auto* item = new QTableWidgetItem(QLocale().toString(value, 'f', decimals));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

CostBreakdownView::CostBreakdownView(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_chart(new CostBarChart(this))
    , m_summary(new QLabel(this))
    , m_source(new QLabel(this)) {
    m_table->setColumnCount(ColumnCount);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);
    m_source->setForegroundRole(QPalette::PlaceholderText);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_source);
    retranslate();
}

void CostBreakdownView::setEstimate(const CostEstimate& estimate) {
    m_estimate = estimate;
    const QList<CostLineItem>& items = estimate.lineItems;
    m_table->setRowCount(int(items.size()));
    // Several line items can belong to one component (compute and storage); the chart shows components.
    QMap<QString, double> perComponent;
    for (int row = 0; row < items.size(); ++row) {
        const CostLineItem& item = items.at(row);
        m_table->setItem(row, ComponentColumn, new QTableWidgetItem(item.component));
        m_table->setItem(row, ServiceColumn, textItem(item.service));
        m_table->setItem(row, UnitColumn, textItem(item.unit));
        m_table->setItem(row, QuantityColumn, number(item.quantity, 0));
        m_table->setItem(row, UnitPriceColumn, number(item.unitPrice, 4));
        m_table->setItem(row, MonthlyColumn, number(item.monthlyCost, 2));
        perComponent[item.component] += item.monthlyCost;
    }
    m_table->resizeColumnsToContents();
    for (int column : {ServiceColumn, UnitColumn})
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), kMaxTextColumnWidth));
    QList<CostBarChart::Bar> bars;
    for (auto it = perComponent.cbegin(); it != perComponent.cend(); ++it)
        bars.append({it.key(), it.value()});
    m_chart->setBars(bars, estimate.currency);
    retranslate();
}

QString CostBreakdownView::summaryText() const {
    return m_summary->text();
}

void CostBreakdownView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CostBreakdownView::retranslate() {
    m_table->setHorizontalHeaderLabels(
        {tr("Component"), tr("Service"), tr("Per month"), tr("Quantity"), tr("Unit"), tr("Unit price")});
    if (m_estimate.isEmpty()) {
        m_summary->setText(tr("No cost estimate yet: it appears once the cost critic has run."));
        m_source->clear();
        return;
    }
    const QLocale locale;
    const QString currency = m_estimate.currency;
    const double budget = m_estimate.budgetMonthly.value_or(0);
    QString summary =
        tr("Estimated total: %1 %2 per month").arg(locale.toString(m_estimate.totalMonthly, 'f', 2), currency);
    if (budget > 0 && m_estimate.withinBudget) {
        summary +=
            QStringLiteral(" — ") +
            (*m_estimate.withinBudget ? tr("within the budget of %1 %2").arg(locale.toString(budget, 'f', 2), currency)
                                      : tr("over the budget of %1 %2").arg(locale.toString(budget, 'f', 2), currency));
    }
    const double saving = m_estimate.totalSavings();
    if (saving > 0)
        summary += QStringLiteral(" — ") + tr("possible savings: %1 %2").arg(locale.toString(saving, 'f', 2), currency);
    m_summary->setText(summary);
    m_source->setText(tr("Prices: %1 (as of %2)").arg(m_estimate.priceTable.source, m_estimate.priceTable.date));
}

} // namespace mlops
