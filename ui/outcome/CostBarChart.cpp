#include "CostBarChart.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace mlops {

CostBarChart::CostBarChart(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void CostBarChart::setBars(const QList<Bar>& bars, const QString& currency) {
    m_bars = bars;
    // Largest first: the chart answers "where does the money go".
    std::stable_sort(m_bars.begin(), m_bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
    m_currency = currency;
    updateGeometry();
    update();
}

QSize CostBarChart::sizeHint() const {
    return {420, 24 + int(m_bars.size()) * (fontMetrics().height() + 10)};
}

QSize CostBarChart::minimumSizeHint() const {
    return {200, sizeHint().height()};
}

void CostBarChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (m_bars.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No cost estimate yet"));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const QLocale locale;
    int labelWidth = 0;
    int valueWidth = 0;
    double maxValue = 0;
    for (const Bar& b : m_bars) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
        valueWidth = std::max(valueWidth,
                              fm.horizontalAdvance(locale.toString(b.value, 'f', 2) + QLatin1Char(' ') + m_currency));
        maxValue = std::max(maxValue, b.value);
    }
    labelWidth = std::min(labelWidth, width() / 3);
    const int rowHeight = fm.height() + 10;
    const int left = 8 + labelWidth + 8;
    const int barSpace = std::max(20, width() - left - valueWidth - 16);
    QColor barColour = pal.color(QPalette::Highlight);
    int y = 12;
    for (const Bar& b : m_bars) {
        const QRect labelRect(8, y, labelWidth, rowHeight);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignRight,
                         fm.elidedText(b.label, Qt::ElideRight, labelWidth));
        const int barWidth = maxValue > 0 ? int(barSpace * (b.value / maxValue)) : 0;
        const QRectF bar(left, y + 3, std::max(1, barWidth), rowHeight - 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(barColour);
        painter.drawRoundedRect(bar, 2, 2);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(left + barWidth + 6, y, valueWidth + 8, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         locale.toString(b.value, 'f', 2) + QLatin1Char(' ') + m_currency);
        y += rowHeight;
    }
}

} // namespace mlops
