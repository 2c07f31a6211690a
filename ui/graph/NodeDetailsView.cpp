#include "graph/NodeDetailsView.h"

#include "graph/NodeActivity.h"

#include <QEvent>
#include <QJsonDocument>
#include <QLocale>
#include <QScrollBar>

namespace mlops::ui {

namespace {

QString when(const QDateTime& t) {
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("HH:mm:ss.zzz")) : QStringLiteral("—");
}

QString json(const QJsonObject& o) {
    return QStringLiteral("<pre style='white-space: pre-wrap'>%1</pre>")
        .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).toHtmlEscaped());
}

} // namespace

NodeDetailsView::NodeDetailsView(QWidget* parent)
    : QTextBrowser(parent) {
    setOpenLinks(false);
    retranslate();
}

void NodeDetailsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTextBrowser::changeEvent(event);
}

void NodeDetailsView::retranslate() {
    setPlaceholderText(tr("Click a node in the graph to see its reason cards, inputs, outputs and timings."));
}

void NodeDetailsView::showNode(const QString& name, const NodeActivity& activity) {
    if (name.isEmpty()) {
        clear();
        return;
    }
    const NodeActivity::Node n = activity.node(name);
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing='3'>").arg(name.toHtmlEscaped());
    const auto row = [&html](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    row(tr("State"), NodeActivity::stateName(n.state));
    row(tr("Runs"), QString::number(n.runs));
    row(tr("Started"), when(n.startedAt));
    row(tr("Finished"), when(n.finishedAt));
    row(tr("Last duration"), tr("%1 ms").arg(n.lastDurationMs));
    row(tr("Total time"), tr("%1 ms").arg(n.totalDurationMs));
    if (!n.error.isEmpty())
        row(tr("Error"), n.error);
    html += QStringLiteral("</table>");
    if (n.cards.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No reason cards yet."));
    int i = 0;
    for (const QJsonValue& v : n.cards) {
        const QJsonObject c = v.toObject();
        html += QStringLiteral("<hr><h4>%1. %2</h4><p>%3 · %4</p><p>%5</p>")
                    .arg(++i)
                    .arg(c.value(QStringLiteral("decision")).toString().toHtmlEscaped(),
                         c.value(QStringLiteral("category")).toString().toHtmlEscaped(),
                         tr("confidence %1%").arg(qRound(c.value(QStringLiteral("confidence")).toDouble() * 100)),
                         c.value(QStringLiteral("reasoning")).toString().toHtmlEscaped());
        const QJsonObject inputs = c.value(QStringLiteral("inputs")).toObject();
        const QJsonObject outputs = c.value(QStringLiteral("outputs")).toObject();
        if (!inputs.isEmpty())
            html += QStringLiteral("<b>%1</b>").arg(tr("Inputs")) + json(inputs);
        if (!outputs.isEmpty())
            html += QStringLiteral("<b>%1</b>").arg(tr("Outputs")) + json(outputs);
    }
    // Keep the reading position when the same node refreshes while it runs.
    const int scroll = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace mlops::ui
