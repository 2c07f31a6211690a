#include "graph/AgentGraphView.h"

#include "StateColors.h"
#include "graph/GraphNodeItem.h"

#include <QGraphicsPathItem>
#include <QGraphicsPolygonItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QJsonArray>
#include <QMouseEvent>
#include <QSet>

#include <cmath>

namespace mlops::ui {

namespace {

QPainterPath pathFor(const QList<QPointF>& pts) {
    QPainterPath p(pts.first());
    if (pts.size() == 4)
        p.cubicTo(pts[1], pts[2], pts[3]);
    else
        p.lineTo(pts.last());
    return p;
}

QPolygonF arrowHead(const QList<QPointF>& pts) {
    const QPointF tip = pts.last();
    const QPointF before = pts[pts.size() - 2];
    const double angle = std::atan2(tip.y() - before.y(), tip.x() - before.x());
    const double len = 9, spread = 0.45;
    return QPolygonF({tip, tip - QPointF(len * std::cos(angle - spread), len * std::sin(angle - spread)),
                      tip - QPointF(len * std::cos(angle + spread), len * std::sin(angle + spread))});
}

} // namespace

AgentGraphView::AgentGraphView(QWidget* parent)
    : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::NoDrag);
    setFrameShape(QFrame::NoFrame);
    setBackgroundRole(QPalette::Window);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setAccessibleName(tr("Agent graph"));
    setMinimumHeight(220);
}

void AgentGraphView::setGraph(const QJsonObject& description) {
    if (description == m_description && !m_nodes.isEmpty())
        return;
    m_description = description;
    m_activity.setGraph(description);
    rebuildScene(GraphLayout::bestRows(description, viewport()->size()));
}

void AgentGraphView::rebuildScene(int rows) {
    const QJsonObject& description = m_description;
    scene()->clear();
    m_nodes.clear();
    m_edges.clear();
    m_groupLabels.clear();
    m_groupBoxes.clear();
    m_layout.compute(description, rows);

    for (const GraphLayout::Step& s : m_layout.steps()) {
        if (s.members.size() <= 1)
            continue;
        auto* box = scene()->addRect(s.rect);
        box->setZValue(-2);
        m_groupBoxes.append(box);
        auto* label = scene()->addSimpleText(tr("parallel: %1").arg(s.name));
        label->setPos(s.rect.left() + 8, s.rect.bottom() - 17);
        m_groupLabels.append(label);
    }
    for (const GraphLayout::EdgeGeometry& g : m_layout.edges()) {
        EdgeVisual v;
        v.geometry = g;
        v.path = scene()->addPath(pathFor(g.path));
        v.path->setZValue(-1);
        v.path->setToolTip(g.label.isEmpty() ? QStringLiteral("%1 → %2").arg(g.from, g.to) : g.label);
        v.arrow = scene()->addPolygon(arrowHead(g.path));
        v.arrow->setZValue(-1);
        v.count = scene()->addSimpleText(QString());
        const QPointF mid = pathFor(g.path).pointAtPercent(0.5);
        v.count->setPos(mid + QPointF(4, -16));
        m_edges.append(v);
    }
    const QHash<QString, QRectF> rects = m_layout.nodeRects();
    for (const QJsonValue& n : description.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject o = n.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        auto* item = new GraphNodeItem(name, o.value(QStringLiteral("agent")).toString(),
                                       o.value(QStringLiteral("gate")).toBool(), rects.value(name).size());
        item->setPos(rects.value(name).topLeft());
        scene()->addItem(item);
        item->setActivity(m_activity.node(name));
        item->setSelectedNode(name == m_selected);
        m_nodes.insert(name, item);
    }
    scene()->setSceneRect(m_layout.bounds());
    restyleEdges();
    fit();
}

void AgentGraphView::clearActivity() {
    m_activity.clear();
    for (GraphNodeItem* item : std::as_const(m_nodes))
        item->setActivity({});
    selectNode({});
    restyleEdges();
}

void AgentGraphView::applyEvents(const QList<Event>& batch) {
    QSet<QString> changed;
    bool moved = false;
    for (const Event& e : batch) {
        if (e.type == EventType::workflowStart() && e.data.contains(QStringLiteral("graph")))
            setGraph(e.data.value(QStringLiteral("graph")).toObject());
        changed.unite(m_activity.apply(e));
        moved = moved || e.type == EventType::nodeComplete();
    }
    for (const QString& name : std::as_const(changed)) {
        if (GraphNodeItem* item = m_nodes.value(name))
            item->setActivity(m_activity.node(name));
    }
    if (moved)
        restyleEdges();
    if (!m_selected.isEmpty() && changed.contains(m_selected))
        emit selectedNodeUpdated(m_selected); // the details follow the node's progress
}

void AgentGraphView::selectNode(const QString& name) {
    if (!m_selected.isEmpty()) {
        if (GraphNodeItem* old = m_nodes.value(m_selected))
            old->setSelectedNode(false);
    }
    m_selected = m_nodes.contains(name) ? name : QString();
    if (GraphNodeItem* item = m_nodes.value(m_selected))
        item->setSelectedNode(true);
    emit nodeSelected(m_selected);
}

QPointF AgentGraphView::nodeCenter(const QString& name) const {
    const GraphNodeItem* item = m_nodes.value(name);
    return item ? item->sceneBoundingRect().center() : QPointF();
}

void AgentGraphView::mousePressEvent(QMouseEvent* event) {
    QGraphicsItem* hit = itemAt(event->position().toPoint());
    while (hit && !dynamic_cast<GraphNodeItem*>(hit))
        hit = hit->parentItem();
    selectNode(hit ? static_cast<GraphNodeItem*>(hit)->name() : QString());
    QGraphicsView::mousePressEvent(event);
}

void AgentGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    // Re-wrap the rows when the panel's shape changes enough to show the graph larger another way.
    if (!m_description.isEmpty()) {
        const int rows = GraphLayout::bestRows(m_description, viewport()->size());
        if (rows != m_layout.rows()) {
            rebuildScene(rows);
            return;
        }
    }
    fit();
}

void AgentGraphView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyleEdges();
    else if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Agent graph"));
}

void AgentGraphView::fit() {
    if (m_nodes.isEmpty())
        return;
    fitInView(m_layout.bounds(), Qt::KeepAspectRatio);
    // Never blow the graph up past a comfortable size on a big screen.
    if (transform().m11() > 1.25)
        setTransform(QTransform::fromScale(1.25, 1.25));
}

void AgentGraphView::restyleEdges() {
    const QPalette pal = palette();
    QColor idle = pal.color(QPalette::Text);
    idle.setAlphaF(0.35f);
    const QColor taken = StateColors::running();
    for (QAbstractGraphicsShapeItem* box : std::as_const(m_groupBoxes)) {
        QColor c = pal.color(QPalette::Text);
        c.setAlphaF(0.4f);
        box->setPen(QPen(c, 1.2, Qt::DashLine));
        QColor fill = pal.color(QPalette::Text);
        fill.setAlphaF(0.04f);
        box->setBrush(fill);
    }
    for (QGraphicsSimpleTextItem* label : std::as_const(m_groupLabels))
        label->setBrush(pal.color(QPalette::Text));
    for (EdgeVisual& v : m_edges) {
        const int n = m_activity.traversals(v.geometry.from, v.geometry.to);
        const QColor c = n > 0 ? taken : idle;
        QPen pen(c, n > 0 ? 2.6 : 1.3);
        if (v.geometry.back && n == 0)
            pen.setStyle(Qt::DashLine); // a loop not taken (yet)
        v.path->setPen(pen);
        v.path->setBrush(Qt::NoBrush);
        v.arrow->setPen(QPen(c, 1));
        v.arrow->setBrush(c);
        v.count->setBrush(pal.color(QPalette::Text));
        v.count->setText(n > 1 || (v.geometry.back && n > 0) ? QStringLiteral("×%1").arg(n) : QString());
    }
}

} // namespace mlops::ui
