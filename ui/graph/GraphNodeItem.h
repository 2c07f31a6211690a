#pragma once

#include "graph/NodeActivity.h"

#include <QGraphicsObject>

namespace mlops::ui {

// One workflow node in the graph view: a rounded box in palette colours whose border, stripe and status line
// show its state; gates (where a human may be asked) carry a person mark.
class GraphNodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    GraphNodeItem(QString name, QString agent, bool gate, const QSizeF& size);

    QString name() const { return m_name; }
    void setActivity(const NodeActivity::Node& activity);
    NodeActivity::State state() const { return m_activity.state; }
    void setSelectedNode(bool selected);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString statusLine() const;

    QString m_name;
    QString m_agent;
    bool m_gate;
    QSizeF m_size;
    NodeActivity::Node m_activity;
    bool m_selected = false;
};

} // namespace mlops::ui
