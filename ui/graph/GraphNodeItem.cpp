#include "graph/GraphNodeItem.h"

#include "StateColors.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QWidget>

namespace mlops::ui {

namespace {

QColor colourFor(NodeActivity::State s) {
    switch (s) {
    case NodeActivity::State::Running:
        return StateColors::running();
    case NodeActivity::State::Done:
        return StateColors::done();
    case NodeActivity::State::Failed:
        return StateColors::failed();
    case NodeActivity::State::Waiting:
        return StateColors::waiting();
    case NodeActivity::State::Pending:
        break;
    }
    return StateColors::pending();
}

QString seconds(qint64 ms) {
    return ms < 1000 ? QCoreApplication::translate("GraphNodeItem", "%1 ms").arg(ms)
                     : QCoreApplication::translate("GraphNodeItem", "%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

GraphNodeItem::GraphNodeItem(QString name, QString agent, bool gate, const QSizeF& size)
    : m_name(std::move(name))
    , m_agent(std::move(agent))
    , m_gate(gate)
    , m_size(size) {
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(m_agent.isEmpty() ? m_name : QStringLiteral("%1 (%2)").arg(m_name, m_agent));
}

QRectF GraphNodeItem::boundingRect() const {
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

void GraphNodeItem::setActivity(const NodeActivity::Node& activity) {
    m_activity = activity;
    update();
}

void GraphNodeItem::setSelectedNode(bool selected) {
    m_selected = selected;
    update();
}

QString GraphNodeItem::statusLine() const {
    QString line = NodeActivity::stateName(m_activity.state);
    if (m_activity.state == NodeActivity::State::Done && m_activity.lastDurationMs > 0)
        line += QStringLiteral(" · ") + seconds(m_activity.lastDurationMs);
    if (m_activity.runs > 1)
        line += QStringLiteral(" · ×%1").arg(m_activity.runs);
    return line;
}

void GraphNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget* widget) {
    const QPalette pal = widget ? widget->palette() : QApplication::palette();
    const QColor state = colourFor(m_activity.state);
    const QRectF r(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing);

    QColor fill = pal.color(QPalette::Base);
    if (m_activity.state != NodeActivity::State::Pending) {
        // A light wash of the state colour over the base keeps the text contrast of the palette.
        QColor wash = state;
        wash.setAlphaF(0.14f);
        painter->setBrush(fill);
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(r, 7, 7);
        fill = wash;
    }
    painter->setBrush(fill);
    QPen border(m_selected ? pal.color(QPalette::Highlight) : state,
                m_selected ? 3.0 : (m_activity.state == NodeActivity::State::Pending ? 1.2 : 2.2));
    if (m_activity.state == NodeActivity::State::Waiting)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->drawRoundedRect(r, 7, 7);
    painter->fillRect(QRectF(1.5, 7, 5, r.height() - 14), state);

    const double textLeft = 14;
    QFont title = widget ? widget->font() : QApplication::font();
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(pal.color(QPalette::Text));
    const QRectF titleRect(textLeft, 5, r.width() - textLeft - (m_gate ? 24 : 8), r.height() / 2 - 3);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(title).elidedText(m_name, Qt::ElideRight, titleRect.width()));

    QFont small = widget ? widget->font() : QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.75f);
    painter->setPen(dim);
    const QRectF statusRect(textLeft, r.height() / 2, r.width() - textLeft - 8, r.height() / 2 - 5);
    painter->drawText(statusRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(small).elidedText(statusLine(), Qt::ElideRight, statusRect.width()));

    if (m_gate) {
        // A small person: this step may wait for a human.
        painter->setPen(QPen(dim, 1.4));
        painter->setBrush(Qt::NoBrush);
        const QPointF c(r.width() - 14, 14);
        painter->drawEllipse(c, 3.5, 3.5);
        painter->drawArc(QRectF(c.x() - 7, c.y() + 4, 14, 12), 0, 180 * 16);
    }
}

} // namespace mlops::ui
