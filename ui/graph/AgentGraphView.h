#pragma once

#include "core/Event.h"
#include "graph/GraphLayout.h"
#include "graph/NodeActivity.h"

#include <QGraphicsView>
#include <QHash>

class QAbstractGraphicsShapeItem;
class QGraphicsPathItem;
class QGraphicsPolygonItem;
class QGraphicsSimpleTextItem;

namespace mlops::ui {

class GraphNodeItem;

// The live agent graph: the workflow of Studio::graphDescription() laid out by GraphLayout, nodes coloured
// by state as events arrive, the path taken drawn over the declared edges (loops counted), the parallel
// critics boxed together. Clicking a node selects it (nodeSelected) for its cards, inputs, outputs, timings.
class AgentGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit AgentGraphView(QWidget* parent = nullptr);

    void setGraph(const QJsonObject& description);
    void clearActivity();
    void applyEvents(const QList<Event>& batch);
    const NodeActivity& activity() const { return m_activity; }
    QString selectedNode() const { return m_selected; }
    void selectNode(const QString& name);
    // Scene position of a node's centre (tests click there).
    QPointF nodeCenter(const QString& name) const;
    GraphNodeItem* nodeItem(const QString& name) const { return m_nodes.value(name); }

signals:
    // The user selected a node (or none).
    void nodeSelected(const QString& name);
    // The selected node's activity changed (it started, finished, got a card).
    void selectedNodeUpdated(const QString& name);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct EdgeVisual {
        GraphLayout::EdgeGeometry geometry;
        QGraphicsPathItem* path = nullptr;
        QGraphicsPolygonItem* arrow = nullptr;
        QGraphicsSimpleTextItem* count = nullptr;
    };
    void rebuildScene(int rows);
    void restyleEdges();
    void fit();

    QJsonObject m_description;
    GraphLayout m_layout;
    NodeActivity m_activity;
    QHash<QString, GraphNodeItem*> m_nodes;
    QList<EdgeVisual> m_edges;
    QList<QGraphicsSimpleTextItem*> m_groupLabels;
    QList<QAbstractGraphicsShapeItem*> m_groupBoxes;
    QString m_selected;
};

} // namespace mlops::ui
