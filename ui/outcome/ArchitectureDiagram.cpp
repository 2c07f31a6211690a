#include "ArchitectureDiagram.h"

#include <QJsonArray>
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

QByteArray ArchitectureDiagram::toDot(const QJsonObject& plan, const Colours& colours) {
    QByteArray dot = "digraph architecture {\n"
                     "  graph [rankdir=LR, bgcolor=\"transparent\", nodesep=0.25, ranksep=0.45, fontname=\"Sans\"];\n";
    dot += "  node [shape=box, style=\"rounded,filled\", fontname=\"Sans\", fontsize=12, margin=\"0.15,0.08\", color=" +
           colour(colours.border) + ", fillcolor=" + colour(colours.fill) + ", fontcolor=" + colour(colours.text) +
           "];\n";
    dot += "  edge [fontname=\"Sans\", fontsize=9, color=" + colour(colours.line) +
           ", fontcolor=" + colour(colours.text) + "];\n";

    QSet<QString> ids;
    const QJsonArray components = plan.value(QLatin1String("components")).toArray();
    for (const QJsonValue& v : components) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QLatin1String("id")).toString();
        if (id.isEmpty() || ids.contains(id))
            continue;
        ids.insert(id);
        QString name = c.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = id;
        const QString service = c.value(QLatin1String("service")).toString();
        QString label = wrapped(name, 22);
        if (!service.isEmpty())
            label += QLatin1Char('\n') + wrapped(service, 26);
        dot += "  " + quoted(id) + " [label=" + quoted(label) +
               ", tooltip=" + quoted(c.value(QLatin1String("role")).toString()) + "];\n";
    }
    const QJsonArray flow = plan.value(QLatin1String("data_flow")).toArray();
    for (const QJsonValue& v : flow) {
        const QJsonObject e = v.toObject();
        const QString from = e.value(QLatin1String("from")).toString();
        const QString to = e.value(QLatin1String("to")).toString();
        if (!ids.contains(from) || !ids.contains(to))
            continue;
        dot += "  " + quoted(from) + " -> " + quoted(to) +
               " [label=" + quoted(e.value(QLatin1String("label")).toString()) + "];\n";
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
