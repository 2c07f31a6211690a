#pragma once

#include <QStyledItemDelegate>

namespace mlops::ui {

// Paints one card row: agent, category and priority on the first line, the decision on the second, and the
// confidence as a bar on the right. Fixed height, so the list can use uniform item sizes with many cards.
class ReasonCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace mlops::ui
