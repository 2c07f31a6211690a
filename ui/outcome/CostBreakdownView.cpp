#include "CostBreakdownView.h"

#include "CostBarChart.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
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

void CostBreakdownView::setEstimate(const QJsonObject& estimate) {
    m_estimate = estimate;
    const QJsonArray items = estimate.value(QLatin1String("line_items")).toArray();
    m_table->setRowCount(int(items.size()));
    // Several line items can belong to one component (compute and storage); the chart shows components.
    QMap<QString, double> perComponent;
    for (int row = 0; row < items.size(); ++row) {
        const QJsonObject item = items.at(row).toObject();
        const QString component = item.value(QLatin1String("component")).toString();
        const double monthly = item.value(QLatin1String("monthly_cost")).toDouble();
        m_table->setItem(row, ComponentColumn, new QTableWidgetItem(component));
        m_table->setItem(row, ServiceColumn, textItem(item.value(QLatin1String("service")).toString()));
        m_table->setItem(row, UnitColumn, textItem(item.value(QLatin1String("unit")).toString()));
        m_table->setItem(row, QuantityColumn, number(item.value(QLatin1String("quantity")).toDouble(), 0));
        m_table->setItem(row, UnitPriceColumn, number(item.value(QLatin1String("unit_price")).toDouble(), 4));
        m_table->setItem(row, MonthlyColumn, number(monthly, 2));
        perComponent[component] += monthly;
    }
    m_table->resizeColumnsToContents();
    for (int column : {ServiceColumn, UnitColumn})
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), kMaxTextColumnWidth));
    QList<CostBarChart::Bar> bars;
    for (auto it = perComponent.cbegin(); it != perComponent.cend(); ++it)
        bars.append({it.key(), it.value()});
    m_chart->setBars(bars, estimate.value(QLatin1String("currency")).toString());
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
    const QString currency = m_estimate.value(QLatin1String("currency")).toString();
    const double total = m_estimate.value(QLatin1String("total_monthly")).toDouble();
    const double budget = m_estimate.value(QLatin1String("budget_monthly")).toDouble();
    QString summary = tr("Estimated total: %1 %2 per month").arg(locale.toString(total, 'f', 2), currency);
    if (budget > 0) {
        summary += QStringLiteral(" — ") +
                   (m_estimate.value(QLatin1String("within_budget")).toBool()
                        ? tr("within the budget of %1 %2").arg(locale.toString(budget, 'f', 2), currency)
                        : tr("over the budget of %1 %2").arg(locale.toString(budget, 'f', 2), currency));
    }
    double saving = 0;
    for (const QJsonValue& v : m_estimate.value(QLatin1String("savings")).toArray())
        saving += v.toObject().value(QLatin1String("monthly_saving")).toDouble();
    if (saving > 0)
        summary += QStringLiteral(" — ") + tr("possible savings: %1 %2").arg(locale.toString(saving, 'f', 2), currency);
    m_summary->setText(summary);
    const QJsonObject prices = m_estimate.value(QLatin1String("price_table")).toObject();
    m_source->setText(
        tr("Prices: %1 (as of %2)")
            .arg(prices.value(QLatin1String("source")).toString(), prices.value(QLatin1String("date")).toString()));
}

} // namespace mlops
