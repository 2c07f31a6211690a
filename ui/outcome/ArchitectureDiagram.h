#pragma once

#include "plan/Plan.h"

#include <QByteArray>
#include <QColor>
#include <QString>

namespace mlops {

// Turns a plan's components and data flow into a diagram laid out by Graphviz (dot) and rendered as SVG.
// Colours come from the caller so that the diagram follows the light or dark palette.
class ArchitectureDiagram {
public:
    struct Colours {
        QColor text = Qt::black;
        QColor line = Qt::darkGray;
        QColor fill = QColor(0xe8, 0xf0, 0xfe);
        QColor border = QColor(0x1a, 0x73, 0xe8);
    };

    // DOT source: one node per component (name, service and role), one edge per data-flow entry. Edges that name
    // an unknown component are dropped rather than inventing nodes.
    static QByteArray toDot(const Plan& plan, const Colours& colours);
    // Lays `dot` out and renders it to SVG. Empty with `error` set when Graphviz rejects the input.
    static QByteArray renderSvg(const QByteArray& dot, QString* error);
};

} // namespace mlops
