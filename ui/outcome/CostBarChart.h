#pragma once

#include <QList>
#include <QWidget>

namespace mlops {

// Horizontal bar chart of monthly costs per component, with the budget as a marker line when one is known.
class CostBarChart : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QString label;
        double value = 0;
    };

    explicit CostBarChart(QWidget* parent = nullptr);

    void setBars(const QList<Bar>& bars, const QString& currency);
    const QList<Bar>& bars() const { return m_bars; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Bar> m_bars;
    QString m_currency;
};

} // namespace mlops
