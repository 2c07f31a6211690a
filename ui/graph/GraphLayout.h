#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QStringList>

namespace mlops::ui {

// Places the workflow graph readably from Studio::graphDescription(): steps go into layers by their longest
// forward path from the entry; when there are many layers they wrap into two rows that run in opposite
// directions (a serpentine), so the flow stays compact in a landscape panel and the loop edges stay short.
// The members of a parallel step stack inside one group box.
class GraphLayout {
public:
    static constexpr double kNodeWidth = 168;
    static constexpr double kNodeHeight = 48;

    struct Step {
        QString name;
        QStringList members; // the nodes of a parallel step; {name} for a plain node
        int layer = 0;
        int row = 0;
        int column = 0;
        QRectF rect; // the node, or the group box around the members
    };
    struct EdgeGeometry {
        QString from;
        QString to;
        QString label;
        bool back = false;   // goes against the flow: a loop
        QList<QPointF> path; // start, [control1, control2,] end: 2 points a line, 4 a cubic curve
    };

    // `rows` 0 picks one row for short graphs and two otherwise; views pass bestRows() for their shape.
    void compute(const QJsonObject& description, int rows = 0);
    // The number of rows (1-3) at which the graph appears largest in a viewport of `size`.
    static int bestRows(const QJsonObject& description, const QSizeF& size);
    int rows() const { return m_rows; }

    const QList<Step>& steps() const { return m_steps; }
    const QList<EdgeGeometry>& edges() const { return m_edges; }
    QHash<QString, QRectF> nodeRects() const { return m_nodeRects; }
    QRectF bounds() const { return m_bounds; }

private:
    void place(int columnsPerRow);
    void route(const QJsonArray& edges);

    QList<Step> m_steps;
    QHash<QString, int> m_stepIndex;
    QHash<QString, QRectF> m_nodeRects;
    QList<EdgeGeometry> m_edges;
    QRectF m_bounds;
    int m_rows = 1;
};

} // namespace mlops::ui
