#include "cards/ReasonCardPanel.h"

#include "cards/ReasonCardDelegate.h"
#include "cards/ReasonCardFilter.h"
#include "cards/ReasonCardModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlops::ui {

namespace {

QString jsonBlock(const QJsonObject& o) {
    if (o.isEmpty())
        return {};
    return QStringLiteral("<pre style='white-space: pre-wrap'>") +
           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).toHtmlEscaped() +
           QStringLiteral("</pre>");
}

void resetChoices(QComboBox* box, const QString& anyText, const QStringList& values) {
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(anyText, QString());
    for (const QString& v : values)
        box->addItem(v, v);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

} // namespace

ReasonCardPanel::ReasonCardPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new ReasonCardModel(this))
    , m_filter(new ReasonCardFilter(this))
    , m_agent(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_nodeChip(new QLabel(this))
    , m_count(new QLabel(this))
    , m_list(new QListView(this))
    , m_details(new QTextBrowser(this)) {
    m_filter->setSourceModel(m_model);
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new ReasonCardDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_details->setOpenLinks(false);

    // Item texts are set by retranslate(); the data keys stay.
    m_priority->addItem(QString(), QString());
    m_priority->addItem(QString(), QStringLiteral("high"));
    m_priority->addItem(QString(), QStringLiteral("medium"));
    m_priority->addItem(QString(), QStringLiteral("low"));
    m_search->setClearButtonEnabled(true);
    rebuildFilterChoices();

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_agent, 1);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_priority, 1);
    auto* second = new QHBoxLayout;
    second->addWidget(m_search, 1);
    second->addWidget(m_nodeChip);
    auto* clearNode = new QToolButton(this);
    m_clearNode = clearNode;
    retranslate();
    second->addWidget(clearNode);
    second->addWidget(m_count);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addLayout(second);
    layout->addWidget(split, 1);

    connect(m_model, &ReasonCardModel::keysChanged, this, &ReasonCardPanel::rebuildFilterChoices);
    const auto onCombo = [this] {
        m_filter->setAgent(m_agent->currentData().toString());
        m_filter->setCategory(m_category->currentData().toString());
        m_filter->setPriority(m_priority->currentData().toString());
        updateCount();
    };
    for (QComboBox* box : {m_agent, m_category, m_priority})
        connect(box, &QComboBox::currentIndexChanged, this, onCombo);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_filter->setSearchText(t);
        updateCount();
    });
    connect(clearNode, &QToolButton::clicked, this, [this] { setNodeFilter({}); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ReasonCardPanel::showCurrent);
    // Keep showing the newest card while the user is at the bottom; stop following once they scroll up.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int v) { m_followTail = v >= m_list->verticalScrollBar()->maximum(); });
    setNodeFilter({});
}

int ReasonCardPanel::visibleCount() const {
    return m_filter->rowCount();
}

QAbstractItemModel* ReasonCardPanel::visibleModel() const {
    return m_filter;
}

void ReasonCardPanel::clear() {
    m_model->clear();
    m_details->clear();
    m_followTail = true;
    updateCount();
    emit evidenceSelected({});
}

void ReasonCardPanel::appendEvents(const QList<Event>& batch) {
    const int before = m_model->rowCount();
    m_model->appendEvents(batch);
    if (m_model->rowCount() == before)
        return;
    updateCount();
    if (m_followTail)
        m_list->scrollToBottom();
}

void ReasonCardPanel::setNodeFilter(const QString& node) {
    m_filter->setNode(node);
    m_nodeChip->setText(node.isEmpty() ? QString() : tr("node: %1").arg(node));
    m_nodeChip->setVisible(!node.isEmpty());
    updateCount();
}

void ReasonCardPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReasonCardPanel::retranslate() {
    m_list->setAccessibleName(tr("Reason cards"));
    m_details->setPlaceholderText(tr("Select a card to see the full reasoning, alternatives and evidence."));
    m_agent->setToolTip(tr("Filter by agent"));
    m_category->setToolTip(tr("Filter by category"));
    m_priority->setToolTip(tr("Filter by priority"));
    m_priority->setItemText(0, tr("Any priority"));
    m_priority->setItemText(1, tr("high"));
    m_priority->setItemText(2, tr("medium"));
    m_priority->setItemText(3, tr("low"));
    m_search->setPlaceholderText(tr("Search cards…"));
    m_clearNode->setText(tr("All nodes"));
    m_clearNode->setToolTip(tr("Show the cards of every node"));
    if (m_agent->count() > 0)
        m_agent->setItemText(0, tr("Any agent"));
    if (m_category->count() > 0)
        m_category->setItemText(0, tr("Any category"));
    updateCount();
}

void ReasonCardPanel::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ReasonCardPanel::selectRow(int row) {
    m_list->setCurrentIndex(m_filter->index(row, 0));
}

void ReasonCardPanel::rebuildFilterChoices() {
    resetChoices(m_agent, tr("Any agent"), m_model->agents());
    resetChoices(m_category, tr("Any category"), m_model->categories());
}

void ReasonCardPanel::updateCount() {
    m_count->setText(tr("%1 of %2").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

void ReasonCardPanel::showCurrent() {
    const QModelIndex proxy = m_list->currentIndex();
    if (!proxy.isValid()) {
        m_details->clear();
        emit evidenceSelected({});
        return;
    }
    const ReasonCard& card = m_model->entry(m_filter->mapToSource(proxy).row()).card;
    QString html = QStringLiteral("<h3>%1</h3>").arg(card.decision.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> · %2 · %3 · %4 · %5</p>")
                .arg(card.agent.toHtmlEscaped(), card.category.toHtmlEscaped(), card.priority.toHtmlEscaped(),
                     tr("confidence %1%").arg(qRound(card.confidence * 100)), tr("%1 ms").arg(card.durationMs));
    html += QStringLiteral("<p>%1</p>").arg(card.reasoning.toHtmlEscaped());
    if (!card.alternatives.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing='2' width='100%'>").arg(tr("Alternatives considered"));
        for (const Alternative& a : card.alternatives) {
            const int pct = qBound(0, qRound(a.score * 100), 100);
            // The score as a proportional bar: two cells whose widths follow the score.
            html += QStringLiteral("<tr><td width='40%'>%1</td><td width='12%' align='right'>%2</td>"
                                   "<td width='48%'><table width='%3%' cellspacing='0'><tr><td bgcolor='#2f80ed'>"
                                   "&nbsp;</td></tr></table></td></tr>")
                        .arg(QString(a.name + (a.note.isEmpty() ? QString() : QStringLiteral(" — ") + a.note))
                                 .toHtmlEscaped(),
                             QString::number(a.score, 'f', 2), QString::number(qMax(pct, 1)));
        }
        html += QStringLiteral("</table>");
    }
    if (!card.evidence.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Evidence in the requirement"));
        for (auto it = card.evidence.begin(); it != card.evidence.end(); ++it)
            html += QStringLiteral("<li><b>%1</b>: “%2”</li>")
                        .arg(it.key().toHtmlEscaped(), it.value().toString().toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!card.inputs.isEmpty())
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Inputs")) + jsonBlock(card.inputs);
    if (!card.outputs.isEmpty())
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Outputs")) + jsonBlock(card.outputs);
    m_details->setHtml(html);
    emit evidenceSelected(card.evidence);
}

} // namespace mlops::ui
