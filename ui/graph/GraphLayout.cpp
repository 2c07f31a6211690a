#include "graph/GraphLayout.h"

#include <QJsonArray>
#include <QLineF>

#include <algorithm>
#include <cmath>

namespace mlops::ui {

namespace {

constexpr double kColumnGap = 44;
constexpr double kRowGap = 120;   // leaves room for the forward arcs that skip nodes
constexpr double kTopMargin = 70; // room for the loop arcs above the first row
constexpr double kMemberGap = 10;
constexpr double kGroupPad = 10;
constexpr double kGroupLabel = 18;
constexpr int kMaxColumnsInOneRow = 7;

// Where the straight segment from the centre of `r` towards `target` leaves the rectangle.
QPointF borderPoint(const QRectF& r, const QPointF& target) {
    const QPointF c = r.center();
    const QPointF d = target - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const double sx = d.x() != 0 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min(sx, sy);
}

} // namespace

int GraphLayout::bestRows(const QJsonObject& description, const QSizeF& size) {
    int best = 1;
    double bestScale = 0;
    for (int rows = 1; rows <= 3; ++rows) {
        GraphLayout l;
        l.compute(description, rows);
        const double scale = std::min(size.width() / l.bounds().width(), size.height() / l.bounds().height());
        if (scale > bestScale * 1.05) { // prefer fewer rows unless more rows are clearly larger
            best = rows;
            bestScale = scale;
        }
    }
    return best;
}

void GraphLayout::compute(const QJsonObject& description, int rows) {
    m_steps.clear();
    m_stepIndex.clear();
    m_nodeRects.clear();
    m_edges.clear();

    // Steps in declaration order; a parallel group takes the place of its first member.
    QHash<QString, QString> groupOf;
    const QJsonObject parallel = description.value(QStringLiteral("parallel")).toObject();
    for (auto it = parallel.begin(); it != parallel.end(); ++it) {
        for (const QJsonValue& m : it.value().toArray())
            groupOf.insert(m.toString(), it.key());
    }
    for (const QJsonValue& v : description.value(QStringLiteral("nodes")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const QString step = groupOf.value(name, name);
        if (!m_stepIndex.contains(step)) {
            m_stepIndex.insert(step, int(m_steps.size()));
            m_steps.append(Step{step, {}, 0, 0, 0, {}});
        }
        m_steps[m_stepIndex.value(step)].members.append(name);
    }

    // Layers: longest path over forward edges (declaration order is a topological order of those).
    const QJsonArray edges = description.value(QStringLiteral("edges")).toArray();
    for (int pass = 0; pass < int(m_steps.size()); ++pass) {
        bool moved = false;
        for (const QJsonValue& v : edges) {
            const QJsonObject e = v.toObject();
            const int a = m_stepIndex.value(e.value(QStringLiteral("from")).toString(), -1);
            const int b = m_stepIndex.value(e.value(QStringLiteral("to")).toString(), -1);
            if (a < 0 || b < 0 || b <= a)
                continue;
            if (m_steps[b].layer < m_steps[a].layer + 1) {
                m_steps[b].layer = m_steps[a].layer + 1;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
    int layers = 0;
    for (const Step& s : std::as_const(m_steps))
        layers = std::max(layers, s.layer + 1);
    if (rows <= 0)
        rows = layers > kMaxColumnsInOneRow ? 2 : 1;
    m_rows = std::clamp(rows, 1, std::max(layers, 1));
    place(std::max(1, (layers + m_rows - 1) / m_rows));
    route(edges);
}

void GraphLayout::place(int columnsPerRow) {
    // Height of each row: the tallest step in it (a parallel group is taller than a node).
    const auto stepHeight = [](const Step& s) {
        if (s.members.size() <= 1)
            return kNodeHeight;
        return kGroupLabel + 2 * kGroupPad + s.members.size() * kNodeHeight + (s.members.size() - 1) * kMemberGap;
    };
    QHash<QPair<int, int>, int> perCell; // several steps in one layer stack vertically
    QHash<int, double> rowHeight;
    for (Step& s : m_steps) {
        s.row = s.layer / columnsPerRow;
        const int inRow = s.layer % columnsPerRow;
        s.column = s.row % 2 == 0 ? inRow : columnsPerRow - 1 - inRow;
        const int stacked = perCell[{s.row, s.column}]++;
        rowHeight[s.row] = std::max(rowHeight.value(s.row), (stacked + 1) * stepHeight(s) + stacked * kMemberGap);
    }
    QHash<int, double> rowTop;
    double y = kTopMargin;
    const int rows = rowHeight.isEmpty() ? 0 : *std::max_element(rowHeight.keyBegin(), rowHeight.keyEnd()) + 1;
    for (int r = 0; r < rows; ++r) {
        rowTop[r] = y;
        y += rowHeight.value(r) + kRowGap;
    }
    perCell.clear();
    const double groupWidth = kNodeWidth + 2 * kGroupPad;
    for (Step& s : m_steps) {
        const double h = stepHeight(s);
        const int stacked = perCell[{s.row, s.column}]++;
        const int count = [&] {
            int n = 0;
            for (const Step& o : std::as_const(m_steps))
                n += o.row == s.row && o.column == s.column;
            return n;
        }();
        const double cellHeight = count * h + (count - 1) * kMemberGap;
        const double top = rowTop.value(s.row) + (rowHeight.value(s.row) - cellHeight) / 2 + stacked * (h + kMemberGap);
        const double left = s.column * (groupWidth + kColumnGap);
        if (s.members.size() <= 1) {
            s.rect = QRectF(left + kGroupPad, top, kNodeWidth, kNodeHeight);
            m_nodeRects.insert(s.members.value(0, s.name), s.rect);
        } else {
            s.rect = QRectF(left, top, groupWidth, h);
            double my = top + kGroupPad; // the group's label sits under its members
            for (const QString& m : std::as_const(s.members)) {
                m_nodeRects.insert(m, QRectF(left + kGroupPad, my, kNodeWidth, kNodeHeight));
                my += kNodeHeight + kMemberGap;
            }
        }
    }
    m_bounds = QRectF();
    for (const Step& s : std::as_const(m_steps))
        m_bounds = m_bounds.united(s.rect);
    m_bounds.adjust(-20, -kTopMargin, 20, kRowGap / 2 + 20);
}

void GraphLayout::route(const QJsonArray& edges) {
    for (const QJsonValue& v : edges) {
        const QJsonObject e = v.toObject();
        const int a = m_stepIndex.value(e.value(QStringLiteral("from")).toString(), -1);
        const int b = m_stepIndex.value(e.value(QStringLiteral("to")).toString(), -1);
        if (a < 0 || b < 0)
            continue;
        const Step& from = m_steps[a];
        const Step& to = m_steps[b];
        EdgeGeometry g{from.name, to.name, e.value(QStringLiteral("label")).toString(), b <= a, {}};
        const int span = std::abs(from.column - to.column);
        if (from.row == to.row && span > 1) {
            // Skipping over nodes of the same row: an arc, loops above the row, forward skips below it.
            const bool above = g.back;
            const double lift = 26 + 14 * span;
            // Ends sit off-centre, towards each other, so arcs do not run into the vertical edges at centres.
            const double toward = (to.rect.center().x() > from.rect.center().x() ? 1.0 : -1.0) * kNodeWidth / 4;
            const double x1 = from.rect.center().x() + toward;
            const double x2 = to.rect.center().x() - toward;
            const QPointF p1 = above ? QPointF(x1, from.rect.top()) : QPointF(x1, from.rect.bottom());
            const QPointF p2 = above ? QPointF(x2, to.rect.top()) : QPointF(x2, to.rect.bottom());
            const double dy = above ? -lift : lift;
            g.path = {p1, p1 + QPointF(0, dy), p2 + QPointF(0, dy), p2};
        } else if (from.row != to.row && from.column != to.column) {
            // Between rows and columns: leave vertically, cross in the gap between the rows, enter vertically,
            // so the edge does not cut through the nodes of either row.
            // Ends sit off-centre towards each other, clear of the straight vertical edges at the centres.
            const bool down = to.row > from.row;
            const double toward = (to.rect.center().x() > from.rect.center().x() ? 1.0 : -1.0) * kNodeWidth / 4;
            const QPointF p1(from.rect.center().x() + toward, down ? from.rect.bottom() : from.rect.top());
            const QPointF p2(to.rect.center().x() - toward, down ? to.rect.top() : to.rect.bottom());
            const double midY = (p1.y() + p2.y()) / 2;
            g.path = {p1, QPointF(p1.x(), midY), QPointF(p2.x(), midY), p2};
        } else {
            g.path = {borderPoint(from.rect, to.rect.center()), borderPoint(to.rect, from.rect.center())};
        }
        m_edges.append(g);
    }
}

} // namespace mlops::ui
