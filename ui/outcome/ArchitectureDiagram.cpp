#include "ArchitectureDiagram.h"

#include <QMutex>
#include <QSet>

#include <graphviz/gvc.h>

namespace mlops {

namespace {

// DOT string literal: quotes and backslashes escaped, line breaks as centred "\n".
QByteArray quoted(const QString& text) {
    QByteArray out = text.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return '"' + out + '"';
}

// Breaks a long label into lines of about `width` characters at spaces, so that boxes stay narrow and the
// left-to-right layout fits a window's width without shrinking the text to nothing.
QString wrapped(const QString& text, int width) {
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines.join(QLatin1Char('\n'));
}

QByteArray colour(const QColor& c) {
    return quoted(c.name(QColor::HexRgb));
}

// Graphviz keeps global state (the cgraph allocator, plugin tables): one layout at a time per process.
QMutex& graphvizMutex() {
    static QMutex mutex;
    return mutex;
}

} // namespace

QByteArray ArchitectureDiagram::toDot(const Plan& plan, const Colours& colours) {
    QByteArray dot = "digraph architecture {\n"
                     "  graph [rankdir=LR, bgcolor=\"transparent\", nodesep=0.25, ranksep=0.45, fontname=\"Sans\"];\n";
    dot += "  node [shape=box, style=\"rounded,filled\", fontname=\"Sans\", fontsize=12, margin=\"0.15,0.08\", color=" +
           colour(colours.border) + ", fillcolor=" + colour(colours.fill) + ", fontcolor=" + colour(colours.text) +
           "];\n";
    dot += "  edge [fontname=\"Sans\", fontsize=9, color=" + colour(colours.line) +
           ", fontcolor=" + colour(colours.text) + "];\n";

    QSet<QString> ids;
    for (const PlanComponent& c : plan.components) {
        if (c.id.isEmpty() || ids.contains(c.id))
            continue;
        ids.insert(c.id);
        QString label = wrapped(c.name.isEmpty() ? c.id : c.name, 22);
        if (!c.service.isEmpty())
            label += QLatin1Char('\n') + wrapped(c.service, 26);
        dot += "  " + quoted(c.id) + " [label=" + quoted(label) + ", tooltip=" + quoted(c.role) + "];\n";
    }
    for (const PlanFlow& e : plan.dataFlow) {
        if (!ids.contains(e.from) || !ids.contains(e.to))
            continue;
        dot += "  " + quoted(e.from) + " -> " + quoted(e.to) + " [label=" + quoted(e.label) + "];\n";
    }
    dot += "}\n";
    return dot;
}

QByteArray ArchitectureDiagram::renderSvg(const QByteArray& dot, QString* error) {
    QMutexLocker lock(&graphvizMutex());
    GVC_t* context = gvContext();
    if (!context) {
        if (error)
            *error = QStringLiteral("Graphviz could not start");
        return {};
    }
    QByteArray svg;
    Agraph_t* graph = agmemread(dot.constData());
    if (!graph) {
        if (error)
            *error = QStringLiteral("Graphviz rejected the diagram source");
    } else if (gvLayout(context, graph, "dot") != 0) {
        if (error)
            *error = QStringLiteral("Graphviz could not lay out the diagram (is the dot layout plugin installed?)");
        agclose(graph);
    } else {
        char* data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(context, graph, "svg", &data, &length) == 0 && data) {
            svg = QByteArray(data, int(length));
            gvFreeRenderData(data);
        } else if (error) {
            *error = QStringLiteral("Graphviz could not render SVG");
        }
        gvFreeLayout(context, graph);
        agclose(graph);
    }
    gvFreeContext(context);
    return svg;
}

} // namespace mlops
