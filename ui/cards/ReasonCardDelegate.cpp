#include "cards/ReasonCardDelegate.h"

#include "StateColors.h"
#include "cards/ReasonCardModel.h"

#include <QApplication>
#include <QPainter>

namespace mlops::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kBarWidth = 64;

QColor confidenceColour(double c) {
    if (c >= 0.8)
        return StateColors::done();
    if (c >= 0.5)
        return StateColors::running();
    return StateColors::waiting();
}

} // namespace

QSize ReasonCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const QFontMetrics fm(option.font);
    return {200, 2 * fm.height() + 3 * kMargin};
}

void ReasonCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect r = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFontMetrics fm(opt.font);
    const double confidence = index.data(ReasonCardModel::ConfidenceRole).toDouble();
    const QString priority = index.data(ReasonCardModel::PriorityRole).toString();

    // Priority as a small coloured mark at the left edge: high stands out, low stays quiet.
    const QColor mark = priority == QLatin1String("high")  ? StateColors::failed()
                        : priority == QLatin1String("low") ? StateColors::pending()
                                                           : StateColors::running();
    painter->fillRect(QRect(opt.rect.left(), opt.rect.top() + 2, 3, opt.rect.height() - 4), mark);

    const QRect bar(r.right() - kBarWidth, r.top() + fm.height() + kMargin / 2 + (fm.height() - 8) / 2, kBarWidth, 8);
    const QRect text(r.left() + 2, r.top(), r.width() - kBarWidth - kMargin - 2, r.height());
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.9);
    painter->setFont(small);
    QColor dim = opt.palette.color(textRole);
    dim.setAlphaF(0.7f);
    painter->setPen(dim);
    const QString header = index.data(ReasonCardModel::AgentRole).toString() + QStringLiteral(" · ") +
                           index.data(ReasonCardModel::CategoryRole).toString() + QStringLiteral(" · ") + priority;
    painter->drawText(QRect(text.left(), text.top(), text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(header, Qt::ElideRight, text.width()));
    painter->drawText(QRect(bar.left(), r.top(), kBarWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                      QString::number(qRound(confidence * 100)) + QLatin1Char('%'));

    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(opt.palette.color(textRole));
    const QRect line2(text.left(), text.top() + fm.height() + kMargin / 2, text.width(), fm.height());
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(ReasonCardModel::DecisionRole).toString(),
                                                    Qt::ElideRight, text.width()));

    painter->setPen(Qt::NoPen);
    QColor trough = opt.palette.color(textRole);
    trough.setAlphaF(0.15f);
    painter->setBrush(trough);
    painter->drawRoundedRect(bar, 3, 3);
    painter->setBrush(confidenceColour(confidence));
    painter->drawRoundedRect(
        QRect(bar.left(), bar.top(), int(bar.width() * std::clamp(confidence, 0.0, 1.0)), bar.height()), 3, 3);
    painter->restore();
}

} // namespace mlops::ui
