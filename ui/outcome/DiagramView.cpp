#include "DiagramView.h"

#include <QPainter>
#include <QSvgRenderer>

namespace mlops {

DiagramView::DiagramView(QWidget* parent)
    : QWidget(parent)
    , m_renderer(new QSvgRenderer(this)) {
    setMinimumHeight(160);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

bool DiagramView::setSvg(const QByteArray& svg) {
    m_message.clear();
    const bool ok = !svg.isEmpty() && m_renderer->load(svg);
    if (!ok)
        m_renderer->load(QByteArray());
    update();
    return ok;
}

void DiagramView::setMessage(const QString& text) {
    m_renderer->load(QByteArray());
    m_message = text;
    update();
}

bool DiagramView::hasDiagram() const {
    return m_renderer->isValid();
}

QSize DiagramView::sizeHint() const {
    if (!m_renderer->isValid())
        return {600, 300};
    return m_renderer->defaultSize().boundedTo(QSize(1400, 700));
}

void DiagramView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_renderer->isValid()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    // Fit the drawing into the widget without distortion, never enlarging it past twice its natural size.
    QSizeF size = m_renderer->defaultSize();
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    size.scale(area.size().boundedTo(size * 2.0), Qt::KeepAspectRatio);
    const QRectF target(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
    m_renderer->render(&painter, target);
}

} // namespace mlops
